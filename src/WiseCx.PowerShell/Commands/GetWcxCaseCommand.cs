using WiseCx.Client.Paging;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets cases: one by id, or a filtered, sorted list streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxCase", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Case))]
    public sealed class GetWcxCaseCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Cases;

        /// <summary><para type="description">Ids of the cases to get. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessWcxRecord() => WriteByIdOrList(Id, id => Client.Cases.GetAsync(id, Property, StopToken),
            (query, onPage) => Client.Cases.List(query, StopToken, onPage), Property);
    }
}
