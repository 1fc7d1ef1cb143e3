namespace WiseCx.Client.Paging
{
    /// <summary>
    /// A list read by key (<see cref="KeysetOrder"/>): the first page by number (so -Skip lands where it would), each
    /// later one as "the records after the last id of the page before", asked for as soon as that page arrives, while
    /// the caller works through it. What the caller does to the records it was given cannot move the ones to come.
    /// Should the API ignore the sort or the condition on the id (records out of order, or ones already read, come
    /// back), the list is read by page number (<see cref="NumberedPages{T}"/>), still never handing a record over twice.
    /// </summary>
    internal sealed class KeysetPages<T>
    {
        private readonly Pager _pager;
        private readonly PageRequest _request;
        private readonly KeysetOrder _order;
        private readonly Func<long, string> _filteringAfter;
        private readonly int _prefetchPages;

        /// <param name="pager">The pager that sends each page request.</param>
        /// <param name="request">The list request as the caller asked for it (conditions, fields, page size, -First).</param>
        /// <param name="order">The key the list is read by, newest first.</param>
        /// <param name="filteringAfter">The <c>filtering</c> value for "the caller's conditions, after this id".</param>
        /// <param name="prefetchPages">How many pages may be in flight at once.</param>
        public KeysetPages(Pager pager, PageRequest request, KeysetOrder order, Func<long, string> filteringAfter, int prefetchPages)
        {
            _prefetchPages = prefetchPages;
            _pager = pager;
            _request = request;
            _order = order;
            _filteringAfter = filteringAfter;
        }

        public IEnumerable<T> Read(CancellationToken cancellationToken, Action<PageProgress>? onPage)
        {
            var remaining = _request.First ?? long.MaxValue;
            if (remaining == 0)
                yield break;
            var offset = _request.FirstOffset;
            long pagesRead = 0;
            long delivered = 0;
            long? total = null;
            long? lastId = null;
            IEnumerable<T>? fallback = null;
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                Task<ListPage<T>>? next = _pager.FetchAsync<T>(_request.Path, _request.Parameters, _request.FirstPage, stop.Token);
                try
                {
                    // (The reading loop, then the fallback if the API turned out not to page by key.)
                    while (next != null && remaining > 0)
                    {
                        var result = next.GetAwaiter().GetResult();
                        next = null;
                        var items = result.Items;
                        if (pagesRead == 0 && !_order.IsInOrder(items, KeysetOrder.IdOf))
                        {
                            // Not sorted by id as asked: there is no key to page after. Read by number, from this first page on.
                            WcxTrace.Current?.Warning("GET " + _request.Path + " did not sort by id as asked; it is read by page number.");
                            fallback = new NumberedPages<T>(_pager, _request, _prefetchPages, result).Read(stop.Token, onPage);
                            break;
                        }
                        if (lastId.HasValue && items.Any(item => !_order.IsAfter(KeysetOrder.IdOf(item), lastId.Value)))
                        {
                            // Records already read came back: the API ignored the condition on the id. Read by number from
                            // the start, passing over everything up to the last id handed over (wherever removals moved it).
                            WcxTrace.Current?.Warning("GET " + _request.Path + " ignored the condition on the id; the rest is read by page number.");
                            var after = lastId.Value;
                            fallback = new NumberedPages<T>(_pager, new PageRequest(_request.Path, _request.Parameters, _request.PageSize, 0, null), _prefetchPages)
                                .Read(stop.Token, null).Where(item => _order.IsAfter(KeysetOrder.IdOf(item), after));
                            break;
                        }
                        pagesRead++;
                        var full = items.Count >= _request.PageSize && items.Count > 0;
                        var pageNumber = lastId.HasValue ? 1 : _request.FirstPage;
                        var isLast = !full || (result.TotalPages.HasValue && result.TotalPages.Value <= pageNumber);
                        var count = (int)Math.Min(Math.Max(items.Count - offset, 0), remaining);
                        var lastOfPage = items.Count > 0 ? KeysetOrder.IdOf(items[items.Count - 1]) : null;
                        if (!isLast && remaining > count)
                        {
                            // The next page depends only on this page's last id, so it is asked for before this page
                            // is handed over.
                            next = FetchAfter(lastOfPage!.Value, stop.Token);
                        }
                        if (pagesRead == 1)
                            total = _request.TotalAfterFirstPage(_request.FirstPage, items.Count, result.TotalItems, isLast);
                        onPage?.Invoke(new PageProgress(pagesRead, delivered + count, total));
                        for (var i = offset; i < offset + count; i++)
                        {
                            remaining--;
                            delivered++;
                            yield return items[i];
                        }
                        lastId = lastOfPage;
                        offset = 0;
                    }
                    foreach (var item in fallback ?? Enumerable.Empty<T>())
                    {
                        if (remaining-- <= 0)
                            break;
                        yield return item;
                    }
                }
                finally
                {
                    // The end was reached or the caller stopped early: drop the page still being fetched, a request
                    // spent for nothing.
                    stop.Cancel();
                    if (next != null)
                    {
                        next.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                        _pager.CountSpeculative(1);
                    }
                }
            }
        }

        private Task<ListPage<T>> FetchAfter(long lastId, CancellationToken cancellationToken)
        {
            // The caller's parameters in their order, with the filter replaced by one that adds "after this id".
            var filtering = new KeyValuePair<string, string>("filtering", _filteringAfter(lastId));
            var parameters = new List<KeyValuePair<string, string>>();
            foreach (var parameter in _request.Parameters)
            {
                if (parameter.Key == "filtering")
                    continue;
                if ((parameter.Key == "sort" || parameter.Key == "limit") && !parameters.Contains(filtering))
                    parameters.Add(filtering);
                parameters.Add(parameter);
            }
            if (!parameters.Contains(filtering))
                parameters.Add(filtering);
            return _pager.FetchAsync<T>(_request.Path, parameters, 1, cancellationToken);
        }

    }
}
