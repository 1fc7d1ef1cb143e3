namespace WiseCx.Client
{
    /// <summary>
    /// A typed client over one WiseCX session: one connection (HTTP, token, retries) shared by one service per API area.
    /// Each area registers its service in its own file (WcxClient.&lt;Area&gt;.cs) with <see cref="Service{T}"/>.
    /// </summary>
    public sealed partial class WcxClient : IWcxSessionState, IDisposable
    {
        private WcxClient(WcxClientOptions options)
        {
            Connection = new WcxConnection(options);
            Pager = new Pager(Connection, options.PrefetchPages);
        }

        /// <summary>
        /// The session's last <see cref="ExchangeHistory.Capacity"/> HTTP exchanges, secrets masked (Get-WcxRequestHistory).
        /// </summary>
        public ExchangeHistory History => Connection.History;

        /// <summary>Validates the options, authenticates once (so a bad key fails here) and returns the client.</summary>
        public static async Task<WcxClient> ConnectAsync(WcxClientOptions options, CancellationToken cancellationToken)
        {
            var client = new WcxClient(options ?? throw new ArgumentNullException(nameof(options)));
            try
            {
                await client.Connection.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>The HTTP pipeline, for requests no service covers.</summary>
        public WcxConnection Connection { get; }

        /// <summary>Streams list endpoints; shared by the services.</summary>
        public Pager Pager { get; }

        /// <summary>The user the session authenticates as.</summary>
        public string User => Connection.User;

        /// <summary>The API root of the session.</summary>
        public Uri BaseUri => Connection.BaseUri;

        /// <summary>When the current token expires (UTC).</summary>
        public DateTime? TokenExpiresAt => Connection.TokenExpiresAt;

        /// <summary>False once the session was disconnected.</summary>
        public bool IsConnected => Connection.IsConnected;

        /// <summary>HTTP attempts sent so far (authentication and retries included).</summary>
        public long RequestCount => Connection.RequestCount;

        /// <summary>Requests sent in the current minute.</summary>
        public int RequestsThisMinute => Connection.Limiter.UsedThisMinute;

        /// <summary>Requests sent today (UTC).</summary>
        public long RequestsToday => Connection.Limiter.UsedToday;

        /// <summary>The session's limit per minute.</summary>
        public int RequestsPerMinute => Connection.Limiter.PerMinute;

        /// <summary>The session's limit per UTC day.</summary>
        public long DailyRequestLimit => Connection.Limiter.PerDay;

        /// <summary>The rate-limit store the limits are shared through, without credentials; null when this process counts alone.</summary>
        public string? RateLimitStore => Connection.RateLimitStore;

        /// <summary>"Shared" while the store answers, "Local" while this process counts alone for want of it; null without a store.</summary>
        public string? RateLimitStoreStatus => Connection.RateLimitStoreStatus;

        /// <summary>Disconnects: forgets the token and releases the connection (requests under way end as not connected).</summary>
        public void Dispose() => Connection.Dispose();

        /// <inheritdoc/>
        public override string ToString() => "WiseCX client for " + User + " at " + BaseUri;

        /// <summary>
        /// The one way a service is registered: created on first use, once per client even when runspaces sharing the
        /// session race for it (a losing copy is dropped; services keep no state of their own). <paramref name="create"/>
        /// captures nothing, so a call allocates nothing once the service exists.
        /// </summary>
        private T Service<T>(ref T? field, Func<WcxConnection, Pager, T> create) where T : class =>
            Volatile.Read(ref field) ?? Interlocked.CompareExchange(ref field, create(Connection, Pager), null) ?? field!;
    }
}
