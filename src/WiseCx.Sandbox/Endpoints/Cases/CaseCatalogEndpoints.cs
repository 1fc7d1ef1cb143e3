using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>/cases/types and /cases/tags: <c>{"data": [...]}</c> lists without a paging object.</summary>
internal static class CaseCatalogEndpoints
{
    /// <summary>The live API's message for an empty page of /cases/types.</summary>
    public const string NoTypes = "Types not found.";

    /// <summary>GET /cases/types fields: id, name, parent_id.</summary>
    public static readonly FieldSet<CaseTypeRecord> TypeFields = new FieldSet<CaseTypeRecord>()
        .Add("id", t => t.Id, t => t.Id)
        .Add("name", t => t.Name, t => t.Name)
        .Add("parent_id", t => t.ParentId, t => t.ParentId);

    /// <summary>GET /cases/tags fields: id, name.</summary>
    public static readonly FieldSet<TagRecord> TagFields = new FieldSet<TagRecord>()
        .Add("id", t => t.Id, t => t.Id)
        .Add("name", t => t.Name, t => t.Name);

    /// <summary>
    /// Filters of GET /cases/types with the loose rules only (<c>types.id</c> is seen in live scripts); the collection
    /// documents none, so the fields and operators are a guess.
    /// </summary>
    public static readonly FilterSchema<CaseTypeRecord> TypeFilter = new FilterSchema<CaseTypeRecord>("type")
        .Number("id", t => t.Id, In, NotIn, Equal, NotEqual, Greater, Lower, GreaterEqual, LowerEqual)
        .Text("name", t => t.Name, In, NotIn, Equal, NotEqual, Contains)
        .Number("parent_id", t => t.ParentId, In, NotIn, Equal, NotEqual);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases/types", ListTypes);
        api.MapGet("/cases/tags", ListTags);
    }

    internal static IResult ListTypes(HttpContext http, SandboxStore store, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var request = ListRequest<CaseTypeRecord>.Parse(http.Request.Query, TypeFields, settings.LooseFilterFields ? TypeFilter : null,
            "case types", "id", false, rules: FilterRules.From(settings));
        var items = store.Read(state => request.Page(state.Views, "case types", () => state.CaseTypes.Values, t => t.Id));
        if (items.Length == 0 && settings.EmptyListNotFound) throw ListShapes.NotFound(NoTypes);
        return SandboxJson.Ok(ListShapes.Data(items));
    }

    private static IResult ListTags(HttpContext http, SandboxStore store)
    {
        var request = ListRequest<TagRecord>.Parse(http.Request.Query, TagFields, null, "case tags", "id", false);
        // Cases may carry tags nobody declared (POST /cases accepts any text); like the product, the list then knows them too.
        return SandboxJson.Ok(store.Write(state =>
        {
            RegisterCaseTags(state);
            return ListShapes.Data(request.Page(state.Views, "case tags", () => state.Tags.Values, t => t.Id));
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
