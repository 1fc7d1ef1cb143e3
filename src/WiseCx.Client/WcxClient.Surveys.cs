using WiseCx.Client.Services;

namespace WiseCx.Client
{
    public sealed partial class WcxClient
    {
        private SurveyService? _surveys;

        /// <summary>The Surveys endpoints; created on first use.</summary>
        public SurveyService Surveys => _surveys ?? Interlocked.CompareExchange(ref _surveys, new SurveyService(Connection, Pager), null) ?? _surveys;
    }
}
