namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the contacts of a Nitro campaign message with their delivery state, streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxNitroCampaignMessageContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(NitroCampaignMessageContact))]
    public sealed class GetWcxNitroCampaignMessageContactCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.NitroMessageContacts;

        /// <summary><para type="description">The campaign. Binds from the pipeline by property name (CampaignId), e.g. from the Messages of a campaign.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CampaignId { get; set; } = "";

        /// <summary><para type="description">The message. From the pipeline it takes message ids, messages (Get-WcxNitroCampaign -Messages) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a MessageId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroCampaignMessage), "MessageId", TextIds = true)]
        public string MessageId { get; set; } = "";

        protected override void ProcessWcxRecord() =>
            EachItem(new[] { MessageId }, id => WriteApiObjects(Client.Nitro.ListMessageContacts(CampaignId, id, BuildQuery(Property), StopToken, ReportTotal)));
    }
}
