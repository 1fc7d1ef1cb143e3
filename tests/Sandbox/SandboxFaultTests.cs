using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WiseCx.Sandbox;

namespace WiseCx.Tests.Sandbox;

/// <summary>Each fault kind at rate 1.0 over real HTTP: what the client sees and whether the write happened.</summary>
public class SandboxFaultTests : IClassFixture<ResilienceSandbox>, IAsyncLifetime
{
    private readonly ResilienceSandbox _sandbox;

    public SandboxFaultTests(ResilienceSandbox sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => Task.CompletedTask;

    // Every test leaves the defaults behind, whatever it changed.
    public Task DisposeAsync() => _sandbox.ResetAsync();

    private Task OnlyAsync(string kind) =>
        _sandbox.ConfigureAsync(new JsonObject { ["faultRate"] = 1.0, ["faults"] = new JsonArray(kind) });

    private static string NewSubject(string kind) => $"Fault {kind} {Guid.NewGuid()}";

    private async Task<(HttpResponseMessage Response, string Body, RequestLogEntry Entry)> PostCaseAsync(string subject)
    {
        var seq = _sandbox.LastSeq;
        var response = await _sandbox.SendAsync(HttpMethod.Post, "core/v1/cases", ResilienceSandbox.CaseBody(subject));
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, Assert.Single(await _sandbox.EntriesAfterAsync(seq, 1)));
    }

