namespace WiseCx
{
    /// <summary>The API answered with an error. Carries what was asked and what the API said; never a secret.</summary>
    public class WcxApiException : Exception
    {
        /// <summary>
        /// An error for the request <paramref name="method"/> <paramref name="path"/> (no query string) that ended with
        /// <paramref name="statusCode"/> (0: no answer), with the API's own message when it sent one.
        /// </summary>
        public WcxApiException(int statusCode, string method, string path, string? apiMessage, Exception? inner = null)
            : base(Describe(statusCode, method, path, apiMessage), inner)
        {
            StatusCode = statusCode;
            Method = method;
            Path = path;
            ApiMessage = apiMessage;
        }

        /// <summary>The HTTP status code (0 when no answer came).</summary>
        public int StatusCode { get; }

        /// <summary>The HTTP method of the failed request.</summary>
        public string Method { get; }

        /// <summary>The path of the failed request, without the query string (it may hold personal data).</summary>
        public string Path { get; }

        /// <summary>The API's own message, when it sent one.</summary>
        public string? ApiMessage { get; }

        private static string Describe(int statusCode, string method, string path, string? apiMessage)
        {
            var what = method + " " + path + " failed with HTTP " + statusCode;
            return string.IsNullOrEmpty(apiMessage) ? what + "." : what + ": " + apiMessage;
        }
    }

    /// <summary>401 or 403: the user/API key was refused, or the token was refused again after it was renewed.</summary>
    public sealed class WcxAuthenticationException : WcxApiException
    {
        /// <summary>The request was refused as unauthenticated (401) or forbidden (403, the default).</summary>
        public WcxAuthenticationException(string method, string path, string? apiMessage, int statusCode = 403)
            : base(statusCode, method, path, apiMessage) { }
    }

    /// <summary>
    /// POST /cases was refused because the contact already has an open case (the API's <c>OPEN_CASES_EXIST</c>). Nothing
    /// was created; <see cref="OpenCaseIds"/> are the cases to add to instead.
    /// </summary>
    public sealed class WcxOpenCasesExistException : WcxApiException
    {
        /// <summary>The case creation was refused; <paramref name="openCaseIds"/> are the contact's open cases the API named.</summary>
        public WcxOpenCasesExistException(int statusCode, string method, string path, long[] openCaseIds)
            : base(statusCode, method, path, Describe(openCaseIds))
        {
            OpenCaseIds = openCaseIds;
        }

        /// <summary>The contact's open cases, as the API listed them (may be empty when it named none).</summary>
        public long[] OpenCaseIds { get; }

        private static string Describe(long[] ids) =>
            "OPEN_CASES_EXIST: the contact already has an open case" +
            (ids.Length == 0 ? "" : " (" + string.Join(", ", ids) + ")") +
            "; add to it (New-WcxCase -AddToOpenCase, or Add-WcxCaseActivity), or close it first.";
    }

    /// <summary>404: the object does not exist (or is outside what the endpoint can see).</summary>
    public sealed class WcxNotFoundException : WcxApiException
    {
        /// <summary>The request answered 404.</summary>
        public WcxNotFoundException(string method, string path, string? apiMessage)
            : base(404, method, path, apiMessage) { }
    }

    /// <summary>The request was refused by the API as invalid (400).</summary>
    public sealed class WcxBadRequestException : WcxApiException
    {
        /// <summary>The request answered 400.</summary>
        public WcxBadRequestException(string method, string path, string? apiMessage)
            : base(400, method, path, apiMessage) { }
    }

    /// <summary>The server answered, but not with the JSON the endpoint documents.</summary>
    public sealed class WcxResponseFormatException : WcxApiException
    {
        /// <summary>The answer to the request could not be read; <paramref name="detail"/> says why.</summary>
        public WcxResponseFormatException(int statusCode, string method, string path, string detail, Exception? inner = null)
            : base(statusCode, method, path, "the response could not be read: " + detail, inner) { }
    }

    /// <summary>A write was sent but no clear answer came back: it may or may not have been applied.</summary>
    public sealed class WcxWriteOutcomeUnknownException : WcxApiException
    {
        /// <summary>The write's answer was lost or unclear; <paramref name="detail"/> says what happened.</summary>
        public WcxWriteOutcomeUnknownException(int statusCode, string method, string path, string detail, Exception? inner = null)
            : base(statusCode, method, path, detail + " The write may have been applied; check before sending it again.", inner) { }
    }

    /// <summary>Input refused on the client, before any request was sent (a bad filter, an unknown field, …).</summary>
    public sealed class WcxInputException : Exception
    {
        /// <summary>Input refused with <paramref name="message"/>, naming the parameter at fault when there is one.</summary>
        public WcxInputException(string message, string? parameterName = null) : base(message)
        {
            ParameterName = parameterName;
        }

        /// <summary>The parameter (or filter field) at fault, when one is.</summary>
        public string? ParameterName { get; }
    }
}

namespace WiseCx
{
    /// <summary>The day's request limit (the API's quota, or the budget given to Connect-WcxAccount) is used up.</summary>
    public sealed class WcxQuotaExceededException : Exception
    {
        /// <summary>The daily <paramref name="limit"/> is reached with <paramref name="used"/> requests sent today (UTC).</summary>
        public WcxQuotaExceededException(long limit, long used)
            : base("The daily request limit of " + limit + " is used up (" + used + " requests today, UTC); nothing more is sent until 00:00 UTC. " +
                   "Raise -DailyRequestLimit on Connect-WcxAccount if the API's quota allows it.")
        {
            Limit = limit;
            Used = used;
        }

        /// <summary>The daily request limit in force.</summary>
        public long Limit { get; }

        /// <summary>The requests sent since 00:00 UTC.</summary>
        public long Used { get; }
    }
}

namespace WiseCx
{
    /// <summary>
    /// The rate-limit store could not be reached and the session was told to stop rather than count alone
    /// (<see cref="WcxRateLimitStoreFailure.Stop"/>). The request was not sent.
    /// </summary>
    public sealed class WcxRateLimitStoreException : Exception
    {
        /// <summary>The store at <paramref name="store"/> (shown without credentials) failed for <paramref name="reason"/>.</summary>
        public WcxRateLimitStoreException(string store, string reason)
            : base("The rate-limit store " + store + " did not answer (" + reason + "). The request was not sent: this session " +
                   "was connected with -RateLimitStoreFailure Stop, so it does not count requests on its own.")
        {
            Store = store;
        }

        /// <summary>The store's address, without credentials.</summary>
        public string Store { get; }
    }

    /// <summary>What a session does when its rate-limit store cannot be reached.</summary>
    public enum WcxRateLimitStoreFailure
    {
        /// <summary>Keep to the limits within this process alone, warn once, and rejoin the store when it answers.</summary>
        Local,

        /// <summary>Fail each request with a clear error until the store answers.</summary>
        Stop,
    }
}
