namespace WiseCx.Sandbox.Resilience;

/// <summary>
/// The server-side rate limit (<see cref="SandboxConfig.RateLimitPerMinute"/>, <see cref="SandboxConfig.RateLimitPerDay"/>):
/// a sliding window (<see cref="SandboxConfig.RateLimitWindowSeconds"/>, 60 s unless changed) and a per-UTC-day count of
/// admitted /core/v1 requests. Refused requests are not counted.
/// Nothing is recorded while both limits are off; the counts start afresh when <see cref="ConfigState.RateLimitEpoch"/> moves.
/// Uses the sandbox's <see cref="TimeProvider"/>, so a test with a fake clock can walk the window.
/// </summary>
internal sealed class RateLimiter(SandboxOptions options)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _admitted = new();
    private long _epoch = -1;
    private DateOnly _day;
    private int _dayCount;

    /// <summary>
    /// Admits (and counts) the request, returning null; or refuses it, returning the whole seconds (at least 1) until
    /// a slot frees under every limit that is full.
    /// </summary>
    public int? TryAcquire(ConfigState state)
    {
        var perMinute = state.Config.RateLimitPerMinute;
        var perDay = state.Config.RateLimitPerDay;
        if (perMinute <= 0 && perDay <= 0) return null;

        var window = TimeSpan.FromSeconds(state.Config.RateLimitWindowSeconds);
        var now = options.TimeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        lock (_gate)
        {
            if (state.RateLimitEpoch != _epoch)
            {
                _epoch = state.RateLimitEpoch;
                _admitted.Clear();
                _dayCount = 0;
                _day = today;
            }
            while (_admitted.Count > 0 && _admitted.Peek() + window <= now) _admitted.Dequeue();
            if (today != _day)
            {
                _day = today;
                _dayCount = 0;
            }

            var refused = false;
            var wait = TimeSpan.Zero;
            if (perMinute > 0 && _admitted.Count >= perMinute)
            {
                refused = true;
                // The window holds at most perMinute requests once the one at this index has left it.
                var freesAt = _admitted.ElementAt(_admitted.Count - perMinute) + window;
                wait = Max(wait, freesAt - now);
            }
            if (perDay > 0 && _dayCount >= perDay)
            {
                refused = true;
                var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                wait = Max(wait, midnight - now);
            }
            if (refused) return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

            _admitted.Enqueue(now);
            _dayCount++;
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
