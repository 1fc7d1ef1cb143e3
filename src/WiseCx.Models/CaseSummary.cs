namespace WiseCx
{
    /// <summary>
    /// A summary of a case written by the API (POST /cases/{id}/summarize, an endpoint only the vendor's Spanish
    /// documentation lists: its answer's shape is an assumption, so unknown fields are kept).
    /// </summary>
    public sealed class CaseSummary : WcxObject
    {
        /// <summary>The case summarised (always the one asked for, whatever the answer says).</summary>
        public long CaseId { get; set; }

        /// <summary>The summary's text: the answer's <c>summary</c>, else <c>text</c>, else <c>message</c>, else <c>data</c> when it is text; null when none of them came.</summary>
        public string? Summary { get; set; }

        /// <summary>When the API wrote the summary, when it says so.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>The summary's text.</summary>
        public override string ToString() => Summary ?? "Case " + CaseId;
    }

    /// <summary>
    /// The body of PUT /cases/{id}/transfer (Spanish documentation: <c>{"group_id": …, "user_id": …}</c>) and of its
    /// fallback PUT /cases/{id}; only the members set are sent.
    /// </summary>
    public sealed class CaseTransferRequest
    {
        /// <summary>The service group (queue) to move the case to; null leaves it.</summary>
        public long? GroupId { get; set; }

        /// <summary>The user (agent) to assign the case to; 0 unassigns it, null leaves it.</summary>
        public long? UserId { get; set; }
    }

    /// <summary>The body of PUT /cases/{id}/status (Spanish documentation: <c>{"status": "solved"}</c>) and of its fallback PUT /cases/{id}.</summary>
    public sealed class CaseStatusRequest
    {
        /// <summary>The new status: opened, solved, pending, hold or closed (or another word the API accepts).</summary>
        public string Status { get; set; } = "";
    }

    /// <summary>
    /// The API does not offer an endpoint that only the vendor's Spanish documentation lists (it answered 404 for it
    /// while the object exists, or 501), and the module has no documented way to do the same.
    /// </summary>
    public sealed class WcxEndpointNotOfferedException : WcxApiException
    {
        /// <summary>The request <paramref name="method"/> <paramref name="path"/> met an API without <paramref name="feature"/> (HTTP <paramref name="statusCode"/>: 404 or 501; 404 too when the session remembers an earlier answer and sent nothing).</summary>
        public WcxEndpointNotOfferedException(int statusCode, string method, string path, string feature, Exception? inner = null)
            : base(statusCode, method, path, "this API does not offer " + feature + " (an endpoint only the vendor's Spanish documentation lists).", inner)
        {
            Feature = feature;
        }

        /// <summary>What the API does not offer, in words ("case summaries").</summary>
        public string Feature { get; }
    }
}
