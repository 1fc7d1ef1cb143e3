using System.Text;

namespace WiseCx.Sandbox.Shaping;

/// <summary>
/// The four list shapes of the API (api/NOTES.md C1): bare array, <c>{"data"}</c>, <c>{"data","paging"}</c> and
/// <c>{"data","pagination"}</c>, including the misleading <c>paging</c> values some endpoints send.
/// </summary>
internal static class ListShapes
{
    public static JsonArray Bare(JsonNode[] items) => new(items);

    public static JsonObject Data(JsonNode[] items) => new() { ["data"] = new JsonArray(items) };

    /// <summary>
    /// The whole GET of a <c>{"data"}</c> list without paging object and without profile-dependent behaviour: the query
    /// read against the resource's fields and filter rules (so a bad query is refused before the store is read), then
    /// the matching records paged, projected and wrapped.
    /// </summary>
    public static IResult DataList<T>(
        HttpContext http, SandboxStore store, FieldSet<T> fields, FilterSchema<T>? filter, string resource, string sortField,
        Func<SandboxState, IEnumerable<T>> records, Func<T, long> id)
    {
        var request = ListRequest<T>.Parse(http.Request.Query, fields, filter, resource, sortField, false);
        return SandboxJson.Ok(store.Read(state => Data(request.Page(state.Views, resource, () => records(state), id))));
    }

    /// <summary>A single object wrapped as <c>{"data": {...}}</c>.</summary>
    public static JsonObject Wrapped(JsonNode item) => new() { ["data"] = item };

    /// <summary>A single object wrapped as the collection shows it, or bare (<see cref="SandboxConfig.SingleObjectsBare"/>).</summary>
    public static JsonNode Single(JsonNode item, SandboxConfig config) => config.SingleObjectsBare ? item : Wrapped(item);

    /// <summary>
    /// The live API's answer to a list page without items (<see cref="SandboxConfig.EmptyListNotFound"/>): HTTP 400 with
    /// <c>{"error": <paramref name="message"/>, "code": 400}</c>, whether the list is empty, the filter matches nothing or the
    /// page is past the end.
    /// </summary>
    public static ApiException NotFound(string message) =>
        ApiException.WithBody(StatusCodes.Status400BadRequest, message, new JsonObject
        {
            ["error"] = message,
            ["code"] = StatusCodes.Status400BadRequest,
        });

    /// <summary><c>{"data","paging":{"next","page","limit"}}</c>; <paramref name="next"/> may be a string, "" or null.</summary>
    public static JsonObject Paging(JsonNode[] items, string? next, int page, int limit) => new()
    {
        ["data"] = new JsonArray(items),
        ["paging"] = new JsonObject { ["next"] = next, ["page"] = page, ["limit"] = limit },
    };

    /// <summary>Nitro's <c>{"data","pagination":{"page","page_size","total_items","total_pages"}}</c>.</summary>
    public static JsonObject Pagination(JsonNode[] items, ListQuery paging, int total) => new()
    {
        ["data"] = new JsonArray(items),
        ["pagination"] = new JsonObject
        {
            ["page"] = paging.Page,
            ["page_size"] = paging.Limit,
            ["total_items"] = total,
            ["total_pages"] = (total + paging.Limit - 1) / paging.Limit,
        },
    };

    /// <summary>
    /// The page number /contacts and /surveys/{id}/responses report: not the page served. One formula reproduces both
    /// collection examples (page 1 → 2, page 20 → 3), so a client that trusts it goes wrong in both places.
    /// </summary>
    public static int MisreportedPage(int page) => (page - 1) / 10 + 2;

    /// <summary>
    /// The <c>next</c> link: the request's parameters in alphabetical order with <c>limit</c> and the following page, as the
    /// examples show them; null after a short page. <paramref name="path"/> is what follows the host (the contacts example
    /// doubles it).
    /// </summary>
    public static string? NextLink(HttpRequest request, string path, ListQuery paging, int returned)
    {
        if (returned < paging.Limit) return null;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (key.Length > 0) parameters[key] = value.ToString();
        }
        parameters["limit"] = paging.Limit.ToString(CultureInfo.InvariantCulture);
        parameters["page"] = (paging.Page + 1).ToString(CultureInfo.InvariantCulture);
        var query = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (query.Length > 0) query.Append('&');
            query.Append(Escape(key)).Append('=').Append(Escape(value));
        }
        return $"{request.Scheme}://{request.Host}{request.PathBase}{path}?{query}";
    }

    // Commas stay readable, as in "fields=id,personal_id" of the examples.
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%2C", ",", StringComparison.Ordinal);
}
