namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds a WhatsApp, e-mail or call message to a Nitro campaign.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxNitroCampaignMessage", DefaultParameterSetName = WhatsAppSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(NitroCampaignMessage))]
    public sealed class NewWcxNitroCampaignMessageCommand : NitroCampaignMessageCmdlet
    {
        /// <summary><para type="description">The campaign. From the pipeline it takes campaign ids, campaigns (Get-WcxNitroCampaign) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CampaignId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroCampaign), "CampaignId", TextIds = true)]
        public string CampaignId { get; set; } = "";

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = CampaignId;
            var request = new NitroMessageCreateRequest
            {
                Channel = Channel,
                ScheduledAt = ParameterSetName == EmailSet ? ScheduledAt : null,
                ChannelConfig = BuildConfig(),
            };
            NitroService.ValidateChannelConfig(request.Channel, request.ChannelConfig);
            if (!ShouldProcess("campaign " + CampaignId, "Add " + ParameterSetName + " message"))
                return;
            WriteApiObject(Await(Client.Nitro.CreateMessageAsync(CampaignId, request, StopToken)));
        }
    }
}
