using System.Runtime.CompilerServices;

namespace WiseCx.Client.Http.SharedLimit
{
    /// <summary>
    /// The limit shared by every process and machine that connects with the same API root and user through one store:
    /// each acquisition is one atomic script in the store (see <see cref="StoreScripts"/>), on the store's clock, with the
    /// local limiter's rule that a slot counts until a minute after its answer. When the store cannot be reached, the
    /// session either keeps to the limits on its own (<see cref="WcxRateLimitStoreFailure.Local"/>: one warning, and
    /// back to the store as soon as it answers, its day count then including what was sent meanwhile) or fails the
    /// request before sending it (<see cref="WcxRateLimitStoreFailure.Stop"/>). Either way no request is sent twice or
    /// lost: the store is asked before a request goes out, never after.
    /// </summary>
    internal sealed class SharedRequestLimiter : IRequestLimiter, ISharedLimit
    {
        /// <summary>How often a session counting alone tries the store again.</summary>
        internal static readonly TimeSpan RejoinInterval = TimeSpan.FromSeconds(2);

        /// <summary>The longest one wait for a full minute lasts before the store is asked again.</summary>
        private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

        private readonly object _gate = new object();
        private readonly RedisStore _store;
        private readonly RequestLimiter _local;
        private readonly WcxRateLimitStoreFailure _failure;
        private readonly string _processId = Guid.NewGuid().ToString("N");
        private readonly long _leaseMs;
        private long _slotNumber;
        private long _sentWhileAway;
        private long _lastKnownToday;
        private int _lastKnownInWindow;
        private long _lastKnownStoreDay = -1;
        private DateTime _lastKnownDay;
        private DateTime _warnedDay;
        private bool _away;
        private DateTime _tryStoreAt;

        private SharedRequestLimiter(WcxClientOptions options, RequestLimiter local)
        {
            _local = local;
            _failure = options.RateLimitStoreFailure;
            var store = options.RateLimitStore!;
            Display = StoreAddress.Display(store);
            // The longest a request can hold its slot unanswered: past it the slot frees itself (a process that died).
            _leaseMs = (long)options.RequestTimeout.TotalMilliseconds + 5000;
            _store = new RedisStore(
                store,
                options.RateLimitStoreUser ?? StoreAddress.UserOf(store),
                SecureText.Reveal(options.RateLimitStorePassword) ?? StoreAddress.PasswordOf(store),
                StoreAddress.KeyPrefix(options.NormalizedBaseUri, options.User));
        }

        /// <summary>
        /// The only way in: kept apart from the caller so that StackExchange.Redis loads only when a session names a
        /// store (the JIT resolves a method's types when it compiles the method, not before).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static IRequestLimiter Create(WcxClientOptions options, RequestLimiter local) =>
            new SharedRequestLimiter(options, local)
            {
                OnWarning = local.OnWarning,
                OnNotice = message => WcxTrace.Current?.Verbose(message),
            };

        public string Display { get; }

        public string Status
        {
            get
            {
                lock (_gate)
                    return _away ? "Local" : "Shared";
            }
        }

        /// <summary>Called with a warning: the store stopped answering, or 80% of the day is used.</summary>
        internal Action<string>? OnWarning { get; set; }

        /// <summary>Called with a note of lesser weight: the store answers again.</summary>
        internal Action<string>? OnNotice { get; set; }

        /// <summary>The store's keys (tests).</summary>
        internal RedisStore Store => _store;

        public int PerMinute => _local.PerMinute;

        public long PerDay => _local.PerDay;

        public int UsedThisMinute => Usage().ThisMinute;

        public long UsedToday => Usage().Today;

