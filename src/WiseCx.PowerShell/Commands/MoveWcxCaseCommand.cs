namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Moves cases to another service group (queue) and/or agent.</para></summary>
    [Cmdlet(VerbsCommon.Move, "WcxCase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Case))]
    public sealed class MoveWcxCaseCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case to move. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long Id { get; set; }

        /// <summary><para type="description">The service group (queue) to move the case to. Give -GroupId, -UserId or both. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter]
        [Alias("QueueId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long? GroupId { get; set; }

        /// <summary><para type="description">The agent to assign the case to (0 unassigns it). Give -GroupId, -UserId or both. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        public long? UserId { get; set; }

        /// <summary><para type="description">Return the case as it is after the move.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            var request = new CaseTransferRequest { GroupId = GroupId, UserId = UserId };
            CaseService.ValidateTransfer(request);
            if (!ShouldProcess("case " + Id, ChangeText.Describe("Move case to", ("group", GroupId), ("user", UserId))))
                return;
            Await(Client.Cases.TransferAsync(Id, request, StopToken));
            if (PassThru)
                WriteApiObject(Await(Client.Cases.GetAsync(Id, null, StopToken)));
        }
    }
}
