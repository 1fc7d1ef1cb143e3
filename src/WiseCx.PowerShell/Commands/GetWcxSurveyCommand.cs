namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the surveys of the account.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxSurvey", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Survey))]
    public sealed class GetWcxSurveyCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Surveys;

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Surveys.List(query, StopToken, onPage), Property);
    }
}
