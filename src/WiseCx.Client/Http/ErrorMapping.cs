namespace WiseCx.Client.Http
{
    /// <summary>
    /// Turns what went wrong with a request into the typed exception the caller sees: an answer that is not a success,
    /// or a failure before one came (no answer in time, an unreadable answer, a broken connection). A write whose
    /// outcome cannot be known becomes <see cref="WcxWriteOutcomeUnknownException"/>, so it is never repeated blindly.
    /// </summary>
    internal static class ErrorMapping
    {
        internal static WcxApiException FromAnswer(ApiResponse response, string method, string path, bool idempotent)
        {
            var message = ResponseReading.ApiMessageOf(response.Body);
            var openCases = ResponseReading.OpenCaseIdsOf(response.Body);
            if (openCases != null)
                // Its status code was never captured from the live API: the body decides, whatever the code.
                return new WcxOpenCasesExistException(response.StatusCode, method, path, openCases);
            switch (response.StatusCode)
            {
                case 400:
                    return new WcxBadRequestException(method, path, message);
                case 401:
                case 403:
                    return new WcxAuthenticationException(method, path, message ?? "the token was refused", response.StatusCode);
                case 404:
                    return new WcxNotFoundException(method, path, message);
                case 429:
                    return new WcxApiException(429, method, path, (message ?? "rate limit reached") + " (still limited after retries).");
                default:
                    if (!idempotent && response.StatusCode >= 500)
                        return new WcxWriteOutcomeUnknownException(response.StatusCode, method, path,
                            "The server failed (" + (message ?? "HTTP " + response.StatusCode) + ").");
                    return new WcxApiException(response.StatusCode, method, path, message);
            }
        }

        /// <summary>The operation's time ran out (retries and waits included) before an answer came.</summary>
        internal static WcxApiException OperationTimedOut(string method, string path, bool idempotent, TimeSpan operationTimeout)
        {
            var detail = "No answer within the operation timeout of " + operationTimeout.TotalSeconds + " s.";
            return idempotent
                ? new WcxApiException(0, method, path, detail)
                : new WcxWriteOutcomeUnknownException(0, method, path, detail);
        }

        /// <summary>A 2xx answer that was cut off or not JSON: for a write, the server may have applied it.</summary>
        internal static WcxApiException Unreadable(MalformedAnswerException answer, string method, string path, bool idempotent) =>
            idempotent
                ? new WcxResponseFormatException(answer.StatusCode, method, path, answer.Message, answer)
                : new WcxWriteOutcomeUnknownException(answer.StatusCode, method, path,
                    "The server accepted the request but its answer was unreadable (" + answer.Message + ").", answer);

        /// <summary>The connection failed (after the retries allowed).</summary>
        internal static WcxApiException ConnectionFailed(HttpRequestException failure, string method, string path, bool idempotent)
        {
            var detail = "The connection failed: " + failure.GetBaseException().Message + ".";
            return idempotent
                ? new WcxApiException(0, method, path, detail, failure)
                : new WcxWriteOutcomeUnknownException(0, method, path, detail, failure);
        }
    }
}
