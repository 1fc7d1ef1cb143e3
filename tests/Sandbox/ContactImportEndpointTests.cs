using WiseCx.Client;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Sandbox;

/// <summary>
/// The sandbox's contact import (POST /contacts/import, /add, GET /status: shapes assumed from the vendor's Spanish
/// documentation), driven by the client over real HTTP.
/// </summary>
public class ContactImportEndpointTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ContactImportEndpointTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private static List<ContactImportRow> Rows(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => new ContactImportRow { Email = prefix + i + "@example.com", Name = prefix + " " + i }).ToList();

    private static long Group(WcxClient client) =>
        client.ContactGroups.List(new WiseCx.Client.Paging.ListQuery(), default).First().Id;

    private static string Start(WcxClient client, string action = "add_update", string identifier = "email") =>
        client.ContactImports.StartAsync(new ContactImportRequest { GroupIds = new[] { Group(client) }, Action = action, Identifier = identifier }, default)
            .GetAwaiter().GetResult();

    [Fact]
    public void Rows_without_the_identifier_or_with_a_bad_email_are_refused_by_index_and_the_rest_are_applied()
    {
        using var client = _sandbox.Connect();
        var id = Start(client);
        var rows = Rows("sbx-a", 3);
        rows[1].Email = null;
        rows[1].Phone = "+541100";
        rows[2].Email = "broken@nodot";
        var answer = client.ContactImports.AddAsync(id, rows, default).GetAwaiter().GetResult();
        Assert.Equal(1, answer.Received);
        Assert.Equal(new int?[] { 1, 2 }, answer.Rejected!.Select(r => r.Index));

        var status = client.ContactImports.GetStatusAsync(id, default).GetAwaiter().GetResult();
        Assert.Equal("completed", status.Status);
        Assert.Equal(1, status.Total);
        Assert.Equal(1, status.Created);
        var contact = client.Contacts.List(new WiseCx.Client.Paging.ListQuery(), default).Single(c => c.Email == "sbx-a1@example.com");
        Assert.Equal("sbx-a 1", contact.Name);
    }

    [Fact]
    public void The_status_goes_from_pending_through_processing_to_completed_one_step_per_request()
    {
        using var client = _sandbox.Connect();
        var id = Start(client);
        Assert.Equal("pending", client.ContactImports.GetStatusAsync(id, default).GetAwaiter().GetResult().Status);
        var rows = Rows("sbx-b", 1000);
        for (var i = 0; i < rows.Count; i += 50)
            client.ContactImports.AddAsync(id, rows.GetRange(i, 50), default).GetAwaiter().GetResult();
        var first = client.ContactImports.GetStatusAsync(id, default).GetAwaiter().GetResult();
        Assert.Equal(("processing", 500L, 1000L), (first.Status, first.Processed!.Value, first.Total!.Value));
        var second = client.ContactImports.GetStatusAsync(id, default).GetAwaiter().GetResult();
        Assert.Equal(("completed", 1000L, 1000L), (second.Status, second.Processed!.Value, second.Created!.Value));
    }

    [Fact]
    public void Add_only_fails_on_an_existing_contact_and_update_only_on_a_missing_one_with_the_row_position_and_identifier()
    {
        using var client = _sandbox.Connect();
        var seeded = Start(client);
        client.ContactImports.AddAsync(seeded, Rows("sbx-c", 1), default).GetAwaiter().GetResult();
        client.ContactImports.GetStatusAsync(seeded, default).GetAwaiter().GetResult();

        var addOnly = Start(client, "add_only");
        client.ContactImports.AddAsync(addOnly, Rows("sbx-c", 2), default).GetAwaiter().GetResult();
        var added = client.ContactImports.GetStatusAsync(addOnly, default).GetAwaiter().GetResult();
        Assert.Equal((1L, 1L), (added.Created!.Value, added.Failed!.Value));
        Assert.Equal(0, added.Errors!.Single().Index);

        var updateOnly = Start(client, "update_only");
        client.ContactImports.AddAsync(updateOnly, Rows("sbx-c", 3), default).GetAwaiter().GetResult();
        var updated = client.ContactImports.GetStatusAsync(updateOnly, default).GetAwaiter().GetResult();
        Assert.Equal((2L, 1L), (updated.Updated!.Value, updated.Failed!.Value));
        Assert.Equal(2, updated.Errors!.Single().Index);
        Assert.Contains("no contact", updated.Errors[0].Error);
        // The error also names its row by the identifier's value, which stays true when positions shift.
        Assert.Equal("sbx-c3@example.com", updated.Errors[0].AdditionalProperties["email"]);
    }

    [Fact]
    public void Bad_starts_large_adds_and_unknown_imports_are_refused()
    {
        using var client = _sandbox.Connect();
        Assert.Throws<WcxBadRequestException>(() => client.ContactImports.StartAsync(
            new ContactImportRequest { GroupIds = new[] { 999_999_999L }, Identifier = "email", Action = "add_update" }, default).GetAwaiter().GetResult());
        Assert.Throws<WcxBadRequestException>(() => client.ContactImports.StartAsync(
            new ContactImportRequest { GroupIds = new[] { Group(client) }, Identifier = "nickname", Action = "add_update" }, default).GetAwaiter().GetResult());
        Assert.Throws<WcxNotFoundException>(() => client.ContactImports.GetStatusAsync("424242", default).GetAwaiter().GetResult());
        Assert.Throws<WcxNotFoundException>(() => client.ContactImports.AddAsync("424242", Rows("x", 1), default).GetAwaiter().GetResult());

        var id = Start(client);
        // The client refuses more than 50 before sending; the raw request shows the sandbox's own limit.
        var fiftyOne = new Dictionary<string, object?> { ["contacts"] = Rows("sbx-f", 51) };
        Assert.Throws<WcxBadRequestException>(() => client.Raw.SendAsync("POST", "contacts/import/" + id + "/add", null, fiftyOne, default).GetAwaiter().GetResult());
        for (var i = 0; i < 200; i++)
            client.ContactImports.AddAsync(id, Rows("sbx-d" + i + "-", 50), default).GetAwaiter().GetResult();
        var over = Assert.Throws<WcxBadRequestException>(() => client.ContactImports.AddAsync(id, Rows("sbx-e", 1), default).GetAwaiter().GetResult());
        Assert.Contains("10000", over.Message);
    }
}
