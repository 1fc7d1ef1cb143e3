using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// The one HTTP pipeline of a session: token acquisition and renewal, retries where they are safe, timeouts and
    /// mapping of failures to typed exceptions. Every request of every cmdlet goes through <see cref="SendAsync(HttpMethod, string, object, bool, CancellationToken)"/>.
    /// </summary>
    public sealed class WcxConnection : IDisposable
    {
        private static readonly ResiliencePropertyKey<bool> IdempotentKey = new ResiliencePropertyKey<bool>("wcx.idempotent");

        private readonly WcxClientOptions _options;
        private readonly HttpClient _http;
        private readonly ResiliencePipeline<ApiResponse> _retry;
        private readonly SemaphoreSlim _tokenLock = new SemaphoreSlim(1, 1);
        private readonly Uri _baseUri;
        private readonly RequestLimiter _limiter;
        private readonly WriteObservers _writeObservers = new WriteObservers();
        private volatile TokenState? _token;
        private long _requestCount;
        private long _authenticationCount;
        private volatile bool _disposed;

        public WcxConnection(WcxClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _options.Validate();
            _baseUri = options.NormalizedBaseUri;
            var handler = options.Handler ?? new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                AllowAutoRedirect = false,
            };
            if (options.Handler is null && IsNetFramework)
                ApplyNetFrameworkServicePoint(_baseUri, options.PrefetchPages);
            _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            // .NET Framework sends "Expect: 100-continue" before every body and waits for the answer (a round trip per
            // write); the API never answers 100, so it only costs time. .NET Core does not send it unless asked.
            _http.DefaultRequestHeaders.ExpectContinue = false;
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("WiseCx-PowerShell", typeof(WcxConnection).Assembly.GetName().Version?.ToString(3)));
            _retry = BuildRetryPipeline(options);
            _limiter = new RequestLimiter(options.RequestsPerMinute, options.DailyRequestLimit)
            {
                OnWarning = message => WcxTrace.Current?.Warning(message),
            };
        }

        /// <summary>.NET Framework and Mono (mscorlib), whose HttpClientHandler is built on ServicePointManager.</summary>
        private static readonly bool IsNetFramework = typeof(object).Assembly.GetName().Name == "mscorlib";

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

        /// <summary>The session's limiter: requests used this minute and today, and the limits.</summary>
        public RequestLimiter Limiter => _limiter;

        public Uri BaseUri => _baseUri;

        public string User => _options.User;

        public DateTime? TokenExpiresAt => _token?.ExpiresAt;

        public bool IsConnected => !_disposed;

        /// <summary>HTTP attempts sent so far (authentication and retries included).</summary>
        public long RequestCount => Interlocked.Read(ref _requestCount);

        /// <summary>How many times a token was obtained.</summary>
        public long AuthenticationCount => Interlocked.Read(ref _authenticationCount);

        /// <summary>
        /// Runs <paramref name="beforeWrite"/> on the sending thread before every request of this connection other than
        /// a GET, until the handle is disposed (a list read by page number reads ahead before a write shifts its pages).
        /// </summary>
        internal IDisposable ObserveWrites(Action beforeWrite) => _writeObservers.Add(beforeWrite);

        /// <summary>Obtains a token now, so that a wrong key fails at connect time rather than at the first command.</summary>
        public async Task AuthenticateAsync(CancellationToken cancellationToken)
        {
            // The first request of a session meets every way an address can be wrong (no host, nothing listening, no TLS,
            // not the API): each becomes a WcxApiException like any other request's, the transport failure kept inside.
            try
            {
                await RenewTokenAsync(null, cancellationToken).ConfigureAwait(false);
            }
            catch (MalformedAnswerException ex)
            {
                throw new WcxResponseFormatException(ex.StatusCode, "GET", "authenticate", ex.Message, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new WcxApiException(0, "GET", "authenticate", "The connection to " + BaseUri.Authority + " failed: " +
                    (ex.InnerException is OperationCanceledException ? ex.Message : ex.GetBaseException().Message).TrimEnd('.') + ".", ex);
            }
        }

        /// <summary>
        /// Sends one API request and returns its successful answer, or throws a <see cref="WcxApiException"/>.
        /// <paramref name="pathAndQuery"/> is relative to the API root (e.g. <c>cases?limit=100</c>).
        /// </summary>
        public Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken) =>
            SendAsync(method, pathAndQuery, body, method != HttpMethod.Post, cancellationToken);

        /// <summary>
        /// As above, for a request whose method misstates whether it can be repeated: PUT /cases/{id} with activities
        /// adds them again each time it is sent, so it must not be retried after the server may have applied it.
        /// </summary>
        public async Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, object? body, bool idempotent, CancellationToken cancellationToken)
        {
            ThrowIfDisconnected();
            if (method != HttpMethod.Get)
                _writeObservers.BeforeWrite();
            var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), WcxJson.Options);
            var path = PathOnly(pathAndQuery);

            using (var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                overall.CancelAfter(_options.OperationTimeout);
                try
                {
                    var token = await GetTokenAsync(overall.Token).ConfigureAwait(false);
                    var response = await SendWithRetriesAsync(method, pathAndQuery, payload, token, idempotent, overall.Token).ConfigureAwait(false);
                    if (IsTokenRefusal(response))
                    {
                        // The token was refused before the request was processed (the live API answers 401, the
                        // collection documents 403): renew once and send again, writes included, as nothing was applied.
                        token = await RenewTokenAsync(token, overall.Token).ConfigureAwait(false);
                        response = await SendWithRetriesAsync(method, pathAndQuery, payload, token, idempotent, overall.Token).ConfigureAwait(false);
                    }
                    if (!response.IsSuccess)
                        throw MapError(response, method.Method, path, idempotent);
                    return response;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && overall.IsCancellationRequested)
                {
                    var detail = "No answer within the operation timeout of " + _options.OperationTimeout.TotalSeconds + " s.";
                    throw idempotent
                        ? new WcxApiException(0, method.Method, path, detail)
                        : new WcxWriteOutcomeUnknownException(0, method.Method, path, detail);
                }
                catch (MalformedAnswerException ex)
                {
                    throw idempotent
                        ? new WcxResponseFormatException(ex.StatusCode, method.Method, path, ex.Message, ex)
                        : (WcxApiException)new WcxWriteOutcomeUnknownException(ex.StatusCode, method.Method, path,
                            "The server accepted the request but its answer was unreadable (" + ex.Message + ").", ex);
                }
                catch (HttpRequestException ex)
                {
                    var detail = "The connection failed: " + ex.GetBaseException().Message + ".";
                    throw idempotent
                        ? new WcxApiException(0, method.Method, path, detail, ex)
                        : new WcxWriteOutcomeUnknownException(0, method.Method, path, detail, ex);
                }
            }
        }

        private async Task<ApiResponse> SendWithRetriesAsync(
            HttpMethod method, string pathAndQuery, byte[]? payload, TokenState token, bool idempotent, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(IdempotentKey, idempotent);
            var attempts = new StrongBox<int>();
            try
            {
                var response = await _retry.ExecuteAsync(
                    (ctx, state) =>
                    {
                        state.Attempts.Value++;
                        return state.Self.SendOnceAsync(state.Method, state.PathAndQuery, state.Payload, state.Token, ctx.CancellationToken);
                    },
                    context,
                    (Self: this, Method: method, PathAndQuery: pathAndQuery, Payload: payload, Token: token, Attempts: attempts)).ConfigureAwait(false);
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

        private async ValueTask<ApiResponse> SendOnceAsync(HttpMethod method, string pathAndQuery, byte[]? payload, TokenState token, CancellationToken cancellationToken)
        {
            // Waiting for a slot is not part of the attempt's time. The slot is held until the answer is in (see RequestLimiter).
            using (await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false))
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var request = new HttpRequestMessage(method, new Uri(_baseUri, pathAndQuery)))
            {
                attempt.CancelAfter(_options.RequestTimeout);
                if (ReferenceEquals(token, TokenState.ApiKeyMarker))
                    request.Headers.TryAddWithoutValidation("x-api-key", RevealApiKey());
                else
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
                if (payload != null)
                {
                    request.Content = new ByteArrayContent(payload);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                }
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await ExchangeAsync(request, attempt.Token, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<ApiResponse> ExchangeAsync(HttpRequestMessage request, CancellationToken attemptToken, CancellationToken callerToken)
        {
            Interlocked.Increment(ref _requestCount);
            var trace = WcxTrace.Current;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var what = request.Method.Method + " " + request.RequestUri!.PathAndQuery;
            trace?.Debug("HTTP request " + what + DescribeHeaders(request.Headers, request.Content?.Headers) +
                         (request.Content != null ? "\n  (body: " + request.Content.Headers.ContentLength + " bytes)" : ""));
            try
            {
                using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false))
                {
                    var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    var line = what + " -> " + (int)response.StatusCode + " " + response.ReasonPhrase + " (" + clock.ElapsedMilliseconds + " ms)";
                    trace?.Verbose(line);
                    trace?.Debug("HTTP response " + line + DescribeHeaders(response.Headers, response.Content.Headers) + "\n  (body: " + body.Length + " bytes)");
                    var status = (int)response.StatusCode;
                    if (status >= 200 && status < 300 && body.Length > 0 && !IsCompleteJson(body))
                        // Cut off or not JSON at all: a transport failure, retried where that is safe.
                        throw new MalformedAnswerException(status, "the answer was cut off or is not JSON (" + body.Length + " bytes)", body);
                    return new ApiResponse(response.StatusCode, body, RetryAfterOf(response));
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && callerToken.IsCancellationRequested))
            {
                trace?.Verbose(what + " -> failed after " + clock.ElapsedMilliseconds + " ms: " + ex.GetBaseException().Message);
                if (ex is OperationCanceledException)
                    // The attempt's own timeout, not the caller's cancellation: a transport failure like any other.
                    throw new HttpRequestException("no answer within " + _options.RequestTimeout.TotalSeconds + " s", ex);
                throw;
            }
        }

        private static string DescribeHeaders(HttpHeaders headers, HttpHeaders? contentHeaders)
        {
            var text = new StringBuilder();
            foreach (var header in contentHeaders is null ? headers : headers.Concat(contentHeaders))
                text.Append("\n  ").Append(header.Key).Append(": ").Append(WcxTrace.Redact(header.Key, string.Join(", ", header.Value)));
            return text.ToString();
        }

        /// <summary>A complete JSON value and nothing after it; scanned without building a document.</summary>
        internal static bool IsCompleteJson(byte[] body)
        {
            try
            {
                var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
                while (reader.Read()) { }
                return reader.BytesConsumed > 0;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>
        /// A 2xx answer whose body is not the complete JSON the API always sends. Kept as the inner exception, with the
        /// body, so a service that knows its endpoint may answer in plain text can tell that from a cut-off answer.
        /// </summary>
        internal sealed class MalformedAnswerException : HttpRequestException
        {
            public MalformedAnswerException(int statusCode, string message, byte[] body) : base(message)
            {
                StatusCode = statusCode;
                Body = body;
            }

            public int StatusCode { get; }

            public byte[] Body { get; }
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header is null)
                return null;
            if (header.Delta.HasValue)
                return header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        private ResiliencePipeline<ApiResponse> BuildRetryPipeline(WcxClientOptions options)
        {
            if (options.MaxRetryAttempts == 0)
                return ResiliencePipeline<ApiResponse>.Empty;
            return new ResiliencePipelineBuilder<ApiResponse>()
                .AddRetry(new RetryStrategyOptions<ApiResponse>
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldHandle = args => new ValueTask<bool>(IsRetryable(args.Outcome, args.Context)),
                    DelayGenerator = args =>
                    {
                        var retryAfter = args.Outcome.Result?.RetryAfter;
                        if (retryAfter.HasValue && retryAfter.Value <= _options.MaxRetryAfter)
                            return new ValueTask<TimeSpan?>(retryAfter.Value);
                        return new ValueTask<TimeSpan?>((TimeSpan?)null);
                    },
                })
                .Build();
        }

        /// <summary>
        /// What may be sent again. 429 was refused unprocessed, so always. Reads and idempotent writes also on 5xx and
        /// transport failures. A POST otherwise only when the connection was refused, i.e. nothing was sent.
        /// </summary>
        private static bool IsRetryable(Outcome<ApiResponse> outcome, ResilienceContext context)
        {
            context.Properties.TryGetValue(IdempotentKey, out var idempotent);
            if (outcome.Exception is OperationCanceledException)
                return false;
            if (outcome.Exception != null)
                return outcome.Exception is HttpRequestException && (idempotent || ConnectionWasRefused(outcome.Exception));
            var status = outcome.Result!.StatusCode;
            if (status == 429)
                return outcome.Result.RetryAfter is null || outcome.Result.RetryAfter.Value <= TimeSpan.FromSeconds(60);
            return idempotent && (status == 500 || status == 502 || status == 503 || status == 504);
        }

        private static bool ConnectionWasRefused(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
                    return true;
            }
            return false;
        }

        private async Task<TokenState> GetTokenAsync(CancellationToken cancellationToken)
        {
            var current = _token;
            if (current != null && DateTime.UtcNow < current.RenewAfter)
                return current;
            return await RenewTokenAsync(current, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Renews the token unless another caller already replaced <paramref name="stale"/>: however many requests see a
        /// dead token at once, one authentication is made.
        /// </summary>
        private async Task<TokenState> RenewTokenAsync(TokenState? stale, CancellationToken cancellationToken)
        {
            await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _token;
                if (current != null && !ReferenceEquals(current, stale) && DateTime.UtcNow < current.RenewAfter)
                    return current;
                ThrowIfDisconnected();
                var issuedAt = DateTime.UtcNow;
                var response = await SendWithRetriesAsync(
                    HttpMethod.Get, "authenticate?user=" + Uri.EscapeDataString(_options.User), null, TokenState.ApiKeyMarker, true, cancellationToken)
                    .ConfigureAwait(false);
                Interlocked.Increment(ref _authenticationCount);
                if (response.Status == HttpStatusCode.Forbidden || response.Status == HttpStatusCode.Unauthorized)
                    throw new WcxAuthenticationException("GET", "authenticate",
                        "the user '" + _options.User + "' and API key were refused (" + (ApiMessageOf(response.Body) ?? "no message") +
                        "). Check the user name and key in WiseCX under Settings -> Channels -> API.");
                if (!response.IsSuccess)
                    throw MapError(response, "GET", "authenticate", true);
                var answer = WcxJsonReader.Read<AuthenticateResponse>(response, "GET", "authenticate");
                if (string.IsNullOrEmpty(answer.Token))
                    throw new WcxResponseFormatException(response.StatusCode, "GET", "authenticate", "the answer holds no token");
                var lifetime = _options.TokenLifetime;
                var margin = _options.TokenRefreshMargin < TimeSpan.FromTicks(lifetime.Ticks / 2) ? _options.TokenRefreshMargin : TimeSpan.FromTicks(lifetime.Ticks / 10);
                var renewed = new TokenState(answer.Token!, issuedAt + lifetime, issuedAt + lifetime - margin);
                _token = renewed;
                return renewed;
            }
            finally
            {
                _tokenLock.Release();
            }
        }

        /// <summary>The key in clear, for the one header of the one request that needs it; never kept in a field.</summary>
        private string RevealApiKey()
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(_options.ApiKey!);
                return Marshal.PtrToStringUni(pointer) ?? "";
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>
        /// A 401 always refuses the credentials (no request is processed without them); a 403 only when its message is
        /// about the token, since a 403 may also refuse an action the user is not allowed.
        /// </summary>
        private static bool IsTokenRefusal(ApiResponse response)
        {
            if (response.Status == HttpStatusCode.Unauthorized)
                return true;
            if (response.Status != HttpStatusCode.Forbidden)
                return false;
            var message = ApiMessageOf(response.Body) ?? "";
            return message.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("unauthorized", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        internal static WcxApiException MapError(ApiResponse response, string method, string path, bool idempotent)
        {
            var message = ApiMessageOf(response.Body);
            var openCases = OpenCaseIdsOf(response.Body);
            if (openCases != null)
                // Its status code was never captured from the live API: the body decides, whatever the code.
                return new WcxOpenCasesExistException(response.StatusCode, method, path, openCases);
            switch (response.StatusCode)
            {
                case 400:
                    return new WcxBadRequestException(method, path, message);
                case 401:
                case 403:
                    return new WcxAuthenticationException(method, path, message ?? "the token was refused", response.StatusCode);
                case 404:
                    return new WcxNotFoundException(method, path, message);
                case 429:
                    return new WcxApiException(429, method, path, (message ?? "rate limit reached") + " (still limited after retries).");
                default:
                    if (!idempotent && response.StatusCode >= 500)
                        return new WcxWriteOutcomeUnknownException(response.StatusCode, method, path,
                            "The server failed (" + (message ?? "HTTP " + response.StatusCode) + ").");
                    return new WcxApiException(response.StatusCode, method, path, message);
            }
        }

        /// <summary>
        /// The API's message: <c>message</c> when the body is JSON that has one, else <c>error</c> (the live API's
        /// <c>{"error":"Cases not found.","code":400}</c>); a short text body otherwise.
        /// </summary>
        internal static string? ApiMessageOf(byte[] body)
        {
            if (body.Length == 0)
                return null;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                        return null;
                    foreach (var name in MessageProperties)
                    {
                        if (doc.RootElement.TryGetProperty(name, out var message) && message.ValueKind == JsonValueKind.String)
                            return message.GetString();
                    }
                    return null;
                }
            }
            catch (JsonException)
            {
                var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).Trim();
                return text.Length == 0 ? null : text;
            }
        }

        private static readonly string[] MessageProperties = { "message", "error" };

        /// <summary>
        /// The API's message says that what was asked for is not there: "Cases not found.", "Survey Responses Not Found",
        /// EXPORT_NOT_FOUND. The callers decide what that means where they are (an empty list, an export not shown yet).
        /// </summary>
        internal static bool SaysNotFound(string? apiMessage) =>
            apiMessage != null && (apiMessage.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0 ||
                                   apiMessage.IndexOf("not_found", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>The ids of <c>{"error":"OPEN_CASES_EXIST","opened_cases":[…]}</c>, or null for any other body.</summary>
        internal static long[]? OpenCaseIdsOf(byte[] body)
        {
            if (body.Length == 0 || body.Length > 64 * 1024)
                return null;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) ||
                        error.ValueKind != JsonValueKind.String || !string.Equals(error.GetString(), "OPEN_CASES_EXIST", StringComparison.OrdinalIgnoreCase))
                        return null;
                    var ids = new System.Collections.Generic.List<long>();
                    if (root.TryGetProperty("opened_cases", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        // Ids may come as numbers or as strings; anything else in the list is passed over.
                        foreach (var item in list.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var n))
                                ids.Add(n);
                            else if (item.ValueKind == JsonValueKind.String && long.TryParse(item.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                                ids.Add(parsed);
                        }
                    }
                    return ids.ToArray();
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        internal static string PathOnly(string pathAndQuery)
        {
            var q = pathAndQuery.IndexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.Substring(0, q);
        }

        private void ThrowIfDisconnected()
        {
            if (_disposed)
                throw new InvalidOperationException("This WiseCX session was disconnected. Run Connect-WcxAccount again.");
        }

        /// <summary>Forgets the token and releases the connection; the key stays with whoever owns the options.</summary>
        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            _token = null;
            _http.Dispose();
        }

        internal sealed class AuthenticateResponse
        {
            public string? Status { get; set; }
            public string? Token { get; set; }
            public string? Message { get; set; }
        }

        /// <summary>A token and when to stop trusting it. Never printed: ToString is overridden.</summary>
        private sealed class TokenState
        {
            /// <summary>Stands in for a bearer token on the /authenticate call, which sends the API key instead.</summary>
            public static readonly TokenState ApiKeyMarker = new TokenState(null, DateTime.MaxValue, DateTime.MaxValue);

            public TokenState(string? value, DateTime expiresAt, DateTime renewAfter)
            {
                Value = value;
                ExpiresAt = expiresAt;
                RenewAfter = renewAfter;
            }

            public string? Value { get; }
            public DateTime ExpiresAt { get; }
            public DateTime RenewAfter { get; }
            public override string ToString() => "token (expires " + ExpiresAt.ToString("u") + ")";
        }
    }
}
