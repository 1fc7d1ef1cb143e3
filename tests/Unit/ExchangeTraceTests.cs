using System.Net;
using System.Text;
using WiseCx.Client;
using WiseCx.Client.Http;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// What -Debug and Get-WcxRequestHistory show of an exchange: bodies pretty, secrets masked, long bodies cut, binary
/// described; and the session's history (ring size, order, attempts, sign-ins, the command, many threads at once).
/// </summary>
public class ExchangeTraceTests
{
    private static string Render(string json) => BodyMask.Render(Encoding.UTF8.GetBytes(json), "application/json")!;

    [Theory]
    [InlineData("token")]
    [InlineData("Token")]
    [InlineData("jwt")]
    [InlineData("JWT")]
    [InlineData("api_key")]
    [InlineData("apikey")]
    [InlineData("ApiKey")]
    [InlineData("x-api-key")]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("secret")]
    [InlineData("client_secret")]
    [InlineData("authorization")]
    [InlineData("Authorization")]
    [InlineData("access_token")]
    [InlineData("refresh_token")]
    [InlineData("accessToken")]
    public void A_secret_named_property_is_masked_whatever_its_case_and_value(string name)
    {
        foreach (var value in new[] { "\"s3cr3t-value\"", "123456789", "true", "{\"inner\":\"s3cr3t-value\"}", "[\"s3cr3t-value\"]" })
        {
            var text = Render("{\"id\":7,\"" + name + "\":" + value + ",\"subject\":\"kept\"}");
            Assert.DoesNotContain("s3cr3t-value", text);
            Assert.DoesNotContain("123456789", text);
            Assert.Contains("\"" + name + "\": \"***\"", text);
            Assert.Contains("\"subject\": \"kept\"", text);
            Assert.Contains("\"id\": 7", text);
        }
    }

    [Fact]
    public void Nested_secrets_are_masked_and_the_rest_is_pretty_printed_as_written()
    {
        var text = Render("{\"data\":{\"channels\":[{\"name\":\"Canal ñandú\",\"config\":{\"api_key\":\"k-111\",\"Refresh_Token\":\"r-222\"}}],\"user\":{\"password\":\"p-333\"}}}");
        Assert.DoesNotContain("k-111", text);
        Assert.DoesNotContain("r-222", text);
        Assert.DoesNotContain("p-333", text);
        Assert.Contains("\"name\": \"Canal ñandú\"", text);
        // Indented: one property a line.
        Assert.Contains("\n", text);
        Assert.Contains("\n          \"api_key\": \"***\"", text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_authenticate_answer_never_shows_its_token()
    {
        var text = Render("{\"status\":\"ok\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.payload.signature\",\"message\":\"Authentication success.\"}");
        Assert.DoesNotContain("eyJ", text);
        Assert.Contains("\"token\": \"***\"", text);
    }

    [Fact]
    public void A_long_body_is_cut_with_the_count_of_what_is_left_and_its_secrets_stay_masked()
    {
        var items = string.Join(",", Enumerable.Range(1, 2000).Select(i => "{\"id\":" + i + ",\"token\":\"tok-" + i + "\",\"subject\":\"case " + i + "\"}"));
        var body = Encoding.UTF8.GetBytes("{\"data\":[" + items + "]}");
        var text = BodyMask.Render(body, "application/json")!;
        Assert.InRange(text.Length, BodyMask.Limit / 2, BodyMask.Limit * 2);
        Assert.DoesNotContain("tok-", text);
        var note = System.Text.RegularExpressions.Regex.Match(text, @"\n\.\.\. (\d+) more bytes$");
        Assert.True(note.Success, text.Substring(text.Length - 80));
        var left = long.Parse(note.Groups[1].Value);
        Assert.InRange(left, body.Length - 2 * BodyMask.Limit, body.Length - 1);
    }

    [Fact]
    public void One_long_text_value_is_cut_too()
    {
        var base64 = new string('A', 300_000);
        var body = Encoding.UTF8.GetBytes("{\"name\":\"photo.jpg\",\"content\":\"" + base64 + "\"}");
        var text = BodyMask.Render(body, "application/json")!;
        Assert.True(text.Length < BodyMask.Limit * 2, "length " + text.Length);
        Assert.Contains("\"name\": \"photo.jpg\"", text);
        Assert.Matches(@"\n\.\.\. \d+ more bytes$", text);
    }

    [Fact]
    public void Text_that_is_not_json_is_shown_with_its_secrets_masked()
    {
        var text = BodyMask.Render(Encoding.UTF8.GetBytes("<html>Bad gateway token=abc123 password: \"hunter2\"</html>"), "text/html")!;
        Assert.Contains("Bad gateway", text);
        Assert.DoesNotContain("abc123", text);
        Assert.DoesNotContain("hunter2", text);
        // A JSON answer cut off in a secret is masked up to its end.
        var cut = BodyMask.Render(Encoding.UTF8.GetBytes("{\"status\":\"ok\",\"token\":\"eyJhbGciOi"), "application/json")!;
        Assert.DoesNotContain("eyJ", cut);
        Assert.Contains("\"status\":\"ok\"", cut);
    }

    [Fact]
    public void A_binary_body_is_described_not_dumped()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x01 }.Concat(new byte[10_000]).ToArray();
        Assert.Equal("(binary body: 10009 bytes, application/zip)", BodyMask.Render(bytes, "application/zip"));
        Assert.Equal("(binary body: 10009 bytes)", BodyMask.Render(bytes, null));
        Assert.Null(BodyMask.Render(Array.Empty<byte>(), "application/json"));
    }

    [Fact]
    public void Secret_query_values_are_masked_in_the_path()
    {
        Assert.Equal("/v1/x?user=ana&api_key=***&page=2", BodyMask.MaskQuery("/v1/x?user=ana&api_key=k-1&page=2"));
        Assert.Equal("/v1/cases?page=1", BodyMask.MaskQuery("/v1/cases?page=1"));
    }

    [Fact]
    public void The_history_keeps_the_last_fifty_oldest_first()
    {
        var history = new ExchangeHistory();
        for (var i = 0; i < 120; i++)
            history.Add(new WcxRequestRecord(history.NextId(), DateTime.Now, null, "GET", "/x/" + i, 1));
        var kept = history.Last();
        Assert.Equal(ExchangeHistory.Capacity, kept.Count);
        Assert.Equal(Enumerable.Range(71, 50).Select(i => (long)i), kept.Select(r => r.Id));
        Assert.Equal(new long[] { 118, 119, 120 }, history.Last(3).Select(r => r.Id));
        Assert.Equal(50, history.Last(500).Count);
        Assert.Equal(120, history.Total);
    }

    [Fact]
    public void Exchanges_are_recorded_with_the_command_the_bodies_masked_and_the_sign_in_as_an_entry_of_its_own()
    {
        var handler = new StubHandler((request, _) =>
            request.Method == HttpMethod.Post
                ? StubHandler.Json(HttpStatusCode.Created, "{\"data\":{\"id\":5,\"access_token\":\"at-999\"}}")
                : StubHandler.Json(HttpStatusCode.NotFound, "{\"status\":\"error\",\"message\":\"Case not found\"}"));
        WcxTrace.Command = "Connect-WcxAccount";
        using var client = Clients.Stubbed(handler);
        WcxTrace.Command = "New-WcxCase";
        client.Connection.SendAsync(HttpMethod.Post, "cases", new Probe { Subject = "Hola", Password = "pw-777" }, CancellationToken.None).GetAwaiter().GetResult();
        WcxTrace.Command = "Get-WcxCase";
        Assert.ThrowsAny<WcxApiException>(() => client.Connection.SendAsync(HttpMethod.Get, "cases/404", null, CancellationToken.None).GetAwaiter().GetResult());
        WcxTrace.Command = null;

        var records = client.History.Last();
        Assert.Equal(new[] { "Connect-WcxAccount", "New-WcxCase", "Get-WcxCase" }, records.Select(r => r.Command));
        var signIn = records[0];
        Assert.Equal("GET", signIn.Method);
        Assert.StartsWith("/core/v1/authenticate?user=sandbox", signIn.Path);
        Assert.Equal(200, signIn.StatusCode);
        Assert.Contains("x-api-key: ***", signIn.RequestHeaders);
        Assert.Contains("\"token\": \"***\"", signIn.ResponseBody);
        var write = records[1];
        Assert.Equal(201, write.StatusCode);
        Assert.Contains("Authorization: Bearer ***", write.RequestHeaders);
        Assert.Contains("\"subject\": \"Hola\"", write.RequestBody);
        Assert.Contains("\"password\": \"***\"", write.RequestBody);
        Assert.Contains("\"access_token\": \"***\"", write.ResponseBody);
        var failed = records[2];
        Assert.Equal(404, failed.StatusCode);
        Assert.Equal("/core/v1/cases/404", failed.Path);
        Assert.Contains("Case not found", failed.ResponseBody);
        Assert.Equal(1, failed.Attempt);

        var all = string.Join("\n", records.Select(r => r.RequestHeaders + r.RequestBody + r.ResponseHeaders + r.ResponseBody + r.Path));
        Assert.DoesNotContain("t0k3n", all);
        Assert.DoesNotContain("wcx-sandbox-key", all);
        Assert.DoesNotContain("pw-777", all);
        Assert.DoesNotContain("at-999", all);
    }

    [Fact]
    public void Debug_shows_both_bodies_and_retries_are_entries_of_their_own()
    {
        var handler = new StubHandler((_, count) => count == 1
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"message\":\"busy\"}")
            : StubHandler.Json(HttpStatusCode.OK, "{\"data\":{\"id\":9,\"subject\":\"Listo\"}}"));
        using var client = Clients.Stubbed(handler);
        var debug = new List<string>();
        var previous = WcxTrace.Current;
        WcxTrace.Current = new ListSink(debug);
        try
        {
            client.Connection.SendAsync(HttpMethod.Put, "cases/9", new Probe { Subject = "Listo", Password = "pw-1" }, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            WcxTrace.Current = previous;
        }
        var text = string.Join("\n", debug);
        Assert.Contains("\"subject\": \"Listo\"", text);
        Assert.Contains("\"password\": \"***\"", text);
        Assert.Contains("\"message\": \"busy\"", text);
        Assert.Contains("\"id\": 9", text);
        Assert.DoesNotContain("pw-1", text);
        var puts = client.History.Last().Where(r => r.Method == "PUT").ToList();
        Assert.Equal(new[] { 1, 2 }, puts.Select(r => r.Attempt));
        Assert.Equal(new int?[] { 503, 200 }, puts.Select(r => r.StatusCode));
    }

    [Fact]
    public void Many_threads_share_a_history_without_losing_or_doubling_an_exchange()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}"));
        var options = Clients.Options(new Uri("http://127.0.0.1:9/core/v1/"), handler: handler);
        options.RequestsPerMinute = 100_000;
        using var client = WcxClient.ConnectAsync(options, CancellationToken.None).GetAwaiter().GetResult();
        var readers = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var seen = client.History.Last();
                Assert.True(seen.Count <= ExchangeHistory.Capacity);
                Assert.Equal(seen.OrderBy(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
            }
        });
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            WcxTrace.Command = "Worker-" + i;
            client.Connection.SendAsync(HttpMethod.Get, "cases?n=" + i, null, CancellationToken.None).GetAwaiter().GetResult();
        });
        readers.GetAwaiter().GetResult();
        Assert.Equal(201, client.History.Total);
        var kept = client.History.Last();
        Assert.Equal(ExchangeHistory.Capacity, kept.Count);
        Assert.Equal(kept.Count, kept.Select(r => r.Id).Distinct().Count());
        // Each exchange names the command of the thread that sent it.
        Assert.All(kept, r => Assert.Equal("Worker-" + r.Path.Substring(r.Path.IndexOf("n=", StringComparison.Ordinal) + 2), r.Command));
    }

    public sealed class Probe
    {
        public string? Subject { get; set; }
        public string? Password { get; set; }
    }

    private sealed class ListSink(List<string> debug) : IWcxTraceSink
    {
        public void Verbose(string message) { }
        public void Debug(string message) { lock (debug) debug.Add(message); }
        public void Warning(string message) { }
    }
}
