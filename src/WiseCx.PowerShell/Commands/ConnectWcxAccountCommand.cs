using System.Collections.ObjectModel;
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
        private const string SecretSet = "SecretName";

        /// <summary>The module that provides Get-Secret, run by -SecretName.</summary>
        public const string SecretManagementModule = "Microsoft.PowerShell.SecretManagement";

        /// <summary>Environment variables read when neither -ApiKey nor -Credential is given (unattended runs).</summary>
        public const string UserVariable = "WISECX_USER";
        public const string ApiKeyVariable = "WISECX_API_KEY";
        public const string BaseUriVariable = "WISECX_BASE_URI";
        public const string RateLimitStoreVariable = "WISECX_RATE_LIMIT_STORE";

        /// <summary><para type="description">The WiseCX user name the API key was generated for. With -SecretName, the user for a secret that holds the key alone (a SecureString or string); it defaults to $env:WISECX_USER, and a PSCredential or hashtable secret carries its own. Alone (no -ApiKey), it takes the key from $env:WISECX_API_KEY, or asks for it in an interactive session.</para></summary>
        // By property name: Start-WcxSandbox's object (User, ApiKey, BaseUri) pipes into Connect-WcxAccount.
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = SecretSet)]
        // Also in the default set, so that -User alone resolves to it (and asks for the key) rather than being
        // ambiguous between -ApiKey and -SecretName.
        [Parameter(ParameterSetName = EnvironmentSet)]
        [ValidateNotNullOrEmpty]
        public string User { get; set; } = "";

        /// <summary><para type="description">The API key, as a SecureString (Read-Host -AsSecureString, or a vault).</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary><para type="description">User name and API key as a PSCredential, as an Azure Automation credential asset holds them.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary><para type="description">The name of a secret in a SecretManagement vault (Microsoft.PowerShell.SecretManagement's Get-Secret, run by this command): a PSCredential (user name and API key), a SecureString or string (the API key; give -User or set $env:WISECX_USER), or a hashtable with User and ApiKey entries. The secret's value is never shown, not even in errors.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string? SecretName { get; set; }

        /// <summary><para type="description">The SecretManagement vault to read -SecretName from; by default Get-Secret searches the registered vaults, the default vault first.</para></summary>
        [Parameter(ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        /// <summary><para type="description">The API root. Defaults to $env:WISECX_BASE_URI, else https://api.wcx.cloud/core/v1/. Must be https unless it is a loopback address.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
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
                case SecretSet:
                    (options.User, options.ApiKey) = CredentialsFromSecret();
                    break;
                default:
                    options.User = !string.IsNullOrEmpty(User) ? User : Environment.GetEnvironmentVariable(UserVariable) ?? "";
                    options.ApiKey = SecureFromEnvironment(ApiKeyVariable);
                    if (string.IsNullOrEmpty(options.User) || options.ApiKey is null)
                    {
                        // Nothing given and nothing in the environment: a person at the console is asked, as
                        // Connect-AzAccount and Get-Credential do; a non-interactive host (pwsh -NonInteractive, a
                        // runbook, a host without a UI) gets the error it always had.
                        var prompted = PromptForCredential(options.User);
                        if (prompted is null)
                            throw new WcxInputException(
                                "No credentials given. Use -User and -ApiKey, or -Credential, or -SecretName, or set the environment variables " +
                                UserVariable + " and " + ApiKeyVariable + ".");
                        options.User = prompted.UserName;
                        options.ApiKey = prompted.Password;
                    }
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

        /// <summary>
        /// Asks the host for the user name and API key, or returns null when it cannot ask: a non-interactive host
        /// (pwsh -NonInteractive throws, a runspace without a UI throws), a console whose input is redirected (no one
        /// is there to answer), or an answer without a user name or key (the prompt cancelled).
        /// </summary>
        private PSCredential? PromptForCredential(string user)
        {
            var ui = Host?.UI;
            if (ui is null)
                return null;
            if (string.Equals(Host!.Name, "ConsoleHost", StringComparison.Ordinal) && (Console.IsInputRedirected || !Environment.UserInteractive))
                return null;
            PSCredential? answer;
            try
            {
                answer = ui.PromptForCredential("Connect-WcxAccount",
                    "Enter your WiseCX user name and API key (WiseCX: Settings -> Channels -> API).", user, "");
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException || ex is NotImplementedException ||
                                       ex is PSNotImplementedException || ex is InvalidOperationException)
            {
                WriteVerbose("The host cannot prompt for credentials: " + ex.Message);
                return null;
            }
            if (answer is null || string.IsNullOrWhiteSpace(answer.UserName) || answer.Password is null || answer.Password.Length == 0)
                return null;
            // A console prompt may return the name with a leading backslash (no domain): the user name is what was typed.
            var name = answer.UserName.TrimStart('\\');
            return new PSCredential(name, answer.Password);
        }

        /// <summary>
        /// Reads -SecretName through SecretManagement's Get-Secret (run in this runspace, so the vaults the user
        /// registered are the ones searched) and returns the user and key it holds. No message repeats the value.
        /// </summary>
        private (string User, SecureString ApiKey) CredentialsFromSecret()
        {
            var where = "'" + SecretName + "'" + (Vault is null ? "" : " in the vault '" + Vault + "'");
            object? secret;
            using (var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                ps.AddCommand(SecretManagementModule + "\\Get-Secret").AddParameter("Name", SecretName);
                if (Vault != null)
                    ps.AddParameter("Vault", Vault);
                ps.AddParameter("ErrorAction", ActionPreference.Stop);
                Collection<PSObject> results;
                try
                {
                    results = ps.Invoke();
                }
                catch (CommandNotFoundException)
                {
                    ThrowTerminatingError(SecretManagementMissingError());
                    throw;
                }
                catch (RuntimeException ex) when (ex.ErrorRecord?.FullyQualifiedErrorId?.StartsWith("CommandNotFoundException", StringComparison.Ordinal) == true ||
                                                  ex.ErrorRecord?.CategoryInfo.Category == ErrorCategory.ObjectNotFound && ex.ErrorRecord.FullyQualifiedErrorId.Contains("Module"))
                {
                    ThrowTerminatingError(SecretManagementMissingError());
                    throw;
                }
                catch (RuntimeException ex)
                {
                    throw new WcxInputException("Get-Secret could not read the secret " + where + ": " + ex.Message, "SecretName");
                }
                if (results.Count == 0)
                    throw new WcxInputException("Get-Secret found no secret " + where + ".", "SecretName");
                secret = results[0]?.BaseObject;
            }
            switch (secret)
            {
                case PSCredential credential:
                    return (credential.UserName.TrimStart('\\'), credential.Password);
                case SecureString key:
                    return (UserForKeySecret(where), key);
                case string text when text.Length > 0:
                    return (UserForKeySecret(where), ToSecure(text));
                case IDictionary table:
                    var user = Entry(table, "User", "UserName");
                    var apiKey = Entry(table, "ApiKey", "Key");
                    var userText = user is SecureString secureUser ? new PSCredential("u", secureUser).GetNetworkCredential().Password : user?.ToString();
                    var keySecure = apiKey switch
                    {
                        SecureString s => s,
                        string t when t.Length > 0 => ToSecure(t),
                        _ => null,
                    };
                    if (string.IsNullOrEmpty(userText) || keySecure is null)
                        throw new WcxInputException("The hashtable secret " + where + " needs a User and an ApiKey entry.", "SecretName");
                    return (userText!, keySecure);
                default:
                    throw new WcxInputException("The secret " + where + " is a " + (secret?.GetType().Name ?? "null") +
                        ": give a PSCredential (user name and API key), a SecureString or string (the API key, with -User) or a hashtable with User and ApiKey.", "SecretName");
            }
        }

        private string UserForKeySecret(string where)
        {
            var user = !string.IsNullOrEmpty(User) ? User : Environment.GetEnvironmentVariable(UserVariable);
            if (string.IsNullOrEmpty(user))
                throw new WcxInputException("The secret " + where + " holds the API key only: give -User or set " + UserVariable + ".", "User");
            return user!;
        }

        private static object? Entry(IDictionary table, params string[] names)
        {
            foreach (DictionaryEntry entry in table)
            {
                if (names.Any(n => string.Equals(n, entry.Key?.ToString(), StringComparison.OrdinalIgnoreCase)))
                    return entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            }
            return null;
        }

        private ErrorRecord SecretManagementMissingError()
        {
            var record = new ErrorRecord(
                new InvalidOperationException("-SecretName reads the secret with Get-Secret, but the module " + SecretManagementModule + " is not installed."),
                ErrorTranslator.SecretManagementMissing, ErrorCategory.NotInstalled, SecretName);
            record.ErrorDetails = new ErrorDetails(record.Exception.Message)
            {
                RecommendedAction = "Install it (Install-PSResource " + SecretManagementModule + ", and a vault such as Microsoft.PowerShell.SecretStore), " +
                                    "or give the key with -ApiKey (for example -ApiKey (Read-Host -AsSecureString)) or -Credential.",
            };
            return record;
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
            return ToSecure(text!);
        }

        private static SecureString ToSecure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
