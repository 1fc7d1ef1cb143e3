using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WiseCx.Client;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Sandbox;

/// <summary>
/// The sandbox's catalogue endpoints from the vendor's Spanish documentation over real HTTP: custom-field options,
/// GET /types and assistant nodes by name; and the client's services over them.
/// </summary>
public class CatalogSpanishEndpointTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public CatalogSpanishEndpointTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseUri };
        using var authenticate = new HttpRequestMessage(HttpMethod.Get, "authenticate?user=sandbox");
        authenticate.Headers.Add("x-api-key", "wcx-sandbox-key");
        using var auth = await http.SendAsync(authenticate);
        var token = JsonDocument.Parse(await auth.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json != null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Options_are_listed_added_changed_and_removed_with_the_assumed_shapes()
    {
        var field = "plan";
        var (status, list) = await SendAsync(HttpMethod.Get, $"cases/fields/{field}/options");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new[] { "Básico", "Pro", "Empresa" }, list.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("value").GetString()));

        var (created, added) = await SendAsync(HttpMethod.Post, $"cases/fields/{field}/options", "{\"value\":\"Xunit " + Guid.NewGuid().ToString("N")[..6] + "\"}");
        Assert.Equal(HttpStatusCode.Created, created);
        var id = added.GetProperty("data").GetProperty("id").GetInt64();

        var (duplicate, _) = await SendAsync(HttpMethod.Post, $"cases/fields/{field}/options", "{\"value\":\"pro\"}");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate);

        var (changed, option) = await SendAsync(HttpMethod.Put, $"cases/fields/{field}/options/{id}", "{\"value\":\"Changed " + id + "\"}");
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("Changed " + id, option.GetProperty("data").GetProperty("value").GetString());

        var (removed, message) = await SendAsync(HttpMethod.Delete, $"cases/fields/{field}/options/{id}");
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Equal("Option removed.", message.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"cases/fields/{field}/options/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "cases/fields/nope/options")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Put, "cases/fields/plan/options/999999", "{\"value\":\"x\"}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "cases/fields/plan/options", "{\"value\":\" \"}")).Status);
    }

    [Fact]
    public async Task Types_answers_as_cases_types()
    {
        var (documented, expected) = await SendAsync(HttpMethod.Get, "cases/types");
        var (status, types) = await SendAsync(HttpMethod.Get, "types");
        Assert.Equal(HttpStatusCode.OK, documented);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.GetRawText(), types.GetRawText());
    }

    [Fact]
    public async Task A_node_runs_by_name_with_the_trace_of_the_by_id_route()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "assistans/7/derivar_agente/execute", "{\"case_id\":1270001,\"context\":[\"k:v\"]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("OK", body.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "assistans/7/nope/execute", "{\"case_id\":1270001}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "assistans/8/inicio/execute", "{\"case_id\":1270001}")).Status);
        using var client = _sandbox.Connect();
        var last = client.Cases.ListActivities(1270001, new WiseCx.Client.Paging.ListQuery(), default).Last();
        Assert.Equal("[assistant] node 422 'derivar_agente' executed (k:v)", last.Content);
    }

    [Theory]
    [InlineData("not-found", HttpStatusCode.NotFound)]
    [InlineData("not-implemented", HttpStatusCode.NotImplemented)]
    public async Task The_switch_makes_every_catalogue_endpoint_absent(string mode, HttpStatusCode expected)
    {
        var previous = _sandbox.Config.Current.SpanishEndpoints;
        _sandbox.Config.Update(c => c with { SpanishEndpoints = mode });
        try
        {
            Assert.Equal(expected, (await SendAsync(HttpMethod.Get, "cases/fields/plan/options")).Status);
            Assert.Equal(expected, (await SendAsync(HttpMethod.Post, "cases/fields/plan/options", "{\"value\":\"n\"}")).Status);
            Assert.Equal(expected, (await SendAsync(HttpMethod.Put, "cases/fields/plan/options/1", "{\"value\":\"n\"}")).Status);
            Assert.Equal(expected, (await SendAsync(HttpMethod.Delete, "cases/fields/plan/options/1")).Status);
            Assert.Equal(expected, (await SendAsync(HttpMethod.Get, "types")).Status);
            Assert.Equal(expected, (await SendAsync(HttpMethod.Post, "assistans/7/inicio/execute", "{\"case_id\":1270001}")).Status);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "cases/types")).Status);
        }
        finally
        {
            _sandbox.Config.Update(c => c with { SpanishEndpoints = previous });
        }
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "cases/fields/plan/options")).Status);
    }

    [Fact]
    public void The_client_reads_options_and_sets_the_field_name()
    {
        using var client = _sandbox.Connect();
        var options = client.CustomFieldOptions.ListAsync("motivo", default).GetAwaiter().GetResult();
        Assert.Contains(options, o => o.Value == "Envío" && o.FieldName == "motivo" && o.Id > 0);
        var added = client.CustomFieldOptions.AddAsync("motivo", "Client " + Guid.NewGuid().ToString("N")[..6], default).GetAwaiter().GetResult();
        Assert.Equal("motivo", added.FieldName);
        Assert.True(added.Id > 0);
        Assert.Equal("Option removed.", client.CustomFieldOptions.RemoveAsync("motivo", added.Id, default).GetAwaiter().GetResult());
    }
}
