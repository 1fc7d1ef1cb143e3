using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using StackExchange.Redis;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The store fixture itself (tests/Unit/Support/StoreFixture.cs): it starts the engine asked for on 127.0.0.1 only,
/// answers PING, runs Lua with the store's clock, and can be stopped and started again on the same port.
/// </summary>
[Collection("Store")]
[Trait("Category", "Store")]
public sealed class StoreFixtureTests(StoreFixture store)
{
    [Fact]
    public async Task Starts_the_engine_asked_for_on_loopback_and_answers_ping()
    {
        var expected = (Environment.GetEnvironmentVariable("WISECX_TEST_STORE") ?? "").Trim().ToLowerInvariant() == "redis"
            ? "redis-server" : "garnet";
        Assert.Equal(expected, store.Engine);
        Assert.Equal(new Uri($"redis://127.0.0.1:{store.Port}"), store.Uri);
        Assert.True(store.IsRunning);
        var latency = await store.Admin.PingAsync();
        Assert.True(latency < TimeSpan.FromSeconds(5));
        // Garnet answers INFO server with its own name; redis-server with redis_version.
        var info = string.Join("\n", (await store.AdminServer.InfoAsync("server")).SelectMany(g => g).Select(p => $"{p.Key}:{p.Value}"));
        Assert.Contains(expected == "garnet" ? "garnet" : "redis_version", info, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Listens_on_no_address_but_127_0_0_1()
    {
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        foreach (var address in others)
            Assert.False(await Answers(address, store.Port), $"the store answers on {address}:{store.Port}; it must bind 127.0.0.1 only");
        Assert.True(await Answers(IPAddress.Loopback, store.Port));
    }

    [Fact]
    public async Task Runs_lua_with_the_store_clock_and_reports_noscript_after_a_script_flush()
    {
        const string script = "return redis.call('TIME')";
        var time = (RedisResult[])(await store.Admin.ScriptEvaluateAsync(script))!;
        Assert.Equal(2, time.Length);
        var seconds = (long)time[0];
        Assert.InRange(seconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);

        var sha = await store.AdminServer.ScriptLoadAsync(script);
        Assert.Equal(2, ((RedisResult[])(await store.Admin.ExecuteAsync("EVALSHA", ToHex(sha), 0))!).Length);
        await store.AdminServer.ScriptFlushAsync();
        var error = await Assert.ThrowsAsync<RedisServerException>(() => store.Admin.ExecuteAsync("EVALSHA", ToHex(sha), 0));
        Assert.StartsWith("NOSCRIPT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_and_starts_again_on_the_same_port_with_the_admin_connection_back()
    {
        var port = store.Port;
        await store.Admin.StringSetAsync("wisecx:fixture-test", "1");
        try
        {
            await store.StopAsync();
            Assert.False(store.IsRunning);
            Assert.False(await Answers(IPAddress.Loopback, port), "the port still answers after StopAsync");
            await Assert.ThrowsAnyAsync<RedisException>(() => store.Admin.PingAsync());
        }
        finally
        {
            await store.StartAsync();
        }
        Assert.True(store.IsRunning);
        Assert.Equal(port, store.Port);
        await store.Admin.PingAsync();
        await store.Admin.StringSetAsync("wisecx:fixture-test", "2");
        Assert.Equal("2", (string?)await store.Admin.StringGetAsync("wisecx:fixture-test"));
    }

    [Fact]
    public async Task Flushall_leaves_an_empty_key_space()
    {
        await store.Admin.StringSetAsync("wisecx:fixture-flush", "1");
        await store.FlushAllAsync();
        Assert.Empty(store.AdminServer.Keys(pattern: "*").ToList());
    }

    private static string ToHex(byte[] sha) => Convert.ToHexString(sha).ToLowerInvariant();

    private static async Task<bool> Answers(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
