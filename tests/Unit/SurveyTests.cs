using System.Net;
using System.Text;
using System.Web;
using WiseCx.Client.Filtering;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Paging;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Surveys, questions and responses: the collection's examples, the lying paging object, and "not found" as empty.</summary>
public class SurveyTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static List<string> ApiRequests(StubHandler handler) => handler.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    private static int PageOf(HttpRequestMessage r) => int.Parse(HttpUtility.ParseQueryString(r.RequestUri!.Query)["page"]!);

    [Fact]
    public void Survey_list_example_reads_as_a_bare_array_of_surveys()
    {
        var page = WcxJsonReader.ReadPage<Survey>(Response(CollectionExamples.ResponseBody("GET", "surveys")), "GET", "surveys");
        Assert.Equal(3, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal(1, first.Id);
        Assert.Equal("483605dfc6744192b4ff548c66c349ad", first.Guid);
        Assert.Equal("Encuesta Teléfono", first.Name);
        Assert.Equal("https://midominio.com/logos/telefono.png", first.LogoUrl);
        Assert.Equal("Completar Encuesta", first.Completion!.SubmitButtonLabel);
        Assert.Null(first.Completion.Description);
        Assert.True(first.Active);
        Assert.False(page.Items[2].Active);
        Assert.All(page.Items, s => Assert.Empty(s.AdditionalProperties));
    }

    [Fact]
    public void Question_example_reads_with_string_ids_nps_labels_and_options()
    {
        var page = WcxJsonReader.ReadPage<SurveyQuestion>(Response(CollectionExamples.ResponseBody("GET", "surveys/{id}/questions")), "GET", "surveys/1/questions");
        Assert.Equal(5, page.Items.Count);
        var nps = page.Items[0];
        Assert.Equal("0050db233d7e4e62a91b85846a18e46f", nps.Id);
        Assert.Equal("nps10", nps.Type);
        Assert.True(nps.Required);
        Assert.False(nps.IsPrimary);
        Assert.Equal(1, nps.Position);
        Assert.Equal("Nada probable", nps.NpsLabels!.Min);
        Assert.Empty(nps.Options!);
        Assert.Equal("Opción 1", page.Items[3].Options!.Single().Label);
        Assert.All(page.Items, q => Assert.Empty(q.AdditionalProperties));
    }

    [Fact]
    public void Response_example_reads_never_as_null_and_answer_values_as_plain_values()
    {
        var page = WcxJsonReader.ReadPage<SurveyResponse>(Response(CollectionExamples.ResponseBody("GET", "surveys/{id}/responses")), "GET", "surveys/4/responses");
        var responses = page.Items.Select(SurveyService.Normalize).ToList();
        Assert.Equal(2, responses.Count);
        var open = responses[0];
        Assert.Equal(525, open.ResponseId);
        Assert.Equal(4, open.SurveyId);
        Assert.Equal("not_responded", open.Status);
        Assert.Equal(new DateTime(2021, 11, 4, 12, 30, 0, DateTimeKind.Utc), open.SentAt?.ToUniversalTime());
        Assert.Null(open.RespondedAt); // "1900-01-01T00:00:00" is the API's "never"
        var done = responses[1];
        Assert.Equal(new DateTime(2021, 11, 4, 12, 33, 37, DateTimeKind.Utc), done.RespondedAt?.ToUniversalTime());
        Assert.Equal(3, done.Answers!.Length);
        Assert.Equal(8L, done.Answers[0].Value);
        Assert.Equal("rating", done.Answers[0].QuestionType);
        Assert.Equal(false, done.Answers[2].Value);
    }

    [Fact]
    public void Questions_carry_the_survey_id_the_api_leaves_out()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("GET", "surveys/{id}/questions")));
        using var client = Clients.Stubbed(handler);
        var questions = client.Surveys.ListQuestions(77, new ListQuery(), CancellationToken.None).ToList();
        Assert.Equal(5, questions.Count);
        Assert.All(questions, q => Assert.Equal(77, q.SurveyId));
        Assert.Equal(new[] { "GET /core/v1/surveys/77/questions?limit=100&page=1" }, ApiRequests(handler));
    }

    [Fact]
    public void Survey_responses_not_found_is_an_empty_result()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.BadRequest, "{\"message\":\"Survey Responses Not Found\"}"));
        using var client = Clients.Stubbed(handler);
        Assert.Empty(client.Surveys.ListResponses(4, new ListQuery(), CancellationToken.None));
        Assert.Single(ApiRequests(handler));
    }

    [Fact]
    public void Not_found_after_a_full_page_ends_the_list_and_the_lying_page_number_is_ignored()
    {
        // As the collection's example: the answer says "page": 3 whatever was asked, and next points elsewhere.
        var handler = new StubHandler((r, _) =>
        {
            var page = PageOf(r);
            if (page > 2)
                return StubHandler.Json(HttpStatusCode.BadRequest, "{\"message\":\"Survey Responses Not Found\"}");
            var items = string.Join(",", Enumerable.Range(page * 10, 2).Select(i => $"{{\"response_id\":{i},\"survey_id\":4,\"status\":\"responded\"}}"));
            return StubHandler.Json(HttpStatusCode.OK, $"{{\"data\":[{items}],\"paging\":{{\"next\":\"https://api.wcx.cloud/core/v1/surveys/4/responses?limit=2&page=21\",\"page\":3,\"limit\":2}}}}");
        });
        using var client = Clients.Stubbed(handler);
        var ids = client.Surveys.ListResponses(4, new ListQuery { PageSize = 2 }, CancellationToken.None).Select(r => r.ResponseId).ToList();
        Assert.Equal(new long[] { 10, 11, 20, 21 }, ids);
        Assert.Equal(new[] { 1, 2, 3 }, handler.Messages.Where(m => !m.RequestUri!.AbsolutePath.EndsWith("authenticate")).Select(PageOf));
    }

    [Fact]
    public void Other_bad_requests_are_still_errors()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.BadRequest, "{\"message\":\"Invalid filtering\"}"));
        using var client = Clients.Stubbed(handler);
        var ex = Assert.Throws<WcxBadRequestException>(() => client.Surveys.ListResponses(4, new ListQuery(), CancellationToken.None).ToList());
        Assert.Equal("Invalid filtering", ex.ApiMessage);
    }

    [Fact]
    public void Response_filter_follows_the_allowed_operators_table()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}"));
        using var client = Clients.Stubbed(handler);
        var since = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        client.Surveys.ListResponses(4, new ListQuery
        {
            Filter = new[]
            {
                new FilterCondition("status", FilterOperator.In, new object?[] { "responded", "not_responded" }),
                new FilterCondition("sent_since", FilterOperator.GreaterEqual, new object?[] { since }),
            },
        }, CancellationToken.None).ToList();
        var filtering = HttpUtility.ParseQueryString(handler.Messages.Last().RequestUri!.Query)["filtering"];
        Assert.Equal(
            "[{'field':'response.status','operator':'IN','value':['responded','not_responded']},{'field':'response.sent_since','operator':'GREATER EQUAL','value':'2026-01-02 03:04:05'}]",
            filtering);
    }

    [Theory]
    [InlineData("status", FilterOperator.Contains)]
    [InlineData("status", FilterOperator.Greater)]
    public void Operators_outside_the_table_are_refused_before_any_request(string field, FilterOperator op)
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}"));
        using var client = Clients.Stubbed(handler);
        var query = new ListQuery { Filter = new[] { new FilterCondition(field, op, new object?[] { "x" }) } };
        var ex = Assert.Throws<WcxInputException>(() => client.Surveys.ListResponses(4, query, CancellationToken.None));
        Assert.Equal("Filter", ex.ParameterName);
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void A_survey_id_must_be_positive()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[]"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal("SurveyId", Assert.Throws<WcxInputException>(() => client.Surveys.ListResponses(0, new ListQuery(), CancellationToken.None)).ParameterName);
        Assert.Throws<WcxInputException>(() => client.Surveys.ListQuestions(-1, new ListQuery(), CancellationToken.None));
        Assert.Empty(ApiRequests(handler));
    }
}
