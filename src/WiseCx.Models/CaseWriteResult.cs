namespace WiseCx
{
    /// <summary>What POST and PUT /cases answer: the case id and the activities the call added.</summary>
    public sealed class CaseWriteResult : WcxObject
    {
        /// <summary>The case created or changed.</summary>
        public long CaseId { get; set; }

        /// <summary>The activities the call added, in the order they were sent; empty when it added none.</summary>
        public WcxList<ActivityReference> Activities { get; set; } = new WcxList<ActivityReference>();
    }

    /// <summary>An activity created by a case write, with the contacts it was resolved to.</summary>
    public sealed class ActivityReference : WcxObject
    {
        /// <summary>The new activity's id.</summary>
        public long Id { get; set; }

        /// <summary>The contacts the activity's sender or recipients were matched or created as; empty for notes.</summary>
        public WcxList<long> ContactsIds { get; set; } = new WcxList<long>();
    }
}
