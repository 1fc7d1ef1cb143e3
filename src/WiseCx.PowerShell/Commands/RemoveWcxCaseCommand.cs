namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Deletes cases.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxCase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxCaseCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case to delete. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long Id { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (!ShouldProcess("case " + Id, "Delete case"))
                return;
            var message = Await(Client.Cases.RemoveAsync(Id, StopToken));
            WriteVerbose("Case " + Id + ": " + (message ?? "removed") + "");
        }
    }
}
