using WiseCx.Sandbox.Resilience;

namespace WiseCx.Sandbox;

/// <summary>
/// Start-up settings of the sandbox. <see cref="SandboxApp.Create"/> takes a copy, so changing this instance
/// afterwards has no effect: settings that may change while the sandbox runs live in <see cref="SandboxRuntimeConfig"/>.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The only user name /authenticate accepts.</summary>
    public string User { get; set; } = "sandbox";

    /// <summary>The only x-api-key /authenticate accepts.</summary>
    public string ApiKey { get; set; } = "wcx-sandbox-key";

    /// <summary>Initial token lifetime; the live value is <see cref="SandboxConfig.TokenLifetimeSeconds"/>.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Seed of the generated data; the same seed always yields the same data relative to "now".</summary>
    public int Seed { get; set; } = 42;

    /// <summary>How many cases the seed generates (spread over ~5 months, so roughly 60% fall in the API's 3-month window).</summary>
    public int CaseCount { get; set; } = 400;

    /// <summary>Turns ASP.NET Core's own logging (to stderr) up from Warning to Information.</summary>
    public bool Verbose { get; set; }

    /// <summary>Clock for token expiry, "now"-relative seed data and timestamps; tests may pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Initial <see cref="SandboxConfig.LatencyMs"/> (<c>--latency-ms</c>).</summary>
    public int LatencyMs { get; set; }

    /// <summary>Initial <see cref="SandboxConfig.JitterMs"/> (<c>--jitter-ms</c>).</summary>
    public int JitterMs { get; set; }

    /// <summary>Initial <see cref="SandboxConfig.FaultRate"/> (<c>--fault-rate</c>), 0.0–1.0.</summary>
    public double FaultRate { get; set; }

    /// <summary>Initial <see cref="SandboxConfig.Faults"/> (<c>--faults</c>); null means every kind of <see cref="FaultKinds.All"/>.</summary>
    public IReadOnlyList<string>? Faults { get; set; }

    /// <summary>Initial <see cref="SandboxConfig.FaultAuthenticate"/> (<c>--fault-authenticate</c>).</summary>
    public bool FaultAuthenticate { get; set; }

    /// <summary>Initial <see cref="SandboxConfig.FaultSeed"/> (<c>--fault-seed</c>).</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>Initial <see cref="SandboxConfig.RateLimitPerMinute"/> (<c>--rate-limit-per-minute</c>); 0 = off.</summary>
    public int RateLimitPerMinute { get; set; }

    /// <summary>
    /// Initial <see cref="SandboxConfig.Profile"/> (<c>--profile</c>): <see cref="SandboxProfiles.Live"/> or
    /// <see cref="SandboxProfiles.Collection"/>; its bundle of settings is what a reset returns to.
    /// </summary>
    public string Profile { get; set; } = SandboxProfiles.Default;

    /// <summary>Initial <see cref="SandboxConfig.RateLimitPerDay"/> (<c>--rate-limit-per-day</c>); 0 = off.</summary>
    public int RateLimitPerDay { get; set; }

    /// <summary>Initial <see cref="SandboxConfig.SpanishEndpoints"/> (<c>--spanish-endpoints</c>).</summary>
    public string SpanishEndpoints { get; set; } = SpanishDocsEndpoints.Served;

    internal SandboxOptions Clone()
    {
        var copy = (SandboxOptions)MemberwiseClone();
        copy.Faults = Faults?.ToArray();
        return copy;
    }

    internal void Validate()
    {
        if (string.IsNullOrEmpty(User)) throw new ArgumentException("User must not be empty.");
        if (string.IsNullOrEmpty(ApiKey)) throw new ArgumentException("ApiKey must not be empty.");
        if (TokenLifetimeSeconds < 0) throw new ArgumentException("TokenLifetimeSeconds must be 0 or more.");
        if (CaseCount is < 0 or > 100_000) throw new ArgumentException("CaseCount must be between 0 and 100000.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (LatencyMs is < 0 or > SandboxConfig.MaxDelayMs) throw new ArgumentException($"LatencyMs must be between 0 and {SandboxConfig.MaxDelayMs}.");
        if (JitterMs is < 0 or > SandboxConfig.MaxDelayMs) throw new ArgumentException($"JitterMs must be between 0 and {SandboxConfig.MaxDelayMs}.");
        if (double.IsNaN(FaultRate) || FaultRate is < 0.0 or > 1.0) throw new ArgumentException("FaultRate must be between 0.0 and 1.0.");
        if (Faults is not null && FaultKinds.Normalize(Faults, "Faults", out var error) is null) throw new ArgumentException(error);
        if (RateLimitPerMinute < 0) throw new ArgumentException("RateLimitPerMinute must be 0 (off) or more.");
        if (RateLimitPerDay < 0) throw new ArgumentException("RateLimitPerDay must be 0 (off) or more.");
        if (SpanishDocsEndpoints.Normalize(SpanishEndpoints) is null)
            throw new ArgumentException($"SpanishEndpoints must be one of: {string.Join(", ", SpanishDocsEndpoints.Modes)}, not '{SpanishEndpoints}'.");
        if (SandboxProfiles.Normalize(Profile) is null)
            throw new ArgumentException($"Profile must be one of: {string.Join(", ", SandboxProfiles.Names)}, not '{Profile}'.");
    }
}
