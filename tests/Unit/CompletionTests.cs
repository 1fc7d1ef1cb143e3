using System.Collections;
using System.Management.Automation;
using System.Net;
using WiseCx.Client;
using WiseCx.PowerShell.Internal;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Id completion: what matches the word typed, how names are quoted, whose session is read, and the per-session cache.</summary>
public class CompletionTests
{
    private static readonly CompletionItem[] Queues =
    {
        new("53", "Soporte", "Service group 53: Soporte"),
        new("6472", "Bots", "Service group 6472: Bots"),
        new("77", "Reclamos", "Service group 77: Reclamos"),
        new("90", "Mantenimiento", "Service group 90: Mantenimiento"),
        new("6059", "Sales", "Service group 6059: Sales"),
    };

    private static string[] Ids(IEnumerable<CompletionItem> items) => items.Select(i => i.Id).ToArray();

    [Fact]
    public void An_empty_word_offers_everything_by_name()
    {
        Assert.Equal(new[] { "6472", "90", "77", "6059", "53" }, Ids(IdCompleter.Match(Queues, "")));
        Assert.Equal(5, IdCompleter.Match(Queues, "''").Count());
    }

    [Fact]
    public void A_word_matches_names_anywhere_in_any_case_and_ids_from_the_start_ids_first()
    {
        Assert.Equal(new[] { "53" }, Ids(IdCompleter.Match(Queues, "PORT")));
        Assert.Equal(new[] { "77" }, Ids(IdCompleter.Match(Queues, "'recl")));
        // "6" starts two ids and is in no name; "a" is in names only.
        Assert.Equal(new[] { "6472", "6059" }, Ids(IdCompleter.Match(Queues, "6")));
        Assert.Equal(new[] { "90", "77", "6059" }, Ids(IdCompleter.Match(Queues, "a")));
        Assert.Empty(IdCompleter.Match(Queues, "zzz"));
    }

    [Fact]
    public void A_word_with_wildcards_is_a_pattern()
    {
        Assert.Equal(new[] { "6059", "53" }, Ids(IdCompleter.Match(Queues, "S*e")));
        Assert.Equal(new[] { "6472", "6059" }, Ids(IdCompleter.Match(Queues, "6?")).OrderByDescending(i => i).ToArray());
    }

    [Theory]
    [InlineData("tag-1", "tag-1")]
    [InlineData("billing", "billing")]
    [InlineData("Setting Problem", "'Setting Problem'")]
    [InlineData("O'Brien team", "'O''Brien team'")]
    [InlineData("2024", "'2024'")]
    [InlineData("-x", "'-x'")]
    [InlineData("a$b", "'a$b'")]
    public void Names_are_quoted_where_PowerShell_would_read_them_otherwise(string name, string expected) =>
        Assert.Equal(expected, IdCompleter.Quote(name));

    [Fact]
    public void The_session_comes_from_the_typed_Session_and_never_from_a_value_that_is_not_one()
    {
        using var client = Clients.Stubbed(new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}")));
        var session = new WcxSession(client);
        Assert.Same(client, IdCompleter.ClientFor(new Hashtable { ["Session"] = session }, null));
        Assert.Same(client, IdCompleter.ClientFor(new Hashtable { ["Session"] = PSObject.AsPSObject(session) }, null));
        Assert.Null(IdCompleter.ClientFor(new Hashtable { ["Session"] = "$session" }, null));
        Assert.Null(IdCompleter.ClientFor(new Hashtable { ["Session"] = null }, null));
        // -Session typed with a value tab cannot know: nothing, rather than the current session's ids.
        var ast = (System.Management.Automation.Language.CommandAst)System.Management.Automation.Language.Parser
            .ParseInput("Get-WcxQueue -Sess (Get-It) -Id ", out _, out _).Find(a => a is System.Management.Automation.Language.CommandAst, true)!;
        Assert.Null(IdCompleter.ClientFor(new Hashtable(), ast));
        client.Dispose();
        Assert.Null(IdCompleter.ClientFor(new Hashtable { ["Session"] = session }, null));
    }

    [Fact]
    public void A_list_is_read_once_per_session_and_kind_while_it_is_fresh()
    {
        using var first = Stubbed();
        using var second = Stubbed();
        var reads = 0;
        IReadOnlyList<CompletionItem> Read(WcxClient c, CancellationToken t) { Interlocked.Increment(ref reads); return Queues; }

        Assert.Equal(5, CompletionCache.Get(first, "queues", Read).Count);
        Assert.Equal(5, CompletionCache.Get(first, "queues", Read).Count);
        Assert.Equal(1, reads);
        CompletionCache.Get(first, "users", Read);
        CompletionCache.Get(second, "queues", Read);
        Assert.Equal(3, reads);
        // Stale: read again.
        CompletionCache.Get(first, "queues", Read, lifetime: TimeSpan.Zero);
        Assert.Equal(4, reads);
    }

