using System.Diagnostics;

namespace WiseCx.Client.Paging
{
    /// <summary>
    /// A list read by page number, for endpoints that cannot page by key. While the caller works through one page the
    /// next ones are already being fetched: as each full page arrives, as many pages are asked for as the network and
    /// the session's rate call for (<see cref="PrefetchWindow"/>: a page's round-trip time × the page rate the reader and
    /// the rate limit allow), never past what -First needs nor past <c>total_pages</c>, and never more pages ahead of
    /// the reader than the prefetch bound. No page is asked for ahead of the reader before a full one arrived. Pages by
    /// number shift when records before them disappear, so the first time this session is about to send a write while
    /// the read is under way (a Remove- or Set- further down the pipeline, or a parallel runspace on the same session),
    /// every remaining page is fetched before that write goes out: the read then holds the rest of the list, as
    /// <c>(Get-WcxContact) | Remove-WcxContact</c> would.
    /// </summary>
    internal sealed class NumberedPages<T>
    {
        private readonly Pager _pager;
        private readonly PageRequest _request;
        private readonly int _prefetchPages;
        private readonly PrefetchWindow _window;
        private readonly object _gate = new object();

        /// <summary>Pages asked for and not yet taken by the reader (answered or not), in page order.</summary>
        private readonly Queue<(long Page, Task<ListPage<T>> Fetch)> _inFlight = new Queue<(long, Task<ListPage<T>>)>();

        /// <summary>Pages whose answer was already taken into account (<see cref="Arrived"/>).</summary>
        private readonly HashSet<long> _arrived = new HashSet<long>();
        private long _nextToFetch;
        private long _lastKnown = long.MaxValue;
        private long _fullPagesSeen;
        private int _unanswered;
        private bool _readAhead;
        private bool _finished;
        private CancellationToken _stop;

        /// <param name="pager">The pager that sends each page request.</param>
        /// <param name="request">The list request as the caller asked for it (conditions, fields, page size, -First).</param>
        /// <param name="prefetchPages">How many pages may be fetched ahead of the reader at most (the window's bound).</param>
        /// <param name="firstPageRead">The first page when it was already read (by a reader that found it could not page by key).</param>
        public NumberedPages(Pager pager, PageRequest request, int prefetchPages, ListPage<T>? firstPageRead = null)
        {
            _pager = pager;
            _request = request;
            _prefetchPages = prefetchPages;
            _window = new PrefetchWindow(prefetchPages, pager.RequestsPerMinute);
            _nextToFetch = request.FirstPage;
            if (firstPageRead != null)
            {
                var page = _nextToFetch++;
                _inFlight.Enqueue((page, Task.FromResult(firstPageRead)));
                Arrived(page, firstPageRead);
            }
        }

        public IEnumerable<T> Read(CancellationToken cancellationToken, Action<PageProgress>? onPage)
        {
            var remaining = _request.First ?? long.MaxValue;
            if (remaining == 0)
                yield break;
            var offset = _request.FirstOffset;
            long delivered = 0;
            long? total = null;
            long handedOverAt = 0;
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (_pager.ObserveWrites(ReadRemainingBeforeWrite))
            {
                _stop = stop.Token;
                try
                {
                    while (remaining > 0)
                    {
                        long page;
                        Task<ListPage<T>> fetch;
                        lock (_gate)
                        {
                            if (handedOverAt != 0)
                                _window.ReaderSpent(Elapsed(handedOverAt));
                            if (_inFlight.Count == 0 && !TryFetchNext())
                                break;
                            (page, fetch) = _inFlight.Dequeue();
                        }
                        var result = fetch.GetAwaiter().GetResult();
                        handedOverAt = Stopwatch.GetTimestamp();
                        var items = result.Items;
                        bool isLast;
                        lock (_gate)
                        {
                            // Usually done already when the page arrived; the reader may get there first.
                            Arrived(page, result);
                            isLast = page >= _lastKnown;
                            // Taking a page makes room ahead of the reader: start the following pages before handing
                            // this one over, so the network works while the pipeline does.
                            if (!isLast)
                                OpenWindow();
                        }

                        var count = (int)Math.Min(Math.Max(items.Count - offset, 0), remaining);
                        if (page == _request.FirstPage)
                            total = _request.TotalAfterFirstPage(page, items.Count, result.TotalItems, isLast);
                        // Reported before the records, so -IncludeTotalCount comes first.
                        onPage?.Invoke(new PageProgress(page, delivered + count, result.TotalItems ?? total));
                        for (var i = offset; i < offset + count; i++)
                        {
                            remaining--;
                            delivered++;
                            yield return items[i];
                        }
                        if (isLast)
                            break;
                        offset = 0;
                    }
                }
                finally
                {
                    // The end was reached or the caller stopped early (-First, Select-Object -First, Ctrl+C): drop the
                    // pages still being fetched; each was asked for and will never be read.
                    lock (_gate)
                    {
                        _finished = true;
                        stop.Cancel();
                        foreach (var pending in _inFlight)
                            pending.Fetch.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                        _pager.CountSpeculative(_inFlight.Count);
                        _inFlight.Clear();
                    }
                }
            }
        }

