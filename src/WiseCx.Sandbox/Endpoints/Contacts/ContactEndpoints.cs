namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /contacts: the same contacts cases refer to. The list answers <c>{"data","paging"}</c> with the collection's misleading
/// paging (page one higher, next with a doubled path); create and update answer <c>{"id"}</c>.
/// </summary>
internal static class ContactEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/contacts", List);
        api.MapPost("/contacts", CreateAsync);
        api.MapGet("/contacts/{id}", Get);
        api.MapPut("/contacts/{id}", UpdateAsync);
        api.MapDelete("/contacts/{id}", Delete);
    }

    private static IResult List(HttpContext http, SandboxStore store, SandboxRuntimeConfig config)
    {
        var request = ListRequest<ContactRecord>.Parse(http.Request.Query, ContactSchema.ListFields, ContactSchema.Filter, "contacts", "id", false,
            rules: FilterRules.From(config.Current));
        var items = store.Read(state => request.Page(state.Views, "contacts", () => state.Contacts.Values.Where(c => !c.Deleted), c => c.Id));
        // The example's next link repeats the resource path after /core/v1/contacts; reproduced as it is.
        var next = ListShapes.NextLink(http.Request, $"{SandboxApp.ApiPrefix}/contacts/v1/contacts/", request.Paging, items.Length);
        return SandboxJson.Ok(ListShapes.Paging(items, next, ListShapes.MisreportedPage(request.Paging.Page), request.Paging.Limit));
    }

    private static IResult Get(HttpContext http, string id, SandboxStore store)
    {
        var fields = ContactSchema.ByIdFields.Select(http.Request.Query["fields"]);
        var contactId = PathIds.Parse(id, "Contact");
        return SandboxJson.Ok(store.Read(state =>
            ContactSchema.ByIdFields.Project(state.FindContact(contactId) ?? throw PathIds.NotFound("Contact", id), fields)));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store, SandboxOptions options)
    {
        var input = ContactBody.ParseCreate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        var id = store.Write(state =>
        {
            CheckOrganization(state, input.OrganizationId);
            var contact = new ContactRecord { Id = state.NextContactId(), LastUpdate = now };
            Apply(contact, input);
            state.Contacts.Add(contact.Id, contact);
            return contact.Id;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = id });
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options)
    {
        var contactId = PathIds.Parse(id, "Contact");
        var input = ContactBody.ParseUpdate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        store.Write(state =>
        {
            var contact = state.FindContact(contactId) ?? throw PathIds.NotFound("Contact", id);
            if (input.OrganizationId is not -1) CheckOrganization(state, input.OrganizationId);
            var email = input.Email ?? contact.Email;
            var personalId = input.PersonalId ?? contact.PersonalId;
            var phone = input.Phone ?? contact.Phone;
            if (ContactBody.IsBlank(email) && ContactBody.IsBlank(personalId) && ContactBody.IsBlank(phone))
                throw ApiException.BadRequest("The update would leave the contact without email, personal_id and phone: keep at least one.");
            Apply(contact, input);
            contact.LastUpdate = now;
            return contact;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = contactId });
    }

    private static IResult Delete(string id, SandboxStore store)
    {
        var contactId = PathIds.Parse(id, "Contact");
        store.Write(state =>
        {
            // Soft, like cases: activities and old sends keep pointing at it, but it is gone from /contacts.
            var contact = state.FindContact(contactId) ?? throw PathIds.NotFound("Contact", id);
            contact.Deleted = true;
            foreach (var group in state.ContactGroups.Values) group.ContactIds.Remove(contactId);
            return contact;
        });
        return SandboxJson.Ok(new JsonObject { ["message"] = "Contact removed." });
    }

    private static void CheckOrganization(SandboxState state, long? organizationId)
    {
        if (organizationId is { } org && !state.Organizations.ContainsKey(org))
            throw ApiException.BadRequest($"organization_id: organization {org} not found.");
    }

    private static void Apply(ContactRecord contact, ContactWriteInput input)
    {
        if (input.Email is { } email) contact.Email = email;
        if (input.PersonalId is { } personalId) contact.PersonalId = personalId;
        if (input.Phone is { } phone) contact.Phone = phone;
        if (input.Name is { } name) contact.Name = name;
        if (input.Guid is { } guid) contact.Guid = guid;
        if (input.Password is { } password) contact.Password = password;
        if (input.Address is { } address) contact.Address = address;
        if (input.OrganizationId is { } org) contact.OrganizationId = org == -1 ? null : org;
        if (input.CustomFields is { } fields)
        {
            // As for cases: sent fields replace their namesakes, the others stay.
            foreach (var field in fields)
            {
                var at = contact.CustomFields.FindIndex(f => string.Equals(f.Field, field.Field, StringComparison.OrdinalIgnoreCase));
                if (at >= 0) contact.CustomFields[at] = field;
                else contact.CustomFields.Add(field);
            }
        }
    }
}
