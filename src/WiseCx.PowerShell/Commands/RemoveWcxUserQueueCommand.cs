namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Takes a user out of service groups (queues), one request per user for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxUserQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxUserQueueCommand : WcxMembershipCmdlet
    {
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

        private protected override MembershipChange Change => new MembershipChange
        {
            Owners = UserId, Members = QueueId, OwnerNoun = "user", MemberNoun = "queue", Action = "Remove from",
            Activity = "Removing users from service groups",
            Send = (userId, queues) =>
            {
                var result = Await(Client.Users.RemoveQueuesAsync(userId, queues, StopToken));
                WriteVerbose("User " + userId + ": removed from " + result.Removed + " of " + queues.Count + " queue(s).");
            },
        };
    }
}
