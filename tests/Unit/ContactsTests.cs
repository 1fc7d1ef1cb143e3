using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;
using WiseCx.Client.Filtering;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Paging;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Contacts, organizations, contact groups, case activities, types and tags, assistant nodes: the models read the
/// collection's own example bodies, and bad input is refused before any request.
/// </summary>
public class ContactsTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static ListPage<T> Page<T>(string method, string path) =>
        WcxJsonReader.ReadPage<T>(Response(CollectionExamples.ResponseBody(method, path)), method, path);

    private static T One<T>(string method, string path) =>
        WcxJsonReader.ReadObject<T>(Response(CollectionExamples.ResponseBody(method, path)), method, path, wrapped: false);

    private static List<string> ApiRequests(StubHandler handler) => handler.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    // ---- models against the collection's examples ----

    [Fact]
    public void Contact_list_example_reads_in_the_data_and_paging_shape_without_a_total()
    {
        var page = Page<Contact>("GET", "contacts");
        Assert.Equal(new long[] { 6594517, 6594516, 6594515, 6594514, 6594513 }, page.Items.Select(c => c.Id));
        Assert.Equal("", page.Items[0].PersonalId);
        Assert.Equal("3279964888", page.Items[1].PersonalId);
        Assert.Null(page.TotalPages);
        Assert.Null(page.TotalItems);
    }

    [Fact]
    public void Contact_by_id_example_reads_bare_with_custom_fields_as_pairs()
    {
        var contact = One<Contact>("GET", "contacts/{{id}}");
        Assert.Equal(6594517, contact.Id);
        Assert.Equal("j.doe@test.com", contact.Email);
        Assert.Equal("Jhon Doe", contact.Name);
        Assert.Equal("5465478", contact.PersonalId);
        Assert.Equal(3, contact.CustomFields!.Length);
        Assert.Equal("DNI_CUIL", contact.CustomFields[2].Field);
        Assert.Equal("456456487", contact.CustomFields[2].Value);
        Assert.Empty(contact.AdditionalProperties);
    }

    [Fact]
    public void Organization_list_example_reads_as_one_data_page()
    {
        var page = Page<Organization>("GET", "contacts/organizations");
        Assert.Equal(3, page.Items.Count);
        Assert.Equal(14, page.Items[0].Id);
        Assert.Equal("1234", page.Items[0].CustomId);
        Assert.Equal("Test Organización 01", page.Items[0].Name);
    }

    [Fact]
    public void Contact_group_list_example_reads_as_one_data_page()
    {
        var page = Page<ContactGroup>("GET", "contacts/groups");
        Assert.Equal(new long[] { 389, 390, 391 }, page.Items.Select(g => g.Id));
        Assert.Equal("BKA0389", page.Items[0].Code);
        Assert.Equal("Group 03", page.Items[2].Name);
    }

    [Theory]
    [InlineData("POST", "contacts", 6594518)]
    [InlineData("PUT", "contacts/{{id}}", 6594517)]
    [InlineData("POST", "contacts/organizations", 50053)]
    [InlineData("PUT", "contacts/organizations/{{id}}", 50053)]
    [InlineData("DELETE", "contacts/organizations/{{id}}", 50053)]
    [InlineData("POST", "contacts/groups", 8798)]
    public void Contact_write_examples_answer_an_id_only(string method, string path, long id)
    {
        var result = One<ContactWriteResult>(method, path);
        Assert.Equal(id, result.Id);
        Assert.Empty(result.AdditionalProperties);
    }

    [Theory]
    [InlineData("DELETE", "contacts/{{id}}", "Contact removed.")]
    [InlineData("PUT", "contacts/{{contact_id}}/groups/{{group_id}}", "Contact added OK.")]
    [InlineData("DELETE", "contacts/{{contact_id}}/groups/{{group_id}}", "Contact removed OK.")]
    public void Acknowledgements_are_messages(string method, string path, string message)
    {
        Assert.Equal(message, ResponseReading.ApiMessageOf(Encoding.UTF8.GetBytes(CollectionExamples.ResponseBody(method, path))));
    }

    [Fact]
    public void Case_activities_example_reads_as_a_bare_array_with_contacts_attachments_and_utc_dates()
    {
        var page = Page<CaseActivity>("GET", "cases/{{id}}/activities");
        Assert.Equal(6, page.Items.Count);
        Assert.Equal(new[] { "system", "contact_message", "system", "note", "user_reply", "system" }, page.Items.Select(a => a.Type));
        var message = page.Items[1];
        Assert.Equal(4056878, message.Id);
        Assert.Equal(6579207, message.ContactFrom!.Id);
        Assert.Equal("test@gmail.com", message.ContactFrom.Email);
        Assert.Empty(message.ContactFrom.CustomFields!);
        Assert.Null(message.ContactsTo);
        Assert.Equal("file.jpg", message.Attachments!.Single().Filename);
        Assert.Equal(0, message.Attachments![0].AttachmentId);
        Assert.StartsWith("/FileAdm/", message.Attachments![0].Url);
        Assert.Equal(new DateTime(2020, 1, 28, 10, 8, 3, DateTimeKind.Utc), message.CreatedAt?.ToUniversalTime());
        Assert.Equal(DateTimeKind.Local, message.CreatedAt!.Value.Kind);
        Assert.Equal("ok", message.SendingStatus);
        var reply = page.Items[4];
        Assert.Equal("Julio Pailler", reply.ContactsTo!.Single().Name);
        Assert.Equal(6405, reply.UserId);
        Assert.All(page.Items, a => Assert.Empty(a.AdditionalProperties));
    }

    [Fact]
    public void Case_activity_by_id_example_reads_bare()
    {
        var activity = One<CaseActivity>("GET", "cases/{{id}}/activities/{{activity_id}}");
        Assert.Equal(132546, activity.Id);
        Assert.Equal("contact_message", activity.Type);
        Assert.Equal("web", activity.Channel);
        Assert.Equal("Envio de archivo adjunto", activity.Content);
    }

    [Fact]
    public void Case_types_and_tags_examples_read_as_data_pages()
    {
        var types = Page<CaseType>("GET", "cases/types");
        Assert.Equal(new long[] { 10, 5, 6 }, types.Items.Select(t => t.Id));
        Assert.Equal(5, types.Items[2].ParentId);
        Assert.Equal("Comercial", types.Items[2].Name);
        var tags = Page<CaseTag>("GET", "cases/tags");
        Assert.Equal(4, tags.Items.Count);
        Assert.Equal("Bug", tags.Items[3].Name);
        Assert.Equal(150, tags.Items[3].Id);
    }

    [Fact]
    public void Assistant_execute_example_reads_as_an_execution()
    {
        var result = One<AssistantNodeExecution>("POST", "assistans/node/{Id}/execute");
        Assert.Equal(1, result.Id);
        Assert.Equal("OK", result.Message);
    }

    // ---- request bodies ----

    [Fact]
    public void Assistant_request_is_written_as_the_collection_shows_it()
    {
        var request = new AssistantNodeExecuteRequest
        {
            CaseId = 107821,
            Context = AssistantService.ContextList(new[] { Pair("key1", "value1"), Pair("key2", "value2") }),
        };
        Assert.Equal("{\"case_id\":107821,\"context\":[\"key1:value1\",\"key2:value2\"]}", JsonSerializer.Serialize(request, WcxJson.Options));
    }

    [Fact]
    public void Contact_requests_are_snake_case_and_leave_out_what_is_not_set()
    {
        var create = new ContactCreateRequest { PersonalId = "545487879-1", Email = "j.doe-1@test.com" };
        Assert.Equal("{\"email\":\"j.doe-1@test.com\",\"personal_id\":\"545487879-1\"}", JsonSerializer.Serialize(create, WcxJson.Options));
        var update = new ContactUpdateRequest { Email = "a@b.c", OrganizationId = ContactUpdateRequest.NoOrganization, CustomFields = new() { new CustomField("tier", "gold") } };
        Assert.Equal("{\"email\":\"a@b.c\",\"organization_id\":-1,\"custom_fields\":[{\"field\":\"tier\",\"value\":\"gold\"}]}",
            JsonSerializer.Serialize(update, WcxJson.Options));
        Assert.Equal("{\"custom_id\":\"1234\",\"name\":\"Org\"}", JsonSerializer.Serialize(new OrganizationRequest { CustomId = "1234", Name = "Org" }, WcxJson.Options));
    }

    // ---- validation before any request ----

    [Theory]
    [InlineData(null, null, null, "at least one of Email, PersonalId or Phone")]
    [InlineData("  ", "", null, "at least one of Email, PersonalId or Phone")]
    [InlineData("not-an-address", null, null, "is not an e-mail address")]
    [InlineData("a b@example.com", null, null, "is not an e-mail address")]
    public void Contact_create_needs_a_usable_identifier(string? email, string? personalId, string? phone, string message)
    {
        var ex = Assert.Throws<WcxInputException>(() =>
            ContactService.ValidateCreate(new ContactCreateRequest { Email = email, PersonalId = personalId, Phone = phone }));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Contact_create_trims_identifiers_and_checks_the_organization()
    {
        var request = new ContactCreateRequest { Email = " ana@example.com ", Phone = " " };
        ContactService.ValidateCreate(request);
        Assert.Equal("ana@example.com", request.Email);
        Assert.Null(request.Phone);
        Assert.Throws<WcxInputException>(() => ContactService.ValidateCreate(new ContactCreateRequest { Phone = "1", OrganizationId = 0 }));
    }

    [Fact]
    public void Contact_update_refuses_nothing_to_change_and_a_missing_identifier_but_takes_minus_one()
    {
        Assert.Contains("Nothing to change", Assert.Throws<WcxInputException>(() => ContactService.ValidateUpdate(new ContactUpdateRequest())).Message);
        Assert.Contains("on every contact update",
            Assert.Throws<WcxInputException>(() => ContactService.ValidateUpdate(new ContactUpdateRequest { Name = "Ana" })).Message);
        ContactService.ValidateUpdate(new ContactUpdateRequest { Phone = "+541100", OrganizationId = -1 });
        Assert.Equal("OrganizationId",
            Assert.Throws<WcxInputException>(() => ContactService.ValidateUpdate(new ContactUpdateRequest { Phone = "1", OrganizationId = -2 })).ParameterName);
    }

    [Fact]
    public void Contact_calls_with_bad_input_send_nothing()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxInputException>(() => client.Contacts.CreateAsync(new ContactCreateRequest { Name = "x" }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Contacts.GetAsync(0, null, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Contacts.AddToGroupAsync(5, -1, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Contacts.List(new ListQuery { Filter = new[] { new FilterCondition("email", FilterOperator.Greater, "a") } }, CancellationToken.None));
        Assert.Throws<WcxInputException>(() => client.Organizations.CreateAsync(new OrganizationRequest { Name = "x" }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Organizations.UpdateAsync(3, new OrganizationRequest(), CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.ContactGroups.CreateAsync(new ContactGroupCreateRequest { Name = " " }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Organizations.Get(new long[] { 4, 0 }, null, CancellationToken.None));
        Assert.Throws<WcxInputException>(() => client.Cases.ListActivities(0, new ListQuery(), CancellationToken.None));
        Assert.Throws<WcxInputException>(() => client.Assistants.ExecuteNodeAsync(420, 0, null, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void Contact_filters_compile_with_the_resource_prefix_and_equal()
    {
        var text = FilterCompiler.Compile(new[]
        {
            new FilterCondition("email", FilterOperator.Equal, "o'brien@example.com"),
            new FilterCondition("id", FilterOperator.In, new object?[] { 1L, 2L }),
        }, Endpoints.Contacts);
        Assert.Equal("[{'field':'contact.email','operator':'EQUAL','value':'o\\'brien@example.com'},{'field':'contact.id','operator':'IN','value':['1','2']}]", text);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("QQ==", 1)]
    [InlineData("QUI=", 2)]
    [InlineData("QUJD", 3)]
    [InlineData("QUJDRA", 4)]
    [InlineData("QUJD\r\nRA==", 4)]
    public void Inline_attachment_size_is_the_decoded_size(string base64, long bytes)
    {
        Assert.Equal(bytes, CaseService.DecodedLength(base64));
    }

    [Fact]
    public void Inline_attachments_over_five_megabytes_per_request_are_refused_summed_over_activities()
    {
        ActivityInput Note(int bytes) => new()
        {
            Type = "note", UserId = 1,
            Attachments = new() { new AttachmentInput { Filename = "f.bin", Content = Convert.ToBase64String(new byte[bytes]) } },
        };
        CaseService.CheckActivity(Note(5 * 1024 * 1024));
        var ex = Assert.Throws<WcxInputException>(() => CaseService.CheckActivities(new[] { Note(3 * 1024 * 1024), Note(3 * 1024 * 1024) }));
        Assert.Contains("at most 5 MB", ex.Message);
        Assert.Equal("Attachment", ex.ParameterName);
        // The same check guards the case writes themselves.
        Assert.Throws<WcxInputException>(() => CaseService.ValidateUpdate(new CaseUpdateRequest { Activities = new() { Note(3 * 1024 * 1024), Note(3 * 1024 * 1024) } }));
    }

    [Fact]
    public void Attachments_need_a_filename_and_exactly_one_of_url_or_content()
    {
        ActivityInput With(AttachmentInput a) => new() { Type = "note", UserId = 1, Attachments = new() { a } };
        Assert.Contains("needs a filename", Assert.Throws<WcxInputException>(() => CaseService.CheckActivity(With(new AttachmentInput { Url = "https://x/y" }))).Message);
        Assert.Contains("needs a url or base64", Assert.Throws<WcxInputException>(() => CaseService.CheckActivity(With(new AttachmentInput { Filename = "y" }))).Message);
        Assert.Contains("both a url and content", Assert.Throws<WcxInputException>(() =>
            CaseService.CheckActivity(With(new AttachmentInput { Filename = "y", Url = "https://x/y", Content = "QQ==" }))).Message);
        CaseService.CheckActivity(With(new AttachmentInput { Filename = "y", Url = "https://x/y" }));
    }

    [Fact]
    public void Activity_type_and_channel_are_normalised_and_an_unknown_channel_is_kept_as_given()
    {
        var activity = new ActivityInput { Type = "NOTE", UserId = 4, Content = "x", Channel = "WhatsApp" };
        CaseService.CheckActivity(activity);
        Assert.Equal("note", activity.Type);
        Assert.Equal("whatsapp", activity.Channel);
        var fax = new ActivityInput { Type = "note", UserId = 4, Content = "x", Channel = "fax" };
        CaseService.CheckActivity(fax);
        Assert.Equal("fax", fax.Channel);
        Assert.Throws<WcxInputException>(() => CaseService.CheckActivities(Array.Empty<ActivityInput>()));
    }

    [Fact]
    public void Assistant_context_becomes_key_value_strings_and_refuses_what_that_form_cannot_carry()
    {
        Assert.Equal(new[] { "order:1001", "note:a:b", "empty:" }, AssistantService.ContextList(new[] { Pair("order", "1001"), Pair("note", "a:b"), Pair("empty", null) }));
        Assert.Null(AssistantService.ContextList(null));
        Assert.Contains("holds a colon", Assert.Throws<WcxInputException>(() => AssistantService.ContextList(new[] { Pair("a:b", "c") })).Message);
        Assert.Contains("given twice", Assert.Throws<WcxInputException>(() => AssistantService.ContextList(new[] { Pair("a", "1"), Pair("A", "2") })).Message);
        Assert.Contains("empty", Assert.Throws<WcxInputException>(() => AssistantService.ContextList(new[] { Pair(" ", "1") })).Message);
    }

    // ---- requests as sent (stub server) ----

    [Fact]
    public void Organizations_by_id_are_found_with_one_filtered_request_and_absent_ids_are_left_out()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[{\"id\":14,\"name\":\"A\"},{\"id\":99,\"name\":\"stray\"}]}"));
        using var client = Clients.Stubbed(handler);
        var found = client.Organizations.Get(new long[] { 14, 15, 14 }, new[] { "name" }, CancellationToken.None).ToList();
        Assert.Equal(new long[] { 14 }, found.Select(o => o.Id));
        var request = Assert.Single(ApiRequests(handler));
        var query = HttpUtility.ParseQueryString(new Uri("http://x" + request.Split(' ')[1]).Query);
        Assert.Equal("[{'field':'organization.id','operator':'IN','value':['14','15']}]", query["filtering"]);
        Assert.Equal("name,id", query["fields"]);
        Assert.Throws<WcxNotFoundException>(() => client.Organizations.Get(15, CancellationToken.None));
    }

    [Fact]
    public void Adding_activities_is_never_resent_after_a_server_failure_but_plain_updates_are()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.InternalServerError, "{\"message\":\"boom\"}"));
        using var client = Clients.Stubbed(handler);
        var note = new ActivityInput { Type = "note", UserId = 1, Content = "once" };
        Assert.Throws<WcxWriteOutcomeUnknownException>(() =>
            client.Cases.AddActivitiesAsync(7, new[] { note }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Single(ApiRequests(handler));

        handler.Requests.Clear();
        Assert.Throws<WcxApiException>(() => client.Cases.UpdateAsync(7, new CaseUpdateRequest { Status = "solved" }, CancellationToken.None).GetAwaiter().GetResult());
        Assert.True(ApiRequests(handler).Count > 1);
    }

    [Fact]
    public void Contacts_go_to_the_paths_the_collection_spells()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK,
            r.Method == HttpMethod.Get ? "{\"data\":[],\"paging\":{\"next\":null,\"page\":1,\"limit\":100}}" : "{\"id\":8}"));
        using var client = Clients.Stubbed(handler);
        client.Contacts.List(new ListQuery(), CancellationToken.None).ToList();
        client.Contacts.CreateAsync(new ContactCreateRequest { Email = "a@b.c" }, CancellationToken.None).GetAwaiter().GetResult();
        client.Organizations.CreateAsync(new OrganizationRequest { CustomId = "1", Name = "O" }, CancellationToken.None).GetAwaiter().GetResult();
        client.ContactGroups.CreateAsync(new ContactGroupCreateRequest { Name = "G" }, CancellationToken.None).GetAwaiter().GetResult();
        client.Assistants.ExecuteNodeAsync(420, 107821, null, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(new[]
        {
            "GET /core/v1/contacts/?limit=100&page=1", "POST /core/v1/contacts/", "POST /core/v1/contacts/organizations/",
            "POST /core/v1/contacts/groups/", "POST /core/v1/assistans/node/420/execute",
        }, ApiRequests(handler));
    }

    private static KeyValuePair<string, string?> Pair(string key, string? value) => new(key, value);
}
