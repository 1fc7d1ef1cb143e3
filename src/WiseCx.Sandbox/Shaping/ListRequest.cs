namespace WiseCx.Sandbox.Shaping;

/// <summary>
/// The parsed list parameters of one request (fields, filtering, sort and page), validated before the store is locked.
/// Endpoints without an ALLOWED OPERATORS table pass no filter schema and refuse <c>filtering</c>, as case activities do.
/// </summary>
/// <remarks><paramref name="Filters"/>: whether the request sent a filter (without one, <paramref name="Filter"/> matches all).</remarks>
internal sealed record ListRequest<T>(FieldSet<T> Set, IReadOnlyList<FieldSet<T>.Field> Fields, Func<T, bool> Filter, ListQuery Paging, bool Filters)
{
    public static ListRequest<T> Parse(
        IQueryCollection query, FieldSet<T> set, FilterSchema<T>? filter, string resource, string defaultSortField, bool defaultDescending,
        bool nitroSort = false, FilterRules? rules = null)
    {
        var fields = set.Select(query["fields"]);
        var filtering = query["filtering"].ToString();
        Func<T, bool> predicate;
        if (filter is not null) predicate = FilterEvaluator.Compile(filtering, filter, rules);
        else if (string.IsNullOrWhiteSpace(filtering)) predicate = _ => true;
        else throw ApiException.BadRequest($"filtering is not supported on {resource}.");
        var paging = nitroSort
            ? ListQuery.ParseSortBy(query, set, defaultSortField, defaultDescending)
            : ListQuery.Parse(query, set, defaultSortField, defaultDescending);
        return new ListRequest<T>(set, fields, predicate, paging, !string.IsNullOrWhiteSpace(filtering));
    }

    /// <summary>Filters, sorts, cuts the page and projects it; call inside the store's lock.</summary>
    public JsonNode[] Page(IEnumerable<T> items, Func<T, long> id) => Project(Paging.Apply(items.Where(Filter), Set, id));

    /// <summary>
    /// Like <see cref="Page(IEnumerable{T}, Func{T, long})"/>, the same items, cut from the list's sorted view
    /// (<see cref="SortedViews"/>) instead of sorting <paramref name="records"/>; call inside the store's read lock.
    /// <paramref name="list"/> names the list (one name per source of records).
    /// </summary>
    public JsonNode[] Page(SortedViews views, string list, Func<IEnumerable<T>> records, Func<T, long> id) =>
        Project(Paging.Slice(views.Get(list, Paging, Set, records, id), Filters ? Filter : null));

    /// <summary>Like <see cref="Page(IEnumerable{T}, Func{T, long})"/>, also counting every match (for the Nitro <c>pagination</c> object).</summary>
    public (JsonNode[] Items, int Total) PageWithTotal(IEnumerable<T> items, Func<T, long> id)
    {
        var matching = items.Where(Filter).ToList();
        return (Project(Paging.Apply(matching, Set, id)), matching.Count);
    }

    private JsonNode[] Project(IEnumerable<T> items) => items.Select(i => (JsonNode)Set.Project(i, Fields)).ToArray();
}
