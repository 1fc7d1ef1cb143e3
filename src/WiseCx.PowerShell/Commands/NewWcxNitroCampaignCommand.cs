namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Creates a Nitro campaign: simple (bulk, to contact groups) or transactional (one request per contact).</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxNitroCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(NitroCampaign))]
    public sealed class NewWcxNitroCampaignCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The campaign name.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">The type, tab completed: simple (a bulk send to contact groups, needs -GroupId) or transactional (sent per request by Send-WcxNitroMessage, takes no -GroupId). Any other type is sent as given, without those checks, for the API to judge.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NitroCampaignTypeCompleter))]
        public string Type { get; set; } = "";

        /// <summary><para type="description">A description of the campaign.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Description { get; set; }

        /// <summary><para type="description">The contact groups a simple campaign is sent to (see Get-WcxContactGroup). Required for simple campaigns, refused for transactional ones. Tab completes the ids of the session's contact groups, showing their names.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GroupsIds", "ContactGroupId")]
        [ValidateAtLeast(1)]
        [ArgumentCompleter(typeof(ContactGroupIdCompleter))]
        [EmptyAsAbsent]
        public long[]? GroupId { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Name;
            var request = new NitroCampaignCreateRequest
            {
                Name = Name,
                Type = Type,
                Description = Description,
                GroupsIds = GroupId is null ? null : string.Join(",", GroupId),
            };
            NitroService.ValidateCreate(request);
            if (!ShouldProcess(request.Type + " campaign '" + Name + "'", "Create Nitro campaign"))
                return;
            WriteApiObject(Await(Client.Nitro.CreateCampaignAsync(request, StopToken)));
        }
    }
}
