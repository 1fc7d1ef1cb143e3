using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Deletes organizations.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxOrganizationCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The organization to delete. Binds from the pipeline (numbers, or objects with Id or OrganizationId).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (!ShouldProcess("organization " + Id, "Delete organization"))
                return;
            var message = Await(Client.Organizations.RemoveAsync(Id, StopToken));
            WriteVerbose("Organization " + Id + ": " + (message ?? "removed"));
        }
    }
}
