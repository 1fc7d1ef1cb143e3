using System.Net;
using WiseCx.Client;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Answers the live API gives that the vendor's collection does not show: the client reads every shape it may take.
/// The same behaviours are exercised over the sandbox's live profile in tests/Pester/LiveApi.Tests.ps1 and
/// SandboxLiveClientTests; these pin the edge cases of the reading itself.
/// </summary>
public class LiveAnswerTests
{
    private static readonly CaseCreateRequest ValidCase = new()
    {
        GroupId = 1234, SourceChannel = "web", Subject = "x",
        Activities = { new ActivityInput { Type = "contact_message", Content = "hi", ContactFrom = new ContactInput { Id = 5 } } },
    };


    [Theory]
    [InlineData("{\"data\":{\"id\":7,\"user_name\":\"ana\"}}")]
    [InlineData("{\"id\":7,\"user_name\":\"ana\"}")]
    [InlineData("{\"status\":\"ok\",\"data\":{\"id\":7,\"user_name\":\"ana\"}}")]
    public void A_single_object_is_read_wrapped_or_bare(string body)
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, body));
        using var client = Clients.Stubbed(handler);
        var user = client.Users.GetAsync(7, null, default).GetAwaiter().GetResult();
        Assert.Equal(7, user.Id);
        Assert.Equal("ana", user.UserName);
        var @case = client.Cases.GetAsync(7, null, default).GetAwaiter().GetResult();
        Assert.Equal(7, @case.Id);
    }

    [Fact]
    public void A_wrapped_answer_without_its_object_is_still_an_error()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"status\":\"ok\",\"message\":\"done\"}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxResponseFormatException>(() => client.Users.GetAsync(7, null, default).GetAwaiter().GetResult());
        Assert.Contains("no 'data' object", error.Message);
    }

    [Theory]
    [InlineData("[{\"id\":1},{\"id\":2}]", 2)]
    [InlineData("{\"data\":[{\"id\":1},{\"id\":2}],\"paging\":{\"next\":\"\"}}", 2)]
    [InlineData("{\"data\":[{\"id\":1}],\"pagination\":{\"page\":1,\"total_pages\":1}}", 1)]
    [InlineData("{\"data\":null,\"paging\":{\"next\":\"\"}}", 0)]
    [InlineData("{}", 0)]
    [InlineData("{\"data\":{\"id\":1}}", 1)]
    public void Every_list_shape_is_read_on_every_list(string body, int expected)
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, body));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(expected, client.Cases.List(new ListQuery(), default).Count());
        Assert.Equal(expected, client.Users.List(new ListQuery(), default).Count());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "{\"error\":\"Cases not found.\",\"code\":400}")]
    [InlineData(HttpStatusCode.BadRequest, "{\"error\":\"Survey Responses Not Found\",\"code\":400}")]
    [InlineData(HttpStatusCode.NotFound, "{\"message\":\"Users not found.\"}")]
    public void A_not_found_answer_on_a_list_is_an_empty_page_without_retry(HttpStatusCode status, string body)
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(status, body));
        using var client = Clients.Stubbed(handler);
        Assert.Empty(client.Users.List(new ListQuery(), default));
        Assert.Equal(1, handler.ApiRequests("GET"));
    }

    [Fact]
    public void The_page_after_an_exactly_full_last_page_ends_the_list()
    {
        var handler = new StubHandler((request, _) => request.RequestUri!.Query.Contains("page=1")
            ? StubHandler.Json(HttpStatusCode.OK, "{\"data\":[{\"id\":1},{\"id\":2}],\"paging\":{\"next\":\"x\"}}")
            : StubHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"Cases not found.\",\"code\":400}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(new long[] { 1, 2 }, client.Cases.List(new ListQuery { PageSize = 2 }, default).Select(c => c.Id).ToArray());
    }

    [Fact]
    public void A_list_under_a_missing_parent_stays_not_found()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.NotFound, "{\"message\":\"Case 9 not found.\"}"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxNotFoundException>(() => client.Cases.ListActivities(9, new ListQuery(), default).ToList());
    }

    [Fact]
    public void A_400_that_does_not_say_not_found_stays_an_error_with_the_api_message()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"Invalid filtering.\",\"code\":400}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxBadRequestException>(() => client.Cases.List(new ListQuery(), default).ToList());
        Assert.Equal("Invalid filtering.", error.ApiMessage);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "{\"error\":\"OPEN_CASES_EXIST\",\"opened_cases\":[1270501,1270502]}")]
    [InlineData(HttpStatusCode.Conflict, "{\"error\":\"OPEN_CASES_EXIST\",\"opened_cases\":[\"1270501\",\"1270502\"]}")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "{\"error\":\"open_cases_exist\",\"opened_cases\":[1270501,1270502]}")]
    public void A_refusal_for_an_open_case_has_its_own_exception_with_the_ids_and_is_never_resent(HttpStatusCode status, string body)
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(status, body));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxOpenCasesExistException>(() => client.Cases.CreateAsync(ValidCase, default).GetAwaiter().GetResult());
        Assert.Equal(new long[] { 1270501, 1270502 }, error.OpenCaseIds);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Contains("1270501, 1270502", error.Message);
        Assert.Equal(1, handler.ApiRequests("POST"));
    }

    [Fact]
    public void AddToOpenCase_puts_the_activities_on_the_newest_open_case_after_one_post()
    {
        var handler = new StubHandler((request, _) => request.Method == HttpMethod.Post
            ? StubHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"OPEN_CASES_EXIST\",\"opened_cases\":[1270501,1270502]}")
            : StubHandler.Json(HttpStatusCode.OK, "{\"case_id\":1270502,\"activities\":[{\"id\":9,\"contacts_ids\":[5]}]}"));
        using var client = Clients.Stubbed(handler);
        var outcome = client.Cases.CreateAsync(ValidCase, addToOpenCase: true, default).GetAwaiter().GetResult();
        Assert.True(outcome.AddedToOpenCase);
        Assert.Equal(1270502, outcome.Result.CaseId);
        Assert.Equal(1, handler.ApiRequests("POST"));
        Assert.Equal(new[] { "PUT /core/v1/cases/1270502" }, handler.Requests.Where(r => r.StartsWith("PUT", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void A_token_refused_with_401_and_no_body_is_renewed_once_and_the_request_succeeds()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : StubHandler.Json(HttpStatusCode.OK, "{\"id\":5}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(5, client.Cases.GetAsync(5, null, default).GetAwaiter().GetResult().Id);
        Assert.Equal(2, handler.Requests.Count(r => r.Contains("/authenticate")));
    }

    [Fact]
    public void A_write_refused_with_401_was_not_applied_and_is_sent_again_once_after_renewal()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : StubHandler.Json(HttpStatusCode.OK, "{\"case_id\":77,\"activities\":[]}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(77, client.Cases.CreateAsync(ValidCase, default).GetAwaiter().GetResult().CaseId);
        Assert.Equal(2, handler.ApiRequests("POST"));
    }

    [Fact]
    public void A_token_refused_again_after_renewal_is_an_authentication_failure_with_its_status()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxAuthenticationException>(() => client.Cases.GetAsync(5, null, default).GetAwaiter().GetResult());
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, handler.ApiRequests("GET"));
    }
}
