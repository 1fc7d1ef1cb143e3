using System.Net;
using System.Net.Http.Headers;
using System.Security;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// The session's bearer token: obtained from the API key (GET /authenticate), renewed before it expires or when the
    /// API refuses it, one renewal however many requests notice at once.
    /// </summary>
    internal sealed class TokenSource
    {
        private readonly WcxClientOptions _options;
        private readonly SendPipeline _pipeline;
        private readonly TokenState _apiKey;
        private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
        private volatile TokenState? _token;
        private volatile bool _closed;
        private long _authenticationCount;

        internal TokenSource(WcxClientOptions options, SendPipeline pipeline)
        {
            _options = options;
            _pipeline = pipeline;
            _apiKey = TokenState.ForApiKey(options.ApiKey!);
        }

        /// <summary>When the current token expires; null before the first or after <see cref="Close"/>.</summary>
        internal DateTime? ExpiresAt => _token?.ExpiresAt;

        /// <summary>How many times a token was obtained.</summary>
        internal long AuthenticationCount => Interlocked.Read(ref _authenticationCount);

        /// <summary>The token to send now: the current one, or a renewed one when it is due.</summary>
        internal async Task<TokenState> GetAsync(CancellationToken cancellationToken)
        {
            var current = _token;
            if (current != null && DateTime.UtcNow < current.RenewAfter)
                return current;
            return await RenewAsync(current, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Renews the token unless another caller already replaced <paramref name="stale"/>: however many requests see a
        /// dead token at once, one authentication is made.
        /// </summary>
        internal async Task<TokenState> RenewAsync(TokenState? stale, CancellationToken cancellationToken)
        {
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = _token;
                if (current != null && !ReferenceEquals(current, stale) && DateTime.UtcNow < current.RenewAfter)
                    return current;
                if (_closed)
                    throw new WcxDisconnectedException();
                var issuedAt = DateTime.UtcNow;
                var response = await _pipeline.SendAsync(
                    HttpMethod.Get, "authenticate?user=" + Uri.EscapeDataString(_options.User), null, _apiKey, true, cancellationToken)
                    .ConfigureAwait(false);
                Interlocked.Increment(ref _authenticationCount);
                if (response.Status == HttpStatusCode.Forbidden || response.Status == HttpStatusCode.Unauthorized)
                    throw new WcxAuthenticationException("GET", "authenticate",
                        "the user '" + _options.User + "' and API key were refused (" + (ResponseReading.ApiMessageOf(response.Body) ?? "no message") +
                        "). Check the user name and key in WiseCX under Settings -> Channels -> API.");
                if (!response.IsSuccess)
                    throw ErrorMapping.FromAnswer(response, "GET", "authenticate", true);
                var answer = WcxJsonReader.Read<AuthenticateResponse>(response, "GET", "authenticate");
                if (string.IsNullOrEmpty(answer.Token))
                    throw new WcxResponseFormatException(response.StatusCode, "GET", "authenticate", "the answer holds no token");
                var lifetime = _options.TokenLifetime;
                var margin = _options.TokenRefreshMargin < TimeSpan.FromTicks(lifetime.Ticks / 2) ? _options.TokenRefreshMargin : TimeSpan.FromTicks(lifetime.Ticks / 10);
                var renewed = TokenState.ForBearer(answer.Token!, issuedAt + lifetime, issuedAt + lifetime - margin);
                _token = renewed;
                return renewed;
            }
            finally
            {
                _renewal.Release();
            }
        }

        /// <summary>Forgets the token; no new one is obtained after this.</summary>
        internal void Close()
        {
            _closed = true;
            _token = null;
        }

        /// <summary>
        /// A 401 always refuses the credentials (no request is processed without them); a 403 only when its message is
        /// about the token, since a 403 may also refuse an action the user is not allowed.
        /// </summary>
        internal static bool IsRefusal(ApiResponse response)
        {
            if (response.Status == HttpStatusCode.Unauthorized)
                return true;
            if (response.Status != HttpStatusCode.Forbidden)
                return false;
            var message = ResponseReading.ApiMessageOf(response.Body) ?? "";
            return message.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("unauthorized", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>The answer of GET /authenticate.</summary>
        internal sealed class AuthenticateResponse
        {
            public string? Status { get; set; }
            public string? Token { get; set; }
            public string? Message { get; set; }
        }
    }

    /// <summary>
    /// What authorizes one request: a bearer token and when to stop trusting it, or (for /authenticate alone) the API
    /// key. Never printed: ToString is overridden.
    /// </summary>
    internal sealed class TokenState
    {
        private readonly string? _bearer;
        private readonly SecureString? _apiKey;

        private TokenState(string? bearer, SecureString? apiKey, DateTime expiresAt, DateTime renewAfter)
        {
            _bearer = bearer;
            _apiKey = apiKey;
            ExpiresAt = expiresAt;
            RenewAfter = renewAfter;
        }

        internal static TokenState ForBearer(string token, DateTime expiresAt, DateTime renewAfter) =>
            new TokenState(token, null, expiresAt, renewAfter);

        /// <summary>Stands in for a bearer token on the /authenticate call, which sends the API key instead.</summary>
        internal static TokenState ForApiKey(SecureString apiKey) => new TokenState(null, apiKey, DateTime.MaxValue, DateTime.MaxValue);

        internal DateTime ExpiresAt { get; }

        internal DateTime RenewAfter { get; }

        /// <summary>Adds the request's credential: <c>x-api-key</c> for the key, <c>Authorization: Bearer</c> for a token.</summary>
        internal void Authorize(HttpRequestHeaders headers)
        {
            if (_apiKey != null)
                headers.TryAddWithoutValidation("x-api-key", SecureText.Reveal(_apiKey) ?? "");
            else
                headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearer);
        }

        public override string ToString() => "token (expires " + ExpiresAt.ToString("u") + ")";
    }
}
