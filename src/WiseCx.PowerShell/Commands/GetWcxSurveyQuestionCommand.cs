namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the questions of a survey.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxSurveyQuestion", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SurveyQuestion))]
    public sealed class GetWcxSurveyQuestionCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.SurveyQuestions;

        /// <summary><para type="description">The survey. From the pipeline it takes survey ids, surveys (Get-WcxSurvey) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a SurveyId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Survey), "SurveyId")]
        public long SurveyId { get; set; }

        protected override void ProcessWcxRecord() =>
            EachItem(new[] { SurveyId }, id => WriteApiObjects(Client.Surveys.ListQuestions(id, BuildQuery(Property), StopToken, ReportTotal)));
    }
}
