namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /surveys (bare array), /surveys/{id}/questions (<c>{"data","paging"}</c> with <c>"next": ""</c>) and
/// /surveys/{id}/responses (<c>{"data","paging"}</c> with a misreported page, and a 400 instead of an empty page: in the
/// live API's own body with <see cref="SandboxConfig.EmptyListNotFound"/>, else in the sandbox's usual error shape).
/// </summary>
internal static class SurveyEndpoints
{
    /// <summary>
    /// What the live API answers (400) when a responses query finds nothing (api/NOTES.md F1). The sandbox answered it before
    /// it had profiles, so both profiles keep the 400; only the body's shape follows the profile.
    /// </summary>
    public const string NoResponses = "Survey Responses Not Found";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/surveys", List);
        api.MapGet("/surveys/{id}/questions", ListQuestions);
        api.MapGet("/surveys/{id}/responses", ListResponses);
    }

    private static IResult List(HttpContext http, SandboxStore store)
    {
        var request = ListRequest<SurveyRecord>.Parse(http.Request.Query, SurveySchema.SurveyFields, null, "surveys", "id", false);
        return SandboxJson.Ok(store.Read(state => ListShapes.Bare(request.Page(state.Views, "surveys", () => state.Surveys.Values, s => s.Id))));
    }

    private static IResult ListQuestions(HttpContext http, string id, SandboxStore store)
    {
        var request = ListRequest<SurveyQuestionRecord>.Parse(
            http.Request.Query, SurveySchema.QuestionFields, null, "survey questions", "position", false);
        var surveyId = PathIds.Parse(id, "Survey");
        var items = store.Read(state =>
        {
            var survey = state.Surveys.GetValueOrDefault(surveyId) ?? throw PathIds.NotFound("Survey", id);
            return request.Page(survey.Questions, q => q.Position);
        });
        return SandboxJson.Ok(ListShapes.Paging(items, "", request.Paging.Page, request.Paging.Limit));
    }

    private static IResult ListResponses(HttpContext http, string id, SandboxStore store, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var request = ListRequest<SurveyResponseRecord>.Parse(
            http.Request.Query, SurveySchema.ResponseFields, SurveySchema.ResponseFilter, "survey responses", "response_id", true);
        var surveyId = PathIds.Parse(id, "Survey");
        var items = store.Read(state =>
        {
            var survey = state.Surveys.GetValueOrDefault(surveyId) ?? throw PathIds.NotFound("Survey", id);
            return request.Page(survey.Responses, r => r.ResponseId);
        });
        // No responses, nothing matching the filter, or a page past the end: the API treats all three as an error.
        if (items.Length == 0) throw settings.EmptyListNotFound ? ListShapes.NotFound(NoResponses) : ApiException.BadRequest(NoResponses);
        var next = ListShapes.NextLink(http.Request, $"{SandboxApp.ApiPrefix}/surveys/{surveyId}/responses", request.Paging, items.Length);
        return SandboxJson.Ok(ListShapes.Paging(items, next, ListShapes.MisreportedPage(request.Paging.Page), request.Paging.Limit));
    }
}
