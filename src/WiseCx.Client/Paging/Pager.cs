using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WiseCx.Client.Filtering;
using WiseCx.Client.Http;
using WiseCx.Client.Json;

namespace WiseCx.Client.Paging
{
    /// <summary>Progress of a paged read, reported after each page.</summary>
    public sealed class PageProgress
    {
        public PageProgress(long page, long itemsSoFar, long? totalItems)
        {
            Page = page;
            ItemsSoFar = itemsSoFar;
            TotalItems = totalItems;
        }

        public long Page { get; }
        public long ItemsSoFar { get; }

        /// <summary>Only the endpoints with a <c>pagination</c> object report a total.</summary>
        public long? TotalItems { get; }
    }

    /// <summary>
    /// Streams a list endpoint page by page. Counts pages itself (the API's <c>paging.next</c> and <c>paging.page</c>
    /// are wrong in its own examples) and stops at a short page, an empty page, or <c>total_pages</c> when given.
    /// While the caller works through one page the next is already being fetched; never beyond what
    /// <see cref="ListQuery.First"/> needs.
    /// </summary>
    public sealed class Pager
    {
        private readonly WcxConnection _connection;
        private readonly int _prefetchPages;

        /// <param name="connection">The session's HTTP pipeline (its rate limiter applies to prefetched pages too).</param>
        /// <param name="prefetchPages">Pages fetched ahead of the reader at most; 0 fetches each page only when needed.</param>
        public Pager(WcxConnection connection, int prefetchPages = WcxClientOptions.DefaultPrefetchPages)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            if (prefetchPages < 0)
                throw new WcxInputException("PrefetchPages cannot be negative.", "PrefetchPages");
            _prefetchPages = prefetchPages;
        }

        /// <summary>
        /// Validates the query now (so bad input fails before any request) and returns a lazy sequence: no request is
        /// sent until it is enumerated, and enumeration stops requesting when the caller stops reading.
        /// </summary>
        public IEnumerable<T> List<T>(EndpointSpec endpoint, string path, ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null)
        {
            var parameters = query.ToParameters(endpoint);
            var pageSize = query.PageSize;
            if (query.First.HasValue && query.First.Value > 0 && query.First.Value < pageSize && query.Skip == 0)
            {
                // A small -First needs a small page, not a full one.
                pageSize = (int)query.First.Value;
                parameters.RemoveAll(p => p.Key == "limit");
                parameters.Add(new KeyValuePair<string, string>("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            return Stream<T>(path, parameters, pageSize, query.Skip, query.First, cancellationToken, onPage);
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
            return Stream<System.Text.Json.JsonElement>(path, list, pageSize, 0, null, cancellationToken, onPage).Select(WcxJson.ToPlainValue);
        }

        private IEnumerable<T> Stream<T>(string path, List<KeyValuePair<string, string>> parameters, int pageSize, long skip, long? first,
            CancellationToken cancellationToken, Action<PageProgress>? onPage)
        {
            var remaining = first ?? long.MaxValue;
            if (remaining == 0)
                yield break;

            var firstPage = skip / pageSize + 1;
            var offset = (int)(skip % pageSize);
            var lastNeeded = first.HasValue ? (skip + first.Value - 1) / pageSize + 1 : long.MaxValue;
            var lastKnown = long.MaxValue;
            var nextToFetch = firstPage;
            long delivered = 0;
            long fullPagesSeen = 0;
            var inFlight = new Queue<(long Page, Task<ListPage<T>> Fetch)>();
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                try
                {
                    inFlight.Enqueue((nextToFetch, FetchAsync<T>(path, parameters, nextToFetch, stop.Token)));
                    nextToFetch++;
                    while (inFlight.Count > 0 && remaining > 0)
                    {
                        var (page, fetch) = inFlight.Dequeue();
                        var result = fetch.GetAwaiter().GetResult();
                        var items = result.Items;
                        var full = items.Count >= pageSize && items.Count > 0;
                        if (!full)
                            lastKnown = page;
                        if (result.TotalPages.HasValue)
                            lastKnown = Math.Min(lastKnown, result.TotalPages.Value);
                        var isLast = page >= lastKnown;
                        if (!isLast)
                        {
                            fullPagesSeen++;
                            // Start the following pages before handing this one over, so the network works while the
                            // pipeline does. The window opens one page per full page seen (a short list costs no
                            // speculative request) up to PrefetchPages, and never past what -First needs.
                            var window = (int)Math.Min(_prefetchPages, fullPagesSeen);
                            while (inFlight.Count < window && nextToFetch <= Math.Min(lastNeeded, lastKnown))
                            {
                                inFlight.Enqueue((nextToFetch, FetchAsync<T>(path, parameters, nextToFetch, stop.Token)));
                                nextToFetch++;
                            }
                        }

                        for (var i = offset; i < items.Count && remaining > 0; i++)
                        {
                            remaining--;
                            delivered++;
                            yield return items[i];
                        }
                        onPage?.Invoke(new PageProgress(page, delivered, result.TotalItems));
                        if (isLast)
                            break;
                        if (inFlight.Count == 0 && remaining > 0 && nextToFetch <= Math.Min(lastNeeded, lastKnown))
                        {
                            // No prefetch: the next page is asked for only now.
                            inFlight.Enqueue((nextToFetch, FetchAsync<T>(path, parameters, nextToFetch, stop.Token)));
                            nextToFetch++;
                        }
                        offset = 0;
                    }
                }
                finally
                {
                    // The end was reached or the caller stopped early (-First, Select-Object -First, Ctrl+C):
                    // drop the pages still being fetched.
                    stop.Cancel();
                    foreach (var pending in inFlight)
                        pending.Fetch.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                }
            }
        }

        private async Task<ListPage<T>> FetchAsync<T>(string path, List<KeyValuePair<string, string>> parameters, long page, CancellationToken cancellationToken)
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
            return WcxConnection.SaysNotFound(error.ApiMessage);
        }

        private static bool HasParentId(string path) =>
            path.Split('/').Any(segment => segment.Length > 0 && segment.All(char.IsDigit));
    }
}