        /// <summary>Under the lock: asks for pages while the window and the bound allow it and more pages may exist.</summary>
        private void OpenWindow()
        {
            if (_readAhead || _finished)
                return;
            var window = _window.InFlight(_fullPagesSeen);
            while (_unanswered < window && _inFlight.Count < _window.Bound && TryFetchNext()) { }
        }

        /// <summary>Under the lock: requests the next page when one may exist and is needed.</summary>
        private bool TryFetchNext()
        {
            if (_nextToFetch > Math.Min(_request.LastNeededPage, _lastKnown))
                return false;
            var page = _nextToFetch++;
            var askedAt = Stopwatch.GetTimestamp();
            var fetch = _pager.FetchAsync<T>(_request.Path, _request.Parameters, page, _stop);
            _inFlight.Enqueue((page, fetch));
            _unanswered++;
            fetch.ContinueWith(t => Answered(page, t, askedAt), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return true;
        }

        /// <summary>On the thread pool, as a page's answer arrives: measures it and, when it was full, opens the window.</summary>
        private void Answered(long page, Task<ListPage<T>> fetch, long askedAt)
        {
            lock (_gate)
            {
                _unanswered--;
                if (_finished || fetch.Status != TaskStatus.RanToCompletion)
                    return;
                _window.PageAnswered(Elapsed(askedAt));
                Arrived(page, fetch.Result);
                if (page < _lastKnown)
                    OpenWindow();
            }
        }

        /// <summary>Under the lock, once per page: notes where the list ends and counts the full pages seen.</summary>
        private void Arrived(long page, ListPage<T> result)
        {
            if (!_arrived.Add(page))
                return;
            NoteEnd(page, result);
            if (page < _lastKnown)
                _fullPagesSeen++;
        }

        /// <summary>Under the lock: a short page or <c>total_pages</c> shows the last page.</summary>
        private void NoteEnd(long page, ListPage<T> result)
        {
            if (result.Items.Count < _request.PageSize || result.Items.Count == 0)
                _lastKnown = Math.Min(_lastKnown, page);
            if (result.TotalPages.HasValue)
                _lastKnown = Math.Min(_lastKnown, result.TotalPages.Value);
        }

        private static TimeSpan Elapsed(long since) =>
            TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - since) / (double)Stopwatch.Frequency);

        /// <summary>
        /// Called on the writer's thread before this session sends a write: fetches every page still to come (the
        /// pages already in flight were asked for before the write and stay valid). A failed page is left for the
        /// reader to report when it reaches it; the write is not held back by it.
        /// </summary>
        private void ReadRemainingBeforeWrite()
        {
            lock (_gate)
            {
                if (_readAhead || _finished)
                    return;
                _readAhead = true;
                WcxTrace.Current?.Verbose("A write is about to be sent while GET " + _request.Path +
                                          " is read by page number: its remaining pages are read first, so that none shifts.");
                while (true)
                {
                    foreach (var (page, fetch) in _inFlight)
                    {
                        try
                        {
                            NoteEnd(page, fetch.GetAwaiter().GetResult());
                        }
                        catch (Exception)
                        {
                            return;
                        }
                    }
                    var window = Math.Max(1, _prefetchPages);
                    var requested = 0;
                    while (requested < window && TryFetchNext())
                        requested++;
                    if (requested == 0)
                        return;
                }
            }
        }
    }
}
