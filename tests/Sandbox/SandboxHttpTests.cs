using System.Collections;
using WiseCx.Client;
using WiseCx.Client.Filtering;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Sandbox;

/// <summary>The client against the sandbox over real HTTP: auth, the case life cycle, filters as the server applies them.</summary>
public class SandboxHttpTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public SandboxHttpTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private static ActivityInput ContactMessage(string email) =>
        new() { Type = "contact_message", Content = "Hello", ContactFrom = new ContactInput { Email = email } };

    [Fact]
    public void A_wrong_key_is_refused_at_connect_with_one_request()
    {
        var before = _sandbox.Requests("GET", "/authenticate").Count;
        var error = Assert.Throws<WcxAuthenticationException>(() => _sandbox.Connect(o => o.ApiKey = Clients.Secure("nope")));
        Assert.Contains("Invalid credentials", error.Message);
        Assert.Equal(before + 1, _sandbox.Requests("GET", "/authenticate").Count);
    }

    [Fact]
    public void Create_read_update_delete_round_trip()
    {
        using var client = _sandbox.Connect();
        var subject = "Round trip " + Guid.NewGuid();
        var created = client.Cases.CreateAsync(new CaseCreateRequest
        {
            GroupId = 1234, SourceChannel = "Email", Subject = subject, Tags = new[] { "a", "b" }, Priority = "LOW",
            CustomFields = new() { new CustomField("order", "A-1") }, Activities = { ContactMessage("rt@example.com") },
        }, default).GetAwaiter().GetResult();
        Assert.True(created.CaseId > 0);
        Assert.Single(created.Activities);
        Assert.NotEmpty(created.Activities[0].ContactsIds);

        var read = client.Cases.GetAsync(created.CaseId, null, default).GetAwaiter().GetResult();
        Assert.Equal(subject, read.Subject);
        Assert.Equal("email", read.SourceChannel);
        Assert.Equal("low", read.Priority);
        Assert.Equal(new[] { "a", "b" }, read.Tags);
        Assert.Equal("opened", read.Status);
        Assert.Equal("A-1", read.CustomFields!.Single(f => f.Field == "order").Value);
        Assert.True((DateTime.UtcNow - read.CreatedAt!.Value.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(1));

        client.Cases.UpdateAsync(created.CaseId, new CaseUpdateRequest { Status = "closed" }, default).GetAwaiter().GetResult();
        var closed = client.Cases.GetAsync(created.CaseId, new[] { "status", "closed_at" }, default).GetAwaiter().GetResult();
        Assert.Equal("closed", closed.Status);
        Assert.NotNull(closed.ClosedAt);

        Assert.Equal("Case removed.", client.Cases.RemoveAsync(created.CaseId, default).GetAwaiter().GetResult());
        Assert.Throws<WcxNotFoundException>(() => client.Cases.GetAsync(created.CaseId, null, default).GetAwaiter().GetResult());
    }

    [Fact]
    public void A_subject_with_a_quote_and_unicode_survives_the_filter_encoding()
    {
        using var client = _sandbox.Connect();
        var subject = "O'Brien – Núñez {x} " + Guid.NewGuid();
        var created = client.Cases.CreateAsync(new CaseCreateRequest
        {
            GroupId = 1234, SourceChannel = "web", Subject = subject, Activities = { ContactMessage("ob@example.com") },
        }, default).GetAwaiter().GetResult();

        var found = client.Cases.List(new ListQuery { Filter = FilterBuilder.FromDictionary(new Hashtable { ["subject"] = subject }) }, default).ToList();
        Assert.Equal(created.CaseId, Assert.Single(found).Id);
    }

    [Fact]
    public void The_server_applies_each_operator_as_the_client_means_it()
    {
        using var client = _sandbox.Connect();
        var all = client.Cases.List(new ListQuery(), default).ToList();
        var pivot = all.OrderBy(c => c.Id).ElementAt(all.Count / 2).Id;

        List<Case> Where(string op, object value) => client.Cases.List(new ListQuery
        {
            Filter = FilterBuilder.FromDictionary(new Hashtable { ["id"] = new Hashtable { [op] = value } }),
        }, default).ToList();

        Assert.Equal(all.Where(c => c.Id > pivot).Select(c => c.Id).OrderBy(i => i), Where("gt", pivot).Select(c => c.Id).OrderBy(i => i));
        Assert.Equal(all.Count(c => c.Id >= pivot), Where("ge", pivot).Count);
        Assert.Equal(all.Count(c => c.Id < pivot), Where("lt", pivot).Count);
        Assert.Equal(all.Count(c => c.Id <= pivot), Where("le", pivot).Count);
        Assert.Equal(pivot, Assert.Single(Where("eq", pivot)).Id);
        Assert.Equal(all.Count - 1, Where("ne", pivot).Count);
        Assert.Equal(2, Where("in", new object[] { pivot, all[0].Id }).Count);
        Assert.Equal(all.Count - 2, Where("notin", new object[] { pivot, all[0].Id }).Count);

        var since = DateTime.UtcNow.AddDays(-20);
        var recent = client.Cases.List(new ListQuery
        {
            Filter = FilterBuilder.FromDictionary(new Hashtable { ["created_at"] = new Hashtable { ["ge"] = since } }),
        }, default).ToList();
        Assert.Equal(all.Count(c => c.CreatedAt!.Value.ToUniversalTime() >= since.AddTicks(-since.Ticks % TimeSpan.TicksPerSecond)), recent.Count);
    }

    [Fact]
    public void An_expired_token_is_renewed_once_and_the_caller_never_sees_it()
    {
        var previous = _sandbox.Config.Current.TokenLifetimeSeconds;
        try
        {
            // The server now issues one-second tokens while the client still believes in an hour: only the 403 tells it.
            _sandbox.Config.Update(c => c with { TokenLifetimeSeconds = 1 });
            using var shortLived = _sandbox.Connect();
            var authBefore = shortLived.Connection.AuthenticationCount;
            Thread.Sleep(1500);
            Assert.NotEmpty(shortLived.Cases.List(new ListQuery { First = 3 }, default).ToList());
            Assert.Equal(authBefore + 1, shortLived.Connection.AuthenticationCount);
        }
        finally
        {
            _sandbox.Config.Update(c => c with { TokenLifetimeSeconds = previous });
        }
    }

    [Fact]
    public void Paging_reads_the_whole_list_once_with_the_page_counter_of_the_client()
    {
        using var client = _sandbox.Connect();
        var pages = new List<PageProgress>();
        var all = client.Cases.List(new ListQuery { PageSize = 40 }, default, pages.Add).ToList();
        Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, pages.Count).Select(i => (long)i), pages.Select(p => p.Page));
        Assert.Equal(all.Count / 40 + 1, pages.Count);
    }
}
