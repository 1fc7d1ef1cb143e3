using System.Text.Json;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// The one HTTP pipeline of a session. Every request of every cmdlet goes through
    /// <see cref="SendAsync(HttpMethod, string, object, bool, CancellationToken)"/>, which takes the token from
    /// <see cref="TokenSource"/>, puts the request on the wire through <see cref="SendPipeline"/> (limiter, retries,
    /// transport) and turns a failure into a typed exception (<see cref="ErrorMapping"/>).
    /// </summary>
    public sealed class WcxConnection : IDisposable
    {
        private readonly WcxClientOptions _options;
        private readonly SendPipeline _pipeline;
        private readonly TokenSource _tokens;
        private readonly WriteObservers _writeObservers = new WriteObservers();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _absentEndpoints = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private volatile bool _disposed;

        /// <summary>Validates <paramref name="options"/> and prepares the pipeline; nothing is sent yet.</summary>
        public WcxConnection(WcxClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _options.Validate();
            _pipeline = new SendPipeline(options);
            _tokens = new TokenSource(options, _pipeline);
        }

        /// <summary>The session's limiter: requests used this minute and today, and the limits.</summary>
        public IRequestLimiter Limiter => _pipeline.Limiter;

        /// <summary>The session's last HTTP exchanges, recorded by the pipeline (see <see cref="ExchangeHistory"/>).</summary>
        internal ExchangeHistory History => _pipeline.History;

        /// <summary>The rate-limit store the limits are shared through, without credentials; null when this process counts alone.</summary>
        public string? RateLimitStore => (_pipeline.Limiter as SharedLimit.ISharedLimit)?.Display;

        /// <summary>"Shared" while the store answers, "Local" while this process counts alone for want of it; null without a store.</summary>
        public string? RateLimitStoreStatus => (_pipeline.Limiter as SharedLimit.ISharedLimit)?.Status;

        /// <summary>The API root requests are relative to, always ending in a slash.</summary>
        public Uri BaseUri => _pipeline.BaseUri;

        /// <summary>The user the session authenticates as.</summary>
        public string User => _options.User;

        /// <summary>When the current token expires (UTC); null before the first and after disconnecting.</summary>
        public DateTime? TokenExpiresAt => _tokens.ExpiresAt;

        /// <summary>False once the session was disconnected (<see cref="Dispose"/>).</summary>
        public bool IsConnected => !_disposed;

        /// <summary>HTTP attempts sent so far (authentication and retries included).</summary>
        public long RequestCount => _pipeline.RequestCount;

        /// <summary>How many times a token was obtained.</summary>
        public long AuthenticationCount => _tokens.AuthenticationCount;

        /// <summary>
        /// Runs <paramref name="beforeWrite"/> on the sending thread before every request of this connection other than
        /// a GET, until the handle is disposed (a list read by page number reads ahead before a write shifts its pages).
        /// </summary>
        internal IDisposable ObserveWrites(Action beforeWrite) => _writeObservers.Add(beforeWrite);

        /// <summary>True once <see cref="MarkEndpointAbsent"/> recorded that this API does not serve <paramref name="endpoint"/>.</summary>
        internal bool IsEndpointAbsent(string endpoint) => _absentEndpoints.ContainsKey(endpoint);

        /// <summary>Records for the rest of the session that the API does not serve <paramref name="endpoint"/> (a name, not a path).</summary>
        internal void MarkEndpointAbsent(string endpoint) => _absentEndpoints[endpoint] = true;

        /// <summary>Obtains a token now, so that a wrong key fails at connect time rather than at the first command.</summary>
        public async Task AuthenticateAsync(CancellationToken cancellationToken)
        {
            // The first request of a session meets every way an address can be wrong (no host, nothing listening, no TLS,
            // not the API): each becomes a WcxApiException like any other request's, the transport failure kept inside.
            try
            {
                await _tokens.RenewAsync(null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (_disposed && !cancellationToken.IsCancellationRequested && !(ex is WcxDisconnectedException))
            {
                throw new WcxDisconnectedException(ex);
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
        /// Sends one API request and returns its successful answer, or throws a <see cref="WcxApiException"/>
        /// (<see cref="WcxDisconnectedException"/> once the session is disconnected). <paramref name="pathAndQuery"/> is
        /// relative to the API root (e.g. <c>cases?limit=100</c>). A POST is taken as not idempotent, anything else as idempotent.
        /// </summary>
        public Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken) =>
            SendAsync(method, pathAndQuery, body, method != HttpMethod.Post, cancellationToken);

        /// <summary>
        /// As above, for a request whose method misstates whether it can be repeated: PUT /cases/{id} with activities
        /// adds them again each time it is sent, so it must not be retried after the server may have applied it.
        /// </summary>
        public async Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, object? body, bool idempotent, CancellationToken cancellationToken)
        {
            if (_disposed)
                throw new WcxDisconnectedException();
            if (method != HttpMethod.Get)
                _writeObservers.BeforeWrite();
            var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), WcxJson.Options);
            var path = QueryString.PathOnly(pathAndQuery);

            using (var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                overall.CancelAfter(_options.OperationTimeout);
                try
                {
                    var token = await _tokens.GetAsync(overall.Token).ConfigureAwait(false);
                    var response = await _pipeline.SendAsync(method, pathAndQuery, payload, token, idempotent, overall.Token).ConfigureAwait(false);
                    if (TokenSource.IsRefusal(response))
                    {
                        // The token was refused before the request was processed (the live API answers 401, the
                        // collection documents 403): renew once and send again, writes included, as nothing was applied.
                        token = await _tokens.RenewAsync(token, overall.Token).ConfigureAwait(false);
                        response = await _pipeline.SendAsync(method, pathAndQuery, payload, token, idempotent, overall.Token).ConfigureAwait(false);
                    }
                    if (!response.IsSuccess)
                        throw ErrorMapping.FromAnswer(response, method.Method, path, idempotent);
                    return response;
                }
                catch (Exception ex) when (_disposed && !cancellationToken.IsCancellationRequested && !(ex is WcxDisconnectedException))
                {
                    // Disconnected while the request was under way (from another runspace, say): whatever the transport
                    // threw on the way, the command reports "not connected" like any other.
                    throw new WcxDisconnectedException(ex);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && overall.IsCancellationRequested)
                {
                    throw ErrorMapping.OperationTimedOut(method.Method, path, idempotent, _options.OperationTimeout);
                }
                catch (MalformedAnswerException ex)
                {
                    throw ErrorMapping.Unreadable(ex, method.Method, path, idempotent);
                }
                catch (HttpRequestException ex)
                {
                    throw ErrorMapping.ConnectionFailed(ex, method.Method, path, idempotent);
                }
            }
        }

        /// <summary>Forgets the token and releases the connection; the key stays with whoever owns the options.</summary>
        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            _tokens.Close();
            _pipeline.Dispose();
        }
    }
}
