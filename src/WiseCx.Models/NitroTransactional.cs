namespace WiseCx
{
    /// <summary>A contact a campaign message was sent to, with its delivery state.</summary>
    public sealed class NitroCampaignMessageContact : WcxObject
    {
        public string? TrackingId { get; set; }
        public string? ContactId { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Channel { get; set; }
        public string? Status { get; set; }
        public DateTime? CreatedAt { get; set; }

        /// <summary>The case the contact's reply opened; 0 when none.</summary>
        public long? CaseId { get; set; }

        public NitroChannelDetail? ChannelDetail { get; set; }

        public override string ToString() => (Phone ?? Email ?? ContactId) + ": " + Status;
    }

    /// <summary>Per-channel delivery details; dates the channel has not reached yet are null.</summary>
    public sealed class NitroChannelDetail : WcxObject
    {
        public string? WhatsappId { get; set; }
        public DateTime? SentAt { get; set; }
        public DateTime? DeliveredAt { get; set; }
        public DateTime? LastOpenDate { get; set; }
        public DateTime? LastClickDate { get; set; }

        public override string ToString() =>
            DeliveredAt.HasValue ? "delivered " + DeliveredAt.Value.ToUniversalTime().ToString("u") : SentAt.HasValue ? "sent " + SentAt.Value.ToUniversalTime().ToString("u") : "";
    }

    /// <summary>
    /// The receipt of one transactional send on one channel. <see cref="TrackingId"/> is a string: the API sends
    /// "wa-4546" in one example and the number 1 in another.
    /// </summary>
    public sealed class NitroSendResult : WcxObject
    {
        public string? TrackingId { get; set; }
        public string? Channel { get; set; }

        /// <summary>queued, …</summary>
        public string? Status { get; set; }

        public string? Description { get; set; }

        /// <summary>The contact the message went to (bulk sends only).</summary>
        public NitroRequestContact? Contact { get; set; }

        public override string ToString() => TrackingId + " (" + Channel + ", " + Status + ")";
    }

    /// <summary>What became of one transactional request (GET /nitro/transactional/requests/{tracking_id}).</summary>
    public sealed class NitroRequest : WcxObject
    {
        /// <summary>Not sent by the API: the module sets it from the request.</summary>
        public string? TrackingId { get; set; }

        public NitroRequestCase? Case { get; set; }
        public NitroRequestContact? Contact { get; set; }
        public IDictionary<string, string?>? Variables { get; set; }
        public IDictionary<string, string?>? Metadata { get; set; }

        public override string ToString() => "Request " + TrackingId;
    }

    /// <summary>The case a transactional request opened.</summary>
    public sealed class NitroRequestCase : WcxObject
    {
        /// <summary>0 while the request has opened no case.</summary>
        public long Id { get; set; }

        /// <summary>The case number, a string in Nitro ("6544"); empty while there is no case.</summary>
        public string? Number { get; set; }

        public override string ToString() => Id == 0 ? "" : "Case " + Id;
    }

    /// <summary>A contact as Nitro reports it (its id is a string in Nitro, a number in bulk receipts).</summary>
    public sealed class NitroRequestContact : WcxObject
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? PersonalId { get; set; }
        public string? Name { get; set; }

        public override string ToString() => Email ?? Phone ?? PersonalId ?? Id ?? Name ?? "";
    }
}
