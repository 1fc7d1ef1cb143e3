namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds a user to service groups (queues), one request per user for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Add, "WcxUserQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(QueueMembershipSummary))]
    public sealed class AddWcxUserQueueCommand : WcxMembershipCmdlet
    {
        /// <summary><para type="description">The users to change. From the pipeline it takes user ids, users (Get-WcxUser) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a UserId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. Plain numbers from the pipeline are user ids here, as in Add-WcxQueueUser; queues bind to -QueueId by name. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [PipelineId(typeof(User), "UserId")]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">The service groups to add them to. Binds by property name from queues (Get-WcxQueue, a user's Queues) and from objects with a QueueId or GroupId property; plain numbers from the pipeline are user ids (-UserId). Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long[] QueueId { get; set; } = new long[0];

        /// <summary><para type="description">Turn automatic case assignment on for the user in these groups (off when omitted; existing memberships are updated to match).</para></summary>
        [Parameter]
        public SwitchParameter AutoAssign { get; set; }

        private protected override MembershipChange Change => new MembershipChange
        {
            Owners = UserId, Members = QueueId, OwnerNoun = "user", MemberNoun = "queue", Action = "Add to",
            Detail = AutoAssign ? " with auto-assign" : "", Activity = "Adding users to service groups",
            Send = (userId, queues) =>
            {
                var assignments = queues.Select(id => new QueueAssignment(id, AutoAssign.IsPresent));
                WriteApiObject(Await(Client.Users.AddQueuesAsync(userId, assignments, StopToken)));
            },
        };
    }
}
