namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets organizations: by id, or a filtered, sorted list.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxOrganization", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Organization))]
    public sealed class GetWcxOrganizationCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Organizations;

        private readonly List<long> _ids = new List<long>();

        /// <summary><para type="description">Ids of the organizations to get; all ids are looked up in one request. From the pipeline it takes organization ids, organizations (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with an OrganizationId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. A contact gives its OrganizationId.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrganizationId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Organization), "OrganizationId")]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessWcxRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                // The API has no GET by id: ids are collected and found with one filtered list request.
                _ids.AddRange(Id);
                return;
            }
            WriteList((query, onPage) => Client.Organizations.List(query, StopToken, onPage), Property);
        }

        private protected override void EndList() =>
            WriteFoundByIds(_ids, ids => Client.Organizations.Get(ids, Property, StopToken), found => found.Id, "organization");
    }
}
