using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WiseCx.Client;
using WiseCx.Client.Paging;
using WiseCx.Tests.Unit.Support;
using Xunit.Abstractions;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The chaos run: 2,000 mixed case operations through the client, over real HTTP, against a sandbox that spoils 20% of
/// the API requests with every kind of fault. Reads, updates and deletes must all succeed; creates either succeed or are
/// reported as "may have been applied" (<see cref="WcxWriteOutcomeUnknownException"/>), never duplicated; and the
/// sandbox ends in exactly the state the client's reports imply.
/// </summary>
public class ChaosTests : IClassFixture<ResilienceSandbox>, IAsyncLifetime
{
    private const int Operations = 2000;
    private const int Workers = 8;
    private const double FaultRate = 0.2;

    // Every one of the 8 fault kinds spoils an attempt of an idempotent request, and each attempt draws anew, so a read,
    // update or delete fails only when all of its attempts are spoiled: 0.2^(1+8) = 5.1e-7 with 8 retries. The run makes
    // about 1,400 idempotent operations, so the chance that any of them fails is about 1,400 x 5.1e-7 = 7e-4 per run
    // (with 4 retries, the default, it would be 1,400 x 0.2^5 = 45%: most runs would fail). 8 retries is the most
    // Connect-WcxAccount's range (0-10) leaves sensible: the wait is 1 ms doubling (RetryBaseDelay in the tests).
    private const int MaxRetries = 8;

    private static readonly string[] UpdateStatuses = { "opened", "pending", "hold", "solved" };
    private static readonly string[] Priorities = { "none", "low", "medium", "high", "very-high" };

    private readonly ResilienceSandbox _sandbox;
    private readonly ITestOutputHelper _output;

    public ChaosTests(ResilienceSandbox sandbox, ITestOutputHelper output)
    {
        _sandbox = sandbox;
        _output = output;
    }

    public Task InitializeAsync() => _sandbox.ResetAsync();

    public Task DisposeAsync() => _sandbox.ResetAsync();

    private enum CreateOutcome { Created, Unknown, Refused }

    /// <summary>What the client reported about one create, and what became of the case afterwards.</summary>
    private sealed class CreateRecord(string subject)
    {
        public string Subject { get; } = subject;
        public CreateOutcome Outcome { get; set; }
        public long Id { get; set; }
        public bool Deleted { get; set; }
        public string Status { get; set; } = "opened";
        public string Priority { get; set; } = "none";
    }

    private sealed class Tally
    {
        public int Creates, Reads, Lists, Updates, Deletes;
    }

    [Fact]
    public async Task Two_thousand_mixed_operations_under_20_percent_faults_end_in_the_state_the_client_reported()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await _sandbox.ConfigureAsync(new JsonObject { ["faultRate"] = FaultRate, ["faultSeed"] = 20260101 });
        await _sandbox.AdminAsync(HttpMethod.Delete, "requests");

        var options = Clients.Options(new Uri(_sandbox.Root, "core/v1/"));
        options.MaxRetryAttempts = MaxRetries;
        using var client = await WcxClient.ConnectAsync(options, CancellationToken.None);

