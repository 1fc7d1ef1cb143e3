namespace WiseCx.Client.Paging
{
    /// <summary>
    /// A list read by page number, for endpoints that cannot page by key. While the caller works through one page the
    /// next ones are already being fetched (a window that opens one page per full page seen, up to the prefetch limit,
    /// never past what -First needs). Pages by number shift when records before them disappear, so the first time this
    /// session is about to send a write while the read is under way (a Remove- or Set- further down the pipeline, or
    /// a parallel runspace on the same session), every remaining page is fetched before that write goes out: the read
    /// then holds the rest of the list, as <c>(Get-WcxContact) | Remove-WcxContact</c> would.
    /// </summary>
    internal sealed class NumberedPages<T>
    {
        private readonly Pager _pager;
        private readonly PageRequest _request;
        private readonly int _prefetchPages;
        private readonly object _gate = new object();
        private readonly Queue<(long Page, Task<ListPage<T>> Fetch)> _inFlight = new Queue<(long, Task<ListPage<T>>)>();
        private long _nextToFetch;
        private long _lastKnown = long.MaxValue;
        private bool _readAhead;
        private bool _finished;
        private CancellationToken _stop;

        /// <param name="pager">The pager that sends each page request.</param>
        /// <param name="request">The list request as the caller asked for it (conditions, fields, page size, -First).</param>
        /// <param name="prefetchPages">How many pages may be in flight at once.</param>
        /// <param name="firstPageRead">The first page when it was already read (by a reader that found it could not page by key).</param>
        public NumberedPages(Pager pager, PageRequest request, int prefetchPages, ListPage<T>? firstPageRead = null)
        {
            _pager = pager;
            _request = request;
            _prefetchPages = prefetchPages;
            _nextToFetch = request.FirstPage;
            if (firstPageRead != null)
                _inFlight.Enqueue((_nextToFetch++, Task.FromResult(firstPageRead)));
        }

        public IEnumerable<T> Read(CancellationToken cancellationToken, Action<PageProgress>? onPage)
        {
            var remaining = _request.First ?? long.MaxValue;
            if (remaining == 0)
                yield break;
            var offset = _request.FirstOffset;
            long delivered = 0;
            long fullPagesSeen = 0;
            long? total = null;
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
                            if (_inFlight.Count == 0 && !TryFetchNext())
                                break;
                            (page, fetch) = _inFlight.Dequeue();
                        }
                        var result = fetch.GetAwaiter().GetResult();
                        var items = result.Items;
                        bool isLast;
                        lock (_gate)
                        {
                            NoteEnd(page, result);
                            isLast = page >= _lastKnown;
                            if (!isLast)
                            {
                                fullPagesSeen++;
                                // Start the following pages before handing this one over, so the network works while
                                // the pipeline does; a short list costs no speculative request.
                                var window = (int)Math.Min(_prefetchPages, fullPagesSeen);
                                while (!_readAhead && _inFlight.Count < window && TryFetchNext()) { }
                            }
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
                    // pages still being fetched.
                    lock (_gate)
                    {
                        _finished = true;
                        stop.Cancel();
                        foreach (var pending in _inFlight)
                            pending.Fetch.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                        _inFlight.Clear();
                    }
                }
            }
        }

        /// <summary>Under the lock: requests the next page when one may exist and is needed.</summary>
        private bool TryFetchNext()
        {
            if (_nextToFetch > Math.Min(_request.LastNeededPage, _lastKnown))
                return false;
            _inFlight.Enqueue((_nextToFetch, _pager.FetchAsync<T>(_request.Path, _request.Parameters, _nextToFetch, _stop)));
            _nextToFetch++;
            return true;
        }

        /// <summary>Under the lock: a short page or <c>total_pages</c> shows the last page.</summary>
        private void NoteEnd(long page, ListPage<T> result)
        {
            if (result.Items.Count < _request.PageSize || result.Items.Count == 0)
                _lastKnown = Math.Min(_lastKnown, page);
            if (result.TotalPages.HasValue)
                _lastKnown = Math.Min(_lastKnown, result.TotalPages.Value);
        }

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
