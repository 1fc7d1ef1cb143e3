using System.Text.Json;
using System.Text.Json.Serialization;
using WiseCx.Sandbox.Http;

namespace WiseCx.Sandbox;

/// <summary>
/// The switches that can change while the sandbox runs (GET/PUT /_sandbox/config). An immutable snapshot:
/// a request reads <see cref="SandboxRuntimeConfig.Current"/> once and works with a consistent set of values.
/// </summary>
/// <remarks>
/// To add a switch (latency, fault injection, rate limits…): add an init-only property here and one entry in
/// <see cref="Setters"/>; the admin endpoint, partial updates and reset then work without further changes.
/// </remarks>
public sealed record SandboxConfig
{
    /// <summary>Lifetime given to tokens issued from now on (tokens already issued keep their expiry).</summary>
    [JsonPropertyName("tokenLifetimeSeconds")]
    public int TokenLifetimeSeconds { get; init; }

    /// <summary>
    /// Wall time of each step of an analytics export (pending → processing 20/50/80 → completed), for exports started
    /// from now on. 0 makes an export complete at once.
    /// </summary>
    [JsonPropertyName("exportStepMilliseconds")]
    public int ExportStepMilliseconds { get; init; } = 1000;

    /// <summary>
    /// Wall time of each step of a Nitro send (preparing, then three steps of sending, then sent), for sends started
    /// from now on; transactional requests leave "queued" after one step.
    /// </summary>
    [JsonPropertyName("nitroStepMilliseconds")]
    public int NitroStepMilliseconds { get; init; } = 1000;

    /// <summary>
    /// Root of the second loopback listener that plays the storage bucket of analytics exports (report_url points there).
    /// Read-only: set once the listener is bound; null until then.
    /// </summary>
    [JsonPropertyName("storageBaseUri")]
    public string? StorageBaseUri { get; init; }

    internal static SandboxConfig FromOptions(SandboxOptions options) => new()
    {
        TokenLifetimeSeconds = options.TokenLifetimeSeconds,
    };

    // Keyed by the JSON name the admin endpoint accepts; each setter validates its value and throws ApiException.
    internal static readonly IReadOnlyDictionary<string, Func<SandboxConfig, JsonElement, SandboxConfig>> Setters =
        new Dictionary<string, Func<SandboxConfig, JsonElement, SandboxConfig>>(StringComparer.Ordinal)
        {
            ["tokenLifetimeSeconds"] = (c, v) => c with { TokenLifetimeSeconds = ReadInt(v, "tokenLifetimeSeconds", 0, int.MaxValue) },
            ["exportStepMilliseconds"] = (c, v) => c with { ExportStepMilliseconds = ReadInt(v, "exportStepMilliseconds", 0, 600_000) },
            ["nitroStepMilliseconds"] = (c, v) => c with { NitroStepMilliseconds = ReadInt(v, "nitroStepMilliseconds", 0, 600_000) },
            // Accepted unchanged so that a GET answer can be PUT back as it is.
            ["storageBaseUri"] = (c, v) => v.ValueKind == JsonValueKind.String && v.GetString() == c.StorageBaseUri
                || v.ValueKind == JsonValueKind.Null && c.StorageBaseUri is null
                ? c
                : throw ApiException.BadRequest("storageBaseUri is read-only: it is where the storage listener is bound."),
        };

    private static int ReadInt(JsonElement value, string name, int min, int max)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max) return n;
        throw ApiException.BadRequest($"{name} must be an integer between {min} and {max}.");
    }
}

/// <summary>Thread-safe holder of the current <see cref="SandboxConfig"/>.</summary>
public sealed class SandboxRuntimeConfig
{
    private readonly Lock _gate = new();
    private readonly SandboxConfig _initial;
    private SandboxConfig _current;

    /// <summary>Starts from the given configuration, which <see cref="Reset"/> restores.</summary>
    public SandboxRuntimeConfig(SandboxConfig initial)
    {
        _initial = initial;
        _current = initial;
    }

    /// <summary>The configuration in effect now.</summary>
    public SandboxConfig Current => Volatile.Read(ref _current);

    /// <summary>Applies a change atomically and returns the new configuration.</summary>
    public SandboxConfig Update(Func<SandboxConfig, SandboxConfig> change)
    {
        lock (_gate)
        {
            var next = change(_current);
            Volatile.Write(ref _current, next);
            return next;
        }
    }

    /// <summary>Restores the start-up configuration; the storage listener's address stays, since the listener does.</summary>
    public void Reset() => Update(current => _initial with { StorageBaseUri = current.StorageBaseUri });

    /// <summary>Records where the storage listener is bound.</summary>
    internal void SetStorageBaseUri(string? uri) => Update(current => current with { StorageBaseUri = uri });

    /// <summary>
    /// Applies a partial JSON object of settings; all-or-nothing, so a bad value leaves the configuration untouched.
    /// </summary>
    internal SandboxConfig ApplyPatch(JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("The config body must be a JSON object.");
        return Update(config =>
        {
            foreach (var property in patch.EnumerateObject())
            {
                if (!SandboxConfig.Setters.TryGetValue(property.Name, out var setter))
                    throw ApiException.BadRequest(
                        $"Unknown config setting '{property.Name}'. Known settings: {string.Join(", ", SandboxConfig.Setters.Keys)}.");
                config = setter(config, property.Value);
            }
            return config;
        });
    }
}
