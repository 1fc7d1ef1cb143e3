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

    internal static SandboxConfig FromOptions(SandboxOptions options) => new()
    {
        TokenLifetimeSeconds = options.TokenLifetimeSeconds,
    };

    // Keyed by the JSON name the admin endpoint accepts; each setter validates its value and throws ApiException.
    internal static readonly IReadOnlyDictionary<string, Func<SandboxConfig, JsonElement, SandboxConfig>> Setters =
        new Dictionary<string, Func<SandboxConfig, JsonElement, SandboxConfig>>(StringComparer.Ordinal)
        {
            ["tokenLifetimeSeconds"] = (c, v) => c with { TokenLifetimeSeconds = ReadInt(v, "tokenLifetimeSeconds", 0, int.MaxValue) },
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

    /// <summary>Restores the start-up configuration.</summary>
    public void Reset() => Update(_ => _initial);

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
