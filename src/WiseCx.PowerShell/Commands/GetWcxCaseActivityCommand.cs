namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the activities of a case (messages, replies, notes, system events), or some by id.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxCaseActivity", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CaseActivity))]
    public sealed class GetWcxCaseActivityCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.CaseActivities;

        /// <summary><para type="description">The case. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long CaseId { get; set; }

        /// <summary><para type="description">Ids of activities of that case to get, rather than all of them.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] ActivityId { get; set; } = new long[0];

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = CaseId;
            if (ParameterSetName == ByIdSet)
            {
                EachItem(ActivityId, id => WriteApiObject(Await(Client.Cases.GetActivityAsync(CaseId, id, Property, StopToken))));
                return;
            }
            WriteApiObjects(Client.Cases.ListActivities(CaseId, BuildQuery(Property), StopToken, ReportTotal));
        }
    }
}
