using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WiseCx.Sandbox;
using Xunit.Abstractions;

namespace WiseCx.Tests.Sandbox;

/// <summary>Runs only when <c>WISECX_PAGE_COST</c> is set: a measurement, not a test (it asserts nothing about time).</summary>
public sealed class PageCostFactAttribute : FactAttribute
{
    public PageCostFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WISECX_PAGE_COST")))
            Skip = "A measurement, not a test: set WISECX_PAGE_COST=1 to run it (docs/sandbox.md, \"Cost of a page\").";
    }
}

/// <summary>
/// The CPU a page of /contacts costs (docs/sandbox.md, "Cost of a page"): an in-process sandbox with 50,000 contacts
/// serves 500 pages of 100 over loopback HTTP, one at a time and then 8 at a time, and the process's CPU time is read
/// around each run. Client and server share the process, so the figure includes the client's side of each request
/// (sending it, reading the body and dropping it), which is small and the same before and after a change.
/// Run: <c>WISECX_PAGE_COST=1 dotnet test tests/Sandbox --filter FullyQualifiedName~PageCostReport --logger "console;verbosity=detailed"</c>.
/// </summary>
public class PageCostReport(ITestOutputHelper output)
{
    private const int Contacts = 50_000;
    private const int Pages = 500;

    [PageCostFact]
    public async Task Cpu_per_page_of_contacts()
    {
        await using var app = SandboxApp.Create(new SandboxOptions());
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/')) };

        var seed = await http.PostAsync("/_sandbox/seed/contacts",
            new StringContent($"{{\"count\":{Contacts}}}", System.Text.Encoding.UTF8, "application/json"));
        seed.EnsureSuccessStatusCode();
        var total = JsonDocument.Parse(await seed.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();

        using var auth = new HttpRequestMessage(HttpMethod.Get, "/core/v1/authenticate?user=sandbox");
        auth.Headers.Add("x-api-key", "wcx-sandbox-key");
        var signIn = await http.SendAsync(auth);
        signIn.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        async Task ReadPage(int page)
        {
            using var response = await http.GetAsync($"/core/v1/contacts?limit=100&page={page}", HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        }

        // Warm-up: JIT (up to its optimised tier), connections, and whatever the server prepares on a first read.
        for (var page = 1; page <= 100; page++) await ReadPage(page);

        output.WriteLine($"{total:N0} contacts, {Pages} pages of 100, {Environment.ProcessorCount} cores");
        foreach (var inFlight in new[] { 1, 8 })
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var next = 0;
            var workers = Enumerable.Range(0, inFlight).Select(async _ =>
            {
                int page;
                while ((page = Interlocked.Increment(ref next)) <= Pages) await ReadPage(page);
            });
            await Task.WhenAll(workers);
            clock.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            output.WriteLine(
                $"{inFlight} in flight: {cpu.TotalMilliseconds / Pages:F2} ms of CPU per page, {clock.Elapsed.TotalMilliseconds / Pages:F2} ms wall per page " +
                $"({Pages / clock.Elapsed.TotalSeconds:F0} pages/s)");
        }
    }
}
