namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Renames an organization or changes its custom id.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Organization))]
    public sealed class SetWcxOrganizationCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The organization to change. From the pipeline it takes organization ids, organizations (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with an OrganizationId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("OrganizationId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Organization), "OrganizationId")]
        public long Id { get; set; }

        /// <summary><para type="description">A new custom identifier (CUIT, CUIL, …).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CustomId { get; set; }

        /// <summary><para type="description">A new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">Return the organization as it is after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (CustomId is null && Name is null)
                throw new WcxInputException("Nothing to change: give -CustomId or -Name.");
            if (!ShouldProcess("organization " + Id, ChangeText.Describe("Set organization", ("custom id", CustomId), ("name", Name))))
                return;
            Await(Client.Organizations.UpdateAsync(Id, new OrganizationRequest { CustomId = CustomId, Name = Name }, StopToken));
            if (PassThru)
                WriteApiObject(Client.Organizations.Get(Id, StopToken));
        }
    }
}
