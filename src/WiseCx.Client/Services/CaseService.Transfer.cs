namespace WiseCx.Client.Services
{
    // The case endpoints only the vendor's Spanish documentation lists (FIELD-NOTES "Endpoints the vendor's Spanish docs
    // list"): PUT /cases/{id}/transfer, PUT /cases/{id}/status and POST /cases/{id}/summarize. Their shapes are
    // assumptions; the first two fall back to the documented PUT /cases/{id} on an API without them.
    public sealed partial class CaseService
    {
        /// <summary>The session's name for PUT /cases/{id}/transfer when it remembers that the API lacks it.</summary>
        internal const string TransferEndpoint = "PUT cases/{id}/transfer";

        /// <summary>The session's name for PUT /cases/{id}/status when it remembers that the API lacks it.</summary>
        internal const string StatusEndpoint = "PUT cases/{id}/status";

        /// <summary>The session's name for POST /cases/{id}/summarize when it remembers that the API lacks it.</summary>
        internal const string SummarizeEndpoint = "POST cases/{id}/summarize";

        /// <summary>
        /// Moves a case to another group and/or user: PUT /cases/{id}/transfer <c>{"group_id", "user_id"}</c> (only those
        /// set), or the documented PUT /cases/{id} with the same fields when the API answers 404 or 501 (remembered per
        /// session). Both PUTs set values, so they are repeated safely.
        /// </summary>
        public Task<CaseWriteResult> TransferAsync(long id, CaseTransferRequest request, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            ValidateTransfer(request ?? throw new ArgumentNullException(nameof(request)));
            var body = new CaseTransferRequest { GroupId = request.GroupId, UserId = request.UserId };
            return PreferringAsync(TransferEndpoint,
                () => SendAsync<CaseWriteResult>(HttpMethod.Put, "cases/" + id + "/transfer", body, wrapped: false, idempotent: true, cancellationToken),
                () => SendAsync<CaseWriteResult>(HttpMethod.Put, "cases/" + id, new CaseUpdateRequest { GroupId = body.GroupId, UserId = body.UserId },
                    wrapped: false, idempotent: true, cancellationToken));
        }

        /// <summary>
        /// Changes only the status of a case: PUT /cases/{id}/status <c>{"status"}</c> (the value normalised as for
        /// <see cref="UpdateAsync(long, CaseUpdateRequest, CancellationToken)"/>), or the documented PUT /cases/{id}
        /// <c>{"status"}</c> when the API answers 404 or 501 (remembered per session). Repeated safely.
        /// </summary>
        public Task<CaseWriteResult> SetStatusAsync(long id, string status, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            var normalized = Suggested(status, Vocabulary.CaseStatus, "Status", required: true)!;
            return PreferringAsync(StatusEndpoint,
                () => SendAsync<CaseWriteResult>(HttpMethod.Put, "cases/" + id + "/status", new CaseStatusRequest { Status = normalized },
                    wrapped: false, idempotent: true, cancellationToken),
                () => SendAsync<CaseWriteResult>(HttpMethod.Put, "cases/" + id, new CaseUpdateRequest { Status = normalized },
                    wrapped: false, idempotent: true, cancellationToken));
        }

        /// <summary>
        /// The API's summary of a case: POST /cases/{id}/summarize with no body, sent as a read (it changes nothing, so it
        /// is retried like one). There is no documented equivalent: on an API without the endpoint (501, or 404 for a case
        /// that a GET finds) it throws <see cref="WcxEndpointNotOfferedException"/>, and the session then sends nothing
        /// more for summaries. A 404 for a case that does not exist stays <see cref="WcxNotFoundException"/>.
        /// </summary>
        public async Task<CaseSummary> SummarizeAsync(long id, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            var path = "cases/" + id + "/summarize";
            const string feature = "case summaries";
            if (Connection.IsEndpointAbsent(SummarizeEndpoint))
                throw new WcxEndpointNotOfferedException(404, "POST", path, feature);
            ApiResponse response;
            try
            {
                response = await Connection.SendAsync(HttpMethod.Post, path, null, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
            catch (WcxApiException absent) when (absent.StatusCode == 501)
            {
                Connection.MarkEndpointAbsent(SummarizeEndpoint);
                throw new WcxEndpointNotOfferedException(absent.StatusCode, "POST", path, feature, absent);
            }
            catch (WcxApiException absent) when (absent.StatusCode == 404)
            {
                // Which 404: no such case, or no such endpoint? The documented GET tells (its own 404 is the error then).
                await GetAsync(id, new[] { "id" }, cancellationToken).ConfigureAwait(false);
                Connection.MarkEndpointAbsent(SummarizeEndpoint);
                throw new WcxEndpointNotOfferedException(absent.StatusCode, "POST", path, feature, absent);
            }
            var summary = WcxJsonReader.ReadObject<CaseSummary>(response, "POST", path, wrapped: false);
            summary.CaseId = id;
            summary.Summary ??= TextField(summary, "text") ?? TextField(summary, "message") ?? TextField(summary, "data");
            return summary;
        }

        /// <summary>A field kept in <see cref="WcxObject.AdditionalProperties"/> when it is text.</summary>
        private static string? TextField(WcxObject value, string name) =>
            value.AdditionalProperties.TryGetValue(name, out var field) && field is string text && !string.IsNullOrWhiteSpace(text) ? text : null;

        /// <summary>True when only <see cref="CaseUpdateRequest.Status"/> is set.</summary>
        internal static bool IsStatusOnly(CaseUpdateRequest request) =>
            !string.IsNullOrWhiteSpace(request.Status) &&
            request.GroupId is null && request.UserId is null && request.Tags is null && request.TypeId is null && request.Subject is null &&
            request.Priority is null && request.DueAt is null && request.CustomFields is null && request.Activities is null &&
            request.Spam is null && request.Deleted is null;

        /// <summary>Refuses a move that names neither a group nor a user, or a malformed id, before anything is sent.</summary>
        public static void ValidateTransfer(CaseTransferRequest request)
        {
            if (request.GroupId is null && request.UserId is null)
                throw new WcxInputException("Give -GroupId, -UserId or both: where to move the case.", "GroupId");
            if (request.GroupId <= 0)
                throw new WcxInputException("A group id is a positive number; got " + request.GroupId + ".", "GroupId");
            if (request.UserId < 0)
                throw new WcxInputException("A user id is a positive number, or 0 to unassign; got " + request.UserId + ".", "UserId");
        }
    }
}
