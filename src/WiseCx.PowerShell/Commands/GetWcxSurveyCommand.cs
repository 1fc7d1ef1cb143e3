namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the surveys of the account.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxSurvey", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Survey))]
    public sealed class GetWcxSurveyCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Surveys;

        /// <summary><para type="description">The fields to return (the API's fields parameter). Tab completes the documented names; any other name is sent as given, with a warning.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Surveys.List(query, StopToken, onPage), Property);
    }
}
