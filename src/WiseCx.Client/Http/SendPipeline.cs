using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Polly;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// Puts one request on the wire and brings its answer back: a slot of the session's limiter (<see cref="IRequestLimiter"/>),
    /// the retries <see cref="RetryPolicy"/> allows, the per-attempt timeout, the trace. It maps no errors: a failed
    /// answer is returned as it came (see <see cref="ErrorMapping"/>).
    /// </summary>
    internal sealed class SendPipeline : IDisposable
    {
        /// <summary>.NET Framework and Mono (mscorlib), whose HttpClientHandler is built on ServicePointManager.</summary>
        private static readonly bool IsNetFramework = typeof(object).Assembly.GetName().Name == "mscorlib";

        private readonly WcxClientOptions _options;
        private readonly HttpClient _http;
        private readonly ResiliencePipeline<ApiResponse> _retry;
        private long _requestCount;
        private volatile bool _disposed;

        internal SendPipeline(WcxClientOptions options)
        {
            _options = options;
            BaseUri = options.NormalizedBaseUri;
            History = new ExchangeHistory();
            var handler = options.Handler ?? new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false,
            };
            if (options.Handler is null && IsNetFramework)
                ApplyNetFrameworkServicePoint(BaseUri, options.PrefetchPages);
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            // .NET Framework sends "Expect: 100-continue" before every body and waits for the answer (a round trip per
            // write); the API never answers 100, so it only costs time. .NET Core does not send it unless asked.
            _http.DefaultRequestHeaders.ExpectContinue = false;
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("WiseCx-PowerShell", typeof(SendPipeline).Assembly.GetName().Version?.ToString(3)));
            _retry = RetryPolicy.Build(options);
            var local = new RequestLimiter(options.RequestsPerMinute, options.DailyRequestLimit)
            {
                OnWarning = message => WcxTrace.Current?.Warning(message),
            };
            Limiter = options.RateLimitStore is null ? local : SharedLimit.SharedRequestLimiter.Create(options, local);
        }

        internal Uri BaseUri { get; }

        internal IRequestLimiter Limiter { get; }

        /// <summary>The session's last exchanges (see <see cref="ExchangeHistory"/>).</summary>
        internal ExchangeHistory History { get; }

        /// <summary>HTTP attempts sent so far (authentication and retries included).</summary>
        internal long RequestCount => Interlocked.Read(ref _requestCount);

        /// <summary>
        /// Connections per host the session needs on .NET Framework: the pages a list reads ahead, plus room for the
        /// writers and the token renewal beside them, never below 16. The framework's default is 2, which would make a
        /// prefetching list wait on itself.
        /// </summary>
        internal static int NetFrameworkConnectionLimit(int prefetchPages) => Math.Max(prefetchPages + 4, 16);

        /// <summary>
        /// On .NET Framework the handler takes its limits from ServicePointManager. The API's ServicePoint is set now;
        /// the default is raised too (never lowered) because an idle ServicePoint is dropped after
        /// MaxServicePointIdleTime and recreated from the defaults, and a long session outlives that.
        /// </summary>
        internal static void ApplyNetFrameworkServicePoint(Uri baseUri, int prefetchPages)
        {
            var limit = NetFrameworkConnectionLimit(prefetchPages);
            if (ServicePointManager.DefaultConnectionLimit < limit)
                ServicePointManager.DefaultConnectionLimit = limit;
            var point = ServicePointManager.FindServicePoint(baseUri);
            if (point.ConnectionLimit < limit)
                point.ConnectionLimit = limit;
            point.Expect100Continue = false;
        }

        /// <summary>Sends the request, retrying where allowed, and returns the last answer whatever its status.</summary>
        internal async Task<ApiResponse> SendAsync(
            HttpMethod method, string pathAndQuery, byte[]? payload, TokenState credential, bool idempotent, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RetryPolicy.IdempotentKey, idempotent);
            var attempts = new StrongBox<int>();
            try
            {
                var response = await _retry.ExecuteAsync(
                    (ctx, state) =>
                    {
                        state.Attempts.Value++;
                        return state.Self.SendOnceAsync(state.Method, state.PathAndQuery, state.Payload, state.Credential, state.Attempts.Value, ctx.CancellationToken);
                    },
                    context,
                    (Self: this, Method: method, PathAndQuery: pathAndQuery, Payload: payload, Credential: credential, Attempts: attempts)).ConfigureAwait(false);
                // A DELETE retried after an attempt that may have been applied finds the object gone: that is the goal reached.
                if (method == HttpMethod.Delete && attempts.Value > 1 && response.Status == HttpStatusCode.NotFound)
                    return new ApiResponse(HttpStatusCode.NoContent, Array.Empty<byte>(), null);
                return response;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private async ValueTask<ApiResponse> SendOnceAsync(
            HttpMethod method, string pathAndQuery, byte[]? payload, TokenState credential, int attempt, CancellationToken cancellationToken)
        {
            // Waiting for a slot is not part of the attempt's time. The slot is held until the answer is in (see RequestLimiter).
            using (await Limiter.AcquireAsync(cancellationToken).ConfigureAwait(false))
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var request = new HttpRequestMessage(method, new Uri(BaseUri, pathAndQuery)))
            {
                attemptTimeout.CancelAfter(_options.RequestTimeout);
                credential.Authorize(request.Headers);
                if (payload != null)
                {
                    request.Content = new ByteArrayContent(payload);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                }
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await ExchangeAsync(request, payload, attempt, attemptTimeout.Token, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// One attempt on the wire. It is traced (-Verbose: a line; -Debug: headers and bodies, secrets masked) and kept
        /// in <see cref="History"/> whatever its outcome.
        /// </summary>
        private async Task<ApiResponse> ExchangeAsync(
            HttpRequestMessage request, byte[]? payload, int attempt, CancellationToken attemptToken, CancellationToken callerToken)
        {
            if (_disposed)
                throw new WcxDisconnectedException();
            Interlocked.Increment(ref _requestCount);
            var trace = WcxTrace.Current;
            var pathAndQuery = BodyMask.MaskQuery(request.RequestUri!.PathAndQuery);
            var record = new WcxRequestRecord(History.NextId(), DateTime.Now, WcxTrace.Command, request.Method.Method, pathAndQuery, attempt)
            {
                RequestHeaders = DescribeHeaders(request.Headers, request.Content?.Headers),
            };
            record.RenderRequestBody(Deferred(payload, request.Content?.Headers.ContentType?.MediaType));
            var clock = Stopwatch.StartNew();
            var what = record.Method + " " + pathAndQuery;
            trace?.Debug("HTTP request " + what + (attempt > 1 ? " (attempt " + attempt + ")" : "") + Indent(record.RequestHeaders, "  ") +
                         (payload != null ? DescribeBody(payload.Length, record.RequestBody) : ""));
            try
            {
                using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false))
                {
                    var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    record.Duration = clock.Elapsed;
                    record.StatusCode = (int)response.StatusCode;
                    record.ReasonPhrase = response.ReasonPhrase;
                    record.ResponseHeaders = DescribeHeaders(response.Headers, response.Content.Headers);
                    record.RenderResponseBody(Deferred(body, response.Content.Headers.ContentType?.MediaType));
                    record.ResponseLength = body.Length;
                    var line = what + " -> " + (int)response.StatusCode + " " + response.ReasonPhrase + " (" + clock.ElapsedMilliseconds + " ms)";
                    trace?.Verbose(line);
                    trace?.Debug("HTTP response " + line + Indent(record.ResponseHeaders, "  ") + DescribeBody(body.Length, record.ResponseBody));
                    var status = (int)response.StatusCode;
                    if (status >= 200 && status < 300 && body.Length > 0 && !ResponseReading.IsCompleteJson(body))
                    {
                        // Cut off or not JSON at all: a transport failure, retried where that is safe.
                        var problem = "the answer was cut off or is not JSON (" + body.Length + " bytes)";
                        record.Error = problem;
                        throw new MalformedAnswerException(status, problem, body);
                    }
                    return new ApiResponse(response.StatusCode, body, ResponseReading.RetryAfterOf(response));
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && callerToken.IsCancellationRequested))
            {
                trace?.Verbose(what + " -> failed after " + clock.ElapsedMilliseconds + " ms: " + ex.GetBaseException().Message);
                if (_disposed)
                {
                    // The session was closed under the request: not a transport failure to retry.
                    record.Error ??= "the session was disconnected";
                    throw new WcxDisconnectedException(ex);
                }
                if (ex is OperationCanceledException)
                {
                    // The attempt's own timeout, not the caller's cancellation: a transport failure like any other.
                    record.Error ??= "no answer within " + _options.RequestTimeout.TotalSeconds + " s";
                    throw new HttpRequestException("no answer within " + _options.RequestTimeout.TotalSeconds + " s", ex);
                }
                record.Error ??= ex.GetBaseException().Message;
                throw;
            }
            finally
            {
                if (record.StatusCode is null)
                {
                    record.Duration = clock.Elapsed;
                    record.Error ??= "cancelled";
                }
                History.Add(record);
            }
        }

        /// <summary>Bodies up to this size wait in the history, unrendered, until someone reads them; a larger one is
        /// rendered at once (at most about 4 KB of text) so that the history never holds a large answer alive.</summary>
        private const int DeferredBodyLimit = 256 * 1024;

        /// <summary>How a body is rendered for the history and -Debug (<see cref="BodyMask.Render"/>), deferred to the first read.</summary>
        private static Func<string?> Deferred(byte[]? body, string? mediaType)
        {
            if (body != null && body.Length > DeferredBodyLimit)
            {
                var rendered = BodyMask.Render(body, mediaType);
                return () => rendered;
            }
            return () => BodyMask.Render(body, mediaType);
        }

        /// <summary>The body's lines for -Debug, under a line giving its size.</summary>
        private static string DescribeBody(int length, string? rendered) =>
            "\n  (body: " + length + " bytes)" + (rendered is null ? "" : Indent(rendered, "    "));

        /// <summary>Each line of <paramref name="text"/> on a line of its own, indented.</summary>
        private static string Indent(string? text, string indent) =>
            string.IsNullOrEmpty(text) ? "" : "\n" + indent + text!.Replace("\n", "\n" + indent);

        /// <summary>The headers, one "Name: value" a line, credentials masked.</summary>
        private static string DescribeHeaders(HttpHeaders headers, HttpHeaders? contentHeaders)
        {
            var text = new StringBuilder();
            foreach (var header in contentHeaders is null ? headers : headers.Concat(contentHeaders))
            {
                if (text.Length > 0)
                    text.Append('\n');
                text.Append(header.Key).Append(": ").Append(WcxTrace.Redact(header.Key, string.Join(", ", header.Value)));
            }
            return text.ToString();
        }

        /// <summary>Releases the connection; a request still in flight ends with <see cref="WcxDisconnectedException"/>.</summary>
        public void Dispose()
        {
            _disposed = true;
            _http.Dispose();
            Limiter.Dispose();
        }
    }
}
