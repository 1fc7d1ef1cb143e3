namespace WiseCx.Sandbox.Http;

/// <summary>
/// The endpoints that only the vendor's Spanish documentation lists (PUT /cases/{id}/transfer and /status, POST
/// /cases/{id}/summarize, GET /types, the custom-field options, the contact import, POST /assistans/{assistant}/{node}/execute).
/// Their shapes are assumptions drawn from a summary of that documentation, and nothing public shows whether the live API
/// serves them, so <see cref="SandboxConfig.SpanishEndpoints"/> can make them answer as an API without them would.
/// </summary>
internal static class SpanishDocsEndpoints
{
    /// <summary>Emulated (the default).</summary>
    public const string Served = "served";

    /// <summary>HTTP 404 with the body of an unknown route.</summary>
    public const string NotFound = "not-found";

    /// <summary>HTTP 501.</summary>
    public const string NotImplemented = "not-implemented";

    /// <summary>Every mode, for messages and help.</summary>
    public static readonly IReadOnlyList<string> Modes = [Served, NotFound, NotImplemented];

    /// <summary>The mode's canonical name (case-insensitive), or null when <paramref name="mode"/> is none.</summary>
    public static string? Normalize(string? mode) =>
        Modes.FirstOrDefault(m => string.Equals(m, mode?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Marks an endpoint as one of the Spanish documentation's: while <see cref="SandboxConfig.SpanishEndpoints"/> is not
    /// "served" it answers 404 or 501 without running (nothing is read or changed).
    /// </summary>
    public static TBuilder FromSpanishDocs<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker.Instance).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var mode = http.RequestServices.GetRequiredService<SandboxRuntimeConfig>().Current.SpanishEndpoints;
            return mode switch
            {
                NotFound => SandboxApp.NotFound(http),
                NotImplemented => SandboxJson.Error(StatusCodes.Status501NotImplemented, "Not implemented."),
                _ => await next(context),
            };
        });

    /// <summary>Endpoint metadata naming an endpoint of the Spanish documentation, so tests can list them all.</summary>
    public sealed class Marker
    {
        private Marker() { }

        /// <summary>The one instance.</summary>
        public static readonly Marker Instance = new();
    }
}
