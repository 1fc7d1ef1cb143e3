using WiseCx.Sandbox.Data;
using WiseCx.Sandbox.Http;
using WiseCx.Sandbox.Shaping;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>/cases/types and /cases/tags: <c>{"data": [...]}</c> lists without a paging object.</summary>
internal static class CaseCatalogEndpoints
{
    /// <summary>GET /cases/types fields: id, name, parent_id.</summary>
    public static readonly FieldSet<CaseTypeRecord> TypeFields = new FieldSet<CaseTypeRecord>()
        .Add("id", t => t.Id, t => t.Id)
        .Add("name", t => t.Name, t => t.Name)
        .Add("parent_id", t => t.ParentId, t => t.ParentId);

    /// <summary>GET /cases/tags fields: id, name.</summary>
    public static readonly FieldSet<TagRecord> TagFields = new FieldSet<TagRecord>()
        .Add("id", t => t.Id, t => t.Id)
        .Add("name", t => t.Name, t => t.Name);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases/types", ListTypes);
        api.MapGet("/cases/tags", ListTags);
    }

    private static IResult ListTypes(HttpContext http, SandboxStore store)
    {
        var request = ListRequest<CaseTypeRecord>.Parse(http.Request.Query, TypeFields, null, "case types", "id", false);
        return SandboxJson.Ok(store.Read(state => ListShapes.Data(request.Page(state.CaseTypes.Values, t => t.Id))));
    }

    private static IResult ListTags(HttpContext http, SandboxStore store)
    {
        var request = ListRequest<TagRecord>.Parse(http.Request.Query, TagFields, null, "case tags", "id", false);
        // Cases may carry tags nobody declared (POST /cases accepts any text); like the product, the list then knows them too.
        return SandboxJson.Ok(store.Write(state =>
        {
            RegisterCaseTags(state);
            return ListShapes.Data(request.Page(state.Tags.Values, t => t.Id));
        }));
    }

    private static void RegisterCaseTags(SandboxState state)
    {
        var known = state.Tags.Values.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in state.Cases.Values.Where(c => !c.Deleted).SelectMany(c => c.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            if (!known.Add(name)) continue;
            var tag = new TagRecord(state.NextTagId(), name);
            state.Tags.Add(tag.Id, tag);
        }
    }
}
