using System.Net;
using StackExchange.Redis;
using WiseCx.Client;
using WiseCx.Client.Http;
using WiseCx.Client.Http.SharedLimit;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The limit shared through a store (Garnet here; redis-server in the redis leg): each limiter stands for one process.
/// Every test uses a user of its own, so its keys are its own; the store is taken away only by the failure tests, and
/// the collection runs its tests one at a time.
/// </summary>
[Collection("Store")]
[Trait("Category", "Store")]
public sealed class SharedLimiterTests : IClassFixture<SandboxFixture>
{
    private static readonly Uri ApiRoot = new("https://api.example.test/core/v1/");
    private readonly StoreFixture _store;
    private readonly SandboxFixture _sandbox;

    public SharedLimiterTests(StoreFixture store, SandboxFixture sandbox)
    {
        _store = store;
        _sandbox = sandbox;
    }

    private static string NewUser() => "agent-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "@example.com";

    private SharedRequestLimiter Limiter(string user, int perMinute, long perDay, WcxRateLimitStoreFailure failure = WcxRateLimitStoreFailure.Local, List<string>? warnings = null)
    {
        var options = new WcxClientOptions
        {
            BaseUri = ApiRoot,
            User = user,
            RateLimitStore = _store.Uri,
            RateLimitStoreFailure = failure,
            RequestsPerMinute = perMinute,
            DailyRequestLimit = perDay,
        };
        var limiter = (SharedRequestLimiter)SharedRequestLimiter.Create(options, new RequestLimiter(perMinute, perDay));
        if (warnings != null)
            limiter.OnWarning = message => { lock (warnings) warnings.Add(message); };
        return limiter;
    }

