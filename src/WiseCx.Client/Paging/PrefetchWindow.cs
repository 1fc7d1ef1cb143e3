namespace WiseCx.Client.Paging
{
    /// <summary>
    /// How many pages of one list read may be in flight (asked for and not yet answered), from Little's law: pages in
    /// flight = a page's round-trip time × the page rate wanted, the rate being the lower of what the reader takes
    /// (pages a second it works through) and what the session's rate limiter allows (requests a minute ÷ 60). Rounded
    /// up; at least one page once a full page was seen, none before; never more than the full pages seen (the window
    /// opens one page per full page, so a short list costs few pages past its end), nor than the bound
    /// (<see cref="WcxClientOptions.PrefetchPages"/>). Not thread-safe: the owner calls it under its own lock.
    /// </summary>
    internal sealed class PrefetchWindow
    {
        /// <summary>Weight of a new sample in the running averages (as TCP smooths its round-trip time).</summary>
        private const double Weight = 0.25;

        private readonly double _limitPagesPerSecond;
        private double? _roundTripSeconds;
        private long _answers;
        private double? _readerSecondsPerPage;

        /// <param name="bound">Pages ahead of the reader at most (0: none).</param>
        /// <param name="requestsPerMinute">The session's limit, which caps the page rate worth asking for.</param>
        public PrefetchWindow(int bound, int requestsPerMinute)
        {
            Bound = Math.Max(0, bound);
            _limitPagesPerSecond = Math.Max(1, requestsPerMinute) / 60.0;
        }

        /// <summary>Pages ahead of the reader at most, in flight or answered and not yet read.</summary>
        public int Bound { get; }

        /// <summary>The smoothed round-trip time of a page, once one was measured.</summary>
        public TimeSpan? RoundTrip => _roundTripSeconds.HasValue ? TimeSpan.FromSeconds(_roundTripSeconds.Value) : (TimeSpan?)null;

        /// <summary>
        /// A page was answered <paramref name="roundTrip"/> after it was asked for. The first page of a read may carry
        /// one-off work (a new connection, compiling the read path): a second answer that came faster replaces it
        /// rather than being averaged with it.
        /// </summary>
        public void PageAnswered(TimeSpan roundTrip)
        {
            var seconds = Math.Max(0, roundTrip.TotalSeconds);
            _roundTripSeconds = ++_answers == 2 && seconds < _roundTripSeconds ? seconds : Smooth(_roundTripSeconds, seconds);
        }

        /// <summary>The reader spent <paramref name="time"/> on one page (waiting for it not included).</summary>
        public void ReaderSpent(TimeSpan time) => _readerSecondsPerPage = Smooth(_readerSecondsPerPage, Math.Max(0, time.TotalSeconds));

        /// <summary>Pages that may be in flight once <paramref name="fullPagesSeen"/> full pages arrived.</summary>
        public int InFlight(long fullPagesSeen)
        {
            if (Bound == 0 || fullPagesSeen <= 0)
                return 0;
            var cap = (int)Math.Min(Bound, fullPagesSeen);
            if (!_roundTripSeconds.HasValue)
                return 1;
            var rate = _limitPagesPerSecond;
            if (_readerSecondsPerPage.HasValue && _readerSecondsPerPage.Value > 0)
                rate = Math.Min(rate, 1 / _readerSecondsPerPage.Value);
            var pages = Math.Ceiling(_roundTripSeconds.Value * rate);
            return (int)Math.Max(1, Math.Min(cap, pages));
        }

        private static double Smooth(double? average, double sample) =>
            average.HasValue ? average.Value + Weight * (sample - average.Value) : sample;
    }
}
