using System.Security;
using WiseCx.Client;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Signs in to WiseCX with a user name and API key and makes the session current.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "WcxAccount", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(WcxSession))]
    public sealed class ConnectWcxAccountCommand : WcxCmdlet
    {
        private const string ApiKeySet = "ApiKey";
        private const string CredentialSet = "Credential";
        private const string EnvironmentSet = "Environment";

        /// <summary>Environment variables read when neither -ApiKey nor -Credential is given (unattended runs).</summary>
        public const string UserVariable = "WISECX_USER";
        public const string ApiKeyVariable = "WISECX_API_KEY";
        public const string BaseUriVariable = "WISECX_BASE_URI";
        public const string RateLimitStoreVariable = "WISECX_RATE_LIMIT_STORE";

        /// <summary><para type="description">The WiseCX user name the API key was generated for.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string User { get; set; } = "";

        /// <summary><para type="description">The API key, as a SecureString (Read-Host -AsSecureString, or a vault).</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary><para type="description">User name and API key as a PSCredential, as an Azure Automation credential asset holds them.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary><para type="description">The API root. Defaults to $env:WISECX_BASE_URI, else https://api.wcx.cloud/core/v1/. Must be https unless it is a loopback address.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary><para type="description">Seconds one HTTP attempt may take before it counts as failed (default 100).</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = 100;

        /// <summary><para type="description">Seconds one operation may take, retries and waits included (default 300).</para></summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int OperationTimeoutSec { get; set; } = 300;

        /// <summary><para type="description">Retries of a failed request where retrying is safe (default 4).</para></summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetryCount { get; set; } = 4;

        /// <summary><para type="description">Requests per minute this session allows itself, shared by every command and runspace using it (default 5000, the API's limit). Requests wait for a slot instead of drawing HTTP 429.</para></summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int RequestsPerMinute { get; set; } = 5000;

        /// <summary><para type="description">Requests per UTC day this session may send (default 150000, the API's quota): a budget for long jobs. A warning is written at 80%; at the limit commands stop with the error id WcxDailyLimitReached.</para></summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long DailyRequestLimit { get; set; } = 150000;

        /// <summary><para type="description">Pages a list command reads ahead of the pipeline at most (default 32; 0 fetches each page only when needed). Within that bound each list keeps as many pages in flight as a page's round-trip time × the page rate the pipeline and -RequestsPerMinute allow; every page goes through the same rate limiter.</para></summary>
        [Parameter]
        [ValidateRange(0, 32)]
        public int PrefetchPages { get; set; } = WcxClientOptions.DefaultPrefetchPages;

        /// <summary><para type="description">A Redis-compatible store through which every process and machine connecting as this user to this API root shares -RequestsPerMinute and -DailyRequestLimit: redis://host:port, or rediss://host:port for TLS (Azure Cache for Redis: rediss://name.redis.cache.windows.net:6380). A password may be given in the URI (redis://:password@host:port) or with -RateLimitStoreCredential; it is never shown. Defaults to $env:WISECX_RATE_LIMIT_STORE. Without a store, the limits are this process's own.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RateLimitStore { get; set; }

        /// <summary><para type="description">The store's password, and its ACL user unless the user name is 'default'. Overrides a password given in the URI.</para></summary>
        [Parameter]
        [Credential]
        public PSCredential? RateLimitStoreCredential { get; set; }

        /// <summary><para type="description">What a request does while the store does not answer: Local or Stop. Local (the default): this process keeps to the limits on its own, warns once, and rejoins the store when it answers. Stop: the request is not sent and the command fails with the error id WcxRateLimitStoreUnavailable.</para></summary>
        [Parameter]
        public WcxRateLimitStoreFailure RateLimitStoreFailure { get; set; } = WcxRateLimitStoreFailure.Local;

        /// <summary><para type="description">Return the session object, to pass to -Session of other commands.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            // A failed attempt leaves no current session: Get-WcxContext then returns nothing, and commands without
            // -Session say to connect, rather than run as whoever was connected before.
            SessionStore.ClearCurrent();
            var options = new WcxClientOptions
            {
                BaseUri = BaseUri ?? BaseUriFromEnvironment() ?? WcxClientOptions.DefaultBaseUri,
                RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                OperationTimeout = TimeSpan.FromSeconds(OperationTimeoutSec),
                MaxRetryAttempts = MaxRetryCount,
                RequestsPerMinute = RequestsPerMinute,
                DailyRequestLimit = DailyRequestLimit,
                PrefetchPages = PrefetchPages,
                RateLimitStore = StoreFromParameterOrEnvironment(),
                RateLimitStoreFailure = RateLimitStoreFailure,
            };
            if (RateLimitStoreCredential != null)
            {
                options.RateLimitStoreUser = string.Equals(RateLimitStoreCredential.UserName, "default", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : RateLimitStoreCredential.UserName;
                options.RateLimitStorePassword = RateLimitStoreCredential.Password;
            }
            switch (ParameterSetName)
            {
                case ApiKeySet:
                    options.User = User;
                    options.ApiKey = ApiKey;
                    break;
                case CredentialSet:
                    options.User = Credential!.UserName;
                    options.ApiKey = Credential.Password;
                    break;
                default:
                    options.User = Environment.GetEnvironmentVariable(UserVariable) ?? "";
                    options.ApiKey = SecureFromEnvironment(ApiKeyVariable);
                    if (string.IsNullOrEmpty(options.User) || options.ApiKey is null)
                        throw new WcxInputException(
                            "No credentials given. Use -User and -ApiKey, or -Credential, or set the environment variables " +
                            UserVariable + " and " + ApiKeyVariable + ".");
                    break;
            }
            ErrorTarget = options.BaseUri;
            WriteVerbose("Connecting to " + options.BaseUri + " as " + options.User + ".");
            WcxClient client;
            try
            {
                client = Await(WcxClient.ConnectAsync(options, StopToken));
            }
            catch (WcxApiException ex)
            {
                ThrowTerminatingError(ErrorTranslator.ToConnectErrorRecord(ex, options.BaseUri, options.RequestTimeout, MyInvocation.MyCommand));
                throw;
            }
            var session = new WcxSession(client);
            SessionStore.Set(session);
            WriteVerbose("Connected. The token expires at " + client.TokenExpiresAt?.ToString("u") + " and is renewed automatically before then.");
            if (client.RateLimitStore != null)
                WriteVerbose("The limits (" + client.RequestsPerMinute + " a minute, " + client.DailyRequestLimit + " a day) are shared through " +
                             client.RateLimitStore + " with every process connected as " + client.User + " to " + client.BaseUri + ".");
            if (PassThru)
                WriteObject(SessionView.Wrap(session));
        }

        private static Uri? BaseUriFromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable(BaseUriVariable);
            if (string.IsNullOrWhiteSpace(text))
                return null;
            return Uri.TryCreate(text, UriKind.Absolute, out var uri)
                ? uri
                : throw new WcxInputException(BaseUriVariable + " is not an absolute URI: '" + text + "'.", "BaseUri");
        }

        /// <summary>
        /// -RateLimitStore, else the environment variable; null for none. The text may carry a password, so no message
        /// repeats it.
        /// </summary>
        private Uri? StoreFromParameterOrEnvironment()
        {
            var fromParameter = !string.IsNullOrEmpty(RateLimitStore);
            var text = fromParameter ? RateLimitStore : Environment.GetEnvironmentVariable(RateLimitStoreVariable);
            if (string.IsNullOrWhiteSpace(text))
                return null;
            return Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new WcxInputException(
                    (fromParameter ? "-RateLimitStore" : RateLimitStoreVariable) + " is not a URI: give one such as redis://host:6379 or rediss://host:6380.",
                    "RateLimitStore");
        }

        private static SecureString? SecureFromEnvironment(string variable)
        {
            var text = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(text))
                return null;
            var secure = new SecureString();
            foreach (var c in text!)
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