        var records = new ConcurrentBag<CreateRecord>();
        var failures = new ConcurrentQueue<string>();
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        // Workers on threads of their own that block on each call, as cmdlets do: no thread-pool starvation skews the run.
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Factory.StartNew(
            () => Worker(client, run, worker, Operations / Workers, records, failures, tally), TaskCreationOptions.LongRunning)));
        clock.Stop();

        // Every attempt the client made reached the sandbox once: no transport-level resend behind the client's back (an
        // entry is logged when the server is done, which for a reset can be just after the client saw it).
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (_sandbox.Log.Snapshot().Count < client.RequestCount && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(client.RequestCount, _sandbox.Log.Snapshot().Count);

        // What the sandbox holds now, read without faults.
        await _sandbox.ConfigureAsync(new JsonObject { ["faultRate"] = 0.0 });
        var stats = await _sandbox.AdminAsync(HttpMethod.Get, "stats");
        var bySubject = stats["casesBySubject"]!.AsObject();
        int Count(string subject) => bySubject.TryGetPropertyValue(subject, out var n) ? n!.GetValue<int>() : 0;

        var all = records.ToList();
        var unknown = all.Where(r => r.Outcome == CreateOutcome.Unknown).ToList();
        var faults = stats["faults"]!.AsObject();
        _output.WriteLine($"{Operations} operations in {clock.Elapsed.TotalSeconds:F1} s: {tally.Creates} creates, {tally.Reads} reads, " +
                          $"{tally.Lists} list pages, {tally.Updates} updates, {tally.Deletes} deletes; {stats["requests"]} API requests, " +
                          $"faults {faults.ToJsonString()}; creates reported unknown: {unknown.Count} " +
                          $"({unknown.Count(r => Count(r.Subject) == 1)} had been applied)");

        Assert.Empty(failures);
        Assert.Equal(Operations, tally.Creates + tally.Reads + tally.Lists + tally.Updates + tally.Deletes);
        // The run did meet every kind of fault, and some creates could not be told apart from failures.
        foreach (var (kind, count) in faults)
            Assert.True(count!.GetValue<int>() > 0, $"no {kind} fault was injected");
        Assert.NotEmpty(unknown);

        // Final state = what the client reported: a case per reported create unless deleted since, with the last status and
        // priority set; a create reported unknown made 0 or 1 case, never 2; a refused one made none.
        Assert.Equal(tally.Creates, all.Count);
        var live = new List<CreateRecord>();
        foreach (var record in all)
        {
            var count = Count(record.Subject);
            switch (record.Outcome)
            {
                case CreateOutcome.Created:
                    Assert.True(count == (record.Deleted ? 0 : 1), $"'{record.Subject}' (case {record.Id}, deleted: {record.Deleted}) has {count} cases");
                    if (!record.Deleted) live.Add(record);
                    break;
                case CreateOutcome.Unknown:
                    Assert.True(count is 0 or 1, $"'{record.Subject}' (reported unknown) has {count} cases");
                    break;
                default:
                    Assert.True(count == 0, $"'{record.Subject}' was refused but has {count} cases");
                    break;
            }
        }
        // No subject of this run outside the records, none counted twice (stats also list subjects with deleted duplicates).
        Assert.All(bySubject.Where(p => p.Key.StartsWith($"Chaos {run} ", StringComparison.Ordinal)),
            p => Assert.Contains(all, r => r.Subject == p.Key));

        var check = Clients.Options(new Uri(_sandbox.Root, "core/v1/"));
        using var reader = await WcxClient.ConnectAsync(check, CancellationToken.None);
        foreach (var record in live)
        {
            var stored = await reader.Cases.GetAsync(record.Id, null, CancellationToken.None);
            Assert.Equal((record.Subject, record.Status, record.Priority), (stored.Subject, stored.Status, stored.Priority));
        }
    }

    private static void Worker(
        WcxClient client, string run, int worker, int operations, ConcurrentBag<CreateRecord> records, ConcurrentQueue<string> failures, Tally tally)
    {
        // Each worker owns the cases it creates, so its model of them is exact whatever the other workers do.
        var random = new Random(1000 + worker);
        var live = new List<CreateRecord>();
        for (var i = 0; i < operations; i++)
        {
            var roll = random.NextDouble();
            if (live.Count == 0 || roll < 0.30)
                Create(client, $"Chaos {run} {worker}-{i}", random, live, records, failures, tally);
            else if (roll < 0.50)
                Read(client, live[random.Next(live.Count)], failures, tally);
            else if (roll < 0.60)
                List(client, random, failures, tally);
            else if (roll < 0.85)
                Update(client, live[random.Next(live.Count)], random, failures, tally);
            else
                Delete(client, live, random.Next(live.Count), failures, tally);
        }
    }

    private static void Create(WcxClient client, string subject, Random random, List<CreateRecord> live,
        ConcurrentBag<CreateRecord> records, ConcurrentQueue<string> failures, Tally tally)
    {
        Interlocked.Increment(ref tally.Creates);
        var record = new CreateRecord(subject) { Priority = Priorities[random.Next(Priorities.Length)] };
        records.Add(record);
        var request = new CaseCreateRequest
        {
            GroupId = 1234, SourceChannel = "web", Subject = subject, Priority = record.Priority,
            // One contact per case: the live API refuses a second open case for a contact (OPEN_CASES_EXIST).
            Activities = { new ActivityInput { Type = "contact_message", Content = "chaos", ContactFrom = new ContactInput { Email = "chaos-" + Guid.NewGuid().ToString("N") + "@example.com" } } },
        };
        try
        {
            var created = client.Cases.CreateAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            if (created.CaseId <= 0)
                failures.Enqueue($"create '{subject}' returned case id {created.CaseId}");
            record.Outcome = CreateOutcome.Created;
            record.Id = created.CaseId;
            live.Add(record);
        }
        catch (WcxWriteOutcomeUnknownException error)
        {
            record.Outcome = CreateOutcome.Unknown;
            if (!error.Message.Contains("may have been applied", StringComparison.Ordinal))
                failures.Enqueue($"create '{subject}': the unknown outcome is not said: {error.Message}");
        }
        catch (WcxApiException error) when (error.StatusCode == 429)
        {
            // Still throttled after every retry: refused unprocessed, so a plain error is right; the final count checks it.
            record.Outcome = CreateOutcome.Refused;
        }
        catch (Exception error)
        {
            record.Outcome = CreateOutcome.Unknown;
            failures.Enqueue($"create '{subject}' threw {error.GetType().Name}: {error.Message}");
        }
    }

    private static void Read(WcxClient client, CreateRecord record, ConcurrentQueue<string> failures, Tally tally)
    {
        Interlocked.Increment(ref tally.Reads);
        try
        {
            var read = client.Cases.GetAsync(record.Id, null, CancellationToken.None).GetAwaiter().GetResult();
            if ((read.Id, read.Subject, read.Status, read.Priority) != (record.Id, record.Subject, record.Status, record.Priority))
                failures.Enqueue($"read of case {record.Id} gave {read.Subject}/{read.Status}/{read.Priority}, expected {record.Subject}/{record.Status}/{record.Priority}");
        }
        catch (Exception error)
        {
            failures.Enqueue($"read of case {record.Id} failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private static void List(WcxClient client, Random random, ConcurrentQueue<string> failures, Tally tally)
    {
        Interlocked.Increment(ref tally.Lists);
        var query = new ListQuery { PageSize = 20, First = 20, Skip = random.Next(0, 100) };
        try
        {
            var page = client.Cases.List(query, CancellationToken.None).ToList();
            if (page.Count != 20 || page.Any(c => c.Id <= 0))
                failures.Enqueue($"a list page (skip {query.Skip}) held {page.Count} cases");
        }
        catch (Exception error)
        {
            failures.Enqueue($"list (skip {query.Skip}) failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private static void Update(WcxClient client, CreateRecord record, Random random, ConcurrentQueue<string> failures, Tally tally)
    {
        Interlocked.Increment(ref tally.Updates);
        var status = UpdateStatuses[random.Next(UpdateStatuses.Length)];
        var priority = Priorities[random.Next(Priorities.Length)];
        try
        {
            client.Cases.UpdateAsync(record.Id, new CaseUpdateRequest { Status = status, Priority = priority }, CancellationToken.None).GetAwaiter().GetResult();
            record.Status = status;
            record.Priority = priority;
        }
        catch (Exception error)
        {
            failures.Enqueue($"update of case {record.Id} failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private static void Delete(WcxClient client, List<CreateRecord> live, int index, ConcurrentQueue<string> failures, Tally tally)
    {
        Interlocked.Increment(ref tally.Deletes);
        var record = live[index];
        live.RemoveAt(index);
        try
        {
            client.Cases.RemoveAsync(record.Id, CancellationToken.None).GetAwaiter().GetResult();
            record.Deleted = true;
        }
        catch (Exception error)
        {
            failures.Enqueue($"delete of case {record.Id} failed: {error.GetType().Name}: {error.Message}");
        }
    }
}
