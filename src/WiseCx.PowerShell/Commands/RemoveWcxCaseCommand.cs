using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Deletes cases.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxCase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxCaseCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case to delete. Binds from the pipeline (numbers, or objects with Id or CaseId).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
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
