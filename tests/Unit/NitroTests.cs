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

/// <summary>Nitro: string ids, "" dates, wrapped and bare answers, action rules, channel configurations and batched sends.</summary>
public class NitroTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static List<string> ApiRequests(StubHandler handler) => handler.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    private static NitroTransactionalMessage Message(string phone = "5493517606060", string campaign = "1321") => new()
    {
        CampaignId = campaign,
        Channels = new() { "WhatsApp" },
        Contact = new NitroContactInput { Phone = phone },
    };

    // ---- models against the collection ----

    [Fact]
    public void Campaign_list_example_reads_string_ids_empty_dates_and_pagination()
    {
        var page = WcxJsonReader.ReadPage<NitroCampaign>(Response(CollectionExamples.ResponseBody("GET", "nitro/campaigns")), "GET", "nitro/campaigns");
        Assert.Equal(10, page.TotalPages);
        Assert.Equal(100, page.TotalItems);
        var campaign = Assert.Single(page.Items);
        Assert.Equal("414", campaign.Id);
        Assert.Equal("simple", campaign.Type);
        Assert.Equal("draft", campaign.Status);
        Assert.Equal(new DateTime(2026, 3, 5, 11, 57, 17, DateTimeKind.Utc), campaign.CreatedAt?.ToUniversalTime());
        Assert.Null(campaign.ScheduledAt); // ""
        var message = Assert.Single(campaign.Messages!);
        Assert.Equal("685", message.Id);
        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Stats!.Unsubscribed);
        Assert.Equal("40184", message.ChannelConfig!.TemplateId);
        Assert.Equal("winter_promo", message.ChannelConfig.TemplateName);
        Assert.Empty(campaign.AdditionalProperties);
        Assert.Empty(message.ChannelConfig.AdditionalProperties);
    }

    [Fact]
    public void Campaign_by_id_example_is_wrapped_and_holds_an_email_message()
    {
        var campaign = WcxJsonReader.ReadObject<NitroCampaign>(Response(CollectionExamples.ResponseBody("GET", "nitro/campaigns/{{campaign_id}}")), "GET", "nitro/campaigns/1", wrapped: true);
        Assert.Equal("115670", campaign.Id);
        Assert.Equal("running", campaign.Status);
        var message = Assert.Single(campaign.Messages!);
        Assert.Equal(new DateTime(2026, 2, 25, 21, 44, 19, DateTimeKind.Utc), message.ScheduledAt?.ToUniversalTime());
        Assert.Equal("no-reply@wcx.cloud", message.ChannelConfig!.FromEmail);
        Assert.Equal("Wcx", message.ChannelConfig.FromName);
        Assert.Equal("aws_s3:14063:115670:117301.txt", message.ChannelConfig.EmailContent);
        Assert.Equal(1, message.Stats!.Opened);
    }

    [Theory]
    [InlineData("POST", "nitro/campaigns", "1325", "transactional")]
    [InlineData("PUT", "nitro/campaigns/{{campaign_id}}", "1321", null)]
    public void Campaign_write_examples_are_wrapped(string method, string path, string id, string? type)
    {
        var campaign = WcxJsonReader.ReadObject<NitroCampaign>(Response(CollectionExamples.ResponseBody(method, path)), method, path, wrapped: true);
        Assert.Equal(id, campaign.Id);
        Assert.Equal(type, campaign.Type);
        Assert.NotNull(campaign.Description);
    }

    [Theory]
    [InlineData("POST", "nitro/campaigns/{{campaign_id}}/messages", "40184")]
    [InlineData("PUT", "nitro/campaigns/{{campaign_id}}/messages/{{message_id}}", "123")]
    public void Message_write_examples_read_numeric_ids_as_strings(string method, string path, string template)
    {
        var message = WcxJsonReader.ReadObject<NitroCampaignMessage>(Response(CollectionExamples.ResponseBody(method, path)), method, path, wrapped: true);
        Assert.Equal("686", message.Id);
        Assert.Equal("416", message.CampaignId);
        Assert.Equal("whatsapp", message.Channel);
        Assert.Equal(template, message.ChannelConfig!.TemplateId);
        Assert.Equal("group", message.ChannelConfig.ReplyType);
        Assert.Equal(123, message.ChannelConfig.ReplyId);
        var variable = Assert.Single(message.ChannelConfig.Variables!);
        Assert.Equal("{1}", variable.Name);
        Assert.Equal("Customer", variable.ValueDefault);
    }

    [Theory]
    [InlineData("schedule", "scheduled")]
    [InlineData("send", "processing")]
    [InlineData("activate", "running")]
    [InlineData("stop", "stopped")]
    [InlineData("delete", "deleted")]
    [InlineData("cancel-send", "cancelled")]
    public void Action_examples_read_bare(string action, string status)
    {
        var path = "nitro/campaigns/{{campaign_id}}/actions/" + action;
        var result = WcxJsonReader.ReadObject<NitroCampaignActionResult>(Response(CollectionExamples.ResponseBody("POST", path)), "POST", path, wrapped: false);
        Assert.Equal("1321", result.CampaignId);
        Assert.Equal(status, result.Status);
        Assert.Equal(action == "schedule" ? new DateTime(2026, 4, 1, 13, 0, 0, DateTimeKind.Utc) : null, result.ScheduledAt?.ToUniversalTime());
    }

    [Fact]
    public void Message_contacts_example_reads_with_empty_channel_dates_as_null()
    {
        var page = WcxJsonReader.ReadPage<NitroCampaignMessageContact>(
            Response(CollectionExamples.ResponseBody("GET", "nitro/campaigns/{{campaign_id}}/messages/{{message_id}}/contacts")), "GET", "x");
        Assert.Equal(1, page.TotalPages);
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal("wa_3264", first.TrackingId);
        Assert.Equal("19372467", first.ContactId);
        Assert.Equal(0, first.CaseId);
        Assert.Equal(new DateTime(2026, 3, 4, 20, 0, 5, DateTimeKind.Utc), first.ChannelDetail!.SentAt?.ToUniversalTime());
        Assert.Null(first.ChannelDetail.DeliveredAt);
        Assert.Equal("98e04e8f-c159-4c7f-9d68-de7d5659e536", first.ChannelDetail.WhatsappId);
    }

    [Fact]
    public void Send_receipts_read_tracking_ids_given_as_text_or_as_numbers()
    {
        var single = WcxJsonReader.Read<List<NitroSendResult>>(Response(CollectionExamples.ResponseBody("POST", "nitro/transactional/{{id}}/send")), "POST", "x");
        Assert.Equal("wa-4546", Assert.Single(single).TrackingId);
        Assert.Equal("queued", single[0].Status);
        var bulk = WcxJsonReader.Read<List<NitroSendResult>>(Response(CollectionExamples.ResponseBody("POST", "nitro/transactional/send")), "POST", "x");
        Assert.Equal(new[] { "1", "1" }, bulk.Select(r => r.TrackingId));
        Assert.Equal("89238", bulk[0].Contact!.Id);
        Assert.Equal("5493517606060", bulk[0].Contact!.Phone);
    }

    [Fact]
    public void Request_detail_example_reads_case_contact_variables_and_metadata()
    {
        var request = WcxJsonReader.ReadObject<NitroRequest>(Response(CollectionExamples.ResponseBody("GET", "nitro/transactional/requests/{{tracking_id}}")), "GET", "x", wrapped: false);
        Assert.Equal(1328784, request.Case!.Id);
        Assert.Equal("6544", request.Case.Number);
        Assert.Equal("19090509", request.Contact!.Id);
        Assert.Equal("ARG", request.Variables!["{location}"]);
        Assert.Equal("CU1567894654653AR", request.Metadata!["id_tyt"]);
    }

    // ---- the service over a stub ----

    [Fact]
    public void Campaigns_are_sorted_with_sort_by_and_sort_order_and_messages_learn_their_campaign()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("GET", "nitro/campaigns")));
        using var client = Clients.Stubbed(handler);
        var campaigns = client.Nitro.ListCampaigns(new ListQuery { SortField = "Created_At", Descending = true, PageSize = 1, First = 1 }, CancellationToken.None).ToList();
        Assert.Equal("414", campaigns.Single().Messages!.Single().CampaignId);
        Assert.Equal("GET /core/v1/nitro/campaigns?sort_by=created_at&sort_order=desc&limit=1&page=1", ApiRequests(handler).First());
        // total_pages (10) is trusted: the stub answers every page, the pager stops at 10.
        var all = client.Nitro.ListCampaigns(new ListQuery { PageSize = 1 }, CancellationToken.None).Count();
        Assert.Equal(10, all);
    }

    [Fact]
    public void Nitro_documents_no_filter_fields_so_a_filter_is_sent_with_a_warning()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}"));
        using var client = Clients.Stubbed(handler);
        var query = new ListQuery { Filter = new[] { new FilterCondition("status", FilterOperator.Equal, new object?[] { "draft" }) } };
        var warnings = new List<string>();
        var parameters = query.ToParameters(Endpoints.NitroCampaigns, warnings.Add);
        Assert.Equal("[{'field':'campaign.status','operator':'EQUAL','value':'draft'}]", parameters.Single(p => p.Key == "filtering").Value);
        Assert.Equal("/nitro/campaigns documents no filter; the field 'status' is sent as 'campaign.status' and the API decides.", Assert.Single(warnings));
        Assert.Empty(client.Nitro.ListCampaigns(query, CancellationToken.None).ToList());
        Assert.Contains("filtering=", Assert.Single(ApiRequests(handler)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1/actions/delete")]
    [InlineData("1?x=1")]
    [InlineData("a b")]
    public void Ids_that_would_change_the_path_are_refused(string id)
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":{\"id\":\"1\"}}"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxInputException>(() => client.Nitro.GetCampaignAsync(id, null, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Nitro.GetRequestAsync(id, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void String_ids_go_into_paths_escaped()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[],\"pagination\":{\"page\":1,\"page_size\":100,\"total_items\":0,\"total_pages\":0}}"));
        using var client = Clients.Stubbed(handler);
        client.Nitro.ListMessageContacts(" 1321 ", "msg-abc123", new ListQuery(), CancellationToken.None).ToList();
        Assert.Equal("GET /core/v1/nitro/campaigns/1321/messages/msg-abc123/contacts?limit=100&page=1", ApiRequests(handler).Single());
    }

    [Fact]
    public void Schedule_needs_a_date_and_no_other_action_takes_one()
    {
        Assert.Equal("ScheduledAt", Assert.Throws<WcxInputException>(() => NitroService.ValidateAction(NitroCampaignAction.Schedule, null)).ParameterName);
        foreach (var action in new[] { NitroCampaignAction.Send, NitroCampaignAction.Activate, NitroCampaignAction.Stop, NitroCampaignAction.Delete, NitroCampaignAction.CancelSend })
            Assert.Throws<WcxInputException>(() => NitroService.ValidateAction(action, DateTime.UtcNow));
        // As the collection's example: 10:00 in the account's time (UTC-3) is 13:00 UTC.
        var body = JsonSerializer.Serialize(NitroService.ActionBody(NitroCampaignAction.Schedule, new DateTime(2026, 4, 1, 13, 0, 0, DateTimeKind.Utc)), WcxJson.Options);
        Assert.Equal("{\"scheduled_at\":\"2026-04-01 10:00:00\"}", body);
        var local = new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.FromHours(2)).LocalDateTime;
        Assert.Equal("2026-04-01 10:00:00", NitroService.AccountTime(local));
        Assert.Null(NitroService.ActionBody(NitroCampaignAction.Stop, null));
    }

    [Fact]
    public void Actions_post_to_their_api_names()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "{\"campaign_id\":1321,\"status\":\"cancelled\"}"));
        using var client = Clients.Stubbed(handler);
        var result = client.Nitro.InvokeActionAsync("1321", NitroCampaignAction.CancelSend, null, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal("1321", result.CampaignId);
        Assert.Equal("POST /core/v1/nitro/campaigns/1321/actions/cancel-send", ApiRequests(handler).Single());
        Assert.Equal("cancel-send", NitroService.ApiName(NitroCampaignAction.CancelSend));
        Assert.Equal("activate", NitroService.ApiName(NitroCampaignAction.Activate));
    }

    [Fact]
    public void Campaign_creation_follows_the_type_rules_for_contact_groups()
    {
        var simple = new NitroCampaignCreateRequest { Name = "Welcome", Type = "Simple", GroupsIds = "123, 456" };
        NitroService.ValidateCreate(simple);
        Assert.Equal("simple", simple.Type);
        Assert.Equal("{\"name\":\"Welcome\",\"type\":\"simple\",\"groups_ids\":\"123,456\"}", JsonSerializer.Serialize(simple, WcxJson.Options));
        Assert.Equal("GroupId", Assert.Throws<WcxInputException>(() => NitroService.ValidateCreate(new NitroCampaignCreateRequest { Name = "x", Type = "simple" })).ParameterName);
        Assert.Equal("GroupId", Assert.Throws<WcxInputException>(() => NitroService.ValidateCreate(new NitroCampaignCreateRequest { Name = "x", Type = "transactional", GroupsIds = "1" })).ParameterName);
        // A type the collection does not document is sent as given, without the contact group rules of the documented ones.
        var bulk = new NitroCampaignCreateRequest { Name = "x", Type = "bulk" };
        NitroService.ValidateCreate(bulk);
        Assert.Equal("bulk", bulk.Type);
        Assert.Equal("Type", Assert.Throws<WcxInputException>(() => NitroService.ValidateCreate(new NitroCampaignCreateRequest { Name = "x", Type = " " })).ParameterName);
        Assert.Equal("GroupId", Assert.Throws<WcxInputException>(() => NitroService.ValidateCreate(new NitroCampaignCreateRequest { Name = "x", Type = "simple", GroupsIds = "1,a" })).ParameterName);
        Assert.Equal("Name", Assert.Throws<WcxInputException>(() => NitroService.ValidateUpdate(new NitroCampaignUpdateRequest { Description = "no name" })).ParameterName);
    }

    public static TheoryData<string, NitroChannelConfigInput, string?> ChannelConfigs => new()
    {
        { "whatsapp", new() { TemplateId = "40184", ReplyType = "Group", ReplyId = 123 }, null },
        { "whatsapp", new() { TemplateId = "40184", ReplyType = "user" }, null },
        { "whatsapp", new() { ReplyType = "group", ReplyId = 1 }, "TemplateId" },
        { "whatsapp", new() { TemplateId = "1", ReplyType = "group" }, "ReplyId" },
        { "whatsapp", new() { TemplateId = "1", ReplyType = "assistant", ReplyId = 38 }, "ReplyNode" },
        // Reply types outside a channel's table are sent as given (the API judges them), without the table's rules.
        { "whatsapp", new() { TemplateId = "1", ReplyType = "ivr", ReplyId = 2 }, null },
        { "whatsapp", new() { TemplateId = "1", CallNumberId = 4 }, "ChannelConfig" },
        { "email", new() { FromEmail = "noreply@example.com", Subject = "Hi", EmailContent = "<p>x</p>", Headers = new() { new("X-Source", "api") } }, null },
        { "email", new() { Subject = "Hi", EmailContent = "x" }, "FromEmail" },
        { "email", new() { FromEmail = "not-an-address", Subject = "Hi", EmailContent = "x" }, "FromEmail" },
        { "email", new() { FromEmail = "a@b.c", EmailContent = "x" }, "Subject" },
        { "email", new() { FromEmail = "a@b.c", Subject = "Hi", EmailContent = "x", ReplyType = "user", ReplyId = 1 }, null },
        { "email", new() { FromEmail = "a@b.c", Subject = "Hi", EmailContent = "x", Headers = new() { new("X-Empty", "") } }, "Header" },
        { "call", new() { CallNumberId = 456, ReplyType = "ivr", ReplyId = 12, SimultaneousCalls = 3 }, null },
        { "call", new() { CallNumberId = 456, ReplyType = "audio", ReplyUrl = "https://example.com/a.mp3" }, null },
        { "call", new() { ReplyType = "group", ReplyId = 1 }, "CallNumberId" },
        { "call", new() { CallNumberId = 456, ReplyType = "audio" }, "ReplyUrl" },
        { "call", new() { CallNumberId = 456, ReplyType = "survey" }, "ReplyId" },
        { "call", new() { CallNumberId = 456, SimultaneousCalls = 8 }, "SimultaneousCalls" },
        { "call", new() { CallNumberId = 456, ReplyType = "assistant", ReplyId = 1 }, null },
        // A channel without a table in the collection: its configuration goes unchecked.
        { "sms", new() { TemplateId = "1" }, null },
    };

    [Theory]
    [MemberData(nameof(ChannelConfigs))]
    public void Channel_configurations_are_checked_per_channel(string channel, NitroChannelConfigInput config, string? faultyParameter)
    {
        if (faultyParameter is null)
            NitroService.ValidateChannelConfig(channel, config);
        else
            Assert.Equal(faultyParameter, Assert.Throws<WcxInputException>(() => NitroService.ValidateChannelConfig(channel, config)).ParameterName);
    }

    [Fact]
    public void Message_create_body_matches_the_collection_example()
    {
        var request = new NitroMessageCreateRequest
        {
            Channel = "whatsapp",
            ChannelConfig = new NitroChannelConfigInput
            {
                TemplateId = "40184",
                Variables = new() { new NitroTemplateVariable { Name = "{1}", ValueFrom = "name", ValueDefault = "Customer" } },
                ReplyType = "group",
                ReplyId = 123,
            },
        };
        Assert.Equal(
            "{\"channel\":\"whatsapp\",\"channel_config\":{\"template_id\":\"40184\",\"variables\":[{\"name\":\"{1}\",\"value_from\":\"name\",\"value_default\":\"Customer\"}],\"reply_type\":\"group\",\"reply_id\":123}}",
            JsonSerializer.Serialize(NitroService.WireBody(request), WcxJson.Options));
        request.Channel = "email";
        request.ScheduledAt = new DateTime(2026, 4, 1, 13, 0, 0, DateTimeKind.Utc);
        request.ChannelConfig = new NitroChannelConfigInput { FromEmail = "noreply@example.com", Subject = "Hi", EmailContent = "<p/>" };
        Assert.Equal(
            "{\"channel\":\"email\",\"scheduled_at\":\"2026-04-01 10:00:00\",\"channel_config\":{\"from_email\":\"noreply@example.com\",\"subject\":\"Hi\",\"email_content\":\"\\u003Cp/\\u003E\"}}",
            JsonSerializer.Serialize(NitroService.WireBody(request), WcxJson.Options));
    }

    public static TheoryData<Action<NitroTransactionalMessage>, string?> Messages => new()
    {
        { m => { }, null },
        { m => m.Contact = new NitroContactInput { Id = 89238 }, null },
        { m => { m.Channels = new() { "email" }; m.Contact = new NitroContactInput { Email = "ana@example.com" }; }, null },
        { m => m.Channels = new(), "Channel" },
        { m => m.Channels = new() { " " }, "Channel" },
        // A channel the collection does not document is sent as given; the phone or e-mail rules are the documented channels'.
        { m => { m.Channels = new() { "fax" }; m.Contact = new NitroContactInput { PersonalId = "20-1" }; }, null },
        { m => m.Contact = new NitroContactInput(), "Contact" },
        { m => m.Contact = new NitroContactInput { Email = "ana@example.com" }, "Phone" },
        { m => m.Channels = new() { "email" }, "Email" },
        { m => m.Contact = new NitroContactInput { Id = -2 }, "ContactId" },
        { m => m.CampaignId = "", "CampaignId" },
        { m => m.Variables = new() { new("{1}", "a"), new("{1}", "b") }, "Variable" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Transactional_messages_follow_the_usage_rules(Action<NitroTransactionalMessage> change, string? faultyParameter)
    {
        var message = Message();
        change(message);
        if (faultyParameter is null)
            NitroService.Validate(message);
        else
            Assert.Equal(faultyParameter, Assert.Throws<WcxInputException>(() => NitroService.Validate(message)).ParameterName);
    }

    [Fact]
    public void A_single_send_posts_to_the_campaign_with_variables_in_their_order()
    {
        string? body = null;
        var handler = new StubHandler((r, _) =>
        {
            body = r.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("POST", "nitro/transactional/{{id}}/send"));
        });
        using var client = Clients.Stubbed(handler);
        var message = Message();
        message.Variables = new() { new("{2}", "A-1"), new("{1}", "Ana") };
        message.Metadata = new() { ["project_area"] = "Marketing" };
        var receipts = client.Nitro.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal("wa-4546", Assert.Single(receipts).TrackingId);
        Assert.Equal("POST /core/v1/nitro/transactional/1321/send", ApiRequests(handler).Single());
        Assert.Equal("{\"channels\":[\"whatsapp\"],\"contact\":{\"phone\":\"5493517606060\"},\"variables\":{\"{2}\":\"A-1\",\"{1}\":\"Ana\"},\"metadata\":{\"project_area\":\"Marketing\"}}", body);
    }

    [Fact]
    public void An_empty_answer_to_a_send_is_no_receipt_rather_than_an_error()
    {
        var handler = new StubHandler((r, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") });
        using var client = Clients.Stubbed(handler);
        Assert.Empty(client.Nitro.SendAsync(Message(), CancellationToken.None).GetAwaiter().GetResult());
    }

    [Fact]
    public void Bulk_sends_carry_a_numeric_campaign_id_per_message()
    {
        var bodies = new List<string>();
        var handler = new StubHandler((r, _) =>
        {
            bodies.Add(r.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("POST", "nitro/transactional/send"));
        });
        using var client = Clients.Stubbed(handler);
        var receipts = client.Nitro.SendBatchAsync(new[] { Message("1"), Message("2", "1322") }, CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(2, receipts.Count);
        Assert.Equal("POST /core/v1/nitro/transactional/send", ApiRequests(handler).Single());
        Assert.Equal(
            "[{\"channels\":[\"whatsapp\"],\"campaign_id\":1321,\"contact\":{\"phone\":\"1\"}},{\"channels\":[\"whatsapp\"],\"campaign_id\":1322,\"contact\":{\"phone\":\"2\"}}]",
            bodies.Single());
    }

    [Fact]
    public void Batches_keep_order_and_respect_the_limit()
    {
        var items = Enumerable.Range(1, 7).ToList();
        Assert.Equal(new[] { 3, 3, 1 }, NitroService.Batches(items, 3).Select(b => b.Count));
        Assert.Equal(items, NitroService.Batches(items, 3).SelectMany(b => b));
        Assert.Single(NitroService.Batches(items, NitroService.MaxBatchSize));
        Assert.Throws<WcxInputException>(() => NitroService.Batches(items, 0).ToList());
        Assert.Throws<WcxInputException>(() => NitroService.Batches(items, NitroService.MaxBatchSize + 1).ToList());
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, "[]"));
        using var client = Clients.Stubbed(handler);
        var tooMany = Enumerable.Range(0, NitroService.MaxBatchSize + 1).Select(i => Message(i.ToString())).ToList();
        Assert.Throws<WcxInputException>(() => client.Nitro.SendBatchAsync(tooMany, CancellationToken.None).GetAwaiter().GetResult());
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void A_request_detail_keeps_the_tracking_id_it_was_asked_for()
    {
        var handler = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("GET", "nitro/transactional/requests/{{tracking_id}}")));
        using var client = Clients.Stubbed(handler);
        var request = client.Nitro.GetRequestAsync("em-340", CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal("em-340", request.TrackingId);
        Assert.Equal("GET /core/v1/nitro/transactional/requests/em-340", ApiRequests(handler).Single());
    }
}
