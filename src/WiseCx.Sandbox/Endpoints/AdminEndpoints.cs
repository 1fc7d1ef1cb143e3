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
    }
}
