using System.Net;
using System.Web;
using WiseCx.Client;
using WiseCx.Client.Filtering;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Paging over the four list shapes of api/NOTES.md C1, by the client's own page counter.</summary>
public class PagerTests
{
    private static int PageOf(HttpRequestMessage r) => int.Parse(HttpUtility.ParseQueryString(r.RequestUri!.Query)["page"]!);
    private static int LimitOf(HttpRequestMessage r) => int.Parse(HttpUtility.ParseQueryString(r.RequestUri!.Query)["limit"]!);

    private static string Items(int firstId, int count) =>
        string.Join(",", Enumerable.Range(firstId, count).Select(i => $"{{\"id\":{i},\"subject\":\"s{i}\"}}"));

    /// <summary>Reads with prefetch off, so that the requests are exactly the pages the counter asks for.</summary>
    private static (List<long> Ids, List<string> Requests) Read(StubHandler handler, ListQuery query, int prefetch = 0)
    {
        using var client = Clients.Stubbed(handler);
        var pager = new Pager(client.Connection, prefetch);
        var ids = pager.List<Case>(Endpoints.Cases, "cases", query, CancellationToken.None).Select(c => c.Id).ToList();
        return (ids, handler.Requests.Where(r => !r.Contains("/authenticate")).ToList());
    }

