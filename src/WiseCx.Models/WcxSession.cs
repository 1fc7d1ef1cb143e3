namespace WiseCx
{
    /// <summary>What the client exposes about a connection; implemented by the engine, read by <see cref="WcxSession"/>.</summary>
    public interface IWcxSessionState
    {
        string User { get; }
        Uri BaseUri { get; }
        DateTime? TokenExpiresAt { get; }
        bool IsConnected { get; }
        long RequestCount { get; }
        int RequestsThisMinute { get; }
        long RequestsToday { get; }
        int RequestsPerMinute { get; }
        long DailyRequestLimit { get; }
    }

    /// <summary>
    /// A connection to WiseCX as PowerShell sees it: who, where and until when. It holds no secret itself,
    /// so printing, serializing or exporting it can never reveal the API key or the token.
    /// </summary>
    public sealed class WcxSession
    {
        private readonly IWcxSessionState _state;

        public WcxSession(IWcxSessionState state)
        {
            _state = state ?? throw new ArgumentNullException(nameof(state));
        }

        /// <summary>The WiseCX user the API key belongs to.</summary>
        public string User => _state.User;

        /// <summary>The API root, e.g. https://api.wcx.cloud/core/v1/.</summary>
        public Uri BaseUri => _state.BaseUri;

        /// <summary>When the current token expires, in local time like every date of the module; it is renewed before then.</summary>
        public DateTime? TokenExpiresAt => _state.TokenExpiresAt?.ToLocalTime();

        /// <summary>False once Disconnect-WcxAccount has run.</summary>
        public bool IsConnected => _state.IsConnected;

        /// <summary>Requests sent through this session so far.</summary>
        public long RequestCount => _state.RequestCount;

        /// <summary>Requests sent in the last 60 seconds (the session keeps under <see cref="RequestsPerMinute"/>).</summary>
        public int RequestsThisMinute => _state.RequestsThisMinute;

        /// <summary>Requests sent since 00:00 UTC.</summary>
        public long RequestsToday => _state.RequestsToday;

        /// <summary>The per-minute limit the session keeps to.</summary>
        public int RequestsPerMinute => _state.RequestsPerMinute;

        /// <summary>The daily limit: the API's quota, or the budget given to Connect-WcxAccount.</summary>
        public long DailyRequestLimit => _state.DailyRequestLimit;

        /// <summary>The engine behind this session, for the cmdlets only.</summary>
        internal IWcxSessionState State => _state;

        public override string ToString() => User + "@" + BaseUri.Host;
    }
}
