namespace WiseCx.Sandbox.Endpoints;

/// <summary>/contacts/groups and group membership (PUT/DELETE /contacts/{cid}/groups/{gid}), answered with plain messages.</summary>
internal static class ContactGroupEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/contacts/groups", List);
        api.MapPost("/contacts/groups", CreateAsync);
        api.MapPut("/contacts/{contactId}/groups/{groupId}", AddMember);
        api.MapDelete("/contacts/{contactId}/groups/{groupId}", RemoveMember);
    }

    private static IResult List(HttpContext http, SandboxStore store) => ListShapes.DataList(
        http, store, ContactGroupSchema.Fields, ContactGroupSchema.Filter, "contact groups", "id", state => state.ContactGroups.Values, g => g.Id);

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store)
    {
        var name = JsonBody.RequiredString(await JsonBody.ReadObjectAsync(http.Request), "name", "name").Trim();
        var id = store.Write(state =>
        {
            var id = state.NextContactGroupId();
            state.ContactGroups.Add(id, new ContactGroupRecord { Id = id, Code = ContactGroupRecord.MakeCode(id), Name = name });
            return id;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = id });
    }

    private static IResult AddMember(string contactId, string groupId, SandboxStore store)
    {
        var (cid, gid) = (PathIds.Parse(contactId, "Contact"), PathIds.Parse(groupId, "Group"));
        store.Write(state =>
        {
            _ = state.FindContact(cid) ?? throw PathIds.NotFound("Contact", contactId);
            var group = state.ContactGroups.GetValueOrDefault(gid) ?? throw PathIds.NotFound("Group", groupId);
            // Adding a member twice is not an error: the contact is in the group either way.
            return group.ContactIds.Add(cid);
        });
        return SandboxJson.Ok(new JsonObject { ["message"] = "Contact added OK." });
    }

    private static IResult RemoveMember(string contactId, string groupId, SandboxStore store)
    {
        var (cid, gid) = (PathIds.Parse(contactId, "Contact"), PathIds.Parse(groupId, "Group"));
        store.Write(state =>
        {
            _ = state.FindContact(cid) ?? throw PathIds.NotFound("Contact", contactId);
            var group = state.ContactGroups.GetValueOrDefault(gid) ?? throw PathIds.NotFound("Group", groupId);
            if (!group.ContactIds.Remove(cid)) throw ApiException.NotFound($"Contact {cid} is not a member of group {gid}.");
            return true;
        });
        return SandboxJson.Ok(new JsonObject { ["message"] = "Contact removed OK." });
    }
}
