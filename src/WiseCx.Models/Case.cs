namespace WiseCx
{
    /// <summary>
    /// A WiseCX case. Every property is optional because <c>-Property</c> (the API's <c>fields</c>) selects a subset: null
    /// means not asked for or not sent. Dates are local time (the API sends UTC).
    /// </summary>
    public sealed class Case : WcxObject
    {
        /// <summary>The case id, used by every case cmdlet.</summary>
        public long Id { get; set; }

        /// <summary>The account's incremental case number, the one agents see; not the id.</summary>
        public long? Number { get; set; }

        /// <summary>The service group (queue) the case is assigned to.</summary>
        public long? GroupId { get; set; }

        /// <summary>The user (agent) the case is assigned to; 0 when nobody is.</summary>
        public long? UserId { get; set; }

        /// <summary>The contact the case is with.</summary>
        public long? ContactId { get; set; }

        /// <summary>opened, solved, pending, hold or closed.</summary>
        public string? Status { get; set; }

        /// <summary>Where the case came from: web, app, phone, whatsapp, email, internal, …</summary>
        public string? SourceChannel { get; set; }

        /// <summary>The case's tags, by name.</summary>
        public WcxList<string>? Tags { get; set; }

        /// <summary>The case type (see Get-WcxCaseType); 0 when it has none.</summary>
        public long? TypeId { get; set; }

        /// <summary>The case subject.</summary>
        public string? Subject { get; set; }

        /// <summary>none, low, medium, high or very-high.</summary>
        public string? Priority { get; set; }

        /// <summary>When the case is due.</summary>
        public DateTime? DueAt { get; set; }

        /// <summary>The case's custom fields, as name/value pairs.</summary>
        public WcxList<CustomField>? CustomFields { get; set; }

        /// <summary>When the case was created.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>When the case was solved; null while it is not.</summary>
        public DateTime? SolvedAt { get; set; }

        /// <summary>When the case was closed; null while it is not.</summary>
        public DateTime? ClosedAt { get; set; }

        /// <summary>When an agent last read the case.</summary>
        public DateTime? LastRead { get; set; }

        /// <summary>When the case last changed.</summary>
        public DateTime? LastUpdate { get; set; }

        /// <summary>When an agent first read the case.</summary>
        public DateTime? FirstRead { get; set; }

        /// <summary>When the case was last assigned.</summary>
        public DateTime? LastAssignment { get; set; }

        /// <summary>When the case was first answered.</summary>
        public DateTime? FirstResponse { get; set; }

        /// <summary>When the case was last answered.</summary>
        public DateTime? LastResponse { get; set; }

        /// <summary>The last NPS score the contact gave on this case.</summary>
        public double? NpsValue { get; set; }

        /// <summary>True when the case is marked as spam.</summary>
        public bool? Spam { get; set; }

        /// <summary>True when the case is in the deleted state.</summary>
        public bool? Deleted { get; set; }

        /// <summary>The account of the channel the case came in on (a mailbox, a WhatsApp number, …).</summary>
        public string? ChannelAccount { get; set; }

        /// <summary>True when a bot resolved the case.</summary>
        public bool? BotResolved { get; set; }

        /// <summary>True when a bot handled the case.</summary>
        public bool? BotAttended { get; set; }

        /// <summary>A summary of the case's activities, as WiseCX writes it.</summary>
        public string? Summary { get; set; }

        /// <summary>The id and subject, e.g. <c>Case 1273952: Invoice missing</c>.</summary>
        public override string ToString() => Subject is null ? "Case " + Id : "Case " + Id + ": " + Subject;
    }
}
