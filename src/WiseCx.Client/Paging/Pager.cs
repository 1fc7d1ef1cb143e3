namespace WiseCx.Client.Paging
{
    /// <summary>Progress of a paged read, reported after each page.</summary>
    public sealed class PageProgress
    {
        /// <summary>Progress after one page.</summary>
        public PageProgress(long page, long itemsSoFar, long? totalItems)
        {
            Page = page;
            ItemsSoFar = itemsSoFar;
            TotalItems = totalItems;
        }

        /// <summary>The page just read (1 for the first).</summary>
        public long Page { get; }
        /// <summary>Records read so far, this page included.</summary>
        public long ItemsSoFar { get; }

        /// <summary>Only the endpoints with a <c>pagination</c> object report a total.</summary>
        public long? TotalItems { get; }
    }

    /// <summary>
    /// Streams a list endpoint page by page, each record exactly once even when a command further down the pipeline
    /// removes or changes the records it is given: by key where the endpoint allows it (<see cref="KeysetPages{T}"/>),
    /// else by number, reading ahead before a write of this session (<see cref="NumberedPages{T}"/>). Counts pages
    /// itself (the API's <c>paging.next</c> and <c>paging.page</c> are wrong in its own examples) and stops at a short
    /// page, an empty page, or <c>total_pages</c> when given; never asks beyond what <see cref="ListQuery.First"/> needs.
    /// </summary>
    public sealed class Pager
    {
        private readonly WcxConnection _connection;
        private readonly int _prefetchPages;
        private long _speculativePageRequests;

        /// <param name="connection">The session's HTTP pipeline (its rate limiter applies to prefetched pages too).</param>
        /// <param name="prefetchPages">Pages fetched ahead of the reader at most, the bound of each list's prefetch window
        /// (<see cref="WcxClientOptions.PrefetchPages"/>); 0 fetches each page only when needed.</param>
        public Pager(WcxConnection connection, int prefetchPages = WcxClientOptions.DefaultPrefetchPages)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            if (prefetchPages < 0)
                throw new WcxInputException("PrefetchPages cannot be negative.", "PrefetchPages");
            _prefetchPages = prefetchPages;
        }

        /// <summary>
        /// Validates the query now (so bad input fails before any request) and returns a lazy sequence: no request is
        /// sent until it is enumerated, and enumeration stops requesting when the caller stops reading. Where the
        /// endpoint can compare ids and the caller sorts by nothing else, pages are read by key (<see cref="KeysetOrder"/>);
        /// elsewhere by number, reading the remaining pages before a write of this session can shift them.
        /// </summary>
        public IEnumerable<T> List<T>(EndpointSpec endpoint, string path, ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null)
        {
            var keyset = KeysetOrder.For(endpoint, query);
            if (keyset != null)
                query = keyset.Apply(query);
            var parameters = query.ToParameters(endpoint);
            var pageSize = query.PageSize;
            if (query.First.HasValue && query.First.Value > 0 && query.First.Value < pageSize && query.Skip == 0)
            {
                // A small -First needs a small page, not a full one.
                pageSize = (int)query.First.Value;
                parameters.RemoveAll(p => p.Key == "limit");
                parameters.Add(new KeyValuePair<string, string>("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            var request = new PageRequest(path, parameters, pageSize, query.Skip, query.First);
            if (keyset is null)
                return new NumberedPages<T>(this, request, _prefetchPages).Read(cancellationToken, onPage);
            var filter = query.Filter;
            return new KeysetPages<T>(this, request, keyset,
                lastId => FilterCompiler.Compile(keyset.After(filter, lastId), endpoint), _prefetchPages).Read(cancellationToken, onPage);
        }

        /// <summary>
        /// Streams any list path with caller-built parameters (no endpoint table), for Invoke-WcxRequest -All.
        /// Items come back as plain values (dictionaries, arrays, strings, numbers).
        /// </summary>
        public IEnumerable<object?> ListRaw(string path, IEnumerable<KeyValuePair<string, string>> parameters, int pageSize,
            CancellationToken cancellationToken, Action<PageProgress>? onPage = null)
        {
            if (pageSize < 1 || pageSize > ListQuery.MaxPageSize)
                throw new WcxInputException("PageSize must be between 1 and " + ListQuery.MaxPageSize + "; it was " + pageSize + ".", "PageSize");
            var list = parameters.Where(p => p.Key != "page" && p.Key != "limit").ToList();
            list.Add(new KeyValuePair<string, string>("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new NumberedPages<System.Text.Json.JsonElement>(this, new PageRequest(path, list, pageSize, 0, null), _prefetchPages)
                .Read(cancellationToken, onPage).Select(WcxJson.ToPlainValue);
        }

        /// <summary>
        /// Pages this pager asked for that turned out not to be needed: fetched ahead past the end of a list (after the
        /// page that showed where it ends, an empty or short page or <c>total_pages</c>), or still unread when the read
        /// ended (the caller stopped early, or a write made the read fetch the rest). Each was a request spent, counted
        /// even when it was dropped before its answer came. Reads that stop where they should, by <c>total_pages</c> or
        /// -First, add nothing.
        /// </summary>
        public long SpeculativePageRequests => Interlocked.Read(ref _speculativePageRequests);

        /// <summary>The session's limit per minute, which caps the page rate a prefetch window asks for.</summary>
        internal int RequestsPerMinute => _connection.Limiter.PerMinute;

        /// <summary>Adds pages asked for and never read to <see cref="SpeculativePageRequests"/>.</summary>
        internal void CountSpeculative(int pages)
        {
            if (pages > 0)
                Interlocked.Add(ref _speculativePageRequests, pages);
        }

        /// <summary>Runs <paramref name="beforeWrite"/> before each write this session sends, until disposed.</summary>
        internal IDisposable ObserveWrites(Action beforeWrite) => _connection.ObserveWrites(beforeWrite);

        /// <summary>One page: <paramref name="parameters"/> with <c>page=<paramref name="page"/></c>.</summary>
        internal async Task<ListPage<T>> FetchAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> parameters, long page,
            CancellationToken cancellationToken)
        {
            var withPage = new List<KeyValuePair<string, string>>(parameters)
            {
                new KeyValuePair<string, string>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            ApiResponse response;
            try
            {
                response = await _connection.SendAsync(HttpMethod.Get, QueryString.Append(path, withPage), null, cancellationToken).ConfigureAwait(false);
            }
            catch (WcxApiException ex) when (IsEmptyListAnswer(ex, path))
            {
                WcxTrace.Current?.Verbose("GET " + path + " page " + page + ": HTTP " + ex.StatusCode + " '" + ex.ApiMessage + "' read as an empty page.");
                return new ListPage<T>(Array.Empty<T>(), null, null);
            }
            return WcxJsonReader.ReadPage<T>(response, "GET", path);
        }

        /// <summary>
        /// The live API answers a list with nothing in it (no match, or the page after an exactly full last page) with
        /// HTTP 400 and a body such as <c>{"error":"Cases not found.","code":400}</c>: that is an empty page, not an error.
        /// A 404 saying "not found" is read the same way on a top-level list only: under a parent
        /// (<c>surveys/99/responses</c>) it means the parent does not exist, which stays an error.
        /// </summary>
        internal static bool IsEmptyListAnswer(WcxApiException error, string path)
        {
            if (!(error is WcxBadRequestException) && !(error is WcxNotFoundException && !HasParentId(path)))
                return false;
            return ResponseReading.SaysNotFound(error.ApiMessage);
        }

        private static bool HasParentId(string path) =>
            path.Split('/').Any(segment => segment.Length > 0 && segment.All(char.IsDigit));
    }
}
