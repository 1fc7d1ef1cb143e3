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

namespace WiseCx.Tests.Unit;

/// <summary>
/// The sandbox in-process on a free loopback port, spoken to with a plain HttpClient (not the WiseCx client), so the
/// tests see exactly what the sandbox sends. Each test class gets its own instance: config changes stay in the class.
/// </summary>
public class ResilienceSandbox : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Root { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public RequestLog Log => _app!.Services.GetRequiredService<RequestLog>();

    /// <summary>The sandbox's services (its endpoint list, its state), for tests that look inside.</summary>
    public IServiceProvider Services => _app!.Services;

    protected virtual SandboxOptions CreateOptions() => new();

    public async Task InitializeAsync()
    {
        _app = SandboxApp.Create(CreateOptions());
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Root = new Uri(address.TrimEnd('/') + "/");
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Root, Timeout = TimeSpan.FromSeconds(10) };
        Token = await AuthenticateAsync();
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app != null) await _app.DisposeAsync();
    }

    public async Task<string> AuthenticateAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "core/v1/authenticate?user=sandbox", auth: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
    }

    /// <summary>
    /// One request on a connection of its own (Connection: close): a reset cannot spill into the next request, and
    /// SocketsHttpHandler's own re-send of a request that fails on a reused pooled connection cannot come into play,
    /// so the log holds exactly what the test sent.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, bool auth = true)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.ConnectionClose = true;
        if (path.StartsWith("core/v1/authenticate", StringComparison.Ordinal)) request.Headers.Add("x-api-key", "wcx-sandbox-key");
        else if (auth) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return Http.SendAsync(request);
    }

    public async Task<JsonNode> AdminAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var response = await SendAsync(method, "_sandbox/" + path, body, auth: false);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} /_sandbox/{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public Task<JsonNode> ConfigureAsync(JsonObject patch) => AdminAsync(HttpMethod.Put, "config", patch);

    public Task ResetAsync() => AdminAsync(HttpMethod.Post, "reset");

    public async Task<int> CaseCountAsync(string subject) =>
        (await AdminAsync(HttpMethod.Get, "cases/count?subject=" + Uri.EscapeDataString(subject)))["count"]!.GetValue<int>();

    public static JsonObject CaseBody(string subject) => new()
    {
        ["group_id"] = 1234,
        ["source_channel"] = "web",
        ["subject"] = subject,
        ["activities"] = new JsonArray(new JsonObject
        {
            ["type"] = "contact_message",
            ["content"] = "Hello",
            ["contact_from"] = new JsonObject { ["email"] = "faults@example.com" },
        }),
    };

    public long LastSeq => Log.Snapshot().Select(e => e.Seq).DefaultIfEmpty(0).Max();

    public List<RequestLogEntry> EntriesAfter(long seq) => Log.Snapshot().Where(e => e.Seq > seq).ToList();

    /// <summary>
    /// The entries after <paramref name="seq"/> once there are <paramref name="count"/> of them. An entry is added when the
    /// server is done with a request, which can be just after the client saw the answer (a reset, a Content-Length
    /// body), so a test waits for it rather than racing it.
    /// </summary>
    public async Task<List<RequestLogEntry>> EntriesAfterAsync(long seq, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(3);
        var entries = EntriesAfter(seq);
        while (entries.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            entries = EntriesAfter(seq);
        }
        return entries;
    }
}

/// <summary>A sandbox whose clock only moves when a test says so, to walk the rate-limit window.</summary>
public sealed class ClockedSandbox : ResilienceSandbox
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2030, 6, 15, 12, 0, 0, TimeSpan.Zero));

    protected override SandboxOptions CreateOptions() => new() { TimeProvider = Clock };
}

public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