    private static async Task<bool> WaitsAsync(IRequestLimiter limiter)
    {
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        try
        {
            (await limiter.AcquireAsync(soon.Token)).Dispose();
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private async Task<double> StoreNowMsAsync() =>
        (await _store.AdminServer.TimeAsync() - DateTime.UnixEpoch).TotalMilliseconds;

    [Fact]
    public async Task Processes_with_the_same_account_share_one_minute_window()
    {
        var user = NewUser();
        using var first = Limiter(user, 5, 1000);
        using var second = Limiter(user, 5, 1000);
        for (var i = 0; i < 3; i++)
            (await first.AcquireAsync(CancellationToken.None)).Dispose();
        for (var i = 0; i < 2; i++)
            (await second.AcquireAsync(CancellationToken.None)).Dispose();

        Assert.True(await WaitsAsync(first), "the sixth request of the minute was admitted");
        Assert.True(await WaitsAsync(second), "the sixth request of the minute was admitted");
        Assert.Equal(5, first.UsedThisMinute);
        Assert.Equal(5, second.UsedToday);

        // Another user of the same API root has a window of its own.
        using var other = Limiter(NewUser(), 5, 1000);
        Assert.False(await WaitsAsync(other));
    }

    [Fact]
    public async Task A_slot_counts_until_a_minute_after_its_answer_and_then_frees()
    {
        using var limiter = Limiter(NewUser(), 2, 1000);
        var minuteKey = limiter.Store.Keys[0];
        var held = await limiter.AcquireAsync(CancellationToken.None);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        var now = await StoreNowMsAsync();

        // Unanswered, a slot is held for the lease (request timeout + 5 s) and then a minute; answered, for a minute.
        var scores = await WaitForScoresAsync(minuteKey, s => s.Count(x => x < now + 61_000) == 1);
        Assert.Contains(scores, s => s > now + 100_000 + 60_000 - 2_000);
        Assert.True(await WaitsAsync(limiter));

        held.Dispose();
        await WaitForScoresAsync(minuteKey, s => s.All(x => x < now + 61_000));
        Assert.True(await WaitsAsync(limiter), "an answered slot freed before its minute was over");

        // The minute passes (moved on in the store rather than waited for): both slots leave the window.
        foreach (var entry in await _store.Admin.SortedSetRangeByRankWithScoresAsync(minuteKey))
            await _store.Admin.SortedSetAddAsync(minuteKey, entry.Element, now - 1);
        Assert.False(await WaitsAsync(limiter));
    }

    [Fact]
    public async Task The_day_stops_at_its_budget_across_processes_and_restarts()
    {
        var user = NewUser();
        using (var first = Limiter(user, 1000, 5))
        {
            for (var i = 0; i < 3; i++)
                (await first.AcquireAsync(CancellationToken.None)).Dispose();
        }

        // A new process (a fresh limiter, the first one gone) starts from the store's count, not from zero.
        using var second = Limiter(user, 1000, 5);
        Assert.Equal(3, second.UsedToday);
        (await second.AcquireAsync(CancellationToken.None)).Dispose();
        (await second.AcquireAsync(CancellationToken.None)).Dispose();
        var refused = await Assert.ThrowsAsync<WcxQuotaExceededException>(() => second.AcquireAsync(CancellationToken.None));
        Assert.Equal(5, refused.Used);
        Assert.Equal(5, refused.Limit);
        Assert.Equal(5, (long)await _store.Admin.HashGetAsync(second.Store.Keys[1], "count"));
    }

    [Fact]
    public async Task A_new_UTC_day_on_the_stores_clock_starts_the_count_afresh()
    {
        using var limiter = Limiter(NewUser(), 1000, 5);
        var dayKey = limiter.Store.Keys[1];
        var today = (long)Math.Floor(await StoreNowMsAsync() / 86_400_000);
        // Yesterday's budget was used up: today's starts at zero.
        await _store.Admin.HashSetAsync(dayKey, new[] { new HashEntry("day", today - 1), new HashEntry("count", 5) });

        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        Assert.Equal(1, (long)await _store.Admin.HashGetAsync(dayKey, "count"));
        Assert.Equal(today, (long)await _store.Admin.HashGetAsync(dayKey, "day"));
    }

    [Fact]
    public async Task Warns_once_at_80_percent_of_the_shared_day()
    {
        var warnings = new List<string>();
        using var limiter = Limiter(NewUser(), 1000, 10, warnings: warnings);
        for (var i = 0; i < 10; i++)
            (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        var warning = Assert.Single(warnings);
        Assert.Contains("80% of the shared daily request limit", warning);
        Assert.Contains("8 of 10", warning);
    }

    [Fact]
    public async Task Racing_processes_never_take_more_than_the_limit()
    {
        var user = NewUser();
        var limiters = Enumerable.Range(0, 4).Select(_ => Limiter(user, 40, 1000)).ToArray();
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var admitted = 0;
            var attempts = limiters.SelectMany(l => Enumerable.Range(0, 20).Select(async _ =>
            {
                try
                {
                    (await l.AcquireAsync(stop.Token)).Dispose();
                    Interlocked.Increment(ref admitted);
                }
                catch (OperationCanceledException)
                {
                }
            })).ToArray();
            // Once the limit is reached the others wait for the minute: give them a moment to (wrongly) get in, then stop.
            for (var i = 0; i < 300 && Volatile.Read(ref admitted) < 40; i++)
                await Task.Delay(50);
            await Task.Delay(500);
            stop.Cancel();
            await Task.WhenAll(attempts);
            Assert.Equal(40, admitted);
            Assert.Equal(40, await _store.Admin.SortedSetLengthAsync(limiters[0].Store.Keys[0]));
        }
        finally
        {
            foreach (var l in limiters)
                l.Dispose();
        }
    }

    [Fact]
    public async Task Waiting_for_a_slot_ends_at_once_when_cancelled()
    {
        using var limiter = Limiter(NewUser(), 1, 1000);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(cancel.Token);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "the wait outlived its cancellation by " + clock.Elapsed);
    }

    [Fact]
    public async Task A_flushed_script_cache_is_reloaded()
    {
        using var limiter = Limiter(NewUser(), 1000, 1000);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        // Marked answered (the second script) before counting, so that its first run is not counted after the flush.
        var first = await StoreNowMsAsync();
        await WaitForScoresAsync(limiter.Store.Keys[0], s => s.Length == 1 && s[0] < first + 61_000);
        // A store that never saw the scripts (a restart by an earlier test) has had them sent already: count from here.
        var before = limiter.Store.ScriptLoads;

        await _store.AdminServer.ScriptFlushAsync();

        // Each slot's answered mark is awaited before the next request, so that two marks racing on the same missing
        // script (each reloading it) cannot blur the count.
        for (var request = 2; request <= 3; request++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
            var now = await StoreNowMsAsync();
            var scores = await WaitForScoresAsync(limiter.Store.Keys[0], s => s.Length == request && s.All(x => x < now + 61_000));
            Assert.True(scores.All(x => x < now + 61_000), "a slot was never marked answered");
        }
        // Both scripts that ran after the flush (take a slot; mark it answered) were sent again once each, then by hash.
        Assert.Equal(before + 2, limiter.Store.ScriptLoads);
        Assert.Equal(3, limiter.UsedToday);
    }

    [Fact]
    public void Keys_come_from_the_API_root_and_the_user_and_name_neither()
    {
        var key = StoreAddress.KeyPrefix(new Uri("https://api.wcx.cloud/core/v1/"), "Agent@Company.com");
        Assert.Equal(key, StoreAddress.KeyPrefix(new Uri("https://API.wcx.cloud/core/v1/"), " agent@company.com "));
        Assert.NotEqual(key, StoreAddress.KeyPrefix(new Uri("https://api.wcx.cloud/core/v1/"), "other@company.com"));
        Assert.NotEqual(key, StoreAddress.KeyPrefix(new Uri("https://eu.api.wcx.cloud/core/v1/"), "agent@company.com"));
        Assert.Matches("^wisecx:\\{[0-9a-f]{32}\\}:$", key);
        Assert.DoesNotContain("agent", key, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("redis://:s3cret@cache.example.com:6390", "redis://cache.example.com:6390", null, "s3cret")]
    [InlineData("rediss://ops:p%40ss@cache.example.com:6380/2", "rediss://cache.example.com:6380/2", "ops", "p@ss")]
    [InlineData("redis://cache.example.com", "redis://cache.example.com:6379", null, null)]
    public void A_store_address_is_shown_without_its_credentials(string text, string shown, string? user, string? password)
    {
        var uri = new Uri(text);
        StoreAddress.Check(uri);
        Assert.Equal(shown, StoreAddress.Display(uri));
        Assert.Equal(user, StoreAddress.UserOf(uri));
        Assert.Equal(password, StoreAddress.PasswordOf(uri));
    }

    [Theory]
    [InlineData("http://cache.example.com:6379")]
    [InlineData("redis://:s3cret@cache.example.com:6379/cache")]
    [InlineData("redis://:s3cret@cache.example.com:6379?ssl=true")]
    public void An_address_that_cannot_be_a_store_is_refused_without_repeating_its_password(string text)
    {
        var refused = Assert.Throws<WcxInputException>(() => new WcxClientOptions { User = "u", ApiKey = Clients.Secure("k"), RateLimitStore = new Uri(text) }.Validate());
        Assert.Equal("RateLimitStore", refused.ParameterName);
        Assert.DoesNotContain("s3cret", refused.Message);
    }

    [Fact]
    public async Task Unreachable_store_Local_counts_alone_warns_once_and_rejoins_with_what_it_sent()
    {
        var warnings = new List<string>();
        var user = NewUser();
        using var limiter = Limiter(user, 1000, 1000, warnings: warnings);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        var dayKey = limiter.Store.Keys[1];
        try
        {
            await _store.StopAsync();
            for (var i = 0; i < 3; i++)
                (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
            Assert.Equal("Local", limiter.Status);
            var warning = Assert.Single(warnings);
            Assert.StartsWith("The rate-limit store " + StoreAddress.Display(_store.Uri) + " did not answer", warning);
            Assert.Equal(5, limiter.UsedToday);   // the store's 2, then this process's own 3
            Assert.Equal(5, limiter.UsedThisMinute);   // the window's 2 as last seen, still counted, and the 3
        }
        finally
        {
            await _store.StartAsync();
        }

        await Task.Delay(SharedRequestLimiter.RejoinInterval + TimeSpan.FromMilliseconds(200));
        var notices = new List<string>();
        limiter.OnNotice = notices.Add;
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        Assert.Equal("Shared", limiter.Status);
        Assert.Contains("answers again", Assert.Single(notices));
        Assert.Single(warnings);
        // The store restarted empty (no persistence): the day is rebuilt from what this process last read (2), the
        // three it sent while away and the one that rejoined.
        Assert.Equal(6, (long)await _store.Admin.HashGetAsync(dayKey, "count"));
    }

    [Fact]
    public async Task Unreachable_store_Local_does_not_start_a_minute_of_its_own_on_top_of_a_full_window()
    {
        var user = NewUser();
        using var other = Limiter(user, 3, 1000);
        using var limiter = Limiter(user, 3, 1000, warnings: new List<string>());
        (await other.AcquireAsync(CancellationToken.None)).Dispose();
        (await other.AcquireAsync(CancellationToken.None)).Dispose();
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        try
        {
            await _store.StopAsync();
            // The window was full when the store went away: counting alone, this process still waits for it.
            Assert.True(await WaitsAsync(limiter), "a process that lost the store started a minute of its own");
            Assert.Equal("Local", limiter.Status);
        }
        finally
        {
            await _store.StartAsync();
        }
    }

    [Fact]
    public async Task Unreachable_store_Stop_refuses_before_sending()
    {
        using var limiter = Limiter(NewUser(), 1000, 1000, WcxRateLimitStoreFailure.Stop);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        try
        {
            await _store.StopAsync();
            var refused = await Assert.ThrowsAsync<WcxRateLimitStoreException>(() => limiter.AcquireAsync(CancellationToken.None));
            Assert.Equal(StoreAddress.Display(_store.Uri), refused.Store);
            Assert.Contains("was not sent", refused.Message);
            Assert.Equal("Shared", limiter.Status);
        }
        finally
        {
            await _store.StartAsync();
        }
    }

    [Fact]
    public async Task Clients_over_HTTP_count_every_attempt_into_one_window_sign_in_included_and_no_secret_reaches_the_store()
    {
        var user = "sandbox";
        await _store.FlushAllAsync();
        var before = _sandbox.Log.Snapshot().Count;
        using var first = _sandbox.Connect(o => o.RateLimitStore = _store.Uri);
        using var second = _sandbox.Connect(o => o.RateLimitStore = _store.Uri);
        for (var i = 0; i < 3; i++)
            await first.Connection.SendAsync(HttpMethod.Get, "users?limit=1", null, CancellationToken.None);
        await second.Connection.SendAsync(HttpMethod.Get, "users?limit=1", null, CancellationToken.None);

        var sent = _sandbox.Log.Snapshot().Count - before;
        Assert.Equal(6, sent);   // two sign-ins, four requests
        Assert.Equal(sent, first.RequestsToday);
        Assert.Equal(sent, second.RequestsToday);
        Assert.Equal(sent, second.RequestsThisMinute);
        Assert.Equal(StoreAddress.Display(_store.Uri), first.RateLimitStore);
        Assert.Equal("Shared", first.RateLimitStoreStatus);

        // Everything in the store: its keys, the members of the window, the fields and values of the day.
        var written = new List<string>();
        foreach (var key in _store.AdminServer.Keys(pattern: "*"))
        {
            written.Add(key!);
            var type = await _store.Admin.KeyTypeAsync(key);
            if (type == RedisType.SortedSet)
                written.AddRange((await _store.Admin.SortedSetRangeByRankAsync(key)).Select(v => (string)v!));
            else if (type == RedisType.Hash)
                written.AddRange((await _store.Admin.HashGetAllAsync(key)).SelectMany(e => new[] { (string)e.Name!, (string)e.Value! }));
            else
                written.Add(type.ToString());
        }
        Assert.Equal(2, written.Count(w => w.StartsWith("wisecx:", StringComparison.Ordinal)));
        Assert.All(written, w => Assert.DoesNotContain("wcx-sandbox-key", w));
        Assert.All(written, w => Assert.DoesNotContain(user, w));
        Assert.All(written, w => Assert.DoesNotContain("eyJ", w));   // a JWT's header
    }

    [Fact]
    public async Task A_retried_attempt_counts_twice_as_the_server_counted_two_arrivals()
    {
        var user = NewUser();
        // The first attempt meets a 503 and is retried: sign-in, the 503 and the retry are three arrivals.
        var handler = new StubHandler((_, n) => n == 1 ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") : StubHandler.Json(HttpStatusCode.OK, "[]"));
        var options = Clients.Options(new Uri("http://127.0.0.1:9/core/v1/"), user: user, handler: handler);
        options.RateLimitStore = _store.Uri;
        using var client = await WcxClient.ConnectAsync(options, CancellationToken.None);
        await client.Connection.SendAsync(HttpMethod.Get, "users", null, CancellationToken.None);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, client.RequestsToday);
    }

    private async Task<double[]> WaitForScoresAsync(string key, Func<double[], bool> done)
    {
        // Marking a slot answered is sent without waiting for its reply: give it a moment to land.
        for (var i = 0; ; i++)
        {
            var scores = (await _store.Admin.SortedSetRangeByRankWithScoresAsync(key)).Select(e => e.Score).ToArray();
            if (done(scores) || i == 50)
                return scores;
            await Task.Delay(20);
        }
    }
}
