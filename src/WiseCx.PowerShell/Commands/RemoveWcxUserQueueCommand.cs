namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Takes a user out of service groups (queues), one request per user for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxUserQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxUserQueueCommand : WcxSessionCmdlet
    {
        private const int ProgressId = 0x5743514D;
        private readonly MembershipCollector _pending = new MembershipCollector();

        /// <summary><para type="description">The users to change. From the pipeline it takes user ids, users (Get-WcxUser) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a UserId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. Plain numbers from the pipeline are user ids here, as in Remove-WcxQueueUser; queues bind to -QueueId by name. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [PipelineId(typeof(User), "UserId")]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">The service groups to take them out of. Binds by property name from queues (a user's Queues) and from objects with a QueueId or GroupId property; plain numbers from the pipeline are user ids (-UserId). Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long[] QueueId { get; set; } = new long[0];

        protected override void ProcessWcxRecord() => _pending.Add(UserId, QueueId);

        protected override void EndWcxProcessing()
        {
            var progress = new BatchProgress(this, ProgressId, "Removing users from service groups", _pending.Owners.Count,
                _pending.Owners.Sum(o => (long)_pending.MembersOf(o).Count), "memberships");
            try
            {
                EachItem(_pending.Owners, userId =>
                {
                    var queues = _pending.MembersOf(userId);
                    if (!ShouldProcess("user " + userId, "Remove from " + MembershipCollector.Describe(queues, "queue")))
                        return;
                    progress.Next(queues.Count, "user " + userId);
                    var result = Await(Client.Users.RemoveQueuesAsync(userId, queues, StopToken));
                    WriteVerbose("User " + userId + ": removed from " + result.Removed + " of " + queues.Count + " queue(s).");
                });
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
