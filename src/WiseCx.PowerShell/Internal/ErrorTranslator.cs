using System.IO;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Turns client exceptions into ErrorRecords with stable ErrorIds (a contract: scripts and tests match on them),
    /// the right category, and a recommended action that says what to do next.
    /// </summary>
    internal static class ErrorTranslator
    {
        public const string NotConnected = "WcxNotConnected";
        public const string DailyLimitReached = "WcxDailyLimitReached";
        public const string RateLimitStoreUnavailable = "WcxRateLimitStoreUnavailable";
        public const string InvalidArgument = "WcxInvalidArgument";
        public const string AuthenticationFailed = "WcxAuthenticationFailed";
        public const string NotFound = "WcxNotFound";
        public const string BadRequest = "WcxBadRequest";
        public const string WriteOutcomeUnknown = "WcxWriteOutcomeUnknown";
        public const string OpenCasesExist = "WcxOpenCasesExist";
        public const string InvalidResponse = "WcxInvalidResponse";
        public const string ExportFailed = "WcxExportFailed";
        public const string ExportNotFound = "WcxExportNotFound";
        public const string ExportIdMissing = "WcxExportIdMissing";
        public const string RateLimited = "WcxRateLimited";
        public const string ConnectionFailed = "WcxConnectionFailed";
        public const string NotApiRoot = "WcxNotApiRoot";
        public const string ApiError = "WcxApiError";
        public const string FileError = "WcxFileError";
        public const string UnexpectedError = "WcxUnexpectedError";
        /// <summary>A piped object is not what the id parameter takes (PipelineIdGuard reports it).</summary>
        public const string WrongInputType = "WcxWrongInputType";
        /// <summary>Connect-WcxAccount -SecretName without Microsoft.PowerShell.SecretManagement installed.</summary>
        public const string SecretManagementMissing = "WcxSecretManagementMissing";
        /// <summary>Start-WcxSandbox found no sandbox; Stop-WcxSandbox was given a process that is not one.</summary>
        public const string SandboxNotFound = "WcxSandboxNotFound";
        /// <summary>Start-WcxSandbox: the sandbox exited or did not listen in time.</summary>
        public const string SandboxStartFailed = "WcxSandboxStartFailed";
        /// <summary>The API lacks an endpoint of the Spanish documentation that has no documented equivalent (Get-WcxCaseSummary).</summary>
        public const string EndpointNotOffered = "WcxEndpointNotOffered";

        /// <summary>Every id this module reports (about_WiseCx lists them; a test keeps the two in step).</summary>
        public static readonly string[] AllIds =
        {
            NotConnected, DailyLimitReached, InvalidArgument, AuthenticationFailed, NotFound, BadRequest, WriteOutcomeUnknown, OpenCasesExist,
            InvalidResponse, ExportFailed, ExportNotFound, ExportIdMissing, RateLimited, ConnectionFailed, NotApiRoot, ApiError, FileError, UnexpectedError,
            WrongInputType, RateLimitStoreUnavailable, SecretManagementMissing, SandboxNotFound, SandboxStartFailed,
            EndpointNotOffered,
        };

        /// <summary>The exceptions a command reports as an ErrorRecord of its own rather than letting PowerShell wrap them.</summary>
        public static bool IsReported(Exception exception) =>
            exception is WcxApiException || exception is WcxInputException || IsNotConnected(exception) ||
            exception is WcxQuotaExceededException || exception is WcxRateLimitStoreException || exception is IOException ||
            exception is UnauthorizedAccessException;

        /// <param name="exception">What went wrong.</param>
        /// <param name="target">What it is about (an id, an input object): ErrorRecord.TargetObject.</param>
        /// <param name="command">The command reporting it, so the advice can name its parameters and the matching Get- command.</param>
        public static ErrorRecord ToErrorRecord(Exception exception, object? target, CommandInfo? command = null)
        {
            var (id, category, advice) = Classify(exception, command);
            // The open cases are what a script acts on next (add to one, or close it): they are the record's target.
            var record = new ErrorRecord(exception, id, category, exception is WcxOpenCasesExistException open ? open.OpenCaseIds : target);
            if (advice != null)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice };
            return record;
        }

        /// <summary>
        /// A failed Connect-WcxAccount: what went wrong on the way to the API gets advice about the address, since that is
        /// what the user typed (nothing listens, the name does not resolve, TLS fails, no answer in time, or an answer that
        /// is not the API's because -BaseUri lacks /core/v1/). Credentials and arguments are reported as everywhere else.
        /// </summary>
        public static ErrorRecord ToConnectErrorRecord(Exception exception, Uri baseUri, TimeSpan requestTimeout, CommandInfo? command)
        {
            var advice = ConnectAdvice(exception, baseUri, requestTimeout);
            if (advice is null)
                return ToErrorRecord(exception, baseUri, command);
            var record = new ErrorRecord(exception, advice.Value.Id, advice.Value.Category, baseUri)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice.Value.Advice },
            };
            return record;
        }

        private static (string Id, ErrorCategory Category, string Advice)? ConnectAdvice(Exception exception, Uri baseUri, TimeSpan requestTimeout)
        {
            var host = baseUri.Host;
            var where = baseUri.Authority;
            var apiRoot = "-BaseUri must be the API root, ending in /core/v1/, e.g. https://api.wcx.cloud/core/v1/ (a local sandbox: http://127.0.0.1:<port>/core/v1/).";
            switch (exception)
            {
                case WcxAuthenticationException _:
                case WcxQuotaExceededException _:
                    return null;
                case WcxNotFoundException _:
                case WcxResponseFormatException _:
                case WcxApiException api when api.StatusCode == 405:
                    var lacks = baseUri.AbsolutePath.IndexOf("/core/v1", StringComparison.OrdinalIgnoreCase) < 0;
                    return (NotApiRoot, ErrorCategory.InvalidArgument,
                        baseUri + " answered, but not as the WiseCX API" + (lacks ? ": the address lacks /core/v1/. " : ". ") + apiRoot);
                case WcxApiException api when api.StatusCode == 0:
                    var socket = Find<System.Net.Sockets.SocketException>(exception);
                    if (socket?.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused)
                        return (ConnectionFailed, ErrorCategory.ConnectionError,
                            "Nothing answers at " + where + " (connection refused). Check the host and port of -BaseUri; for the local sandbox, check that it is running (Start-WcxSandbox).");
                    if (socket?.SocketErrorCode == System.Net.Sockets.SocketError.HostNotFound || socket?.SocketErrorCode == System.Net.Sockets.SocketError.NoData ||
                        socket?.SocketErrorCode == System.Net.Sockets.SocketError.TryAgain)
                        return (ConnectionFailed, ErrorCategory.ConnectionError,
                            "The host name '" + host + "' cannot be resolved. Check its spelling in -BaseUri, then the network and DNS (or proxy) settings.");
                    if (Find<System.Security.Authentication.AuthenticationException>(exception) != null)
                        return (ConnectionFailed, ErrorCategory.SecurityError,
                            "The TLS connection to " + where + " could not be established. Use https only for a host that serves it (a local sandbox is plain http://127.0.0.1:<port>/core/v1/); " +
                            "otherwise check that its certificate is trusted and the system clock is right.");
                    if (Find<OperationCanceledException>(exception) != null || Find<TimeoutException>(exception) != null)
                        return (ConnectionFailed, ErrorCategory.OperationTimeout,
                            "No answer from " + where + " within " + requestTimeout.TotalSeconds + " s. Check the network, firewall and proxy, and that -BaseUri names the API (" +
                            "https://api.wcx.cloud/core/v1/); on a slow link raise -RequestTimeoutSec.");
                    return (ConnectionFailed, ErrorCategory.ConnectionError, "Could not reach " + where + ". Check the network and -BaseUri, then try again.");
                default:
                    return null;
            }
        }

        private static T? Find<T>(Exception exception) where T : Exception
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is T found)
                    return found;
            }
            return null;
        }

        /// <summary>True when nothing later in the pipeline can succeed either: stop the command rather than go on.</summary>
        public static bool IsTerminating(Exception exception) =>
            exception is WcxAuthenticationException ||
            IsNotConnected(exception) ||
            exception is WcxQuotaExceededException ||
            exception is WcxRateLimitStoreException ||
            (exception is WcxApiException api && api.StatusCode == 0 && !(exception is WcxWriteOutcomeUnknownException));

        /// <summary>
        /// No session to run on: none was given or current (<see cref="NotConnectedException"/>), or it was disconnected
        /// before or while the command ran (the client's <see cref="WiseCx.Client.Http.WcxDisconnectedException"/>).
        /// </summary>
        private static bool IsNotConnected(Exception exception) =>
            exception is NotConnectedException || exception is WiseCx.Client.Http.WcxDisconnectedException;

        private static (string Id, ErrorCategory Category, string? Advice) Classify(Exception exception, CommandInfo? command)
        {
            // The history belongs to a session: a Connect-WcxAccount that failed made none to show it from.
            var seeDebug = command != null && command.Name == "Connect-WcxAccount"
                ? " Run the command again with -Debug to see the exchange."
                : " Get-WcxRequestHistory -Last 1 shows the exchange (or run the command again with -Debug to see it as it happens).";
            switch (exception)
            {
                case Exception _ when IsNotConnected(exception):
                    return (NotConnected, ErrorCategory.ConnectionError, "Run Connect-WcxAccount first, or pass -Session.");
                case WcxQuotaExceededException _:
                    return (DailyLimitReached, ErrorCategory.LimitsExceeded, "Wait until 00:00 UTC, or raise -DailyRequestLimit on Connect-WcxAccount if the API's quota allows it.");
                case WcxRateLimitStoreException store:
                    return (RateLimitStoreUnavailable, ErrorCategory.ResourceUnavailable,
                        "Check that the store at " + store.Store + " is running and reachable from here (host, port, TLS, password), then run the command again; " +
                        "or connect with -RateLimitStoreFailure Local, so that a session keeps to its limits on its own while the store does not answer.");
                case WcxInputException input:
                    return (InvalidArgument, ErrorCategory.InvalidArgument, InputAdvice(input.ParameterName, command));
                case WcxAuthenticationException _:
                    return (AuthenticationFailed, ErrorCategory.AuthenticationError,
                        "Check the user name and API key (WiseCX: Settings -> Channels -> API), then run Connect-WcxAccount again.");
                case WcxOpenCasesExistException _:
                    return (OpenCasesExist, ErrorCategory.ResourceExists,
                        "The contact already has an open case (the error's TargetObject lists it): add to it with New-WcxCase -AddToOpenCase or Add-WcxCaseActivity, or close it with Set-WcxCase -Status closed and create the case again.");
                case WcxEndpointNotOfferedException notOffered:
                    return (EndpointNotOffered, ErrorCategory.NotImplemented,
                        "This WiseCX API does not offer " + notOffered.Feature + ": only the vendor's Spanish documentation lists the endpoint. Nothing else is sent for it in this session (connect again to try it again).");
                case WcxNotFoundException notFound:
                    return (NotFound, ErrorCategory.ObjectNotFound, NotFoundAdvice(notFound.Path));
                case WcxBadRequestException _:
                    return (BadRequest, ErrorCategory.InvalidArgument,
                        "The API refused the values sent; its message says which. Correct them and run the command again" +
                        (command is null ? "." : " (Get-Help " + command.Name + " -Full shows every parameter)."));
                case WcxWriteOutcomeUnknownException unknown:
                    return (WriteOutcomeUnknown, ErrorCategory.OperationTimeout,
                        "Look the object up (for example with " + (ListCommandFor(unknown.Path, wholePath: false) ?? "the matching Get-Wcx command") +
                        " -Filter) before sending the write again, or it may be duplicated.");
                case WcxResponseFormatException _:
                    return (InvalidResponse, ErrorCategory.InvalidResult, "The API's answer could not be read; try again later." + seeDebug);
                case WcxExportFailedException _:
                    return (ExportFailed, ErrorCategory.OperationStopped, "Start the export again; if it keeps failing, check the report in WiseCX Analytics.");
                case WcxExportNotFoundException notYet:
                    return (ExportNotFound, ErrorCategory.ObjectNotFound,
                        "Wait for it longer: Get-WcxAnalyticsExport " + notYet.ExportId + " -Wait -NotFoundTimeoutSeconds 300. Check the export id if it came from elsewhere.");
                case WcxExportIdMissingException _:
                    return (ExportIdMissing, ErrorCategory.InvalidResult,
                        "Do not start it again at once: it probably runs, and WiseCX runs at most three exports at a time. Download it from WiseCX Analytics, or start it again later.");
                case WcxApiException api when api.StatusCode == 429:
                    return (RateLimited, ErrorCategory.LimitsExceeded, "Wait a minute, or lower the request rate.");
                case WcxApiException api when api.StatusCode == 0:
                    return (ConnectionFailed, ErrorCategory.ConnectionError, "Check the network and -BaseUri, then try again.");
                case WcxApiException api when api.StatusCode >= 500:
                    return (ApiError, ErrorCategory.ResourceUnavailable, "The WiseCX API failed even after retries; try again later." + seeDebug);
                case WcxApiException _:
                    return (ApiError, ErrorCategory.InvalidOperation, "The API refused the request." + seeDebug);
                case UnauthorizedAccessException _:
                    return (FileError, ErrorCategory.PermissionDenied, "Choose a path you are allowed to use, and run the command again.");
                case IOException _ when WritesFiles(command):
                    return (FileError, ErrorCategory.WriteError, "Check the path, the free space, and that no other program holds the file open; then run the command again.");
                case IOException _:
                    return (FileError, ErrorCategory.ReadError, "Check the path and that no other program holds the file open; then run the command again.");
                default:
                    return (UnexpectedError, ErrorCategory.NotSpecified, null);
            }
        }

        /// <summary>The analytics export commands save reports (-OutFile, Save-WcxAnalyticsExport); the others only read files (attachments).</summary>
        private static bool WritesFiles(CommandInfo? command) =>
            command != null && command.Name.EndsWith("AnalyticsExport", StringComparison.OrdinalIgnoreCase);

        private static string InputAdvice(string? parameter, CommandInfo? command)
        {
            if (string.Equals(parameter, "Filter", StringComparison.OrdinalIgnoreCase))
                return "Correct -Filter: Get-Help about_WiseCx_Filtering shows the forms it takes; the message above names the fields and operators this list allows.";
            if (command != null && parameter != null && HasParameter(command, parameter))
                return "Correct -" + parameter + " and run the command again (Get-Help " + command.Name + " -Parameter " + parameter + ").";
            return "Correct the input and run the command again" + (command is null ? "." : " (Get-Help " + command.Name + " -Full).");
        }

        private static bool HasParameter(CommandInfo command, string name)
        {
            try
            {
                return command.Parameters.ContainsKey(name);
            }
            catch (Exception)
            {
                return false;
            }
        }

        private static string NotFoundAdvice(string path)
        {
            var list = ListCommandFor(path, wholePath: true);
            var advice = "Check the id: the object does not exist, was removed, or this account cannot see it.";
            if (list is null)
                return advice;
            advice += " " + list + " lists the ones that exist.";
            if (string.Equals(list, "Get-WcxCase", StringComparison.OrdinalIgnoreCase))
                advice += " The API only reaches cases of the last 3 months.";
            return advice;
        }

        /// <summary>
        /// The list command of the endpoint a request path belongs to ("queues/99" → Get-WcxQueue). With
        /// <paramref name="wholePath"/>, only when the endpoint accounts for the whole path (the list, or one object
        /// of it), so that a nested path ("contacts/1/groups/2") names no command rather than the wrong one.
        /// </summary>
        internal static string? ListCommandFor(string? path, bool wholePath)
        {
            if (string.IsNullOrEmpty(path))
                return null;
            var segments = path!.Split('?')[0].Trim('/').Split('/');
            string? best = null;
            var bestLength = -1;
            foreach (var command in EndpointRegistry.ListCommands)
            {
                var template = EndpointRegistry.ForCommand(command)?.Path.Trim('/').Split('/');
                if (template is null || template.Length > segments.Length || template.Length <= bestLength)
                    continue;
                var matches = !template.Where((part, i) => !(part.StartsWith("{") || string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase))).Any();
                if (!matches)
                    continue;
                if (wholePath && segments.Length > template.Length + 1)
                    continue;
                best = command;
                bestLength = template.Length;
            }
            return best;
        }
    }

    /// <summary>No session was given and none is current in this runspace.</summary>
    internal sealed class NotConnectedException : InvalidOperationException
    {
        public NotConnectedException(string message) : base(message) { }
    }
}
