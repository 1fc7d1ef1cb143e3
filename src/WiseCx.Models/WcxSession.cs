namespace WiseCx
{
    /// <summary>What the client exposes about a connection; implemented by the engine, read by <see cref="WcxSession"/>.</summary>
    public interface IWcxSessionState
    {
        /// <summary>The WiseCX user the API key belongs to.</summary>
        string User { get; }

        /// <summary>The API root requests are sent to.</summary>
        Uri BaseUri { get; }

        /// <summary>When the current token expires, in UTC; null before the first token.</summary>
        DateTime? TokenExpiresAt { get; }

        /// <summary>False once the connection is closed.</summary>
        bool IsConnected { get; }

        /// <summary>Requests sent so far.</summary>
        long RequestCount { get; }

        /// <summary>Requests sent in the last 60 seconds.</summary>
        int RequestsThisMinute { get; }

        /// <summary>Requests sent since 00:00 UTC.</summary>
        long RequestsToday { get; }

        /// <summary>The per-minute limit kept to.</summary>
        int RequestsPerMinute { get; }

        /// <summary>The daily limit kept to.</summary>
        long DailyRequestLimit { get; }

        /// <summary>The rate-limit store the limits are shared through, without credentials; null when the process counts alone.</summary>
        string? RateLimitStore { get; }

        /// <summary>"Shared" while the store answers, "Local" while the process counts alone for want of it; null without a store.</summary>
        string? RateLimitStoreStatus { get; }
    }

    /// <summary>
    /// A connection to WiseCX as PowerShell sees it: who, where and until when. It holds no secret itself,
    /// so printing, serializing or exporting it can never reveal the API key or the token.
    /// </summary>
    public sealed class WcxSession
    {
        private readonly IWcxSessionState _state;

        /// <summary>A view of <paramref name="state"/>; it reads the engine live, so the counts are always current.</summary>
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

        /// <summary>Requests sent in the last 60 seconds (the session keeps under <see cref="RequestsPerMinute"/>); with a store, every sharing process's.</summary>
        public int RequestsThisMinute => _state.RequestsThisMinute;

        /// <summary>Requests sent since 00:00 UTC; with a store, every sharing process's.</summary>
        public long RequestsToday => _state.RequestsToday;

        /// <summary>The per-minute limit the session keeps to.</summary>
        public int RequestsPerMinute => _state.RequestsPerMinute;

        /// <summary>The daily limit: the API's quota, or the budget given to Connect-WcxAccount.</summary>
        public long DailyRequestLimit => _state.DailyRequestLimit;

        /// <summary>
        /// The store (e.g. redis://cache.example.com:6380, never with its password) through which every process and
        /// machine connected as this user to this API root shares the limits; null when this process counts alone.
        /// </summary>
        public string? RateLimitStore => _state.RateLimitStore;

        /// <summary>Shared while the store answers; Local while this process counts alone because the store does not answer; null without a store.</summary>
        public string? RateLimitStoreStatus => _state.RateLimitStoreStatus;

        /// <summary>The engine behind this session, for the cmdlets only.</summary>
        internal IWcxSessionState State => _state;

        /// <summary>The user and API host, e.g. <c>agent@company.com@api.wcx.cloud</c>.</summary>
        public override string ToString() => User + "@" + BaseUri.Host;
    }
}
