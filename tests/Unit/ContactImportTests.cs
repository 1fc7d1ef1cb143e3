using System.Net;
using System.Text;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Bulk contact imports (the vendor's Spanish documentation; shapes assumed): the plan made before sending, the answers
/// read tolerantly, and a batch whose outcome is unknown never sent again.
/// </summary>
public class ContactImportTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static List<ContactImportRow> Rows(int count, Func<int, string?>? email = null) =>
        Enumerable.Range(1, count).Select(i => new ContactImportRow { Email = email is null ? "c" + i + "@example.com" : email(i), Name = "C " + i }).ToList();

    /// <summary>An import API: the start's answer, a first add answered <paramref name="firstAdd"/>, later adds and the status answered OK.</summary>
    private static StubHandler ImportApi(string start, (HttpStatusCode Status, string Body) firstAdd, string laterAdds, string status)
    {
        var adds = 0;
        return new StubHandler((request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/contacts/import", StringComparison.Ordinal))
                return StubHandler.Json(HttpStatusCode.OK, start);
            if (path.EndsWith("/add", StringComparison.Ordinal))
                return ++adds == 1 ? StubHandler.Json(firstAdd.Status, firstAdd.Body) : StubHandler.Json(HttpStatusCode.OK, laterAdds);
            return StubHandler.Json(HttpStatusCode.OK, status);
        });
    }

    private static ContactImportRequest Settings(string identifier = "Email", string action = "AddUpdate") =>
        new() { GroupIds = new long[] { 5, 6 }, Identifier = identifier, Action = action };

    [Fact]
    public void The_plan_sets_aside_rows_without_the_identifier_and_maps_the_words()
    {
        var settings = Settings("PersonalId", "UpdateOnly");
        var rows = Rows(3);
        rows[1].PersonalId = " 301 ";
        var plan = ContactImportService.Plan(settings, rows, split: false, batchSize: 50);
        Assert.Equal("personal_id", settings.Identifier);
        Assert.Equal("update_only", settings.Action);
        Assert.Single(plan.Imports);
        Assert.Equal(2, plan.Imports[0].Single().Number);
        Assert.Equal("301", plan.Imports[0].Single().IdentifierValue);
        Assert.Equal(new[] { 1, 3 }, plan.Rejected.Select(r => r.Row));
        Assert.All(plan.Rejected, r => Assert.Equal("Module", r.Source));
    }

    [Fact]
    public void More_than_ten_thousand_rows_are_refused_unless_split_into_imports_of_ten_thousand()
    {
        var rows = Rows(20001);
        var refused = Assert.Throws<WcxInputException>(() => ContactImportService.Plan(Settings(), rows, split: false, batchSize: 50));
        Assert.Equal("Split", refused.ParameterName);
        var plan = ContactImportService.Plan(Settings(), rows, split: true, batchSize: 50);
        Assert.Equal(new[] { 10000, 10000, 1 }, plan.Imports.Select(i => i.Count));
        Assert.Equal(20001, plan.Imports[2][0].Number);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_batch_size_outside_1_to_50_is_refused(int size) =>
        Assert.Throws<WcxInputException>(() => ContactImportService.Plan(Settings(), Rows(1), false, size));

    [Fact]
    public void An_import_without_groups_is_refused() =>
        Assert.Equal("GroupId", Assert.Throws<WcxInputException>(() =>
            ContactImportService.Plan(new ContactImportRequest(), Rows(1), false, 50)).ParameterName);

    [Theory]
    [InlineData("{\"id\": 12, \"status\": \"created\"}", 12L)]
    [InlineData("{\"data\": {\"import_id\": \"12\"}}", 12L)]
    [InlineData("{\"import_id\": 12, \"extra\": true}", 12L)]
    public void The_start_answer_is_read_bare_or_wrapped_with_id_or_import_id(string body, long id)
    {
        var started = WcxJsonReader.ReadObject<ContactImportStarted>(Response(body), "POST", "contacts/import", wrapped: false);
        Assert.Equal(id.ToString(), started.Id ?? started.ImportId);
    }

    [Fact]
    public void The_status_answer_keeps_unknown_fields_and_reads_errors_by_index_or_row()
    {
        var status = WcxJsonReader.ReadObject<ContactImportStatus>(Response(
            "{\"data\":{\"id\":\"7\",\"status\":\"completed\",\"total\":\"3\",\"created\":2,\"errors\":[{\"row\":3,\"message\":\"bad\"}],\"source\":\"api\"}}"),
            "GET", "contacts/import/7/status", wrapped: false);
        Assert.Equal("completed", status.Status);
        Assert.Equal(3, status.Total);
        Assert.Equal(3, status.Errors![0].Row);
        Assert.Equal("bad", status.Errors[0].Message);
        Assert.True(status.AdditionalProperties.ContainsKey("source"));
    }

    [Fact]
    public void A_batch_whose_outcome_is_unknown_is_sent_once_reported_and_the_next_batch_goes_on()
    {
        var handler = ImportApi("{\"id\": 9}",
            firstAdd: (HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}"),
            laterAdds: "{\"received\": 1, \"rejected\": [{\"index\": 1, \"error\": \"bad e-mail\"}]}",
            status: "{\"status\": \"processing\", \"errors\": [{\"index\": 3, \"error\": \"bad e-mail\"}]}");
        using var client = Clients.Stubbed(handler);
        var settings = Settings();
        var plan = ContactImportService.Plan(settings, Rows(4), false, 2);
        var uncertain = new List<Exception>();

        var result = client.ContactImports.Run(settings, plan.Imports[0], 2, wait: false, TimeSpan.Zero, TimeSpan.Zero, null, uncertain.Add, default);

        Assert.Equal(2, handler.ApiRequests("POST") - 1);
        Assert.Equal(1, handler.ApiRequests("GET"));
        Assert.Equal("9", result.ImportId);
        Assert.Equal(2, result.Batches);
        Assert.Equal(4, result.Rows);
        Assert.Equal(new[] { 1, 2 }, result.Uncertain.Select(r => r.Row));
        // The add's rejection (row 4) and the status's error for the same row are reported once.
        Assert.Equal(new[] { 4 }, result.Rejected.Select(r => r.Row));
        Assert.Equal("c4@example.com", result.Rejected[0].IdentifierValue);
        var error = Assert.IsType<WcxWriteOutcomeUnknownException>(Assert.Single(uncertain));
        Assert.Contains("import 9", error.Message);
        Assert.Contains("c1@example.com, c2@example.com", error.Message);
    }
    [Fact]
    public void A_batch_refused_outright_has_its_rows_rejected_and_the_next_batch_goes_on()
    {
        var handler = ImportApi("{\"data\": {\"import_id\": \"abc\"}}",
            firstAdd: (HttpStatusCode.BadRequest, "{\"message\":\"contacts: bad batch\"}"),
            laterAdds: "{\"received\": 1}",
            status: "{\"status\": \"completed\", \"created\": 1}");
        using var client = Clients.Stubbed(handler);
        var settings = Settings();
        var plan = ContactImportService.Plan(settings, Rows(3), false, 2);
        var uncertain = new List<Exception>();

        var result = client.ContactImports.Run(settings, plan.Imports[0], 2, wait: true, TimeSpan.FromSeconds(5), TimeSpan.Zero, null, uncertain.Add, default);

        Assert.Equal(3, handler.ApiRequests("POST"));
        Assert.Equal("abc", result.ImportId);
        Assert.Equal("completed", result.Status);
        Assert.Empty(uncertain);
        Assert.Empty(result.Uncertain);
        Assert.Equal(new[] { 1, 2 }, result.Rejected.Select(r => r.Row));
        Assert.All(result.Rejected, r => Assert.Contains("HTTP 400: contacts: bad batch", r.Reason));
    }

    [Fact]
    public void An_error_that_names_the_contact_is_matched_by_it_since_the_API_counts_only_the_rows_it_received()
    {
        // The first batch (rows 1-2) never reached the API: its positions start at row 3. Its error for position 1 is
        // row 4, which it also names by e-mail; by position alone it would be row 2, a row the API never saw.
        var handler = ImportApi("{\"id\": 9}",
            firstAdd: (HttpStatusCode.BadGateway, "{\"message\":\"lost\"}"),
            laterAdds: "{\"received\": 2}",
            status: "{\"status\": \"completed\", \"errors\": [{\"index\": 1, \"email\": \"C4@example.com\", \"error\": \"exists\"}]}");
        using var client = Clients.Stubbed(handler);
        var settings = Settings();
        var plan = ContactImportService.Plan(settings, Rows(4), false, 2);

        var result = client.ContactImports.Run(settings, plan.Imports[0], 2, wait: false, TimeSpan.Zero, TimeSpan.Zero, null, null, default);

        Assert.Equal(new[] { 1, 2 }, result.Uncertain.Select(r => r.Row));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal((4, "c4@example.com", "exists"), (rejection.Row, rejection.IdentifierValue, rejection.Reason));
    }
}
