using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private SurveyService? _surveys;

        /// <summary>The Surveys endpoints.</summary>
        public SurveyService Surveys => Service(ref _surveys, (connection, pager) => new SurveyService(connection, pager));
    }
}
