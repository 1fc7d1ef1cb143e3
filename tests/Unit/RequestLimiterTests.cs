using WiseCx.Client.Http;

namespace WiseCx.Tests.Unit;

/// <summary>The session limiter, on a fake clock: never more than the limit in any minute, a day's budget, one warning.</summary>
public class RequestLimiterTests
{
    private sealed class FakeTime
    {
        public DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
        public readonly List<TimeSpan> Waits = new();

        public Task Delay(TimeSpan wait, CancellationToken token)
        {
            token.ThrowIfCancellationRequested();
            Waits.Add(wait);
            Now += wait;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task No_60_second_window_ever_holds_more_than_the_limit()
    {
        var time = new FakeTime();
        var limiter = new RequestLimiter(5, 1000, () => time.Now, time.Delay);
        var sent = new List<DateTime>();
        for (var i = 0; i < 23; i++)
        {
            await limiter.WaitAsync(default);
            sent.Add(time.Now);
            time.Now += TimeSpan.FromSeconds(3);
        }
        foreach (var start in sent)
            Assert.True(sent.Count(t => t >= start && t < start.AddMinutes(1)) <= 5);
        Assert.NotEmpty(time.Waits);
        Assert.Equal(23, limiter.UsedToday);
    }

    [Fact]
    public async Task A_slot_frees_exactly_a_minute_after_the_oldest_request()
    {
        var time = new FakeTime();
        var limiter = new RequestLimiter(2, 1000, () => time.Now, time.Delay);
        var start = time.Now;
        await limiter.WaitAsync(default);
        time.Now += TimeSpan.FromSeconds(10);
        await limiter.WaitAsync(default);
        await limiter.WaitAsync(default);
        Assert.Equal(start.AddMinutes(1), time.Now);
        Assert.Equal(TimeSpan.FromSeconds(50), time.Waits.Single());
        Assert.Equal(2, limiter.UsedThisMinute);
    }

    [Fact]
    public async Task An_answered_slot_frees_a_minute_after_the_answer_not_after_it_was_taken()
    {
        // The server counts a request when it arrives, somewhere between the slot and the answer: the client's minute
        // must not end before the server's, or the request after it draws a 429 at the turn of the minute.
        var time = new FakeTime();
        var limiter = new RequestLimiter(1, 1000, () => time.Now, time.Delay);
        var taken = time.Now;
        var slot = await limiter.WaitAsync(default);
        time.Now += TimeSpan.FromSeconds(4);
        slot.Dispose();
        await limiter.WaitAsync(default);
        Assert.Equal(taken.AddSeconds(64), time.Now);
        Assert.Equal(TimeSpan.FromSeconds(60), time.Waits.Single());
    }

    [Fact]
    public async Task The_day_limit_stops_before_it_is_exceeded_and_warns_once_at_80_percent()
    {
        var time = new FakeTime();
        var limiter = new RequestLimiter(1000, 10, () => time.Now, time.Delay);
        var warnings = new List<string>();
        limiter.OnWarning = warnings.Add;
        for (var i = 0; i < 10; i++)
            await limiter.WaitAsync(default);
        var error = await Assert.ThrowsAsync<WcxQuotaExceededException>(() => limiter.WaitAsync(default));
        Assert.Equal(10, error.Limit);
        Assert.Contains("00:00 UTC", error.Message);
        Assert.Equal(10, limiter.UsedToday);
        Assert.Single(warnings);
        Assert.Contains("8 of 10", warnings[0]);
    }

    [Fact]
    public async Task A_new_utc_day_starts_from_zero()
    {
        var time = new FakeTime { Now = new DateTime(2026, 11, 25, 23, 59, 0, DateTimeKind.Utc) };
        var limiter = new RequestLimiter(1000, 3, () => time.Now, time.Delay);
        for (var i = 0; i < 3; i++)
            await limiter.WaitAsync(default);
        await Assert.ThrowsAsync<WcxQuotaExceededException>(() => limiter.WaitAsync(default));
        time.Now = time.Now.AddMinutes(2);
        await limiter.WaitAsync(default);
        Assert.Equal(1, limiter.UsedToday);
    }

    [Fact]
    public async Task Waiting_for_a_slot_can_be_cancelled()
    {
        var limiter = new RequestLimiter(1, 1000);
        await limiter.WaitAsync(default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cancel.Token));
    }

    [Fact]
    public async Task Concurrent_callers_share_the_limit()
    {
        var limiter = new RequestLimiter(50, 1000);
        var granted = 0;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var tasks = Enumerable.Range(0, 80).Select(async _ =>
        {
            try
            {
                await limiter.WaitAsync(cancel.Token);
                Interlocked.Increment(ref granted);
            }
            catch (OperationCanceledException) { }
        });
        await Task.WhenAll(tasks);
        Assert.Equal(50, granted);
        Assert.Equal(50, limiter.UsedThisMinute);
    }
}
