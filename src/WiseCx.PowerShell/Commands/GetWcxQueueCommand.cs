namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets service groups (queues): one by id, or all of them, optionally matched by name.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxQueue", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Queue))]
    public sealed class GetWcxQueueCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Queues;

        /// <summary><para type="description">Ids of the service groups to get. From the pipeline it takes service group ids, queues (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a QueueId or GroupId property, so a case gives its group. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("QueueId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        [PipelineId(typeof(Queue), "QueueId", "GroupId")]
        public long[] Id { get; set; } = new long[0];

        /// <summary><para type="description">Names to match, with wildcards (Sop*), case-insensitively. The API cannot filter by name: every group is read and matched here.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(QueueNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessWcxRecord()
        {
            if (ParameterSetName == ByIdSet)
                EachItem(Id, id => WriteApiObject(Await(Client.Queues.GetAsync(id, Property, StopToken))));
            else
                WriteListMatchingNames(Name, "name", q => q.Name, Property, (query, onPage) => Client.Queues.List(query, StopToken, onPage));
        }
    }
}
