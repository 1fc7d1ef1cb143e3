namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// Base of the membership cmdlets (Add/Remove-WcxQueueUser, Add/Remove-WcxUserQueue, Add/Remove-WcxContactGroupMember):
    /// a cmdlet declares its parameters and one <see cref="MembershipChange"/>; this class asks ShouldProcess, sends,
    /// reports each owner's failure on its own, and shows progress when there are several requests.
    /// </summary>
    public abstract class WcxMembershipCmdlet : WcxSessionCmdlet
    {
        private const int ProgressId = 0x5743514D;
        private readonly MembershipCollector _pending = new MembershipCollector();
        private MembershipChange? _change;

        /// <summary>The change this record asks for, built from the bound parameters.</summary>
        private protected abstract MembershipChange Change { get; }

        protected sealed override void ProcessWcxRecord()
        {
            var change = _change = Change;
            if (change.Batched)
            {
                _pending.Add(change.Owners, change.Members);
                return;
            }
            var members = change.Members.ToList();
            EachItem(change.Owners, owner => Send(change, owner, members, progress: null));
        }

        protected sealed override void EndWcxProcessing()
        {
            if (_change is null || !_change.Batched)
                return;
            var change = _change;
            var progress = new BatchProgress(this, ProgressId, change.Activity, _pending.Owners.Count,
                _pending.Owners.Sum(o => (long)_pending.MembersOf(o).Count), "memberships");
            try
            {
                EachItem(_pending.Owners, owner => Send(change, owner, _pending.MembersOf(owner), progress));
            }
            finally
            {
                progress.Complete();
            }
        }

        private void Send(MembershipChange change, long owner, IReadOnlyList<long> members, BatchProgress? progress)
        {
            var target = change.OwnerNoun + " " + owner;
            if (!ShouldProcess(target, change.Action + " " + MembershipCollector.Describe(members, change.MemberNoun) + change.Detail))
                return;
            progress?.Next(members.Count, target);
            change.Send(owner, members);
        }
    }

    /// <summary>
    /// What a membership cmdlet changes: the ids on both sides, the words of its -WhatIf and progress messages, and the
    /// client call made for one owner and its members.
    /// </summary>
    internal sealed class MembershipChange
    {
        /// <summary>The side a request is made for (a queue for Add-WcxQueueUser, a contact for Add-WcxContactGroupMember).</summary>
        public IEnumerable<long> Owners { get; set; } = Array.Empty<long>();

        public IEnumerable<long> Members { get; set; } = Array.Empty<long>();

        /// <summary>"queue", "user", "contact": the ShouldProcess target is "queue 53".</summary>
        public string OwnerNoun { get; set; } = "";

        /// <summary>"user", "queue", "contact group": the action names "2 users" or "contact group 7".</summary>
        public string MemberNoun { get; set; } = "";

        /// <summary>"Add", "Add to", "Remove from": the action's verb, before the members.</summary>
        public string Action { get; set; } = "";

        /// <summary>Said after the members (" with auto-assign"), or nothing.</summary>
        public string Detail { get; set; } = "";

        /// <summary>
        /// The pipeline is collected and sent in EndProcessing, one request per owner with all its members (the API's
        /// bulk form), under a progress bar titled <see cref="Activity"/>. Otherwise (no bulk form) each record is sent
        /// as it comes.
        /// </summary>
        public bool Batched => Activity.Length > 0;

        public string Activity { get; set; } = "";

        /// <summary>Sends the change for one owner and writes what the cmdlet outputs.</summary>
        public Action<long, IReadOnlyList<long>> Send { get; set; } = (owner, members) => { };
    }
}
