using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>/contacts/organizations: <c>{"data"}</c> list; create, update and delete all answer <c>{"id"}</c>.</summary>
internal static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/contacts/organizations", List);
        api.MapPost("/contacts/organizations", CreateAsync);
        api.MapPut("/contacts/organizations/{id}", UpdateAsync);
        api.MapDelete("/contacts/organizations/{id}", Delete);
    }

    private static IResult List(HttpContext http, SandboxStore store) => ListShapes.DataList(
        http, store, OrganizationSchema.Fields, OrganizationSchema.Filter, "organizations", "id", state => state.Organizations.Values, o => o.Id);

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store)
    {
        var body = await ReadObjectAsync(http.Request);
        var customId = RequiredText(body, "custom_id");
        var name = RequiredText(body, "name");
        var id = store.Write(state =>
        {
            var organization = new OrganizationRecord { Id = state.NextOrganizationId(), CustomId = customId, Name = name };
            state.Organizations.Add(organization.Id, organization);
            return organization.Id;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = id });
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, SandboxStore store)
    {
        var organizationId = PathIds.Parse(id, "Organization");
        var body = await ReadObjectAsync(http.Request);
        var customId = OptionalScalarText(body, "custom_id", "custom_id")?.Trim();
        var name = OptionalString(body, "name", "name")?.Trim();
        if (customId is { Length: 0 }) throw ApiException.BadRequest("custom_id must not be empty.");
        if (name is { Length: 0 }) throw ApiException.BadRequest("name must not be empty.");
        store.Write(state =>
        {
            var organization = state.Organizations.GetValueOrDefault(organizationId) ?? throw PathIds.NotFound("Organization", id);
            if (customId is not null) organization.CustomId = customId;
            if (name is not null) organization.Name = name;
            return organization;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = organizationId });
    }

    private static IResult Delete(string id, SandboxStore store)
    {
        var organizationId = PathIds.Parse(id, "Organization");
        store.Write(state =>
        {
            if (!state.Organizations.Remove(organizationId)) throw PathIds.NotFound("Organization", id);
            foreach (var contact in state.Contacts.Values.Where(c => c.OrganizationId == organizationId)) contact.OrganizationId = null;
            return organizationId;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = organizationId });
    }

    // custom_id is "string" in the table but is a CUIT/CUIL, which callers send as a number just as often.
    private static string RequiredText(System.Text.Json.JsonElement body, string name)
    {
        var text = OptionalScalarText(body, name, name);
        return string.IsNullOrWhiteSpace(text) ? throw ApiException.BadRequest($"{name} is required.") : text.Trim();
    }
}