    [Fact]
    public void Bare_arrays_are_read_until_a_short_page()
    {
        var handler = new StubHandler((r, _) =>
        {
            var page = PageOf(r);
            return StubHandler.Json(HttpStatusCode.OK, "[" + Items((page - 1) * 3 + 1, page < 3 ? 3 : 1) + "]");
        });
        var (ids, requests) = Read(handler, new ListQuery { PageSize = 3 });
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), ids);
        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public void A_full_last_page_costs_one_more_request_that_comes_back_empty()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, PageOf(r) <= 2 ? "[" + Items(PageOf(r) * 10, 2) + "]" : "[]"));
        var (ids, requests) = Read(handler, new ListQuery { PageSize = 2 });
        Assert.Equal(4, ids.Count);
        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public void Paging_objects_that_lie_about_next_and_page_are_ignored()
    {
        // As in the /contacts example: asked page N, answers "page": N+1 and a next URL with a doubled path.
        var handler = new StubHandler((r, _) =>
        {
            var page = PageOf(r);
            var count = page < 3 ? 2 : 1;
            return StubHandler.Json(HttpStatusCode.OK,
                $"{{\"data\":[{Items(page * 100, count)}],\"paging\":{{\"next\":\"https://api.wcx.cloud/core/v1/contacts/v1/contacts/?limit=2&page={page + 5}\",\"page\":{page + 1},\"limit\":2}}}}");
        });
        var (ids, requests) = Read(handler, new ListQuery { PageSize = 2 });
        Assert.Equal(new long[] { 100, 101, 200, 201, 300 }, ids);
        Assert.Equal(new[] { 1, 2, 3 }, handler.Messages.Where(m => !m.RequestUri!.AbsolutePath.EndsWith("authenticate")).Select(PageOf));
    }

    [Fact]
    public void Empty_string_and_null_next_do_not_stop_a_full_page()
    {
        var handler = new StubHandler((r, _) =>
        {
            var page = PageOf(r);
            var next = page == 1 ? "\"\"" : "null";
            return StubHandler.Json(HttpStatusCode.OK, $"{{\"data\":[{Items(page * 10, page == 1 ? 2 : 1)}],\"paging\":{{\"next\":{next},\"page\":1,\"limit\":2}}}}");
        });
        var (ids, _) = Read(handler, new ListQuery { PageSize = 2 });
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void Pagination_objects_stop_at_total_pages_even_after_a_full_page()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK,
            $"{{\"data\":[{Items(PageOf(r) * 10, 2)}],\"pagination\":{{\"page\":{PageOf(r)},\"page_size\":2,\"total_items\":4,\"total_pages\":2}}}}"));
        var (ids, requests) = Read(handler, new ListQuery { PageSize = 2 });
        Assert.Equal(4, ids.Count);
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public void Data_without_paging_is_one_page_unless_full()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, $"{{\"data\":[{Items(1, 4)}]}}"));
        var (ids, requests) = Read(handler, new ListQuery());
        Assert.Equal(4, ids.Count);
        Assert.Single(requests);
    }

    [Fact]
    public void First_smaller_than_a_page_asks_for_only_that_many_in_one_request()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[" + Items(1, LimitOf(r)) + "]"));
        var (ids, requests) = Read(handler, new ListQuery { First = 5 });
        Assert.Equal(5, ids.Count);
        Assert.Single(requests);
        Assert.Equal(5, LimitOf(handler.Messages.Last()));
    }

    [Fact]
    public void First_stops_requesting_once_enough_items_are_out()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[" + Items((PageOf(r) - 1) * 10, 10) + "]"));
        var (ids, requests) = Read(handler, new ListQuery { PageSize = 10, First = 20 });
        Assert.Equal(20, ids.Count);
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public void Skip_starts_at_the_right_page_and_offset_without_reading_the_pages_before()
    {
        var handler = new StubHandler((r, _) =>
        {
            var page = PageOf(r);
            return StubHandler.Json(HttpStatusCode.OK, page <= 4 ? "[" + Items((page - 1) * 10, 10) + "]" : "[]");
        });
        var (ids, requests) = Read(handler, new ListQuery { PageSize = 10, Skip = 25, First = 7 });
        Assert.Equal(Enumerable.Range(25, 7).Select(i => (long)i), ids);
        Assert.Equal(new[] { 3, 4 }, handler.Messages.Where(m => !m.RequestUri!.AbsolutePath.EndsWith("authenticate")).Select(PageOf));
    }

    [Fact]
    public void Nothing_is_requested_until_the_sequence_is_read_and_bad_input_fails_at_once()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[]"));
        using var client = Clients.Stubbed(handler);
        var pager = new Pager(client.Connection);
        var lazy = pager.List<Case>(Endpoints.Cases, "cases", new ListQuery(), CancellationToken.None);
        Assert.Single(handler.Requests); // only /authenticate
        Assert.Throws<WcxInputException>(() => pager.List<Case>(Endpoints.Cases, "cases", new ListQuery { PageSize = 101 }, CancellationToken.None));
        Assert.Throws<WcxInputException>(() => pager.List<Case>(Endpoints.Cases, "cases",
            new ListQuery { Filter = new[] { new FilterCondition("status", FilterOperator.Greater, "opened") } }, CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Empty(lazy.ToList());
    }

    [Fact]
    public void Prefetch_keeps_order_and_bounds_the_requests_past_the_end()
    {
        var handler = new StubHandler((r, _) =>
        {
            var page = PageOf(r);
            return StubHandler.Json(HttpStatusCode.OK, page <= 10 ? "[" + Items((page - 1) * 100, page == 10 ? 40 : 100) + "]" : "[]");
        });
        var (ids, requests) = Read(handler, new ListQuery(), prefetch: 8);
        Assert.Equal(Enumerable.Range(0, 940).Select(i => (long)i), ids);
        Assert.InRange(requests.Count, 10, 10 + 7);
    }

    [Fact]
    public void Prefetch_costs_nothing_on_a_list_of_one_page_or_with_a_small_First()
    {
        var shortList = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[" + Items(1, 30) + "]"));
        Assert.Single(Read(shortList, new ListQuery(), prefetch: 8).Requests);
        var longList = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[" + Items(1, LimitOf(r)) + "]"));
        Assert.Single(Read(longList, new ListQuery { First = 5 }, prefetch: 8).Requests);
        var exact = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[" + Items((PageOf(r) - 1) * 100, 100) + "]"));
        Assert.Equal(3, Read(exact, new ListQuery { First = 250 }, prefetch: 8).Requests.Count);
    }

    [Fact]
    public void Prefetch_has_several_pages_in_flight_at_once_but_never_more_than_asked()
    {
        var current = 0;
        var peak = 0;
        var gate = new object();
        var handler = new DelayedHandler(async request =>
        {
            var now = Interlocked.Increment(ref current);
            lock (gate) peak = Math.Max(peak, now);
            await Task.Delay(30);
            Interlocked.Decrement(ref current);
            var page = PageOf(request);
            return StubHandler.Json(HttpStatusCode.OK, page <= 20 ? "[" + Items((page - 1) * 10, 10) + "]" : "[]");
        });
        using var client = WcxClient.ConnectAsync(Clients.Options(new Uri("http://127.0.0.1:9/core/v1/"), handler: handler), default).GetAwaiter().GetResult();
        // Contacts page by number (cases page by key, one page after another).
        var ids = new Pager(client.Connection, 4).List<Contact>(Endpoints.Contacts, "contacts", new ListQuery { PageSize = 10 }, default).Select(c => c.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), ids);
        Assert.InRange(peak, 2, 4);
    }

    /// <summary>Answers after an await, so that requests overlap as they would on a network.</summary>
    private sealed class DelayedHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal)
                ? Task.FromResult(StubHandler.Json(HttpStatusCode.OK, "{\"status\":\"ok\",\"token\":\"t\"}"))
                : answer(request);
    }

    [Fact]
    public void First_zero_sends_nothing()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[" + Items(1, 3) + "]"));
        var (ids, requests) = Read(handler, new ListQuery { First = 0 });
        Assert.Empty(ids);
        Assert.Empty(requests);
    }

    [Fact]
    public void Fields_sort_and_filter_are_sent_encoded_in_a_fixed_order()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[]"));
        Read(handler, new ListQuery
        {
            Fields = new[] { "ID", "subject" },
            Filter = new[] { new FilterCondition("subject", FilterOperator.Equal, "O'Brien {x}") },
            SortField = "created_at",
            Descending = true,
            PageSize = 50,
        });
        var query = handler.Messages.Last().RequestUri!.Query;
        Assert.Equal(
            "?fields=id%2Csubject&filtering=%5B%7B%27field%27%3A%27case.subject%27%2C%27operator%27%3A%27EQUAL%27%2C%27value%27%3A%27O%5C%27Brien%20%7Bx%7D%27%7D%5D&sort=desc&sort_field=created_at&limit=50&page=1",
            query);
    }
}
