namespace WiseCx
{
    /// <summary>
    /// One HTTP exchange of a session as <c>Get-WcxRequestHistory</c> shows it: what was sent, what came back, for which
    /// command. Every attempt is its own record (a retry, the sign-in on /authenticate). Secrets are masked and long bodies
    /// cut before any text of the record is given out, so printing, serializing or exporting it never reveals the key or
    /// the token.
    /// </summary>
    public sealed class WcxRequestRecord
    {
        /// <summary>Makes a record; the client fills it in.</summary>
        internal WcxRequestRecord(long id, DateTime startTime, string? command, string method, string path, int attempt)
        {
            Id = id;
            StartTime = startTime;
            Command = command;
            Method = method;
            Path = path;
            Attempt = attempt;
        }

        /// <summary>The exchange's number in its session, from 1: a gap means older records were dropped.</summary>
        public long Id { get; }

        /// <summary>When the request was put on the wire, in local time.</summary>
        public DateTime StartTime { get; }

        /// <summary>The command that caused the exchange (e.g. Set-WcxCase); null when no command was running.</summary>
        public string? Command { get; }

        /// <summary>The HTTP method (GET, POST, PUT, DELETE).</summary>
        public string Method { get; }

        /// <summary>The path and query, e.g. /v1/cases?page=1 (secret query values masked).</summary>
        public string Path { get; }

        /// <summary>1 for the first attempt of a request, 2 and up for its retries.</summary>
        public int Attempt { get; }

        /// <summary>The HTTP status of the answer (e.g. 200, 404); null when no answer came (see <see cref="Error"/>).</summary>
        public int? StatusCode { get; internal set; }

        /// <summary>The HTTP reason phrase (e.g. Not Found), when an answer came.</summary>
        public string? ReasonPhrase { get; internal set; }

        /// <summary>How long the attempt took, from sending to the whole answer read (waiting for the rate limit excluded).</summary>
        public TimeSpan Duration { get; internal set; }

        /// <summary>Why no usable answer came (timeout, connection refused, an answer cut off); null otherwise.</summary>
        public string? Error { get; internal set; }

        /// <summary>The request's headers, one "Name: value" per line, credentials masked.</summary>
        public string? RequestHeaders { get; internal set; }

        /// <summary>The request body as sent (JSON pretty-printed), secrets masked and long bodies cut; null without a body.</summary>
        public string? RequestBody => _requestBody?.Value;

        /// <summary>The answer's headers, one "Name: value" per line.</summary>
        public string? ResponseHeaders { get; internal set; }

        /// <summary>The answer's body (JSON pretty-printed), secrets masked and long bodies cut; null without an answer or body.</summary>
        public string? ResponseBody => _responseBody?.Value;

        // Most exchanges are never looked at: a body is masked and cut when it is first read (-Debug, Get-WcxRequestHistory),
        // not for every page a list reads. The renderer the client gives masks before anything leaves it.
        private Lazy<string?>? _requestBody;
        private Lazy<string?>? _responseBody;

        /// <summary>Sets how the request body is rendered (masked and cut), run once when it is first read.</summary>
        internal void RenderRequestBody(Func<string?> render) =>
            _requestBody = new Lazy<string?>(render, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Sets how the answer's body is rendered (masked and cut), run once when it is first read.</summary>
        internal void RenderResponseBody(Func<string?> render) =>
            _responseBody = new Lazy<string?>(render, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The size of the answer's body in bytes, before any cut.</summary>
        public long ResponseLength { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() =>
            Method + " " + Path + " -> " + (StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer");
    }
}
