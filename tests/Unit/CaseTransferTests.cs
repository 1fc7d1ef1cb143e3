using System.Net;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The case endpoints of the vendor's Spanish documentation in the client, over scripted answers: summaries read
/// tolerantly, what is retried, and what is refused before sending. (Paths, bodies and fallbacks over real HTTP are in
/// tests/Pester/Cases.Transfer.Tests.ps1 and tests/Sandbox/CaseSpanishEndpointTests.cs.)
/// </summary>
public class CaseTransferTests
{
    private static List<string> ApiRequests(StubHandler handler) => handler.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    [Theory]
    [InlineData("{\"case_id\": 7, \"summary\": \"S\", \"created_at\": \"2026-03-01 12:00:00\", \"model\": \"x\"}", "S")]
    [InlineData("{\"data\": {\"case_id\": \"7\", \"summary\": \"S\"}}", "S")]
    [InlineData("{\"text\": \"S\"}", "S")]
    [InlineData("{\"message\": \"S\"}", "S")]
    [InlineData("{\"data\": \"S\"}", "S")]
    [InlineData("{\"summary\": \"S\", \"text\": \"T\"}", "S")]
    [InlineData("{\"case_id\": 99}", null)]
    public void A_summary_is_read_from_any_of_the_likely_shapes_and_carries_the_case_asked_for(string body, string? text)
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, body));
        using var client = Clients.Stubbed(handler);
        var summary = client.Cases.SummarizeAsync(7, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(7, summary.CaseId);
        Assert.Equal(text, summary.Summary);
        var request = Assert.Single(ApiRequests(handler));
        Assert.StartsWith("POST ", request);
        Assert.EndsWith("/cases/7/summarize", request);
    }

    [Fact]
    public void A_summary_keeps_the_fields_it_does_not_model()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"summary\": \"S\", \"created_at\": \"2026-03-01 12:00:00\", \"model\": \"gpt\"}"));
        using var client = Clients.Stubbed(handler);
        var summary = client.Cases.SummarizeAsync(7, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal("gpt", summary.AdditionalProperties["model"]);
        Assert.NotNull(summary.CreatedAt);
    }

    [Fact]
    public void A_summary_is_retried_like_a_read_after_a_server_error()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"message\": \"busy\"}")
            : StubHandler.Json(HttpStatusCode.OK, "{\"summary\": \"S\"}"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal("S", client.Cases.SummarizeAsync(7, CancellationToken.None).GetAwaiter().GetResult().Summary);
        Assert.Equal(2, handler.ApiRequests("POST"));
    }

    [Fact]
    public void A_transfer_and_a_status_change_are_retried_after_a_server_error()
    {
        var handler = new StubHandler((_, n) => n % 2 == 1
            ? StubHandler.Json(HttpStatusCode.BadGateway, "{}")
            : StubHandler.Json(HttpStatusCode.OK, "{\"case_id\": 7, \"activities\": []}"));
        using var client = Clients.Stubbed(handler);
        client.Cases.TransferAsync(7, new CaseTransferRequest { GroupId = 53 }, CancellationToken.None).GetAwaiter().GetResult();
        client.Cases.SetStatusAsync(7, "Solved", CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(4, handler.ApiRequests("PUT"));
        Assert.All(ApiRequests(handler), r => Assert.DoesNotMatch(@"/cases/7$", r));
    }

    [Fact]
    public void A_move_without_group_or_user_and_bad_ids_are_refused_before_sending()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxInputException>(() => client.Cases.TransferAsync(7, new CaseTransferRequest(), CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Cases.TransferAsync(7, new CaseTransferRequest { GroupId = 0 }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Cases.TransferAsync(7, new CaseTransferRequest { UserId = -1 }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Cases.TransferAsync(0, new CaseTransferRequest { GroupId = 53 }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Cases.SetStatusAsync(7, " ", CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Cases.SummarizeAsync(-3, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void Only_a_request_that_changes_the_status_alone_goes_to_the_status_endpoint()
    {
        Assert.True(CaseService.IsStatusOnly(new CaseUpdateRequest { Status = "closed" }));
        Assert.False(CaseService.IsStatusOnly(new CaseUpdateRequest { Status = "closed", Priority = "high" }));
        Assert.False(CaseService.IsStatusOnly(new CaseUpdateRequest { Status = "closed", Activities = new() }));
        Assert.False(CaseService.IsStatusOnly(new CaseUpdateRequest { GroupId = 5 }));
    }
}
