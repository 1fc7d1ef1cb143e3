using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the surveys of the account.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxSurvey", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Survey))]
    public sealed class GetWcxSurveyCommand : WcxListCmdlet
    {
        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Filter;
            WriteApiObjects(Client.Surveys.List(BuildQuery(null), StopToken, ReportTotal));
        }
    }
}
