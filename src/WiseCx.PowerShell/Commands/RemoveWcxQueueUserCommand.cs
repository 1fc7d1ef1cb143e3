namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Removes users from service groups (queues), one request per group for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxQueueUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(QueueMembershipRemoval))]
    public sealed class RemoveWcxQueueUserCommand : WcxMembershipCmdlet
    {
        /// <summary><para type="description">The service groups to remove the users from. Binds by property name from queues and from objects with QueueId or GroupId. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long[] QueueId { get; set; } = new long[0];

        /// <summary><para type="description">The users to remove. From the pipeline it takes user ids, users (Get-WcxUser, a queue's Users) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a UserId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [PipelineId(typeof(User), "UserId")]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">Write what each group's removal did: one QueueMembershipRemoval per service group (QueueId, Removed), the counterpart of what Add-WcxQueueUser writes. Without it the command writes nothing.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override MembershipChange Change => new MembershipChange
        {
            Owners = QueueId, Members = UserId, OwnerNoun = "queue", MemberNoun = "user", Action = "Remove",
            Activity = "Removing users from service groups",
            Send = (queueId, users) =>
            {
                var result = Await(Client.Queues.RemoveUsersAsync(queueId, users, StopToken));
                WriteVerbose("Queue " + queueId + ": " + result.Removed + " of " + users.Count + " user(s) removed.");
                if (PassThru)
                    WriteApiObject(result);
            },
        };
    }
}
