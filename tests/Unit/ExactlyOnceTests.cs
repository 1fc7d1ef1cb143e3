using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using WiseCx.Client;
using WiseCx.Client.Filtering;
using WiseCx.Client.Http;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Every record exactly once while something removes records already read: cases by key ("after the last id"),
/// other lists by number with their remaining pages read before this session's first write.
/// </summary>
public class ExactlyOnceTests
{
    private static string Query(HttpRequestMessage r, string name) => HttpUtility.ParseQueryString(r.RequestUri!.Query)[name] ?? "";

    private static string Objects(IEnumerable<long> ids) => "[" + string.Join(",", ids.Select(i => $"{{\"id\":{i}}}")) + "]";

    /// <summary>An API over <paramref name="store"/>: sorts by id as asked, applies "id LOWER/GREATER n" unless told to ignore it.</summary>
    private static StubHandler Api(List<long> store, bool honourSort = true, bool honourIdCondition = true) => new((r, _) =>
    {
        if (r.Method == HttpMethod.Delete)
        {
            lock (store) store.Remove(long.Parse(r.RequestUri!.Segments.Last()));
            return StubHandler.Json(HttpStatusCode.OK, "{\"message\":\"deleted\"}");
        }
        IEnumerable<long> rows;
        lock (store) rows = store.ToList();
        if (honourSort)
            rows = Query(r, "sort") == "desc" ? rows.OrderByDescending(i => i) : rows.OrderBy(i => i);
        var condition = Regex.Match(Query(r, "filtering"), @"id\W+operator\W+(LOWER|GREATER)\W+value\W+(\d+)");
        if (honourIdCondition && condition.Success)
        {
            var bound = long.Parse(condition.Groups[2].Value);
            rows = condition.Groups[1].Value == "LOWER" ? rows.Where(i => i < bound) : rows.Where(i => i > bound);
        }
        var limit = int.Parse(Query(r, "limit"));
        var page = int.Parse(Query(r, "page"));
        return StubHandler.Json(HttpStatusCode.OK, Objects(rows.Skip((page - 1) * limit).Take(limit)));
    });

    private static List<long> Store(int count) => Enumerable.Range(1, count).Select(i => (long)i).ToList();

    /// <summary>Reads a list and deletes each record as it comes, as Get-X | Remove-X does; returns the ids read.</summary>
    private static List<long> ReadAndRemove<T>(WcxClient client, EndpointSpec endpoint, string path, Func<T, long> idOf, int pageSize = 10)
    {
        var pager = new Pager(client.Connection, 4);
        var read = new List<long>();
        foreach (var item in pager.List<T>(endpoint, path, new ListQuery { PageSize = pageSize }, default))
        {
            read.Add(idOf(item));
            client.Connection.SendAsync(HttpMethod.Delete, path + "/" + idOf(item), null, default).GetAwaiter().GetResult();
        }
        return read;
    }

    [Fact]
    public void Cases_removed_as_they_are_read_are_each_read_once_newest_first()
    {
        var store = Store(95);
        var handler = Api(store);
        using var client = Clients.Stubbed(handler);

        var read = ReadAndRemove<Case>(client, Endpoints.Cases, "cases", c => c.Id);

        Assert.Equal(Enumerable.Range(1, 95).Reverse().Select(i => (long)i), read);
        Assert.Empty(store);
        var pages = handler.Messages.Where(m => m.Method == HttpMethod.Get && !m.RequestUri!.AbsolutePath.EndsWith("/authenticate")).ToList();
        Assert.All(pages, p => Assert.Equal("1", Query(p, "page")));
        Assert.All(pages, p => Assert.Equal("id", Query(p, "sort_field")));
        Assert.Contains("LOWER", Query(pages[1], "filtering"));
    }

    [Fact]
    public void Contacts_removed_as_they_are_read_are_each_read_once()
    {
        var store = Store(95);
        var handler = Api(store);
        using var client = Clients.Stubbed(handler);

        var read = ReadAndRemove<Contact>(client, Endpoints.Contacts, "contacts", c => c.Id);

        Assert.Equal(95, read.Count);
        Assert.Equal(95, read.Distinct().Count());
        Assert.Empty(store);
        // Every page was asked for before the first DELETE went out.
        var firstDelete = handler.Requests.FindIndex(r => r.StartsWith("DELETE", StringComparison.Ordinal));
        Assert.DoesNotContain(handler.Requests.Skip(firstDelete), r => r.StartsWith("GET", StringComparison.Ordinal));
    }

    [Fact]
    public void Cases_removed_as_they_are_read_are_each_read_once_when_the_api_ignores_the_id_condition()
    {
        var store = Store(95);
        using var client = Clients.Stubbed(Api(store, honourIdCondition: false));
        var read = ReadAndRemove<Case>(client, Endpoints.Cases, "cases", c => c.Id);
        Assert.Equal(Enumerable.Range(1, 95).Reverse().Select(i => (long)i), read);
        Assert.Empty(store);
    }

    [Fact]
    public void Cases_removed_as_they_are_read_are_each_read_once_when_the_api_ignores_the_sort()
    {
        var store = Store(95);
        using var client = Clients.Stubbed(Api(store, honourSort: false, honourIdCondition: false));
        var read = ReadAndRemove<Case>(client, Endpoints.Cases, "cases", c => c.Id);
        Assert.Equal(Enumerable.Range(1, 95).Select(i => (long)i), read);
        Assert.Empty(store);
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("contacts")]
    public void The_total_is_reported_before_the_first_record_exact_when_the_list_fits_one_page(string path)
    {
        var handler = Api(Store(7));
        using var client = Clients.Stubbed(handler);
        var endpoint = path == "cases" ? Endpoints.Cases : Endpoints.Contacts;
        var events = new List<string>();
        foreach (var item in new Pager(client.Connection, 0).List<object>(endpoint, path, new ListQuery { PageSize = 10 }, default,
                     progress => events.Add("total " + progress.TotalItems)))
            events.Add("record");
        Assert.Equal("total 7", events[0]);
        Assert.Equal(8, events.Count);
    }
}
