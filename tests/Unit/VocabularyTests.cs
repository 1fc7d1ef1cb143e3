using System.Text;
using WiseCx.Client;
using WiseCx.Client.Filtering;
using WiseCx.Client.Http;
using WiseCx.Client.Paging;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>The API's open vocabularies: one definition, suggested, normalised when known, sent as given otherwise.</summary>
public class VocabularyTests
{
    [Fact]
    public void Every_vocabulary_lists_its_documented_values_then_its_observed_ones_once_each()
    {
        // All lists every vocabulary the class declares, so that tools going through them miss none.
        var declared = typeof(Vocabulary).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(OpenVocabulary)).Select(p => (OpenVocabulary)p.GetValue(null)!).ToList();
        Assert.Equal(declared.Count, Vocabulary.All.Count);
        Assert.All(declared, v => Assert.Contains(v, Vocabulary.All));
        foreach (var vocabulary in Vocabulary.All)
        {
            Assert.NotEmpty(vocabulary.Documented);
            Assert.Equal(vocabulary.Documented.Concat(vocabulary.Observed), vocabulary.Values);
            Assert.Equal(vocabulary.Values.Count, vocabulary.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.False(string.IsNullOrWhiteSpace(vocabulary.Description));
            Assert.False(string.IsNullOrWhiteSpace(vocabulary.Source));
            Assert.Equal(vocabulary.Observed.Count > 0, vocabulary.ObservedSource != null);
        }
        Assert.Equal(Vocabulary.All.Count, Vocabulary.All.Select(v => v.Name).Distinct().Count());
    }

    [Fact]
    public void The_words_the_live_api_uses_are_suggested_next_to_the_documented_ones()
    {
        Assert.Equal(new[] { "opened", "solved", "pending", "hold", "closed" }, Vocabulary.CaseStatus.Documented);
        Assert.Equal(new[] { "open", "onhold" }, Vocabulary.CaseStatus.Observed);
        Assert.Equal(new[] { "web", "app", "phone", "whatsapp", "email", "internal" }, Vocabulary.CaseSourceChannel.Documented);
        Assert.Equal(new[] { "incoming_call", "new_email", "outgoing_whatsapp" }, Vocabulary.CaseSourceChannel.Observed);
        Assert.Contains("outgoing_whatsapp", Vocabulary.ActivityChannel.Observed);
        Assert.Equal(new[] { "responded", "not_responded" }, Vocabulary.SurveyResponseStatus.Values);
        Assert.Equal("opened, solved, pending, hold, closed, open or onhold", Vocabulary.CaseStatus.Describe());
    }

    [Theory]
    [InlineData("OPEN", "open")]
    [InlineData(" Opened ", "opened")]
    [InlineData("OnHold", "onhold")]
    [InlineData("archived", "archived")]
    [InlineData("Archived ", "Archived ")]
    [InlineData(null, null)]
    public void A_known_value_in_any_letter_case_takes_the_api_spelling_and_any_other_is_kept_as_given(string? given, string? expected)
    {
        Assert.Equal(expected, Vocabulary.CaseStatus.Normalize(given));
    }

    [Fact]
    public void Requests_built_ahead_keep_an_unknown_word_and_normalise_a_known_one()
    {
        var update = new CaseUpdateRequest { Status = "ONHOLD", Priority = "urgent" };
        var warnings = Capture(() => CaseService.ValidateUpdate(update));
        Assert.Equal("onhold", update.Status);
        Assert.Equal("urgent", update.Priority);
        Assert.Equal(
            "Priority 'urgent' is not one of the values known for the priority of a case (none, low, medium, high, very-high); it is sent as given and the API decides.",
            Assert.Single(warnings));

        var activity = new ActivityInput { Type = "system_event", Channel = "Outgoing_WhatsApp", Content = "x" };
        warnings = Capture(() => CaseService.CheckActivity(activity));
        Assert.Equal("system_event", activity.Type);
        Assert.Equal("outgoing_whatsapp", activity.Channel);
        Assert.StartsWith("Activity.Type 'system_event' is not one of the values known for the type of an activity", Assert.Single(warnings));

        var order = new OrderCreateRequest
        {
            EcommerceStoreId = "s",
            EcommercePlatform = "tiendanube",
            EcommerceOrderId = "1",
            TotalAmount = 1,
            Customer = new OrderCustomerInput { Name = "n", Email = "n@example.com" },
        };
        Capture(() => OrderService.ValidateCreate(order));
        Assert.Equal("tiendanube", order.EcommercePlatform);
        var campaign = new NitroCampaignCreateRequest { Name = "x", Type = "Transactional" };
        NitroService.ValidateCreate(campaign);
        Assert.Equal("transactional", campaign.Type);
    }

    [Fact]
    public void A_missing_required_value_is_still_refused_naming_the_suggestions()
    {
        var error = Assert.Throws<WcxInputException>(() => CaseService.ValidateActivity(new ActivityInput { Type = " ", Content = "x" }));
        Assert.Equal("Activity.Type is required, for example user_reply, contact_message or note.", error.Message);
    }

    internal static List<string> Capture(Action action)
    {
        var warnings = new List<string>();
        Capture(warnings, action);
        return warnings;
    }

    /// <summary>Runs <paramref name="action"/> with a trace listener that keeps the client's warnings, even when it throws.</summary>
    internal static void Capture(List<string> warnings, Action action)
    {
        var previous = WcxTrace.Current;
        WcxTrace.Current = new WarningSink(warnings);
        try
        {
            action();
        }
        finally
        {
            WcxTrace.Current = previous;
        }
    }

