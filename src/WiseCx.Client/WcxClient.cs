using WiseCx.Client.Services;

namespace WiseCx.Client
{
    /// <summary>
    /// A typed client over one WiseCX session: one connection (HTTP, token, retries) shared by one service per API area.
    /// Each area adds its service in its own file (WcxClient.&lt;Area&gt;.cs), created on first use.
    /// </summary>
    public sealed partial class WcxClient : IWcxSessionState, IDisposable
    {
        private WcxClient(WcxClientOptions options)
        {
            Connection = new WcxConnection(options);
            Pager = new Pager(Connection, options.PrefetchPages);
            Cases = new CaseService(Connection, Pager);
        }

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

        public CaseService Cases { get; }

        public string User => Connection.User;

        public Uri BaseUri => Connection.BaseUri;

        public DateTime? TokenExpiresAt => Connection.TokenExpiresAt;

        public bool IsConnected => Connection.IsConnected;

        public long RequestCount => Connection.RequestCount;

        public int RequestsThisMinute => Connection.Limiter.UsedThisMinute;

        public long RequestsToday => Connection.Limiter.UsedToday;

        public int RequestsPerMinute => Connection.Limiter.PerMinute;

        public long DailyRequestLimit => Connection.Limiter.PerDay;

        public void Dispose() => Connection.Dispose();

        public override string ToString() => "WiseCX client for " + User + " at " + BaseUri;
    }
}
