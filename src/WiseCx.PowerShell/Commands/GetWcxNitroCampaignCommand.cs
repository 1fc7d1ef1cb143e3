namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets Nitro campaigns: one by id, or the list, sorted and streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxNitroCampaign", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(NitroCampaign))]
    public sealed class GetWcxNitroCampaignCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.NitroCampaigns;

        /// <summary><para type="description">Ids of the campaigns to get (Nitro ids are strings such as "414"). From the pipeline it takes campaign ids, campaigns (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CampaignId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroCampaign), "CampaignId", TextIds = true)]
        public string[] Id { get; set; } = new string[0];

        protected override void ProcessWcxRecord() => WriteByIdOrList(Id, id => Client.Nitro.GetCampaignAsync(id, Property, StopToken),
            (query, onPage) => Client.Nitro.ListCampaigns(query, StopToken, onPage), Property);
    }
}
