namespace WiseCx.Client.Http
{
    /// <summary>
    /// The session's own rate limiter, shared by every command and runspace that uses the session: a request waits
    /// for a slot rather than drawing a 429. Per minute it is a sliding window (never more than the limit in any 60 s);
    /// per day it counts requests since 00:00 UTC and stops at the daily limit, which long jobs reach first
    /// (150,000 a day is 104 a minute on average).
    /// A slot counts from when it is taken until its request is answered (the slot is disposed), and then for a minute
    /// from the answer: the server counts a request when it arrives, which can be well after the slot was taken (a new
    /// connection, a busy machine), so a minute counted from the slot alone could free it before the server's does.
    /// </summary>
    public sealed class RequestLimiter : IRequestLimiter
    {
        private readonly object _gate = new object();
        private readonly Queue<Slot> _lastMinute = new Queue<Slot>();
        private readonly Func<DateTime> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private DateTime _day;
        private long _today;
        private bool _warned;

        /// <param name="perMinute">Requests allowed in any 60 seconds.</param>
        /// <param name="perDay">Requests allowed per UTC day.</param>
        /// <param name="clock">UTC now; tests pass a fake one.</param>
        /// <param name="delay">How to wait; tests pass one that advances the fake clock.</param>
        public RequestLimiter(int perMinute, long perDay, Func<DateTime>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            if (perMinute < 1)
                throw new WcxInputException("The per-minute limit must be at least 1.", "RequestsPerMinute");
            if (perDay < 1)
                throw new WcxInputException("The daily limit must be at least 1.", "DailyRequestLimit");
            PerMinute = perMinute;
            PerDay = perDay;
            _clock = clock ?? (() => DateTime.UtcNow);
            _delay = delay ?? Task.Delay;
            _day = _clock().Date;
        }

        /// <summary>Requests allowed per minute.</summary>
        public int PerMinute { get; }

        /// <summary>Requests allowed per UTC day.</summary>
        public long PerDay { get; }

        /// <summary>Called once a day when 80% of the daily limit is used.</summary>
        public Action<string>? OnWarning { get; set; }

        /// <summary>Requests started in the current minute.</summary>
        public int UsedThisMinute
        {
            get
            {
                lock (_gate)
                {
                    Prune(_clock());
                    return _lastMinute.Count;
                }
            }
        }

        /// <summary>Requests started today (UTC).</summary>
        public long UsedToday
        {
            get
            {
                lock (_gate)
                {
                    RollDay(_clock());
                    return _today;
                }
            }
        }

        /// <summary>
        /// Waits for a slot and takes it; throws <see cref="WcxQuotaExceededException"/> when the day's limit is used.
        /// Dispose of the slot once the request has been answered (or has failed).
        /// </summary>
        public async Task<Slot> WaitAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                string? warning = null;
                Slot? taken = null;
                lock (_gate)
                {
                    var now = _clock();
                    RollDay(now);
                    if (_today >= PerDay)
                        throw new WcxQuotaExceededException(PerDay, _today);
                    Prune(now);
                    if (_lastMinute.Count < PerMinute)
                    {
                        taken = new Slot(this, now);
                        _lastMinute.Enqueue(taken);
                        _today++;
                        if (!_warned && _today >= PerDay * 8 / 10)
                        {
                            _warned = true;
                            warning = "80% of the daily request limit is used: " + _today + " of " + PerDay +
                                      " requests today (UTC). Requests stop at the limit; it resets at 00:00 UTC.";
                        }
                        wait = TimeSpan.Zero;
                    }
                    else
                    {
                        wait = _lastMinute.Peek().At.AddMinutes(1) - now;
                    }
                }
                if (taken != null)
                {
                    if (warning != null)
                        OnWarning?.Invoke(warning);
                    return taken;
                }
                await _delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken).ConfigureAwait(false);
            }
        }

        async Task<IDisposable> IRequestLimiter.AcquireAsync(CancellationToken cancellationToken) =>
            await WaitAsync(cancellationToken).ConfigureAwait(false);

        /// <summary>Nothing to release: the limiter lives in memory.</summary>
        public void Dispose()
        {
        }

        /// <summary>
        /// Counts today's requests as at least <paramref name="usedToday"/>: what a shared store had counted when this
        /// process stopped reaching it, so that the budget it keeps alone starts from there rather than from zero.
        /// </summary>
        internal void CountAtLeastToday(long usedToday)
        {
            lock (_gate)
            {
                RollDay(_clock());
                if (usedToday > _today)
                    _today = usedToday;
            }
        }

        /// <summary>
        /// Counts at least <paramref name="inWindow"/> requests in the current minute, as if taken and answered now: the
        /// shared window's slots when this process stopped reaching the store, so that it does not start a minute of its
        /// own on top of them.
        /// </summary>
        internal void CountAtLeastThisMinute(int inWindow)
        {
            lock (_gate)
            {
                var now = _clock();
                Prune(now);
                for (var missing = Math.Min(inWindow, PerMinute) - _lastMinute.Count; missing > 0; missing--)
                    _lastMinute.Enqueue(new Slot(this, now));
            }
        }

        /// <summary>
        /// The request of <paramref name="slot"/> was answered (or failed): its minute runs from now. A slot whose request
        /// outlived the minute has already left the window and stays out.
        /// </summary>
        private void Complete(Slot slot)
        {
            lock (_gate)
            {
                var now = _clock();
                if (!slot.Expired && now > slot.At)
                    slot.At = now;
            }
        }

        private void Prune(DateTime now)
        {
            // In the order taken: a slot answered late holds back the ones behind it, which errs on the safe side.
            var cutoff = now.AddMinutes(-1);
            while (_lastMinute.Count > 0 && _lastMinute.Peek().At <= cutoff)
                _lastMinute.Dequeue().Expired = true;
        }

        /// <summary>One request's place in the per-minute window; dispose of it when the request has been answered.</summary>
        public sealed class Slot : IDisposable
        {
            private readonly RequestLimiter _owner;

            internal Slot(RequestLimiter owner, DateTime at)
            {
                _owner = owner;
                At = at;
            }

            /// <summary>When the slot was taken, or when its request was answered once it has been.</summary>
            internal DateTime At { get; set; }

            /// <summary>The slot has left the window.</summary>
            internal bool Expired { get; set; }

            /// <summary>The request was answered (or failed): the slot's minute runs from now.</summary>
            public void Dispose() => _owner.Complete(this);
        }

        private void RollDay(DateTime now)
        {
            if (now.Date != _day)
            {
                _day = now.Date;
                _today = 0;
                _warned = false;
            }
        }
    }
}
