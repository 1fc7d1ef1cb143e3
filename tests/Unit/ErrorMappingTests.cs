using System.Net;
using System.Net.Http.Headers;
using WiseCx.Client;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Failures become typed exceptions with status, method, path and the API's message; retries only where safe.</summary>
public class ErrorMappingTests
{
    private static readonly CaseCreateRequest ValidCase = new()
    {
        GroupId = 1234, SourceChannel = "web", Subject = "x",
        Activities = { new ActivityInput { Type = "contact_message", Content = "hi", ContactFrom = new ContactInput { Email = "a@b.c" } } },
    };


    [Fact]
    public void Bad_request_carries_status_method_path_and_the_api_message()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, "{\"status\":\"error\",\"message\":\"subject is required.\"}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxBadRequestException>(() => client.Cases.CreateAsync(ValidCase, default).GetAwaiter().GetResult());
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("POST", error.Method);
        Assert.Equal("cases", error.Path);
        Assert.Equal("subject is required.", error.ApiMessage);
        Assert.Equal("POST cases failed with HTTP 400: subject is required.", error.Message);
    }

    [Fact]
    public void Not_found_maps_to_its_own_type_and_the_path_has_no_query()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.NotFound, "{\"status\":\"error\",\"message\":\"Case 5 not found.\"}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxNotFoundException>(() => client.Cases.GetAsync(5, new[] { "id" }, default).GetAwaiter().GetResult());
        Assert.Equal("cases/5", error.Path);
        Assert.Equal(1, handler.ApiRequests("GET"));
    }

    [Fact]
    public void A_token_refused_with_403_is_renewed_once_and_then_reported()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.Forbidden, "{\"status\":\"error\",\"message\":\"Unauthorized: token expired.\"}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxAuthenticationException>(() => client.Cases.GetAsync(5, null, default).GetAwaiter().GetResult());
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(2, handler.Requests.Count(r => r.Contains("/authenticate")));
        Assert.Equal(2, handler.ApiRequests("GET"));
    }

    [Fact]
    public void A_token_refused_once_is_renewed_and_the_request_succeeds()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.Forbidden, "{\"status\":\"error\",\"message\":\"Unauthorized: token expired.\"}")
            : StubHandler.Json(HttpStatusCode.OK, "{\"id\":5}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(5, client.Cases.GetAsync(5, null, default).GetAwaiter().GetResult().Id);
    }

    [Fact]
    public void Reads_are_retried_on_503_and_succeed()
    {
        var handler = new StubHandler((_, n) => n < 3 ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") : StubHandler.Json(HttpStatusCode.OK, "{\"id\":9}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(9, client.Cases.GetAsync(9, null, default).GetAwaiter().GetResult().Id);
        Assert.Equal(3, handler.ApiRequests("GET"));
    }

    [Fact]
    public void Reads_give_up_after_the_retry_budget_with_the_last_status()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxApiException>(() => client.Cases.GetAsync(9, null, default).GetAwaiter().GetResult());
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(5, handler.ApiRequests("GET")); // the first attempt and four retries
    }

    [Fact]
    public void A_create_that_fails_with_500_is_never_resent_and_is_reported_as_maybe_applied()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxWriteOutcomeUnknownException>(() => client.Cases.CreateAsync(ValidCase, default).GetAwaiter().GetResult());
        Assert.Equal(1, handler.ApiRequests("POST"));
        Assert.Contains("may have been applied", error.Message);
    }

    [Fact]
    public void A_create_refused_with_429_was_not_processed_and_is_sent_again()
    {
        var handler = new StubHandler((_, n) =>
        {
            if (n > 1)
                return StubHandler.Json(HttpStatusCode.OK, "{\"case_id\":77,\"activities\":[{\"id\":1,\"contacts_ids\":[2]}]}");
            var limited = StubHandler.Json((HttpStatusCode)429, "{\"message\":\"Too many requests\"}");
            limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero);
            return limited;
        });
        using var client = Clients.Stubbed(handler);
        Assert.Equal(77, client.Cases.CreateAsync(ValidCase, default).GetAwaiter().GetResult().CaseId);
        Assert.Equal(2, handler.ApiRequests("POST"));
    }

    [Theory]
    [InlineData("<html>oops</html>", "cut off or is not JSON")]
    [InlineData("[{\"id\":1},{\"id\":", "cut off or is not JSON")]
    [InlineData("", "the body is empty")]
    public void A_malformed_page_gives_a_clear_error_naming_the_endpoint(string body, string expected)
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxResponseFormatException>(() => client.Cases.List(new ListQuery(), default).ToList());
        Assert.Contains("GET cases failed", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_read_whose_answer_was_cut_off_is_retried_and_succeeds()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[{\"id\":1},{\"id\"") }
            : StubHandler.Json(HttpStatusCode.OK, "[{\"id\":1},{\"id\":2}]"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(2, client.Cases.List(new ListQuery(), default).Count());
        Assert.Equal(2, handler.ApiRequests("GET"));
    }

    [Fact]
    public void A_create_whose_answer_was_cut_off_is_not_resent_and_is_reported_as_maybe_applied()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"case_id\": 12") });
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxWriteOutcomeUnknownException>(() => client.Cases.CreateAsync(ValidCase, default).GetAwaiter().GetResult());
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(1, handler.ApiRequests("POST"));
    }

    [Fact]
    public void A_delete_retried_after_a_failure_that_may_have_applied_it_accepts_the_404()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}")
            : StubHandler.Json(HttpStatusCode.NotFound, "{\"message\":\"Case 5 not found.\"}"));
        using var client = Clients.Stubbed(handler);
        client.Cases.RemoveAsync(5, default).GetAwaiter().GetResult();
        Assert.Equal(2, handler.ApiRequests("DELETE"));
    }

    [Fact]
    public void A_delete_of_a_missing_object_on_the_first_attempt_is_still_not_found()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.NotFound, "{\"message\":\"Case 5 not found.\"}"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxNotFoundException>(() => client.Cases.RemoveAsync(5, default).GetAwaiter().GetResult());
    }

    [Fact]
    public void A_refused_api_key_fails_at_connect_with_a_clear_message_and_no_retry()
    {
        var count = 0;
        var handler = new AuthRefusingHandler(() => Interlocked.Increment(ref count));
        var options = Clients.Options(new Uri("http://127.0.0.1:9/core/v1/"), key: "wrong", handler: handler);
        var error = Assert.Throws<WcxAuthenticationException>(() => WcxClient.ConnectAsync(options, default).GetAwaiter().GetResult());
        Assert.Contains("the user 'sandbox' and API key were refused", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
        Assert.Equal(1, count);
    }

    [Fact]
    public void Invalid_options_are_refused_before_any_request()
    {
        var count = 0;
        var handler = new AuthRefusingHandler(() => Interlocked.Increment(ref count));
        var plainHttp = Clients.Options(new Uri("http://api.example.com/core/v1/"), handler: handler);
        Assert.Contains("https", Assert.Throws<WcxInputException>(() => WcxClient.ConnectAsync(plainHttp, default).GetAwaiter().GetResult()).Message);
        var noUser = Clients.Options(new Uri("https://api.example.com/core/v1/"), user: " ", handler: handler);
        Assert.Throws<WcxInputException>(() => WcxClient.ConnectAsync(noUser, default).GetAwaiter().GetResult());
        Assert.Equal(0, count);
    }

    [Fact]
    public void Client_side_case_validation_happens_before_sending()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = Clients.Stubbed(handler);
        var noSubject = new CaseCreateRequest { GroupId = 1, SourceChannel = "web", Activities = ValidCase.Activities };
        Assert.Equal("Subject is required.", Assert.Throws<WcxInputException>(() => client.Cases.CreateAsync(noSubject, default).GetAwaiter().GetResult()).Message);
        var noChannel = new CaseCreateRequest { GroupId = 1, SourceChannel = " ", Subject = "s", Activities = ValidCase.Activities };
        Assert.StartsWith("SourceChannel is required", Assert.Throws<WcxInputException>(() => client.Cases.CreateAsync(noChannel, default).GetAwaiter().GetResult()).Message);
        var noteWithoutUser = new CaseCreateRequest { GroupId = 1, SourceChannel = "web", Subject = "s", Activities = { new ActivityInput { Type = "note", Content = "x" } } };
        Assert.Throws<WcxInputException>(() => client.Cases.CreateAsync(noteWithoutUser, default).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Cases.UpdateAsync(1, new CaseUpdateRequest(), default).GetAwaiter().GetResult());
        Assert.Equal(0, handler.ApiRequests("POST") + handler.ApiRequests("PUT"));
    }

    private sealed class AuthRefusingHandler(Action onRequest) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onRequest();
            return Task.FromResult(StubHandler.Json(HttpStatusCode.Forbidden, "{\"status\":\"error\",\"message\":\"Invalid credentials: check the user and x-api-key.\"}"));
        }
    }
}
