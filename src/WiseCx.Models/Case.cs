namespace WiseCx
{
    /// <summary>A WiseCX case. Every property is optional because <c>-Property</c> (the API's <c>fields</c>) selects a subset.</summary>
    public sealed class Case : WcxObject
    {
        public long Id { get; set; }
        public long? Number { get; set; }
        public long? GroupId { get; set; }
        public long? UserId { get; set; }
        public long? ContactId { get; set; }
        public string? Status { get; set; }
        public string? SourceChannel { get; set; }
        public WcxList<string>? Tags { get; set; }
        public long? TypeId { get; set; }
        public string? Subject { get; set; }
        public string? Priority { get; set; }
        public DateTime? DueAt { get; set; }
        public WcxList<CustomField>? CustomFields { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? SolvedAt { get; set; }
        public DateTime? ClosedAt { get; set; }
        public DateTime? LastRead { get; set; }
        public DateTime? LastUpdate { get; set; }
        public DateTime? FirstRead { get; set; }
        public DateTime? LastAssignment { get; set; }
        public DateTime? FirstResponse { get; set; }
        public DateTime? LastResponse { get; set; }
        public double? NpsValue { get; set; }
        public bool? Spam { get; set; }
        public bool? Deleted { get; set; }
        public string? ChannelAccount { get; set; }
        public bool? BotResolved { get; set; }
        public bool? BotAttended { get; set; }
        public string? Summary { get; set; }

        public override string ToString() => Subject is null ? "Case " + Id : "Case " + Id + ": " + Subject;
    }
}
