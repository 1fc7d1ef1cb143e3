namespace WiseCx.Sandbox.Shaping;

/// <summary>
/// The shared list parameters <c>sort</c>, <c>sort_field</c>, <c>limit</c> (1–100, default 100) and <c>page</c> (1-based).
/// A page past the end is simply empty, which is how a client paging a bare array learns it is done.
/// Nitro lists name their sort parameters <c>sort_by</c> and <c>sort_order</c> instead (<see cref="ParseSortBy{T}"/>).
/// </summary>
internal sealed record ListQuery(int Limit, int Page, bool Descending, string SortField)
{
    public const int MaxLimit = 100;

    public static ListQuery Parse<T>(IQueryCollection query, FieldSet<T> fields, string defaultSortField, bool defaultDescending) =>
        Parse(query, fields, defaultSortField, defaultDescending, "sort", "sort_field");

    /// <summary>The Nitro spelling; <c>sort</c>/<c>sort_field</c> are refused there so a client mixing the styles finds out.</summary>
    public static ListQuery ParseSortBy<T>(IQueryCollection query, FieldSet<T> fields, string defaultSortField, bool defaultDescending)
    {
        foreach (var wrong in new[] { "sort", "sort_field" })
        {
            if (query.ContainsKey(wrong))
                throw ApiException.BadRequest($"{wrong} is not a parameter of this endpoint: use sort_by and sort_order.");
        }
        return Parse(query, fields, defaultSortField, defaultDescending, "sort_order", "sort_by");
    }

    private static ListQuery Parse<T>(
        IQueryCollection query, FieldSet<T> fields, string defaultSortField, bool defaultDescending, string orderName, string fieldName)
    {
        var limit = ParseInt(query, "limit", MaxLimit, 1, MaxLimit, $"limit must be an integer between 1 and {MaxLimit}.");
        var page = ParseInt(query, "page", 1, 1, int.MaxValue, "page must be an integer of 1 or more.");

        var sortText = query[orderName].ToString().Trim();
        bool descending;
        if (sortText.Length == 0) descending = defaultDescending;
        else if (sortText.Equals("asc", StringComparison.OrdinalIgnoreCase)) descending = false;
        else if (sortText.Equals("desc", StringComparison.OrdinalIgnoreCase)) descending = true;
        else throw ApiException.BadRequest($"{orderName} must be 'asc' or 'desc', not '{sortText}'.");

        var sortField = query[fieldName].ToString().Trim();
        if (sortField.Length == 0) sortField = defaultSortField;
        if (fields.Find(sortField)?.SortKey is null)
            throw ApiException.BadRequest(
                $"Invalid {fieldName} '{sortField}'. Valid sort fields: {string.Join(", ", fields.SortableNames)}.");

        return new ListQuery(limit, page, descending, sortField);
    }

    /// <summary>Sorts (ties broken by <paramref name="id"/> in the same direction, so pages never overlap) and cuts one page.</summary>
    public List<T> Apply<T>(IEnumerable<T> items, FieldSet<T> fields, Func<T, long> id) => Cut(Sort(items, fields, id));

    /// <summary>
    /// Every item in the order of this query: by the sort field (nulls first, text ignoring case), ties broken by
    /// <paramref name="id"/> in the same direction. The order <see cref="SortedViews"/> keeps.
    /// </summary>
    public IEnumerable<T> Sort<T>(IEnumerable<T> items, FieldSet<T> fields, Func<T, long> id)
    {
        var key = fields.Find(SortField)!.SortKey!;
        var comparer = Comparer<IComparable?>.Create(CompareNullsFirst);
        return Descending
            ? items.OrderByDescending(key, comparer).ThenByDescending(id)
            : items.OrderBy(key, comparer).ThenBy(id);
    }

    /// <summary>
    /// The page of an already sorted sequence (<see cref="Sort{T}"/>): without <paramref name="filter"/> an index range,
    /// with one the matches counted from the start until the page is full. The same items as filtering before sorting,
    /// since a filter keeps the order of what it lets through.
    /// </summary>
    public List<T> Slice<T>(IReadOnlyList<T> sorted, Func<T, bool>? filter)
    {
        var skip = (long)(Page - 1) * Limit;
        var page = new List<T>(Math.Min(Limit, sorted.Count));
        if (filter is null)
        {
            for (var i = skip; i < sorted.Count && page.Count < Limit; i++) page.Add(sorted[(int)i]);
            return page;
        }
        var matched = 0L;
        foreach (var item in sorted)
        {
            if (!filter(item)) continue;
            if (matched++ < skip) continue;
            page.Add(item);
            if (page.Count == Limit) break;
        }
        return page;
    }

    private List<T> Cut<T>(IEnumerable<T> ordered)
    {
        var skip = (long)(Page - 1) * Limit;
        return skip > int.MaxValue ? [] : ordered.Skip((int)skip).Take(Limit).ToList();
    }

    private static int CompareNullsFirst(IComparable? a, IComparable? b)
    {
        if (a is null) return b is null ? 0 : -1;
        if (b is null) return 1;
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        return a.CompareTo(b);
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, string error)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiException.BadRequest(error);
    }
}