        public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (!ShouldAskStore())
                {
                    var local = await _local.WaitAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _sentWhileAway);
                    return local;
                }
                var slotId = _processId + ":" + Interlocked.Increment(ref _slotNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var sentWhileAway = Interlocked.Exchange(ref _sentWhileAway, 0);
                long rememberedToday, rememberedDay;
                lock (_gate)
                {
                    rememberedToday = _lastKnownToday;
                    rememberedDay = _lastKnownStoreDay;
                }
                AcquireResult result;
                try
                {
                    result = await _store.AcquireAsync(PerMinute, PerDay, slotId, _leaseMs, sentWhileAway, rememberedToday, rememberedDay, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (StoreUnreachableException ex)
                {
                    // Counted again on the next answer. Had the store applied the script before the failure, the day
                    // counts those requests twice: the error is on the side of sending fewer.
                    Interlocked.Add(ref _sentWhileAway, sentWhileAway);
                    if (_failure == WcxRateLimitStoreFailure.Stop)
                        throw new WcxRateLimitStoreException(Display, ex.Message);
                    LeaveStore(ex.Message);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Add(ref _sentWhileAway, sentWhileAway);
                    // The script may have run: free the slot it may have taken.
                    _store.Answered(slotId);
                    throw;
                }
                Rejoin(result);
                if (result.Status == 1)
                {
                    WarnNearTheDailyLimit(result.UsedToday);
                    return new StoreSlot(_store, slotId);
                }
                if (result.Status < 0)
                    throw new WcxQuotaExceededException(PerDay, result.UsedToday);
                var wait = TimeSpan.FromMilliseconds(Math.Max(1, Math.Min(result.WaitOrInWindow, (long)LongestWait.TotalMilliseconds)));
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        private bool ShouldAskStore()
        {
            lock (_gate)
                return !_away || DateTime.UtcNow >= _tryStoreAt;
        }

        private void LeaveStore(string reason)
        {
            string? warning = null;
            lock (_gate)
            {
                _tryStoreAt = DateTime.UtcNow + RejoinInterval;
                if (_away)
                    return;
                _away = true;
                if (_lastKnownDay == DateTime.UtcNow.Date)
                    _local.CountAtLeastToday(_lastKnownToday);
                // The shared window as last seen stays counted for a minute: the others' requests are still in the
                // server's minute, so this process alone must not start a full minute on top of them.
                _local.CountAtLeastThisMinute(_lastKnownInWindow);
                warning = "The rate-limit store " + Display + " did not answer (" + reason + "). Until it does, this process keeps to " +
                          PerMinute + " requests a minute and " + PerDay + " a day on its own, without the other processes sharing the store; " +
                          "it rejoins the store as soon as the store answers.";
            }
            OnWarning?.Invoke(warning);
        }

        private void Rejoin(AcquireResult result)
        {
            bool rejoined;
            lock (_gate)
            {
                _lastKnownToday = result.UsedToday;
                _lastKnownStoreDay = result.Day;
                // Admitted: the slots in the window, this one included; a full minute: the limit.
                _lastKnownInWindow = result.Status == 1 ? (int)Math.Min(result.WaitOrInWindow, int.MaxValue) : result.Status == 0 ? PerMinute : _lastKnownInWindow;
                _lastKnownDay = DateTime.UtcNow.Date;
                rejoined = _away;
                _away = false;
            }
            if (rejoined)
                OnNotice?.Invoke("The rate-limit store " + Display + " answers again: this process shares its limits again.");
        }

        private void WarnNearTheDailyLimit(long usedToday)
        {
            if (usedToday < PerDay * 8 / 10)
                return;
            lock (_gate)
            {
                if (_warnedDay == DateTime.UtcNow.Date)
                    return;
                _warnedDay = DateTime.UtcNow.Date;
            }
            OnWarning?.Invoke("80% of the shared daily request limit is used: " + usedToday + " of " + PerDay +
                              " requests today (UTC), counted across every process sharing the store " + Display +
                              ". Requests stop at the limit; it resets at 00:00 UTC.");
        }

        /// <summary>The store's counts; this process's own while the store does not answer.</summary>
        private (int ThisMinute, long Today) Usage()
        {
            bool away;
            lock (_gate)
                away = _away;
            if (!away)
            {
                try
                {
                    return _store.Usage();
                }
                catch (StoreUnreachableException)
                {
                    // Shown from this process's own counts until the store answers.
                }
            }
            return (_local.UsedThisMinute, _local.UsedToday);
        }

        public void Dispose() => _store.Dispose();

        /// <summary>A slot in the store's window; disposing it marks the request answered.</summary>
        private sealed class StoreSlot : IDisposable
        {
            private RedisStore? _store;
            private readonly string _id;

            internal StoreSlot(RedisStore store, string id)
            {
                _store = store;
                _id = id;
            }

            public void Dispose() => Interlocked.Exchange(ref _store, null)?.Answered(_id);
        }
    }

    /// <summary>What a session shows of its store (Get-WcxContext): kept apart from the limiter's type, which brings StackExchange.Redis.</summary>
    internal interface ISharedLimit
    {
        /// <summary>The store's address, without credentials.</summary>
        string Display { get; }

        /// <summary>"Shared" while the store answers; "Local" while this process counts alone.</summary>
        string Status { get; }
    }
}
