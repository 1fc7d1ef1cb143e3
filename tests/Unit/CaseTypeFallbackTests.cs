using System.Net;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Get-WcxCaseType's list: GET /cases/types, and GET /types (the vendor's Spanish documentation) only where the
/// documented endpoint answers 404 or 501, remembered for the session. The sandbox always serves /cases/types, so a stub
/// plays an API without it.
/// </summary>
public class CaseTypeFallbackTests
{
    private const string Types = "{\"data\":[{\"id\":5,\"name\":\"Reclamo\",\"parent_id\":0,\"extra\":\"kept\"},{\"id\":\"6\",\"name\":\"Consulta\",\"parent_id\":5}]}";

    private static StubHandler Api(HttpStatusCode documentedStatus) => new((request, _) =>
        request.RequestUri!.AbsolutePath.EndsWith("/cases/types", StringComparison.Ordinal)
            ? StubHandler.Json(documentedStatus, documentedStatus == HttpStatusCode.OK ? Types : "{\"status\":\"error\",\"message\":\"No route matches GET /core/v1/cases/types.\"}")
            : request.RequestUri!.AbsolutePath.EndsWith("/core/v1/types", StringComparison.Ordinal)
                ? StubHandler.Json(HttpStatusCode.OK, Types)
                : StubHandler.Json(HttpStatusCode.NotFound, "{}"));

    private static List<string> Paths(StubHandler handler) =>
        handler.Requests.Where(r => !r.Contains("/authenticate")).Select(r => r.Split('?')[0]).ToList();

    [Fact]
    public void The_documented_endpoint_is_read_when_it_answers()
    {
        var handler = Api(HttpStatusCode.OK);
        using var client = Clients.Stubbed(handler);
        var types = client.Cases.ListTypes(new ListQuery(), default).ToList();
        Assert.Equal(new long[] { 5, 6 }, types.Select(t => t.Id));
        Assert.Equal(new[] { "GET /core/v1/cases/types" }, Paths(handler));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public void Types_is_read_when_the_documented_endpoint_is_absent_and_the_session_remembers(HttpStatusCode absent)
    {
        var handler = Api(absent);
        using var client = Clients.Stubbed(handler);
        var types = client.Cases.ListTypes(new ListQuery(), default).ToList();
        Assert.Equal(new[] { "Reclamo", "Consulta" }, types.Select(t => t.Name));
        Assert.Equal(5, types[1].ParentId);
        Assert.Equal("kept", types[0].AdditionalProperties["extra"]?.ToString());
        Assert.Equal(new[] { "GET /core/v1/cases/types", "GET /core/v1/types" }, Paths(handler));

        // The second read of the session goes straight to /types.
        Assert.Equal(2, client.Cases.ListTypes(new ListQuery(), default).Count());
        Assert.Equal(new[] { "GET /core/v1/cases/types", "GET /core/v1/types", "GET /core/v1/types" }, Paths(handler));
    }

    [Fact]
    public void Nothing_is_sent_until_the_list_is_read()
    {
        var handler = Api(HttpStatusCode.NotFound);
        using var client = Clients.Stubbed(handler);
        var types = client.Cases.ListTypes(new ListQuery(), default);
        Assert.Empty(Paths(handler));
        Assert.Equal(2, types.Count());
    }

    [Theory]
    [InlineData("{\"message\":\"Not Found\"}")]
    [InlineData("{\"error\":\"Types not found.\"}")]
    public void A_404_saying_not_found_reads_as_empty_then_types_is_asked_once(string body)
    {
        // A top-level list's 404 "not found" is an empty page (Pager.IsEmptyListAnswer); an API without /cases/types
        // answers just that, so an empty list asks /types before saying there are none.
        var handler = new StubHandler((request, _) =>
            request.RequestUri!.AbsolutePath.EndsWith("/cases/types", StringComparison.Ordinal)
                ? StubHandler.Json(HttpStatusCode.NotFound, body)
                : StubHandler.Json(HttpStatusCode.OK, Types));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(new long[] { 5, 6 }, client.Cases.ListTypes(new ListQuery(), default).Select(t => t.Id));
        Assert.Equal(2, client.Cases.ListTypes(new ListQuery(), default).Count());
        Assert.Equal(new[] { "GET /core/v1/cases/types", "GET /core/v1/types", "GET /core/v1/types" }, Paths(handler));
    }

    [Fact]
    public void An_empty_documented_list_stays_empty_where_types_is_absent_too()
    {
        var handler = new StubHandler((request, _) =>
            request.RequestUri!.AbsolutePath.EndsWith("/cases/types", StringComparison.Ordinal)
                ? StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}")
                : StubHandler.Json(HttpStatusCode.NotFound, "{\"status\":\"error\",\"message\":\"No route matches GET /core/v1/types.\"}"));
        using var client = Clients.Stubbed(handler);
        Assert.Empty(client.Cases.ListTypes(new ListQuery(), default));
        Assert.Equal(new[] { "GET /core/v1/cases/types", "GET /core/v1/types" }, Paths(handler));
    }
}