    [Fact]
    public void A_failed_read_offers_nothing_and_is_not_kept()
    {
        using var client = Stubbed();
        var reads = 0;
        IReadOnlyList<CompletionItem> Read(WcxClient c, CancellationToken t) =>
            Interlocked.Increment(ref reads) == 1 ? throw new WcxApiException(503, "GET", "queues", "down") : Queues;

        Assert.Empty(CompletionCache.Get(client, "queues", Read));
        Assert.Equal(5, CompletionCache.Get(client, "queues", Read).Count);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void A_slow_read_is_not_waited_for_and_is_ready_for_the_next_Tab()
    {
        using var client = Stubbed();
        using var release = new ManualResetEventSlim();
        var reads = 0;
        IReadOnlyList<CompletionItem> Read(WcxClient c, CancellationToken t)
        {
            Interlocked.Increment(ref reads);
            release.Wait(TimeSpan.FromSeconds(30));
            return Queues;
        }

        Assert.Empty(CompletionCache.Get(client, "queues", Read, wait: TimeSpan.FromMilliseconds(50)));
        release.Set();
        Assert.Equal(5, CompletionCache.Get(client, "queues", Read, wait: TimeSpan.FromSeconds(10)).Count);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void The_completers_read_only_the_fields_they_show()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK,
            "{\"data\":[{\"id\":53,\"name\":\"Soporte\"},{\"id\":77,\"name\":\"Reclamos\"}],\"paging\":{\"next\":null,\"page\":1,\"limit\":100}}"));
        using var client = Clients.Stubbed(handler);
        var items = new QueueIdCompleter().Read(client, default).ToList();
        Assert.Equal(new[] { "53", "77" }, Ids(items));
        Assert.Equal("Service group 53: Soporte", items[0].Description);
        Assert.Contains(handler.Requests, r => r.StartsWith("GET /core/v1/queues?fields=id%2Cname&limit=100&page=1", StringComparison.Ordinal));
    }

    private static WcxClient Stubbed() => Clients.Stubbed(new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"data\":[]}")));
}

/// <summary>What the error records say to do next, and which list command a failed path belongs to.</summary>
public class ErrorAdviceTests
{
    [Theory]
    [InlineData("queues/99", "Get-WcxQueue")]
    [InlineData("cases/5", "Get-WcxCase")]
    [InlineData("cases/5/activities/7", "Get-WcxCaseActivity")]
    [InlineData("contacts/organizations/14", "Get-WcxOrganization")]
    [InlineData("nitro/campaigns/414", "Get-WcxNitroCampaign")]
    [InlineData("contacts/1/groups/2", null)]
    [InlineData("nitro/transactional/requests/wa-1", null)]
    public void A_missing_object_names_the_list_of_its_kind_only_when_sure(string path, string? expected) =>
        Assert.Equal(expected, ErrorTranslator.ListCommandFor(path, wholePath: true));

    [Fact]
    public void A_write_names_the_list_to_look_in()
    {
        Assert.Equal("Get-WcxCase", ErrorTranslator.ListCommandFor("cases", wholePath: false));
        Assert.Equal("Get-WcxQueue", ErrorTranslator.ListCommandFor("queues/53/users", wholePath: false));
    }

    [Theory]
    [InlineData(503, "WcxApiError", ErrorCategory.ResourceUnavailable, "*try again later*")]
    [InlineData(405, "WcxApiError", ErrorCategory.InvalidOperation, "*-Debug*")]
    [InlineData(429, "WcxRateLimited", ErrorCategory.LimitsExceeded, "Wait a minute*")]
    [InlineData(0, "WcxConnectionFailed", ErrorCategory.ConnectionError, "*-BaseUri*")]
    public void Api_failures_get_an_id_a_category_and_advice(int status, string id, ErrorCategory category, string advice)
    {
        var record = ErrorTranslator.ToErrorRecord(new WcxApiException(status, "GET", "queues", "x"), 53);
        Assert.Equal(id, record.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal(53, record.TargetObject);
        Assert.True(new WildcardPattern(advice, WildcardOptions.IgnoreCase).IsMatch(record.ErrorDetails.RecommendedAction), record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void File_failures_are_reported_not_wrapped()
    {
        Assert.True(ErrorTranslator.IsReported(new IOException("disk full")));
        Assert.True(ErrorTranslator.IsReported(new UnauthorizedAccessException("no")));
        Assert.False(ErrorTranslator.IsReported(new InvalidCastException()));
        var record = ErrorTranslator.ToErrorRecord(new UnauthorizedAccessException("no"), "x.csv");
        Assert.Equal("WcxFileError", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
        // Saving a report writes; anything else (attachments) reads.
        var save = new CmdletInfo("Save-WcxAnalyticsExport", typeof(WiseCx.PowerShell.Commands.SaveWcxAnalyticsExportCommand));
        Assert.Equal(ErrorCategory.WriteError, ErrorTranslator.ToErrorRecord(new IOException("disk full"), "r.csv", save).CategoryInfo.Category);
        var activity = new CmdletInfo("New-WcxActivity", typeof(WiseCx.PowerShell.Commands.NewWcxActivityCommand));
        Assert.Equal(ErrorCategory.ReadError, ErrorTranslator.ToErrorRecord(new IOException("locked"), "a.pdf", activity).CategoryInfo.Category);
    }

    [Fact]
    public void Input_advice_names_the_parameter_only_when_the_command_has_it()
    {
        var activity = new CmdletInfo("New-WcxActivity", typeof(WiseCx.PowerShell.Commands.NewWcxActivityCommand));
        Assert.Equal("Correct -Attachment and run the command again (Get-Help New-WcxActivity -Parameter Attachment).",
            ErrorTranslator.ToErrorRecord(new WcxInputException("bad", "Attachment"), null, activity).ErrorDetails.RecommendedAction);
        Assert.Equal("Correct the input and run the command again (Get-Help New-WcxActivity -Full).",
            ErrorTranslator.ToErrorRecord(new WcxInputException("bad", "InputObject"), null, activity).ErrorDetails.RecommendedAction);
        Assert.StartsWith("Correct -Filter: Get-Help about_WiseCx_Filtering",
            ErrorTranslator.ToErrorRecord(new WcxInputException("bad", "Filter"), null, activity).ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void Every_id_is_listed_once()
    {
        Assert.Equal(ErrorTranslator.AllIds.Length, ErrorTranslator.AllIds.Distinct().Count());
        Assert.All(ErrorTranslator.AllIds, id => Assert.StartsWith("Wcx", id));
    }
}
