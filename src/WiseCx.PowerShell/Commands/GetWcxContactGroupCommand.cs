namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets contact groups: by id, or a filtered, sorted list.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxContactGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(ContactGroup))]
    public sealed class GetWcxContactGroupCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.ContactGroups;

        private readonly List<long> _ids = new List<long>();

        /// <summary><para type="description">Ids of the groups to get; all ids are looked up in one request. From the pipeline it takes group ids, contact groups (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a ContactGroupId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. Tab completes the ids of the session's contact groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId", "ContactGroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(ContactGroupIdCompleter))]
        [PipelineId(typeof(ContactGroup), "ContactGroupId")]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessWcxRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                // The API has no GET by id: ids are collected and found with one filtered list request.
                _ids.AddRange(Id);
                return;
            }
            WriteList((query, onPage) => Client.ContactGroups.List(query, StopToken, onPage), Property);
        }

        private protected override void EndList() =>
            WriteFoundByIds(_ids, ids => Client.ContactGroups.Get(ids, Property, StopToken), found => found.Id, "contact group");
    }
}
