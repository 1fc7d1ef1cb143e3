using System;
using System.Management.Automation;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Turns client exceptions into ErrorRecords with stable ErrorIds (a contract: scripts and tests match on them),
    /// the right category, and a recommended action.
    /// </summary>
    internal static class ErrorTranslator
    {
        public const string NotConnected = "WcxNotConnected";

        public static ErrorRecord ToErrorRecord(Exception exception, object? target)
        {
            var (id, category, advice) = Classify(exception);
            var record = new ErrorRecord(exception, id, category, target);
            if (advice != null)
                record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice };
            return record;
        }

        /// <summary>True when nothing later in the pipeline can succeed either: stop the command rather than go on.</summary>
        public static bool IsTerminating(Exception exception) =>
            exception is WcxAuthenticationException ||
            exception is NotConnectedException ||
            exception is WcxQuotaExceededException ||
            (exception is WcxApiException api && api.StatusCode == 0 && !(exception is WcxWriteOutcomeUnknownException));

        private static (string Id, ErrorCategory Category, string? Advice) Classify(Exception exception)
        {
            switch (exception)
            {
                case NotConnectedException _:
                    return (NotConnected, ErrorCategory.ConnectionError, "Run Connect-WcxAccount first, or pass -Session.");
                case WcxQuotaExceededException _:
                    return ("WcxDailyLimitReached", ErrorCategory.LimitsExceeded, "Wait until 00:00 UTC, or raise -DailyRequestLimit on Connect-WcxAccount if the API's quota allows it.");
                case WcxInputException _:
                    return ("WcxInvalidArgument", ErrorCategory.InvalidArgument, null);
                case WcxAuthenticationException _:
                    return ("WcxAuthenticationFailed", ErrorCategory.AuthenticationError,
                        "Check the user name and API key (WiseCX: Settings -> Channels -> API), then run Connect-WcxAccount again.");
                case WcxNotFoundException _:
                    return ("WcxNotFound", ErrorCategory.ObjectNotFound, null);
                case WcxBadRequestException _:
                    return ("WcxBadRequest", ErrorCategory.InvalidArgument, null);
                case WcxWriteOutcomeUnknownException _:
                    return ("WcxWriteOutcomeUnknown", ErrorCategory.OperationTimeout,
                        "Look the object up (for example with Get-WcxCase -Filter) before sending the write again, or it may be duplicated.");
                case WcxResponseFormatException _:
                    return ("WcxInvalidResponse", ErrorCategory.InvalidResult, null);
                case WcxExportFailedException _:
                    return ("WcxExportFailed", ErrorCategory.OperationStopped, "Start the export again; if it keeps failing, check the report in WiseCX Analytics.");
                case WcxApiException api when api.StatusCode == 429:
                    return ("WcxRateLimited", ErrorCategory.LimitsExceeded, "Wait a minute, or lower the request rate.");
                case WcxApiException api when api.StatusCode == 0:
                    return ("WcxConnectionFailed", ErrorCategory.ConnectionError, "Check the network and -BaseUri, then try again.");
                case WcxApiException _:
                    return ("WcxApiError", ErrorCategory.InvalidOperation, null);
                default:
                    return ("WcxUnexpectedError", ErrorCategory.NotSpecified, null);
            }
        }
    }

    /// <summary>No session was given and none is current in this runspace.</summary>
    internal sealed class NotConnectedException : InvalidOperationException
    {
        public NotConnectedException(string message) : base(message) { }
    }
}
