namespace WiseCx.Sandbox;

/// <summary>
/// The two behaviours the sandbox can play: the <see cref="Live"/> API as public code that calls it shows it, or the
/// vendor's <see cref="Collection"/> (its documentation and example answers). A profile is only a bundle of
/// <see cref="SandboxConfig"/> settings: each setting can still be changed on its own afterwards.
/// </summary>
/// <remarks>docs/sandbox.md lists every setting of the bundle and where each behaviour comes from.</remarks>
public static class SandboxProfiles
{
    /// <summary>Behave like the live API (field observations).</summary>
    public const string Live = "live";

    /// <summary>Behave like the vendor's collection (documented shapes and vocabularies).</summary>
    public const string Collection = "collection";

    /// <summary>
    /// The profile a sandbox starts with when none is asked for (<c>--profile</c>, <see cref="SandboxOptions.Profile"/>).
    /// Live: the module is tested first against the API as its users meet it; tests of the documented shapes set Collection.
    /// </summary>
    public const string Default = Live;

    /// <summary>Every profile name, for messages and help.</summary>
    public static readonly IReadOnlyList<string> Names = [Live, Collection];

    /// <summary>The profile's canonical name (case-insensitive match), or null when <paramref name="name"/> is none.</summary>
    public static string? Normalize(string? name) =>
        Names.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="config"/> with every setting of the profile's bundle, one line per setting; settings outside the
    /// bundle (latency, faults, token lifetime…) are left as they are.
    /// </summary>
    /// <exception cref="ArgumentException">Not a profile name.</exception>
    public static SandboxConfig Apply(SandboxConfig config, string profile)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = Normalize(profile)
            ?? throw new ArgumentException($"Profile must be one of: {string.Join(", ", Names)}, not '{profile}'.", nameof(profile));
        var live = name == Live;
        return config with
        {
            Profile = name,
            EmptyListNotFound = live,
            CasesListWrapped = live,
            OpenCaseConflict = live,
            ExpiredTokenStatus = live ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
            StrictVocabularies = !live,
            LooseFilterFields = live,
            // A single client was seen reading a bare object (confidence L): a switch of its own, in neither bundle.
            SingleObjectsBare = false,
            ExportNotFoundPolls = live ? 2 : 0,
            ExportReportFormat = live ? ExportFormats.Zip : ExportFormats.Csv,
            // Seen in one codebase only, and only sometimes (confidence M): a switch of its own, in neither bundle.
            ExportPlainTextAnswer = false,
        };
    }
}
