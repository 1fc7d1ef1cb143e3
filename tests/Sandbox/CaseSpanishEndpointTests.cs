using System.Net;
using System.Text.Json.Nodes;

namespace WiseCx.Tests.Sandbox;

/// <summary>
/// The sandbox's case routes from the vendor's Spanish documentation (PUT /cases/{id}/transfer and /status, POST
/// /cases/{id}/summarize) over real HTTP, with plain HttpClient requests so the tests see the exact statuses and bodies;
/// and the spanishEndpoints switch that makes them answer as an API without them.
/// </summary>
public class CaseSpanishEndpointTests : IClassFixture<ResilienceSandbox>, IAsyncLifetime
{
    private readonly ResilienceSandbox _sandbox;

    public CaseSpanishEndpointTests(ResilienceSandbox sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => Task.CompletedTask;

    // Every test leaves the start-up settings and seed data behind, whatever it changed.
    public Task DisposeAsync() => _sandbox.ResetAsync();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var response = await _sandbox.SendAsync(method, "core/v1/" + path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonNode> OkAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var (status, answer) = await CallAsync(method, path, body);
        Assert.True(status == HttpStatusCode.OK, $"{method} {path} answered {(int)status}: {answer?.ToJsonString()}");
        return answer!;
    }

    private static JsonArray Items(JsonNode list) => list as JsonArray ?? list["data"]!.AsArray();

    private async Task<long> SomeCaseIdAsync() =>
        Items(await OkAsync(HttpMethod.Get, "cases?limit=1&fields=id"))[0]!["id"]!.GetValue<long>();

    private async Task<JsonNode> CaseAsync(long id) => await OkAsync(HttpMethod.Get, $"cases/{id}");

    [Fact]
    public async Task Transfer_moves_the_case_leaves_a_system_activity_and_answers_like_PUT_cases()
    {
        var id = await SomeCaseIdAsync();
        var answer = await OkAsync(HttpMethod.Put, $"cases/{id}/transfer", new JsonObject { ["group_id"] = 53, ["user_id"] = 10 });

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["case_id"] = id, ["activities"] = new JsonArray() }, answer), answer.ToJsonString());
        var moved = await CaseAsync(id);
        Assert.Equal(53, moved["group_id"]!.GetValue<long>());
        Assert.Equal(10, moved["user_id"]!.GetValue<long>());
        var activities = Items(await OkAsync(HttpMethod.Get, $"cases/{id}/activities"));
        var last = activities[^1]!;
        Assert.Equal("system", last["type"]!.GetValue<string>());
        Assert.StartsWith("[transfer] ", last["content"]!.GetValue<string>());
        Assert.Contains("-> 53", last["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transfer_with_only_a_user_leaves_the_group_and_user_0_unassigns()
    {
        var id = await SomeCaseIdAsync();
        var group = (await CaseAsync(id))["group_id"]!.GetValue<long>();
        await OkAsync(HttpMethod.Put, $"cases/{id}/transfer", new JsonObject { ["user_id"] = 0 });
        var after = await CaseAsync(id);
        Assert.Equal(0, after["user_id"]!.GetValue<long>());
        Assert.Equal(group, after["group_id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{}", "group_id or user_id is required.")]
    [InlineData("{\"group_id\": 999999}", "group_id: group 999999 not found.")]
    [InlineData("{\"user_id\": 999999}", "user_id: user 999999 not found.")]
    [InlineData("{\"group_id\": \"x\"}", "group_id")]
    public async Task Transfer_refuses_what_it_cannot_apply_with_400_and_changes_nothing(string body, string message)
    {
        var id = await SomeCaseIdAsync();
        var before = (await CaseAsync(id)).ToJsonString();
        var (status, answer) = await CallAsync(HttpMethod.Put, $"cases/{id}/transfer", JsonNode.Parse(body));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, answer!.ToJsonString());
        Assert.Equal(before, (await CaseAsync(id)).ToJsonString());
    }

    [Theory]
    [InlineData("transfer", "{\"group_id\": 53}")]
    [InlineData("status", "{\"status\": \"solved\"}")]
    public async Task An_unknown_case_is_404_as_on_the_other_case_routes(string route, string body)
    {
        var (status, answer) = await CallAsync(HttpMethod.Put, $"cases/987654321/{route}", JsonNode.Parse(body));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Case 987654321 not found.", answer!.ToJsonString());
        var (summaryStatus, _) = await CallAsync(HttpMethod.Post, "cases/987654321/summarize");
        Assert.Equal(HttpStatusCode.NotFound, summaryStatus);
    }

    [Fact]
    public async Task Status_sets_the_status_and_its_dates_and_answers_like_PUT_cases()
    {
        var id = await SomeCaseIdAsync();
        var answer = await OkAsync(HttpMethod.Put, $"cases/{id}/status", new JsonObject { ["status"] = "closed" });
        Assert.Equal(id, answer["case_id"]!.GetValue<long>());
        var closed = await CaseAsync(id);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.NotNull(closed["closed_at"]);
        Assert.NotNull(closed["solved_at"]);
    }

    [Theory]
    [InlineData("collection", "open", HttpStatusCode.BadRequest)]
    [InlineData("live", "open", HttpStatusCode.OK)]
    [InlineData("collection", "SOLVED", HttpStatusCode.OK)]
    public async Task Status_is_validated_as_PUT_cases_validates_it_in_the_profile(string profile, string value, HttpStatusCode expected)
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["profile"] = profile });
        var id = await SomeCaseIdAsync();
        var (status, _) = await CallAsync(HttpMethod.Put, $"cases/{id}/status", new JsonObject { ["status"] = value });
        var (documented, _) = await CallAsync(HttpMethod.Put, $"cases/{id}", new JsonObject { ["status"] = value });
        Assert.Equal(expected, status);
        Assert.Equal(documented, status);
    }

    [Fact]
    public async Task Status_without_a_status_is_400()
    {
        var id = await SomeCaseIdAsync();
        var (status, answer) = await CallAsync(HttpMethod.Put, $"cases/{id}/status", new JsonObject { ["priority"] = "high" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("status is required.", answer!.ToJsonString());
    }

    [Fact]
    public async Task Summarize_answers_a_deterministic_summary_and_changes_nothing()
    {
        var id = await SomeCaseIdAsync();
        var before = (await CaseAsync(id)).ToJsonString();
        var first = await OkAsync(HttpMethod.Post, $"cases/{id}/summarize");
        var second = await OkAsync(HttpMethod.Post, $"cases/{id}/summarize");

        Assert.Equal(id, first["case_id"]!.GetValue<long>());
        var text = first["summary"]!.GetValue<string>();
        var record = await CaseAsync(id);
        Assert.StartsWith($"Case {id} \"{record["subject"]!.GetValue<string>()}\": status {record["status"]!.GetValue<string>()}, " +
                          $"priority {record["priority"]!.GetValue<string>()}, ", text);
        Assert.Contains("Last activity (", text);
        Assert.Equal(text, second["summary"]!.GetValue<string>());
        Assert.NotNull(first["created_at"]);
        Assert.Equal(before, (await CaseAsync(id)).ToJsonString());
    }

    [Theory]
    [InlineData("not-found", HttpStatusCode.NotFound)]
    [InlineData("not-implemented", HttpStatusCode.NotImplemented)]
    public async Task The_switch_makes_every_route_answer_as_an_API_without_it_and_change_nothing(string mode, HttpStatusCode expected)
    {
        var id = await SomeCaseIdAsync();
        // Served by default (a summary changes nothing), then switched off.
        await OkAsync(HttpMethod.Post, $"cases/{id}/summarize");
        var before = (await CaseAsync(id)).ToJsonString();
        await _sandbox.ConfigureAsync(new JsonObject { ["spanishEndpoints"] = mode });

        Assert.Equal(expected, (await CallAsync(HttpMethod.Put, $"cases/{id}/transfer", new JsonObject { ["group_id"] = 53 })).Status);
        Assert.Equal(expected, (await CallAsync(HttpMethod.Put, $"cases/{id}/status", new JsonObject { ["status"] = "closed" })).Status);
        Assert.Equal(expected, (await CallAsync(HttpMethod.Post, $"cases/{id}/summarize")).Status);
        Assert.Equal(before, (await CaseAsync(id)).ToJsonString());
        // The documented route stays.
        await OkAsync(HttpMethod.Put, $"cases/{id}", new JsonObject { ["group_id"] = 53 });
    }
}
