namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Creates a service group (queue), optionally with its first users, and returns it.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Queue))]
    public sealed class NewWcxQueueCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The group's name: unique, at most 50 characters (white space around it is trimmed).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">Users to put in the group from the start. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateAtLeast(1)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [EmptyAsAbsent]
        public long[]? UserId { get; set; }

        /// <summary><para type="description">Turn automatic case assignment on for the users given with -UserId.</para></summary>
        [Parameter]
        public SwitchParameter AutoAssign { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Name;
            var request = new QueueCreateRequest
            {
                Name = Name,
                Users = UserId?.Select(id => new QueueAssignment(id, AutoAssign.IsPresent)).ToList(),
            };
            QueueService.ValidateCreate(request);
            if (!ShouldProcess("'" + request.Name + "'" + (UserId is null ? "" : " with " + UserId.Length + " user(s)"), "Create service group"))
                return;
            var id = Await(Client.Queues.CreateAsync(request, StopToken));
            WriteReadBack(id, "Service group " + id + " was created", () => Await(Client.Queues.GetAsync(id, null, StopToken)), () => new Queue
            {
                Id = id,
                Name = request.Name,
                Users = request.Users?.Select(u => new QueueMember { Id = u.Id, AutoAssign = u.AutoAssign }).ToArray(),
            });
        }
    }
}
