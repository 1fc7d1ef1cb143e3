namespace WiseCx
{
    /// <summary>What POST and PUT /cases answer: the case id and the activities the call added.</summary>
    public sealed class CaseWriteResult : WcxObject
    {
        public long CaseId { get; set; }
        public WcxList<ActivityReference> Activities { get; set; } = new WcxList<ActivityReference>();
    }

    /// <summary>An activity created by a case write, with the contacts it was resolved to.</summary>
    public sealed class ActivityReference : WcxObject
    {
        public long Id { get; set; }
        public WcxList<long> ContactsIds { get; set; } = new WcxList<long>();
    }
}
