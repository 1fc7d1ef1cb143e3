using System.Text.Json.Nodes;
using WiseCx.Sandbox.Data;
using WiseCx.Sandbox.Http;

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
