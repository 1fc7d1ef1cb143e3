using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// The case routes only the vendor's Spanish documentation lists (FIELD-NOTES, last section): PUT /cases/{id}/transfer,
/// PUT /cases/{id}/status and POST /cases/{id}/summarize. Their shapes are assumptions (docs/sandbox.md); the writes
/// change the case as PUT /cases/{id} does and answer as it does (<c>{"case_id", "activities": []}</c>).
/// <see cref="SandboxConfig.SpanishEndpoints"/> can make them answer as an API without them.
/// </summary>
internal static class CaseSpanishEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/cases/{id}/transfer", TransferAsync).FromSpanishDocs();
        api.MapPut("/cases/{id}/status", SetStatusAsync).FromSpanishDocs();
        api.MapPost("/cases/{id}/summarize", Summarize).FromSpanishDocs();
    }

    /// <summary>
    /// <c>{"group_id", "user_id"}</c>, at least one: the group must exist, the user too (0 unassigns). Leaves a system
    /// activity "[transfer] …" naming what changed.
    /// </summary>
    private static async Task<IResult> TransferAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options)
    {
        var caseId = CaseEndpoints.ParseCaseId(id);
        var body = await ReadObjectAsync(http.Request);
        var groupId = OptionalLong(body, "group_id", "group_id");
        var userId = OptionalLong(body, "user_id", "user_id");
        if (groupId is null && userId is null)
            throw ApiException.BadRequest("group_id or user_id is required.");
        var now = ApiDate.Now(options.TimeProvider);

        var result = store.Write(state =>
        {
            var record = state.FindCase(caseId) ?? throw CaseEndpoints.CaseNotFound(id);
            if (groupId is { } group && !state.Queues.ContainsKey(group))
                throw ApiException.BadRequest($"group_id: group {group} not found.");
            if (userId is { } user && user != 0 && !state.Users.ContainsKey(user))
                throw ApiException.BadRequest($"user_id: user {user} not found.");
            var moves = new List<string>();
            if (groupId is { } g && g != record.GroupId) moves.Add($"group {record.GroupId} -> {g}");
            if (userId is { } u && u != record.UserId) moves.Add($"user {record.UserId} -> {u}");
            CaseEndpoints.Assign(record, groupId, userId, now);
            if (moves.Count > 0) CaseEndpoints.AddSystemActivity(state, record, "[transfer] " + string.Join(", ", moves), now);
            record.LastUpdate = now;
            return CaseEndpoints.WriteResult(record.Id, []);
        });
        return SandboxJson.Ok(result);
    }

    /// <summary><c>{"status"}</c>, required, validated as PUT /cases/{id} validates it in the current profile.</summary>
    private static async Task<IResult> SetStatusAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var caseId = CaseEndpoints.ParseCaseId(id);
        var body = await ReadObjectAsync(http.Request);
        var status = CaseVocabulary.OptionalStatus(body, "status", "status", config.Current.StrictVocabularies)
            ?? throw ApiException.BadRequest("status is required.");
        var now = ApiDate.Now(options.TimeProvider);

        var result = store.Write(state =>
        {
            var record = state.FindCase(caseId) ?? throw CaseEndpoints.CaseNotFound(id);
            CaseEndpoints.SetStatus(record, status, now);
            record.LastUpdate = now;
            return CaseEndpoints.WriteResult(record.Id, []);
        });
        return SandboxJson.Ok(result);
    }

    /// <summary>
    /// No body. <c>{"case_id", "summary", "created_at"}</c>: a deterministic text from the case's subject, status,
    /// priority, number of activities and its last activity. Changes nothing.
    /// </summary>
    private static IResult Summarize(string id, SandboxStore store, SandboxOptions options)
    {
        var caseId = CaseEndpoints.ParseCaseId(id);
        var now = ApiDate.Now(options.TimeProvider);
        var summary = store.Read(state => SummaryOf(state.FindCase(caseId) ?? throw CaseEndpoints.CaseNotFound(id)));
        return SandboxJson.Ok(new JsonObject
        {
            ["case_id"] = caseId,
            ["summary"] = summary,
            ["created_at"] = ApiDate.Format(now),
        });
    }

    /// <summary>The summary's text; the same case in the same state gives the same text.</summary>
    internal static string SummaryOf(CaseRecord record)
    {
        var count = record.Activities.Count;
        var text = $"Case {record.Id} \"{record.Subject}\": status {record.Status}, priority {record.Priority}, " +
                   $"{count} {(count == 1 ? "activity" : "activities")}.";
        var last = record.Activities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).LastOrDefault();
        if (last is null) return text;
        var content = (last.Content ?? "").ReplaceLineEndings(" ").Trim();
        if (content.Length > 200) content = content[..200] + "…";
        return text + $" Last activity ({last.Type}, {ApiDate.Format(last.CreatedAt)}): {content}";
    }
}
