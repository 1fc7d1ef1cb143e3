namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Creates an organization and returns it as the API then shows it.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxOrganization", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Organization))]
    public sealed class NewWcxOrganizationCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The organization's own identifier (CUIT, CUIL, …).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CustomId { get; set; } = "";

        /// <summary><para type="description">The organization's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Name;
            var request = new OrganizationRequest { CustomId = CustomId, Name = Name };
            if (!ShouldProcess("organization '" + Name + "' (" + CustomId + ")", "Create organization"))
                return;
            var created = Await(Client.Organizations.CreateAsync(request, StopToken));
            WriteReadBack(created.Id, "Organization " + created.Id + " was created", () => Client.Organizations.Get(created.Id, StopToken),
                () => new Organization { Id = created.Id, CustomId = CustomId, Name = Name });
        }
    }
}
