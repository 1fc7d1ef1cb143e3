using System.Security;

namespace WiseCx.Client
{
    /// <summary>Everything a connection needs: where, who, the key, and how patient to be.</summary>
    public sealed class WcxClientOptions
    {
        /// <summary>The public WiseCX API root.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.wcx.cloud/core/v1/");

        /// <summary>The API root (<see cref="DefaultBaseUri"/> unless a sandbox or another region is used); https, or http on loopback.</summary>
        public Uri BaseUri { get; set; } = DefaultBaseUri;

        /// <summary>The user name the API key was generated for (the <c>user</c> parameter of /authenticate).</summary>
        public string User { get; set; } = "";

        /// <summary>The API key; read only while authenticating, never copied into a string field.</summary>
        public SecureString? ApiKey { get; set; }

        /// <summary>How long a token lives. The API does not say in its answer; the documentation says one hour.</summary>
        public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

        /// <summary>How long before expiry the token is renewed.</summary>
        public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Time allowed for one HTTP attempt.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Time allowed for one operation, retries and waits included.</summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Retries after the first attempt, for failures that are safe to retry.</summary>
        public int MaxRetryAttempts { get; set; } = 4;

        /// <summary>First backoff delay; doubled on each retry, with jitter. Tests set it near zero.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest a Retry-After answer is waited for before giving up.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Requests per minute the session allows itself (the API's limit is 5,000).</summary>
        public int RequestsPerMinute { get; set; } = 5000;

        /// <summary>Requests per UTC day the session allows itself (the API's quota is 150,000); a budget for long jobs.</summary>
        public long DailyRequestLimit { get; set; } = 150000;

        /// <summary>
        /// A Redis-compatible store (<c>redis://host:port</c>, <c>rediss://</c> for TLS) through which every process and
        /// machine connecting with the same <see cref="BaseUri"/> and <see cref="User"/> shares one minute window and one
        /// UTC-day budget (<see cref="RequestsPerMinute"/>, <see cref="DailyRequestLimit"/>). Null: this process counts alone.
        /// A password in the URI is used to sign in to the store and never shown.
        /// </summary>
        public Uri? RateLimitStore { get; set; }

        /// <summary>The store's ACL user; null for the URI's, or the store's default user.</summary>
        public string? RateLimitStoreUser { get; set; }

        /// <summary>The store's password; null for the URI's, or none.</summary>
        public SecureString? RateLimitStorePassword { get; set; }

        /// <summary>What a request does when the store cannot be reached (default: count in this process alone).</summary>
        public WcxRateLimitStoreFailure RateLimitStoreFailure { get; set; } = WcxRateLimitStoreFailure.Local;

        /// <summary>
        /// The default of <see cref="PrefetchPages"/>, 32: at the API's 5,000 requests a minute (83 pages a second) it
        /// covers a page that takes up to 380 ms from request to answer, several times the ~80–120 ms a page takes close
        /// to the API; memory stays small (32 pages of 100 records), and a list asks for only what its window needs.
        /// </summary>
        public const int DefaultPrefetchPages = 32;

        /// <summary>
        /// Pages a list reads ahead of its reader at most, in flight or answered and unread (0: each page only when
        /// needed). Within that bound each list sizes its own window by the network (Little's law): as each full page
        /// arrives it keeps as many pages in flight as the observed round-trip time of a page × the page rate the
        /// reader and <see cref="RequestsPerMinute"/> allow, rounded up; at least one, none before a full page arrived,
        /// never past -First or a known total. Pages fetched past the end of a list that reports no total are counted
        /// in <see cref="WcxClient.SpeculativePageRequests"/>.
        /// </summary>
        public int PrefetchPages { get; set; } = DefaultPrefetchPages;

        /// <summary>Replaces the HTTP handler (tests); the client disposes it.</summary>
        public HttpMessageHandler? Handler { get; set; }

        /// <summary>Checks the options before anything is sent.</summary>
        public void Validate()
        {
            if (BaseUri is null || !BaseUri.IsAbsoluteUri)
                throw new WcxInputException("BaseUri must be an absolute URI such as " + DefaultBaseUri + ".", "BaseUri");
            if (BaseUri.Scheme != Uri.UriSchemeHttps && !(BaseUri.Scheme == Uri.UriSchemeHttp && BaseUri.IsLoopback))
                throw new WcxInputException(
                    "BaseUri must use https (plain http is allowed only for a loopback address such as a local sandbox): " + BaseUri + ".", "BaseUri");
            if (string.IsNullOrWhiteSpace(User))
                throw new WcxInputException("A user name is required: the one the API key was generated for.", "User");
            if (ApiKey is null || ApiKey.Length == 0)
                throw new WcxInputException("An API key is required (Settings -> Channels -> API in WiseCX).", "ApiKey");
            if (TokenLifetime <= TimeSpan.Zero)
                throw new WcxInputException("TokenLifetime must be positive.", "TokenLifetime");
            if (RequestTimeout <= TimeSpan.Zero || OperationTimeout <= TimeSpan.Zero)
                throw new WcxInputException("Timeouts must be positive.", "Timeout");
            if (RequestsPerMinute < 1)
                throw new WcxInputException("RequestsPerMinute must be at least 1.", "RequestsPerMinute");
            if (DailyRequestLimit < 1)
                throw new WcxInputException("DailyRequestLimit must be at least 1.", "DailyRequestLimit");
            if (PrefetchPages < 0 || PrefetchPages > 32)
                throw new WcxInputException("PrefetchPages must be between 0 and 32.", "PrefetchPages");
            if (MaxRetryAttempts < 0)
                throw new WcxInputException("MaxRetryAttempts cannot be negative.", "MaxRetryAttempts");
            if (RateLimitStore != null)
                Http.SharedLimit.StoreAddress.Check(RateLimitStore);
        }

        /// <summary>The base URI with a trailing slash, so relative paths append rather than replace its last segment.</summary>
        internal Uri NormalizedBaseUri =>
            BaseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? BaseUri : new Uri(BaseUri.AbsoluteUri + "/");
    }
}
