namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Renames a Nitro campaign, or changes its description or contact groups.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxNitroCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NitroCampaign))]
    public sealed class SetWcxNitroCampaignCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The campaign to change. From the pipeline it takes campaign ids, campaigns (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CampaignId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroCampaign), "CampaignId", TextIds = true)]
        public string Id { get; set; } = "";

        /// <summary><para type="description">The campaign's name. The API requires it on every update: pipe the campaign from Get-WcxNitroCampaign to keep its name.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">A new description.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Description { get; set; }

        /// <summary><para type="description">The contact groups a simple campaign is sent to (the API requires them when updating a simple campaign). Tab completes the ids of the session's contact groups, showing their names.</para></summary>
        [Parameter]
        [Alias("GroupsIds", "ContactGroupId")]
        [ValidateNotNullOrEmpty]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(ContactGroupIdCompleter))]
        public long[]? GroupId { get; set; }

        /// <summary><para type="description">Return the campaign as the API answers the update.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            var request = new NitroCampaignUpdateRequest
            {
                Name = Name,
                Description = Description,
                GroupsIds = GroupId is null ? null : string.Join(",", GroupId),
            };
            NitroService.ValidateUpdate(request);
            if (!ShouldProcess("campaign " + Id, ChangeText.Describe("Set Nitro campaign", ("name", Name), ("description", Description), ("contact groups", GroupId))))
                return;
            var updated = Await(Client.Nitro.UpdateCampaignAsync(Id, request, StopToken));
            if (PassThru)
                WriteApiObject(updated);
        }
    }
}
