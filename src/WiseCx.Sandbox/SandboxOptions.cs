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

    internal SandboxOptions Clone() => (SandboxOptions)MemberwiseClone();

    internal void Validate()
    {
        if (string.IsNullOrEmpty(User)) throw new ArgumentException("User must not be empty.");
        if (string.IsNullOrEmpty(ApiKey)) throw new ArgumentException("ApiKey must not be empty.");
        if (TokenLifetimeSeconds < 0) throw new ArgumentException("TokenLifetimeSeconds must be 0 or more.");
        if (CaseCount is < 0 or > 100_000) throw new ArgumentException("CaseCount must be between 0 and 100000.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
