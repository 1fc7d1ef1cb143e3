namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds users to service groups (queues), one request per group for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Add, "WcxQueueUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(QueueMembershipSummary))]
    public sealed class AddWcxQueueUserCommand : WcxMembershipCmdlet
    {
        /// <summary><para type="description">The service groups to add the users to. Binds by property name from queues (Get-WcxQueue) and from objects with QueueId or GroupId. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long[] QueueId { get; set; } = new long[0];

        /// <summary><para type="description">The users to add. From the pipeline it takes user ids, users (Get-WcxUser, New-WcxUser, a queue's Users) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a UserId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [PipelineId(typeof(User), "UserId")]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">Turn automatic case assignment on for these users in these groups (off when omitted; users already in a group are updated to match).</para></summary>
        [Parameter]
        public SwitchParameter AutoAssign { get; set; }

        private protected override MembershipChange Change => new MembershipChange
        {
            Owners = QueueId, Members = UserId, OwnerNoun = "queue", MemberNoun = "user", Action = "Add",
            Detail = AutoAssign ? " with auto-assign" : "", Activity = "Adding users to service groups",
            Send = (queueId, users) =>
            {
                WriteVerbose("Queue " + queueId + ": sending user ids " + string.Join(", ", users) + ".");
                var assignments = users.Select(id => new QueueAssignment(id, AutoAssign.IsPresent));
                WriteApiObject(Await(Client.Queues.AddUsersAsync(queueId, assignments, StopToken)));
            },
        };
    }
}
