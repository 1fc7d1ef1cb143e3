namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the responses of a survey: filtered by status and dates, streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxSurveyResponse", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SurveyResponse))]
    public sealed class GetWcxSurveyResponseCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.SurveyResponses;

        /// <summary><para type="description">The survey. From the pipeline it takes survey ids, surveys (Get-WcxSurvey) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a SurveyId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Survey), "SurveyId")]
        public long SurveyId { get; set; }

        protected override void ProcessWcxRecord() =>
            EachItem(new[] { SurveyId }, id => WriteApiObjects(Client.Surveys.ListResponses(id, BuildQuery(Property), StopToken, ReportTotal)));
    }
}
