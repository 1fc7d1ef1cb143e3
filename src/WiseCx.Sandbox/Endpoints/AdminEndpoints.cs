using WiseCx.Sandbox.Resilience;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /_sandbox: test controls that the real API does not have. No auth, not logged, camelCase JSON.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/requests", (RequestLog log) => SandboxJson.Ok(log.Snapshot()));
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/config", (SandboxRuntimeConfig config) => SandboxJson.Ok(config.Current));
        admin.MapPut("/config", async (HttpContext http, SandboxRuntimeConfig config) =>
            SandboxJson.Ok(config.ApplyPatch(await JsonBody.ReadObjectAsync(http.Request))));
        // Restores the seed data and the start-up config; issued tokens and the request log are kept,
        // so a test session survives a reset between tests.
        admin.MapPost("/reset", (SandboxStore store, SandboxRuntimeConfig config) =>
        {
            store.Reset();
            config.Reset();
            return Results.NoContent();
        });
        // Bulk data for performance tests (e.g. 50,000 contacts): {"count": N} → {"added": N, "total": <new total>}.
        admin.MapPost("/seed/contacts", async (HttpContext http, SandboxStore store, SandboxOptions options) =>
        {
            var count = await ReadCountAsync(http);
            var now = ApiDate.Now(options.TimeProvider);
            var total = store.Write(state =>
            {
                Seed.AddSyntheticContacts(state, count, now);
                return state.Contacts.Values.Count(c => !c.Deleted);
            });
            return SandboxJson.Ok(new JsonObject { ["added"] = count, ["total"] = total });
        });
        admin.MapPost("/seed/users", async (HttpContext http, SandboxStore store, SandboxOptions options) =>
        {
            var count = await ReadCountAsync(http);
            var now = ApiDate.Now(options.TimeProvider);
            var total = store.Write(state =>
            {
                Seed.AddSyntheticUsers(state, count, now);
                return state.Users.Count;
            });
            return SandboxJson.Ok(new JsonObject { ["added"] = count, ["total"] = total });
        });
        admin.MapGet("/stats", Stats);
        // Cases with exactly this subject (ordinal), deleted ones excluded, regardless of the API's 3-month window:
        // how a test proves that retries did not create a case twice.
        admin.MapGet("/cases/count", (HttpContext http, SandboxStore store) =>
        {
            if (!http.Request.Query.TryGetValue("subject", out var values))
                throw ApiException.BadRequest("subject is required: /_sandbox/cases/count?subject=<subject>.");
            var subject = values.ToString();
            var count = store.Read(state => state.Cases.Values.Count(c => !c.Deleted && string.Equals(c.Subject, subject, StringComparison.Ordinal)));
            return SandboxJson.Ok(new JsonObject { ["subject"] = subject, ["count"] = count });
        });
    }

    /// <summary>
    /// Totals over the request log (since it was last cleared): requests, answers by status (0 = aborted before any status),
    /// injected faults by kind (every kind listed, 0 included), throttled and aborted requests; and casesBySubject: the
    /// number of non-deleted cases per subject, for every subject created by POST /cases since the last reset or carried
    /// by more than one case (deleted ones included), so a duplicate write shows up as a count above 1.
    /// </summary>
    private static IResult Stats(RequestLog log, SandboxStore store)
    {
        var entries = log.Snapshot();
        var byStatus = new JsonObject();
        foreach (var group in entries.GroupBy(e => e.Status).OrderBy(g => g.Key))
            byStatus[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = group.Count();
        var faults = new JsonObject();
        foreach (var kind in FaultKinds.All)
            faults[kind] = entries.Count(e => e.Fault == kind);

        var casesBySubject = new JsonObject();
        var subjects = store.Read(state => state.Cases.Values
            .GroupBy(c => c.Subject, StringComparer.Ordinal)
            .Where(g => g.Count() > 1 || g.Any(c => c.CreatedByRequest))
            .Select(g => (Subject: g.Key, Count: g.Count(c => !c.Deleted)))
            .OrderBy(s => s.Subject, StringComparer.Ordinal)
            .ToArray());
        foreach (var (subject, count) in subjects) casesBySubject[subject] = count;

        return SandboxJson.Ok(new JsonObject
        {
            ["requests"] = entries.Count,
            ["byStatus"] = byStatus,
            ["faults"] = faults,
            ["throttled"] = entries.Count(e => e.Throttled),
            ["aborted"] = entries.Count(e => e.Aborted),
            ["casesBySubject"] = casesBySubject,
        });
    }

    /// <summary>Most records one seed call adds; several calls can go further.</summary>
    public const int MaxSeedCount = 200_000;

    private static async Task<int> ReadCountAsync(HttpContext http)
    {
        var count = JsonBody.OptionalLong(await JsonBody.ReadObjectAsync(http.Request), "count", "count")
            ?? throw ApiException.BadRequest("count is required.");
        return count is >= 1 and <= MaxSeedCount
            ? (int)count
            : throw ApiException.BadRequest($"count must be an integer between 1 and {MaxSeedCount}.");
    }
}