    private static void AssertError(string body, string message)
    {
        var json = JsonNode.Parse(body)!;
        Assert.Equal("error", json["status"]!.GetValue<string>());
        Assert.Equal(message, json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unavailable_before_answers_503_and_nothing_is_written()
    {
        await OnlyAsync("unavailable-before");
        var subject = NewSubject("unavailable-before");
        var (response, body, entry) = await PostCaseAsync(subject);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        AssertError(body, "Service unavailable (injected).");
        Assert.Equal(0, await _sandbox.CaseCountAsync(subject));
        Assert.Equal(("unavailable-before", 503, false, false), (entry.Fault, entry.Status, entry.Aborted, entry.Throttled));
    }

    [Fact]
    public async Task Error_after_answers_500_but_the_case_was_created()
    {
        await OnlyAsync("error-after");
        var subject = NewSubject("error-after");
        var (response, body, entry) = await PostCaseAsync(subject);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertError(body, "Internal error (injected).");
        Assert.DoesNotContain("case_id", body);
        Assert.Equal(1, await _sandbox.CaseCountAsync(subject));
        Assert.Equal(("error-after", 500), (entry.Fault, entry.Status));
    }

    [Fact]
    public async Task Reset_before_drops_the_connection_and_nothing_is_written()
    {
        await OnlyAsync("reset-before");
        var subject = NewSubject("reset-before");
        var seq = _sandbox.LastSeq;

        await Assert.ThrowsAsync<HttpRequestException>(() => _sandbox.SendAsync(HttpMethod.Post, "core/v1/cases", ResilienceSandbox.CaseBody(subject)));

        Assert.Equal(0, await _sandbox.CaseCountAsync(subject));
        var entry = Assert.Single(await _sandbox.EntriesAfterAsync(seq, 1));
        Assert.Equal(("reset-before", 0, true), (entry.Fault, entry.Status, entry.Aborted));
    }

    [Fact]
    public async Task Reset_after_drops_the_connection_but_the_case_was_created()
    {
        await OnlyAsync("reset-after");
        var subject = NewSubject("reset-after");
        var seq = _sandbox.LastSeq;

        await Assert.ThrowsAsync<HttpRequestException>(() => _sandbox.SendAsync(HttpMethod.Post, "core/v1/cases", ResilienceSandbox.CaseBody(subject)));

        Assert.Equal(1, await _sandbox.CaseCountAsync(subject));
        var entry = Assert.Single(await _sandbox.EntriesAfterAsync(seq, 1));
        Assert.Equal(("reset-after", 0, true), (entry.Fault, entry.Status, entry.Aborted));
    }

    [Fact]
    public async Task Throttle_retry_after_answers_429_with_retry_after_1_and_nothing_is_written()
    {
        await OnlyAsync("throttle-retry-after");
        var subject = NewSubject("throttle-retry-after");
        var (response, body, entry) = await PostCaseAsync(subject);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        AssertError(body, "Too many requests (injected).");
        Assert.Equal(0, await _sandbox.CaseCountAsync(subject));
        // An injected 429 is a fault, not the server's rate limiter.
        Assert.Equal(("throttle-retry-after", 429, false), (entry.Fault, entry.Status, entry.Throttled));
    }

    [Fact]
    public async Task Throttle_answers_429_without_retry_after_and_nothing_is_written()
    {
        await OnlyAsync("throttle");
        var subject = NewSubject("throttle");
        var (response, body, entry) = await PostCaseAsync(subject);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        AssertError(body, "Too many requests (injected).");
        Assert.Equal(0, await _sandbox.CaseCountAsync(subject));
        Assert.Equal(("throttle", 429), (entry.Fault, entry.Status));
    }

    [Fact]
    public async Task Truncated_sends_the_first_half_of_the_body_with_200_and_the_case_was_created()
    {
        await OnlyAsync("truncated");
        var subject = NewSubject("truncated");
        var (response, body, entry) = await PostCaseAsync(subject);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"case_id\":", body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(1, await _sandbox.CaseCountAsync(subject));
        Assert.Equal(("truncated", 200, false), (entry.Fault, entry.Status, entry.Aborted));
    }

    [Fact]
    public async Task Truncated_cuts_exactly_the_first_half_of_the_bytes_the_endpoint_wrote()
    {
        const string path = "core/v1/cases/types";
        using var whole = await _sandbox.SendAsync(HttpMethod.Get, path);
        var full = await whole.Content.ReadAsByteArrayAsync();

        await OnlyAsync("truncated");
        using var cut = await _sandbox.SendAsync(HttpMethod.Get, path);
        var half = await cut.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.Equal(full[..(full.Length / 2)], half);
        Assert.Equal(whole.Content.Headers.ContentType?.MediaType, cut.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Not_json_answers_200_html_and_the_case_was_created()
    {
        await OnlyAsync("not-json");
        var subject = NewSubject("not-json");
        var (response, body, entry) = await PostCaseAsync(subject);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<html>Bad gateway</html>", body);
        Assert.Equal(1, await _sandbox.CaseCountAsync(subject));
        Assert.Equal(("not-json", 200), (entry.Fault, entry.Status));
    }

    [Fact]
    public async Task An_after_fault_also_spoils_an_error_answer_of_the_endpoint()
    {
        await OnlyAsync("not-json");
        using var response = await _sandbox.SendAsync(HttpMethod.Get, "core/v1/cases/999999999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<html>Bad gateway</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Faults_never_touch_admin_routes_nor_authenticate_unless_asked()
    {
        await OnlyAsync("unavailable-before");
        var seq = _sandbox.LastSeq;

        Assert.Equal(1.0, (await _sandbox.AdminAsync(HttpMethod.Get, "config"))["faultRate"]!.GetValue<double>());
        Assert.NotEmpty(await _sandbox.AuthenticateAsync());
        using (var api = await _sandbox.SendAsync(HttpMethod.Get, "core/v1/cases/types"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(new string?[] { null, "unavailable-before" }, (await _sandbox.EntriesAfterAsync(seq, 2)).Select(e => e.Fault));

        await _sandbox.ConfigureAsync(new JsonObject { ["faultAuthenticate"] = true });
        using var auth = await _sandbox.SendAsync(HttpMethod.Get, "core/v1/authenticate?user=sandbox");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, auth.StatusCode);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_for_the_same_request_order()
    {
        async Task<List<string?>> RunAsync()
        {
            // Setting faultSeed restarts the sequence, even to the value it already has.
            await _sandbox.ConfigureAsync(new JsonObject
            {
                ["faultRate"] = 0.5, ["faultSeed"] = 7,
                ["faults"] = new JsonArray("unavailable-before", "error-after", "throttle", "not-json"),
            });
            var seq = _sandbox.LastSeq;
            for (var i = 0; i < 16; i++)
                (await _sandbox.SendAsync(HttpMethod.Get, "core/v1/cases/types")).Dispose();
            return (await _sandbox.EntriesAfterAsync(seq, 16)).Select(e => e.Fault).ToList();
        }

        var first = await RunAsync();
        var second = await RunAsync();
        Assert.Equal(first, second);
        Assert.Contains(null, first);
        Assert.True(first.Count(f => f is not null) >= 2, string.Join(",", first));
    }

    [Fact]
    public async Task Latency_delays_api_requests_by_at_least_latencyMs()
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["latencyMs"] = 300, ["jitterMs"] = 20 });
        var seq = _sandbox.LastSeq;
        var watch = Stopwatch.StartNew();
        using var response = await _sandbox.SendAsync(HttpMethod.Get, "core/v1/cases/types");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 300, $"took {watch.ElapsedMilliseconds} ms");
        Assert.True(Assert.Single(await _sandbox.EntriesAfterAsync(seq, 1)).DurationMs >= 300);
    }

    [Fact]
    public async Task Stats_count_requests_statuses_and_faults_and_the_cases_of_a_subject()
    {
        await _sandbox.AdminAsync(HttpMethod.Delete, "requests");
        var seq = _sandbox.LastSeq;
        var subject = NewSubject("stats");
        await OnlyAsync("error-after");
        (await PostCaseAsync(subject)).Response.Dispose();
        await OnlyAsync("throttle");
        (await PostCaseAsync(subject)).Response.Dispose();
        Assert.Equal(2, (await _sandbox.EntriesAfterAsync(seq, 2)).Count);

        var stats = await _sandbox.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(2, stats["requests"]!.GetValue<int>());
        Assert.Equal(1, stats["byStatus"]!["500"]!.GetValue<int>());
        Assert.Equal(1, stats["byStatus"]!["429"]!.GetValue<int>());
        Assert.Equal(1, stats["faults"]!["error-after"]!.GetValue<int>());
        Assert.Equal(1, stats["faults"]!["throttle"]!.GetValue<int>());
        Assert.Equal(0, stats["faults"]!["reset-after"]!.GetValue<int>());
        Assert.Equal(0, stats["throttled"]!.GetValue<int>());
        Assert.Equal(1, stats["casesBySubject"]![subject]!.GetValue<int>());
    }

    [Fact]
    public async Task Case_count_matches_the_subject_exactly_ignores_the_3_month_window_and_excludes_deleted_cases()
    {
        var subject = NewSubject("count");
        Assert.Equal(0, await _sandbox.CaseCountAsync(subject));
        using var created = await _sandbox.SendAsync(HttpMethod.Post, "core/v1/cases", ResilienceSandbox.CaseBody(subject));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["case_id"]!.GetValue<long>();
        Assert.Equal(1, await _sandbox.CaseCountAsync(subject));
        Assert.Equal(0, await _sandbox.CaseCountAsync(subject.ToUpperInvariant()));

        // "Case created long ago": seed cases older than the list window are still counted.
        Assert.True(await _sandbox.CaseCountAsync("App crashes on startup") >= 1);

        (await _sandbox.SendAsync(HttpMethod.Delete, $"core/v1/cases/{id}")).Dispose();
        Assert.Equal(0, await _sandbox.CaseCountAsync(subject));

        using var missing = await _sandbox.SendAsync(HttpMethod.Get, "_sandbox/cases/count", auth: false);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Bad_switch_values_are_refused_and_change_nothing()
    {
        foreach (var bad in new[]
        {
            new JsonObject { ["faults"] = new JsonArray("nope") },
            new JsonObject { ["faults"] = new JsonArray() },
            new JsonObject { ["faultRate"] = 1.5 },
            new JsonObject { ["latencyMs"] = -1 },
            new JsonObject { ["rateLimitPerMinute"] = -3 },
            new JsonObject { ["faultAuthenticate"] = "yes" },
            new JsonObject { ["faultRate"] = 1.0, ["faults"] = new JsonArray("throttle", "typo") },
        })
        {
            using var response = await _sandbox.SendAsync(HttpMethod.Put, "_sandbox/config", bad, auth: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var config = await _sandbox.AdminAsync(HttpMethod.Get, "config");
        Assert.Equal(0.0, config["faultRate"]!.GetValue<double>());
        Assert.Equal(8, config["faults"]!.AsArray().Count);

        // A comma-separated string works too, case and blanks forgiven.
        var set = await _sandbox.ConfigureAsync(new JsonObject { ["faults"] = "Error-After, truncated" });
        Assert.Equal(new[] { "error-after", "truncated" }, set["faults"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Reset_restores_every_switch_to_its_default()
    {
        await _sandbox.ConfigureAsync(new JsonObject
        {
            ["latencyMs"] = 5, ["jitterMs"] = 5, ["faultRate"] = 0.3, ["faults"] = new JsonArray("throttle"),
            ["faultAuthenticate"] = true, ["faultSeed"] = 99, ["rateLimitPerMinute"] = 1000, ["rateLimitPerDay"] = 100000,
        });
        await _sandbox.ResetAsync();

        var config = await _sandbox.AdminAsync(HttpMethod.Get, "config");
        Assert.Equal(0, config["latencyMs"]!.GetValue<int>());
        Assert.Equal(0, config["jitterMs"]!.GetValue<int>());
        Assert.Equal(0.0, config["faultRate"]!.GetValue<double>());
        Assert.Equal(
            new[] { "unavailable-before", "error-after", "reset-before", "reset-after", "throttle-retry-after", "throttle", "truncated", "not-json" },
            config["faults"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.False(config["faultAuthenticate"]!.GetValue<bool>());
        Assert.Equal(1, config["faultSeed"]!.GetValue<int>());
        Assert.Equal(0, config["rateLimitPerMinute"]!.GetValue<int>());
        Assert.Equal(0, config["rateLimitPerDay"]!.GetValue<int>());
    }
}

/// <summary>The server's own rate limit, on a clock the tests move: sliding minute, UTC day, refusals not counted.</summary>
public class SandboxRateLimitTests : IClassFixture<ClockedSandbox>, IAsyncLifetime
{
    private readonly ClockedSandbox _sandbox;

    public SandboxRateLimitTests(ClockedSandbox sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sandbox.ResetAsync();

    // /authenticate counts like any /core/v1 request and needs no token, which the moving clock would expire.
    private Task<HttpResponseMessage> ProbeAsync() => _sandbox.SendAsync(HttpMethod.Get, "core/v1/authenticate?user=sandbox");

    [Fact]
    public async Task The_sixth_request_in_a_minute_over_a_limit_of_5_is_refused_with_retry_after_and_logged_as_throttled()
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["rateLimitPerMinute"] = 5 });
        var seq = _sandbox.LastSeq;
        for (var i = 0; i < 5; i++)
        {
            using var ok = await ProbeAsync();
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await ProbeAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("error", body["status"]!.GetValue<string>());
        Assert.Equal("Rate limit exceeded.", body["message"]!.GetValue<string>());

        var entries = await _sandbox.EntriesAfterAsync(seq, 6);
        Assert.Equal(new[] { false, false, false, false, false, true }, entries.Select(e => e.Throttled));
        Assert.Equal((429, (string?)null), (entries[^1].Status, entries[^1].Fault));
    }

    [Fact]
    public async Task The_window_slides_and_refused_requests_do_not_count()
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["rateLimitPerMinute"] = 2 });
        (await ProbeAsync()).Dispose();                         // t0: admitted
        _sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        (await ProbeAsync()).Dispose();                         // t0+30: admitted
        using (var refused = await ProbeAsync())                // t0+30: refused, the t0 slot frees at t0+60
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }

        // Had the refusal counted, the window would hold two requests (t0+30 twice) and this would be refused.
        _sandbox.Clock.Advance(TimeSpan.FromSeconds(31));
        using (var admitted = await ProbeAsync())
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        using var again = await ProbeAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(29), again.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_daily_limit_holds_until_utc_midnight()
    {
        _sandbox.Clock.Set(new DateTimeOffset(2030, 6, 20, 23, 59, 30, TimeSpan.Zero));
        await _sandbox.ConfigureAsync(new JsonObject { ["rateLimitPerDay"] = 3 });
        for (var i = 0; i < 3; i++) (await ProbeAsync()).Dispose();

        using (var refused = await ProbeAsync())
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }
        _sandbox.Clock.Advance(TimeSpan.FromSeconds(31));
        using var nextDay = await ProbeAsync();
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }

    [Fact]
    public async Task The_limit_leaves_admin_routes_alone_and_reset_turns_it_off()
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["rateLimitPerMinute"] = 1 });
        (await ProbeAsync()).Dispose();
        using (var refused = await ProbeAsync())
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        for (var i = 0; i < 3; i++) await _sandbox.AdminAsync(HttpMethod.Get, "config");

        await _sandbox.ResetAsync();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await ProbeAsync();
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }
}

/// <summary>The command-line switches end up in the start-up config, which reset returns to.</summary>
public class SandboxResilienceCommandLineTests
{
    [Fact]
    public void Every_switch_has_a_command_line_option()
    {
        var options = new SandboxOptions();
        var urls = new List<string>();
        Assert.True(Program.ParseArguments(
        [
            "--latency-ms", "25", "--jitter-ms=10", "--fault-rate", "0.25", "--faults", "error-after,reset-before",
            "--fault-seed", "-4", "--fault-authenticate", "--rate-limit-per-minute", "30", "--rate-limit-per-day=1000",
            "--cases", "10",
        ], options, urls));

        var config = SandboxConfig.FromOptions(options);
        Assert.Equal((25, 10, 0.25, -4, true, 30, 1000), (config.LatencyMs, config.JitterMs, config.FaultRate, config.FaultSeed,
            config.FaultAuthenticate, config.RateLimitPerMinute, config.RateLimitPerDay));
        Assert.Equal(new[] { "error-after", "reset-before" }, config.Faults);
        Assert.Equal(10, options.CaseCount);
    }

    [Fact]
    public void Defaults_are_off_with_every_kind_and_seed_1()
    {
        var config = SandboxConfig.FromOptions(new SandboxOptions());
        Assert.Equal((0, 0, 0.0, 1, false, 0, 0), (config.LatencyMs, config.JitterMs, config.FaultRate, config.FaultSeed,
            config.FaultAuthenticate, config.RateLimitPerMinute, config.RateLimitPerDay));
        Assert.Equal(8, config.Faults.Count);
    }

    [Theory]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--fault-rate", "-0.1")]
    [InlineData("--faults", "error-after,bogus")]
    [InlineData("--latency-ms", "-1")]
    [InlineData("--rate-limit-per-minute", "-1")]
    public void Bad_values_are_refused(string option, string value) =>
        Assert.Throws<ArgumentException>(() => Program.ParseArguments([option, value], new SandboxOptions(), []));
}
