using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// POST /assistans/node/{id}/execute (sic: the real route is misspelled). Runs an assistant flow node on a case
/// "asynchronously": answers <c>{"id", "message": "OK"}</c> and leaves a system activity on the case as the trace.
/// </summary>
internal static class AssistantEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/assistans/node/{id}/execute", ExecuteAsync);
        api.MapPost("/assistans/{assistantId}/{nodeName}/execute", ExecuteByNameAsync).FromSpanishDocs();
    }

    /// <summary>
    /// POST /assistans/{assistantID}/{nodeName}/execute, from the vendor's Spanish documentation (shape assumed): the node
    /// of the assistant with that name (exact), the same body and answer and the same trace as by id; an unknown assistant
    /// or node is 404.
    /// </summary>
    private static async Task<IResult> ExecuteByNameAsync(HttpContext http, string assistantId, string nodeName, SandboxStore store, SandboxOptions options)
    {
        var id = PathIds.Parse(assistantId, "Assistant");
        var nodeId = store.Read(state =>
        {
            var nodes = state.Assistants.GetValueOrDefault(id) ?? throw PathIds.NotFound("Assistant", assistantId);
            return nodes.FirstOrDefault(n => state.AssistantNodes.GetValueOrDefault(n) == nodeName) is var found && found != 0
                ? found
                : throw ApiException.NotFound($"Node {nodeName} of assistant {id} not found.");
        });
        return await ExecuteAsync(http, nodeId.ToString(CultureInfo.InvariantCulture), store, options);
    }

    private static async Task<IResult> ExecuteAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options)
    {
        var nodeId = PathIds.Parse(id, "Assistant node");
        var body = await ReadObjectAsync(http.Request);
        var caseId = RequiredLong(body, "case_id", "case_id");
        var context = ParseContext(body);
        var now = ApiDate.Now(options.TimeProvider);

        var executionId = store.Write(state =>
        {
            var node = state.AssistantNodes.GetValueOrDefault(nodeId) ?? throw PathIds.NotFound("Assistant node", id);
            var record = state.FindCase(caseId) ?? throw ApiException.BadRequest($"case_id: case {caseId} not found.");
            var details = context.Count == 0 ? "" : " (" + string.Join(", ", context) + ")";
            record.Activities.Add(new ActivityRecord
            {
                Id = state.NextActivityId(), CaseId = record.Id, Type = "system", UserId = 0, Channel = record.SourceChannel,
                Content = $"[assistant] node {nodeId} '{node}' executed{details}", CreatedAt = now,
            });
            record.LastUpdate = now;
            return state.NextAssistantExecutionId();
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = executionId, ["message"] = "OK" });
    }

    private static List<string> ParseContext(JsonElement body)
    {
        var list = new List<string>();
        if (OptionalArray(body, "context", "context") is not { } array) return list;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var label = $"context[{i++}]";
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw ApiException.BadRequest($"{label} must be a string.");
            var colon = text.IndexOf(':');
            if (colon <= 0) throw ApiException.BadRequest($"{label} must be a \"key:value\" string, not '{text}'.");
            list.Add(text);
        }
        return list;
    }
}
