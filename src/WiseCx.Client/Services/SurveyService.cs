using System.Text.Json;

namespace WiseCx.Client.Services
{
    /// <summary>Surveys, their questions and their responses (/surveys).</summary>
    public sealed class SurveyService : ApiService
    {
        /// <summary>The API's answer, with HTTP 400, when a survey has no responses (or none match the filter).</summary>
        public const string NoResponsesMessage = "Survey Responses Not Found";

        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public SurveyService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>Every survey of the account, streamed.</summary>
        public IEnumerable<Survey> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Survey>(Endpoints.Surveys, query, cancellationToken, onPage);

        /// <summary>The questions of a survey, each with <see cref="SurveyQuestion.SurveyId"/> set.</summary>
        public IEnumerable<SurveyQuestion> ListQuestions(long surveyId, ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null)
        {
            RequireId(surveyId, "survey", "SurveyId");
            var questions = List<SurveyQuestion>(Endpoints.SurveyQuestions, query, cancellationToken, onPage, "surveys/" + surveyId + "/questions");
            return questions.Select(q =>
            {
                q.SurveyId ??= surveyId;
                return q;
            });
        }

        /// <summary>
        /// The responses of a survey, filtered and streamed. The API answers 400 "Survey Responses Not Found" instead of an
        /// empty page when there are none (also when a page past the last one is asked for): that ends the list, it is
        /// not an error.
        /// </summary>
        public IEnumerable<SurveyResponse> ListResponses(long surveyId, ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null)
        {
            RequireId(surveyId, "survey", "SurveyId");
            var responses = List<SurveyResponse>(Endpoints.SurveyResponses, query, cancellationToken, onPage, "surveys/" + surveyId + "/responses");
            return EndAtNoResponses(responses).Select(Normalize);
        }

        internal static bool IsNoResponses(WcxApiException exception) =>
            exception is WcxBadRequestException &&
            string.Equals(exception.ApiMessage?.Trim().TrimEnd('.'), NoResponsesMessage, StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<SurveyResponse> EndAtNoResponses(IEnumerable<SurveyResponse> source)
        {
            using (var items = source.GetEnumerator())
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = items.MoveNext();
                    }
                    catch (WcxBadRequestException ex) when (IsNoResponses(ex))
                    {
                        more = false;
                    }
                    if (!more)
                        yield break;
                    yield return items.Current;
                }
            }
        }

        /// <summary>Answer values arrive as numbers, booleans, text or lists: hand them on as plain .NET values.</summary>
        internal static SurveyResponse Normalize(SurveyResponse response)
        {
            foreach (var answer in response.Answers ?? Array.Empty<SurveyAnswer>())
            {
                if (answer.Value is JsonElement element)
                    answer.Value = WcxJson.ToPlainValue(element);
            }
            return response;
        }
    }
}
