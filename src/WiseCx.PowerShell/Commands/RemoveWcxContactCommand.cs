using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Deletes contacts.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxContactCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The contact to delete. Binds from the pipeline (numbers, or objects with Id or ContactId).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (!ShouldProcess("contact " + Id, "Delete contact"))
                return;
            var message = Await(Client.Contacts.RemoveAsync(Id, StopToken));
            WriteVerbose("Contact " + Id + ": " + (message ?? "removed"));
        }
    }
}
