using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using WiseCx.Sandbox;
using WiseCx.Sandbox.Data;
using WiseCx.Sandbox.Endpoints;
using WiseCx.Sandbox.Shaping;

namespace WiseCx.Tests.Sandbox;

/// <summary>
/// Lists are served from sorted views (src/WiseCx.Sandbox/Data/SortedViews.cs): every page in every order is the page a
/// sort of everything gives (the former path, <see cref="ListRequest{T}.Page(IEnumerable{T}, Func{T, long})"/>, kept as
/// the reference), a list is sorted once until a write, and a write is seen by the next read.
/// </summary>
public sealed class SortedViewTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private SandboxStore Store => _app.Services.GetRequiredService<SandboxStore>();

    public async Task InitializeAsync()
    {
        _app = SandboxApp.Create(new SandboxOptions());
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/')) };
        (await _http.PostAsync("/_sandbox/seed/contacts", Json("{\"count\":1000}"))).EnsureSuccessStatusCode();
        using var auth = new HttpRequestMessage(HttpMethod.Get, "/core/v1/authenticate?user=sandbox");
        auth.Headers.Add("x-api-key", "wcx-sandbox-key");
        var signIn = await _http.SendAsync(auth);
        signIn.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<JsonArray> ContactPageAsync(string query)
    {
        using var response = await _http.GetAsync("/core/v1/contacts?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /contacts?{query} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["data"]!.AsArray();
    }

    // The page as the sandbox served it before the views: filter, sort everything, cut, project.
    private JsonArray ReferencePage(string query)
    {
        var parameters = QueryHelpers(query);
        var request = ListRequest<ContactRecord>.Parse(parameters, ContactSchema.ListFields, ContactSchema.Filter, "contacts", "id", false);
        return new JsonArray(Store.Read(state => request.Page(state.Contacts.Values.Where(c => !c.Deleted), c => c.Id)));
    }

    private static QueryCollection QueryHelpers(string query) => new(
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => new StringValues(Uri.UnescapeDataString(p[1]))));

    private async Task AssertSameAsReferenceAsync(string query)
    {
        var served = await ContactPageAsync(query);
        var expected = ReferencePage(query);
        Assert.True(JsonNode.DeepEquals(expected, served),
            $"GET /contacts?{query}: expected {Ids(expected)}, served {Ids(served)}");
    }

    private static string Ids(JsonArray page) => string.Join(",", page.Select(c => c!["id"]?.ToString()));

    private static long[] IdList(JsonArray page) => page.Select(c => c!["id"]!.GetValue<long>()).ToArray();

    [Fact]
    public async Task Every_page_in_every_order_is_the_page_a_sort_of_everything_gives()
    {
        // Names, phones and personal ids repeat (ties, broken by id), organization_id is mostly null (nulls first).
        var sortable = ContactSchema.ListFields.SortableNames.ToArray();
        Assert.Contains("organization_id", sortable);
        var total = Store.Read(state => state.Contacts.Values.Count(c => !c.Deleted));
        var pages = (total + 99) / 100 + 1;
        foreach (var field in sortable)
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                for (var page = 1; page <= pages; page += field == "name" ? 1 : 3)
                    await AssertSameAsReferenceAsync($"sort_field={field}&sort={order}&limit=100&page={page}");
            }
        }
        // Other page sizes, the default order, and pages far past the end.
        await AssertSameAsReferenceAsync("limit=7&page=13");
        await AssertSameAsReferenceAsync("sort_field=name&limit=33&page=20&fields=id,name");
        await AssertSameAsReferenceAsync("sort_field=phone&sort=desc&limit=100&page=2000000");
    }

    [Fact]
    public async Task A_filtered_page_is_the_page_of_the_matches_in_order()
    {
        var ids = Store.Read(state => state.Contacts.Keys.Where(id => id % 3 == 0).Take(300).ToArray());
        var filter = Uri.EscapeDataString($"[{{'field':'contact.id','operator':'IN','value':[{string.Join(",", ids)}]}}]");
        foreach (var order in new[] { "asc", "desc" })
        {
            for (var page = 1; page <= 5; page++)
                await AssertSameAsReferenceAsync($"filtering={filter}&sort_field=name&sort={order}&limit=70&page={page}");
        }
        Assert.Equal(70, (await ContactPageAsync($"filtering={filter}&sort_field=name&limit=70&page=4")).Count);
    }

    [Fact]
    public async Task A_list_is_sorted_once_per_order_until_a_write_which_the_next_page_shows()
    {
        var builds = Store.Read(state => state.Views.Builds);
        for (var page = 1; page <= 4; page++) await ContactPageAsync($"sort_field=name&limit=100&page={page}");
        Assert.Equal(builds + 1, Store.Read(state => state.Views.Builds));
        await ContactPageAsync("sort_field=name&sort=desc&limit=100&page=1");
        await ContactPageAsync("sort_field=name&sort=desc&limit=100&page=2");
        Assert.Equal(builds + 2, Store.Read(state => state.Views.Builds));

        // A rename moves a contact to the front; a create and a delete change who is on the page.
        var first = IdList(await ContactPageAsync("sort_field=name&limit=100&page=1"));
        var last = IdList(await ContactPageAsync("sort_field=name&sort=desc&limit=1&page=1")).Single();
        (await _http.PutAsync($"/core/v1/contacts/{last}", Json("{\"name\":\"\"}"))).EnsureSuccessStatusCode();
        (await _http.PostAsync("/core/v1/contacts", Json("{\"email\":\"sorted.views@example.com\",\"name\":\"\"}"))).EnsureSuccessStatusCode();
        (await _http.DeleteAsync($"/core/v1/contacts/{first[0]}")).EnsureSuccessStatusCode();
        var rebuilt = Store.Read(state => state.Views.Builds);

        var after = IdList(await ContactPageAsync("sort_field=name&limit=100&page=1"));
        Assert.Equal(rebuilt + 1, Store.Read(state => state.Views.Builds));
        Assert.Contains(last, after);
        Assert.DoesNotContain(first[0], after);
        Assert.Contains(Store.Read(state => state.LastContactId), after);
        await AssertSameAsReferenceAsync("sort_field=name&limit=100&page=1");
        await AssertSameAsReferenceAsync("sort_field=name&sort=desc&limit=100&page=1");
        await AssertSameAsReferenceAsync("sort_field=name&sort=desc&limit=100&page=11");
    }

    [Fact]
    public void Reads_run_side_by_side()
    {
        // Each read waits, inside the store, for the other to come in: one lock for everything never lets it.
        var store = new SandboxStore(new SandboxOptions());
        using var bothInside = new CountdownEvent(2);
        bool Read() => store.Read(_ =>
        {
            bothInside.Signal();
            return bothInside.Wait(TimeSpan.FromSeconds(20));
        });
        var reads = new[] { Task.Run(Read), Task.Run(Read) };
        Assert.All(reads, read => Assert.True(read.Result, "a read waited for the other to finish"));
    }

    [Fact]
    public void A_write_runs_alone()
    {
        var store = new SandboxStore(new SandboxOptions());
        using var writing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var writer = Task.Run(() => store.Write(state =>
        {
            writing.Set();
            release.Wait(TimeSpan.FromSeconds(20));
            return state.LastContactId = state.LastContactId + 1000;
        }));
        Assert.True(writing.Wait(TimeSpan.FromSeconds(20)));
        var reader = Task.Run(() => store.Read(state => state.LastContactId));
        Assert.False(reader.Wait(TimeSpan.FromMilliseconds(300)), "a read went in while a write was inside");
        release.Set();
        Assert.Equal(writer.Result, reader.Result);
    }
}
