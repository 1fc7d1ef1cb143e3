using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiseCx.Sandbox.Http;

namespace WiseCx.Tests.Sandbox;

/// <summary>
/// The twelve endpoints only the vendor's Spanish documentation lists, and the <c>spanishEndpoints</c> switch that makes
/// them answer as an API without them would (404 or 501), which the module's fallbacks are tested against.
/// </summary>
public class SpanishDocsSwitchTests : IClassFixture<ResilienceSandbox>, IAsyncLifetime
{
    private readonly ResilienceSandbox _sandbox;

    public SpanishDocsSwitchTests(ResilienceSandbox sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sandbox.ResetAsync();

    // The documentation's list (FIELD-NOTES), route parameters written {}.
    private static readonly string[] Documented =
    [
        "PUT /core/v1/cases/{}/transfer",
        "PUT /core/v1/cases/{}/status",
        "POST /core/v1/cases/{}/summarize",
        "GET /core/v1/types",
        "GET /core/v1/cases/fields/{}/options",
        "POST /core/v1/cases/fields/{}/options",
        "PUT /core/v1/cases/fields/{}/options/{}",
        "DELETE /core/v1/cases/fields/{}/options/{}",
        "POST /core/v1/contacts/import",
        "POST /core/v1/contacts/import/{}/add",
        "GET /core/v1/contacts/import/{}/status",
        "POST /core/v1/assistans/{}/{}/execute",
    ];

    private List<string> MarkedEndpoints() =>
        _sandbox.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<SpanishDocsEndpoints.Marker>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => m + " /" + Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]*\}", "{}")))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

    // A concrete request for each route: ids that exist in the seed are not needed, the switch answers before the handler.
    private static (HttpMethod Method, string Path) Concrete(string endpoint)
    {
        var parts = endpoint.Split(' ');
        return (new HttpMethod(parts[0]), parts[1].TrimStart('/').Replace("{}", "1"));
    }

    [Fact]
    public void The_twelve_endpoints_of_the_Spanish_documentation_are_marked_and_no_other()
    {
        Assert.Equal(Documented.OrderBy(s => s, StringComparer.Ordinal), MarkedEndpoints());
    }

    [Theory]
    [InlineData("not-found", HttpStatusCode.NotFound, "No route matches")]
    [InlineData("not-implemented", HttpStatusCode.NotImplemented, "Not implemented")]
    public async Task Switched_off_each_answers_as_an_API_without_it(string mode, HttpStatusCode expected, string message)
    {
        var config = await _sandbox.ConfigureAsync(new JsonObject { ["spanishEndpoints"] = mode });
        Assert.Equal(mode, config["spanishEndpoints"]!.GetValue<string>());
        foreach (var endpoint in Documented)
        {
            var (method, path) = Concrete(endpoint);
            using var response = await _sandbox.SendAsync(method, path, method == HttpMethod.Get || method == HttpMethod.Delete ? null : new JsonObject());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{endpoint} answered {(int)response.StatusCode}: {body}");
            Assert.Contains(message, body);
        }
    }

    [Fact]
    public async Task Served_they_are_routed_to_their_handlers()
    {
        foreach (var endpoint in Documented)
        {
            var (method, path) = Concrete(endpoint);
            using var response = await _sandbox.SendAsync(method, path, method == HttpMethod.Get || method == HttpMethod.Delete ? null : new JsonObject());
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("No route matches", body);
            Assert.NotEqual(HttpStatusCode.NotImplemented, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_switch_takes_only_its_three_values_and_a_reset_serves_them_again()
    {
        using var refused = await _sandbox.SendAsync(HttpMethod.Put, "_sandbox/config", new JsonObject { ["spanishEndpoints"] = "off" }, auth: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("served, not-found, not-implemented", await refused.Content.ReadAsStringAsync());
        await _sandbox.ConfigureAsync(new JsonObject { ["spanishEndpoints"] = "NOT-FOUND" });
        await _sandbox.ResetAsync();
        Assert.Equal("served", (await _sandbox.AdminAsync(HttpMethod.Get, "config"))["spanishEndpoints"]!.GetValue<string>());
    }
}
