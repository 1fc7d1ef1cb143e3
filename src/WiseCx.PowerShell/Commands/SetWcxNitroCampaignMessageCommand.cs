namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Replaces the configuration of a Nitro campaign message (its channel stays as it is).</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxNitroCampaignMessage", DefaultParameterSetName = WhatsAppSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NitroCampaignMessage))]
    public sealed class SetWcxNitroCampaignMessageCommand : NitroCampaignMessageCmdlet
    {
        /// <summary><para type="description">The campaign. Binds from the pipeline by property name (CampaignId), e.g. from the Messages of a campaign.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CampaignId { get; set; } = "";

        /// <summary><para type="description">The message. From the pipeline it takes message ids, messages (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a MessageId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroCampaignMessage), "MessageId", TextIds = true)]
        public string MessageId { get; set; } = "";

        /// <summary><para type="description">Return the message as the API answers the update.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = MessageId;
            var request = new NitroMessageUpdateRequest
            {
                ScheduledAt = ParameterSetName == EmailSet ? ScheduledAt : null,
                ChannelConfig = BuildConfig(),
            };
            NitroService.ValidateChannelConfig(Channel, request.ChannelConfig);
            if (!ShouldProcess("message " + MessageId + " of campaign " + CampaignId, "Replace " + ParameterSetName + " configuration"))
                return;
            var updated = Await(Client.Nitro.UpdateMessageAsync(CampaignId, MessageId, Channel, request, StopToken));
            if (PassThru)
                WriteApiObject(updated);
        }
    }
}
