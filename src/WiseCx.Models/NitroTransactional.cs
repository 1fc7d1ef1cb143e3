namespace WiseCx
{
    /// <summary>A contact a campaign message was sent to, with its delivery state.</summary>
    public sealed class NitroCampaignMessageContact : WcxObject
    {
        /// <summary>The send's tracking id, e.g. "wa_3264"; Get-WcxNitroRequest reads it.</summary>
        public string? TrackingId { get; set; }

        /// <summary>The contact's id in WiseCX (text, as Nitro sends it).</summary>
        public string? ContactId { get; set; }

        /// <summary>The phone number the message went to (WhatsApp and calls).</summary>
        public string? Phone { get; set; }

        /// <summary>The address the message went to (e-mail).</summary>
        public string? Email { get; set; }

        /// <summary>whatsapp, email or call.</summary>
        public string? Channel { get; set; }

        /// <summary>Where the send stands for this contact: sent, delivered, failed, …</summary>
        public string? Status { get; set; }

        /// <summary>When the send to this contact was queued, in local time.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>The case the contact's reply opened; 0 when none.</summary>
        public long? CaseId { get; set; }

        /// <summary>When the message was sent, delivered, opened and clicked.</summary>
        public NitroChannelDetail? ChannelDetail { get; set; }

        /// <summary>The recipient and status, e.g. <c>5493533683773: sent</c>.</summary>
        public override string ToString() => (Phone ?? Email ?? ContactId) + ": " + Status;
    }

    /// <summary>Per-channel delivery details; dates the channel has not reached yet are null.</summary>
    public sealed class NitroChannelDetail : WcxObject
    {
        /// <summary>WhatsApp's own id of the message.</summary>
        public string? WhatsappId { get; set; }

        /// <summary>When the message was sent, in local time.</summary>
        public DateTime? SentAt { get; set; }

        /// <summary>When the message was delivered, in local time.</summary>
        public DateTime? DeliveredAt { get; set; }

        /// <summary>When the contact last opened the message, in local time.</summary>
        public DateTime? LastOpenDate { get; set; }

        /// <summary>When the contact last clicked a link in the message, in local time.</summary>
        public DateTime? LastClickDate { get; set; }

        /// <summary>The furthest step reached, in UTC: <c>delivered 2026-03-04 20:00:05Z</c>, <c>sent …</c>, or empty.</summary>
        public override string ToString() =>
            DeliveredAt.HasValue ? "delivered " + DeliveredAt.Value.ToUniversalTime().ToString("u") : SentAt.HasValue ? "sent " + SentAt.Value.ToUniversalTime().ToString("u") : "";
    }

    /// <summary>
    /// The receipt of one transactional send on one channel. <see cref="TrackingId"/> is a string: the API sends
    /// "wa-4546" in one example and the number 1 in another.
    /// </summary>
    public sealed class NitroSendResult : WcxObject
    {
        /// <summary>The send's tracking id: Get-WcxNitroRequest reads what became of it.</summary>
        public string? TrackingId { get; set; }

        /// <summary>The channel this receipt is for: whatsapp, email, sms or call.</summary>
        public string? Channel { get; set; }

        /// <summary>queued, …</summary>
        public string? Status { get; set; }

        /// <summary>The API's explanation, when the send was not queued; usually empty.</summary>
        public string? Description { get; set; }

        /// <summary>The contact the message went to (bulk sends only).</summary>
        public NitroRequestContact? Contact { get; set; }

        /// <summary>The tracking id, channel and status, e.g. <c>wa-4546 (whatsapp, queued)</c>.</summary>
        public override string ToString() => TrackingId + " (" + Channel + ", " + Status + ")";
    }

    /// <summary>What became of one transactional request (GET /nitro/transactional/requests/{tracking_id}).</summary>
    public sealed class NitroRequest : WcxObject
    {
        /// <summary>Not sent by the API: the module sets it from the request.</summary>
        public string? TrackingId { get; set; }

        /// <summary>The case the request opened (a reply or an answered call opens one).</summary>
        public NitroRequestCase? Case { get; set; }

        /// <summary>The contact the message went to.</summary>
        public NitroRequestContact? Contact { get; set; }

        /// <summary>The template values sent, by placeholder ("{location}" = "ARG").</summary>
        public IDictionary<string, string?>? Variables { get; set; }

        /// <summary>The key/value pairs sent with the request for reports and assistant flows.</summary>
        public IDictionary<string, string?>? Metadata { get; set; }

        /// <summary>"Request" and the tracking id.</summary>
        public override string ToString() => "Request " + TrackingId;
    }

    /// <summary>The case a transactional request opened.</summary>
    public sealed class NitroRequestCase : WcxObject
    {
        /// <summary>0 while the request has opened no case.</summary>
        public long Id { get; set; }

        /// <summary>The case number, a string in Nitro ("6544"); empty while there is no case.</summary>
        public string? Number { get; set; }

        /// <summary>"Case" and the id, or empty while there is no case.</summary>
        public override string ToString() => Id == 0 ? "" : "Case " + Id;
    }

    /// <summary>A contact as Nitro reports it (its id is a string in Nitro, a number in bulk receipts).</summary>
    public sealed class NitroRequestContact : WcxObject
    {
        /// <summary>The contact's id in WiseCX, as text.</summary>
        public string? Id { get; set; }

        /// <summary>The contact's e-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>The contact's personal id (DNI, CUIT, …).</summary>
        public string? PersonalId { get; set; }

        /// <summary>The contact's name.</summary>
        public string? Name { get; set; }

        /// <summary>The first of e-mail, phone, personal id, id and name that is set.</summary>
        public override string ToString() => Email ?? Phone ?? PersonalId ?? Id ?? Name ?? "";
    }
}
