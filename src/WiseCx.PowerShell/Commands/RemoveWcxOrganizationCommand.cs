namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Deletes organizations.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxOrganizationCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The organization to delete. From the pipeline it takes organization ids, organizations (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with an OrganizationId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Organization), "OrganizationId")]
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