    private sealed class WarningSink(List<string> warnings) : IWcxTraceSink
    {
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { lock (warnings) warnings.Add(message); }
    }
}

/// <summary>
/// What the client sends to the sandbox over real HTTP for words and filter fields the collection does not document: the
/// request bodies are read on the wire, the query from the sandbox's request log. The sandbox's collection profile refuses
/// such words (HTTP 400); the live API, and the live profile, accept them: either way the client sends them once and
/// reports the API's own answer.
/// </summary>
public class OpenVocabularyHttpTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public OpenVocabularyHttpTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private (WcxClient Client, BodyRecorder Wire) Connect()
    {
        var wire = new BodyRecorder();
        return (_sandbox.Connect(o => o.Handler = wire), wire);
    }

    private static CaseCreateRequest NewCase(string sourceChannel) => new()
    {
        GroupId = 1234,
        SourceChannel = sourceChannel,
        Subject = "Vocabulary " + Guid.NewGuid(),
        // A contact of its own, so that no open case of it is in the way.
        Activities = { new ActivityInput { Type = "contact_message", Content = "Hola", ContactFrom = new ContactInput { Email = Guid.NewGuid() + "@example.com" } } },
    };

    [Fact]
    public void Status_open_is_sent_as_open_once_and_the_api_answer_is_what_the_caller_gets()
    {
        var (client, wire) = Connect();
        using (client)
        {
            var created = client.Cases.CreateAsync(NewCase("web"), default).GetAwaiter().GetResult();
            wire.Clear();
            var warnings = new List<string>();
            var error = Record.Exception(() => Capture(warnings, () => client.Cases.UpdateAsync(created.CaseId, new CaseUpdateRequest { Status = "Open" }, default).GetAwaiter().GetResult()));

            Assert.Equal(new[] { "PUT /core/v1/cases/" + created.CaseId + " {\"status\":\"open\"}" }, wire.Sent);
            Assert.Empty(warnings);
            if (_sandbox.Requests("PUT", "/cases/" + created.CaseId).Single().Status == 400)
                Assert.Contains("status must be one of", Assert.IsType<WcxBadRequestException>(error).Message);
            else
                Assert.Equal("open", client.Cases.GetAsync(created.CaseId, new[] { "status" }, default).GetAwaiter().GetResult().Status);
        }
    }

    [Fact]
    public void Source_channel_outgoing_whatsapp_is_sent_as_given_in_one_post()
    {
        var (client, wire) = Connect();
        using (client)
        {
            var before = _sandbox.Requests("POST", "/cases").Count;
            var error = Record.Exception(() => client.Cases.CreateAsync(NewCase("outgoing_whatsapp"), default).GetAwaiter().GetResult());

            var post = Assert.Single(wire.Sent);
            Assert.StartsWith("POST /core/v1/cases {", post);
            Assert.Contains("\"source_channel\":\"outgoing_whatsapp\"", post);
            var logged = _sandbox.Requests("POST", "/cases");
            Assert.Equal(before + 1, logged.Count);
            if (logged.Last().Status == 400)
                Assert.Contains("source_channel must be one of", Assert.IsType<WcxBadRequestException>(error).Message);
            else
                Assert.Null(error);
        }
    }

    [Fact]
    public void A_filter_on_contacts_personal_id_is_sent_verbatim_with_a_warning()
    {
        var (client, _) = Connect();
        using (client)
        {
            var before = _sandbox.Requests("GET", "/cases").Count;
            var query = new ListQuery { Filter = new[] { new FilterCondition("contacts.personal_id", FilterOperator.Equal, "20-1") } };
            var warnings = new List<string>();
            var error = Record.Exception(() => Capture(warnings, () => client.Cases.List(query, default).ToList()));

            Assert.StartsWith("The filter field 'contacts.personal_id' is not documented for /cases", Assert.Single(warnings));
            var logged = _sandbox.Requests("GET", "/cases").Skip(before).ToList();
            var request = Assert.Single(logged);
            Assert.Contains("filtering=[{'field':'contacts.personal_id','operator':'EQUAL','value':'20-1'}]", Uri.UnescapeDataString(request.Query));
            if (request.Status == 400)
                Assert.IsType<WcxBadRequestException>(error);
            else
                Assert.Null(error);
        }
    }

    [Fact]
    public void A_documented_field_with_an_operator_its_table_forbids_is_refused_with_no_request()
    {
        var (client, wire) = Connect();
        using (client)
        {
            wire.Clear();
            var query = new ListQuery { Filter = new[] { new FilterCondition("status", FilterOperator.Greater, "open") } };
            var error = Assert.Throws<WcxInputException>(() => client.Cases.List(query, default));
            Assert.Equal("The operator 'gt' is not allowed on 'status' for /cases. Allowed: in, notin, eq, ne.", error.Message);
            Assert.Empty(wire.Sent);
        }
    }

    private static void Capture(List<string> warnings, Action action) => VocabularyTests.Capture(warnings, action);

    /// <summary>Passes every request on to the sandbox and keeps its method, path and body, as they went on the wire.</summary>
    private sealed class BodyRecorder : DelegatingHandler
    {
        private readonly List<string> _sent = new();

        public BodyRecorder() : base(new HttpClientHandler()) { }

        public IReadOnlyList<string> Sent
        {
            get { lock (_sent) return _sent.ToList(); }
        }

        public void Clear()
        {
            lock (_sent) _sent.Clear();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal))
            {
                var body = request.Content is null ? "" : " " + Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
                lock (_sent) _sent.Add(request.Method + " " + request.RequestUri.AbsolutePath + body);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
