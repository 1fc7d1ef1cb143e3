using System.Text.Json;
using System.Text.Json.Serialization;
using WiseCx.Sandbox.Resilience;

namespace WiseCx.Sandbox;

/// <summary>
/// The switches that can change while the sandbox runs (GET/PUT /_sandbox/config). An immutable snapshot:
/// a request reads <see cref="SandboxRuntimeConfig.Current"/> once and works with a consistent set of values.
/// </summary>
/// <remarks>
/// To add a switch: add an init-only property here and one entry in
/// <see cref="Setters"/>; the admin endpoint, partial updates and reset then work without further changes.
/// </remarks>
public sealed record SandboxConfig
{
    /// <summary>Lifetime given to tokens issued from now on (tokens already issued keep their expiry).</summary>
    [JsonPropertyName("tokenLifetimeSeconds")]
    public int TokenLifetimeSeconds { get; init; }

    /// <summary>
    /// Wall time of each step of an analytics export (pending → processing 20/50/80 → completed), for exports started
    /// from now on. 0 makes an export complete at its first status request (the start always answers it pending).
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

    /// <summary>Fixed delay added to every /core/v1 request (not /_sandbox, not the storage host), in milliseconds.</summary>
    [JsonPropertyName("latencyMs")]
    public int LatencyMs { get; init; }

    /// <summary>Extra delay drawn uniformly from 0..<see cref="JitterMs"/> (inclusive) per /core/v1 request.</summary>
    [JsonPropertyName("jitterMs")]
    public int JitterMs { get; init; }

    /// <summary>Probability (0.0–1.0) that a /core/v1 request gets one of <see cref="Faults"/>; 0 turns injection off.</summary>
    [JsonPropertyName("faultRate")]
    public double FaultRate { get; init; }

    /// <summary>The kinds (see <see cref="FaultKinds"/>) an injected fault is drawn from, uniformly; all by default.</summary>
    [JsonPropertyName("faults")]
    public IReadOnlyList<string> Faults { get; init; } = FaultKinds.All;

    /// <summary>Whether faults also hit GET /authenticate (off by default, so a test can always log in).</summary>
    [JsonPropertyName("faultAuthenticate")]
    public bool FaultAuthenticate { get; init; }

    /// <summary>
    /// Seed of the fault and jitter draws: the same seed and the same request order give the same faults. Setting it
    /// (even to its current value) or resetting the sandbox restarts the sequence.
    /// </summary>
    [JsonPropertyName("faultSeed")]
    public int FaultSeed { get; init; } = 1;

    /// <summary>
    /// Server rate limit over a sliding window of /core/v1 requests (authenticate included); 0 = off. The window is 60 s
    /// unless <see cref="RateLimitWindowSeconds"/> says otherwise.
    /// Setting either limit, or resetting, starts the counts afresh; nothing is counted while both are off.
    /// </summary>
    [JsonPropertyName("rateLimitPerMinute")]
    public int RateLimitPerMinute { get; init; }

    /// <summary>Server rate limit per UTC day of /core/v1 requests; 0 = off.</summary>
    [JsonPropertyName("rateLimitPerDay")]
    public int RateLimitPerDay { get; init; }

    /// <summary>
    /// Length in seconds of the sliding window <see cref="RateLimitPerMinute"/> counts over (default 60, as the API).
    /// Tests shorten it so that a Retry-After of the server limit lasts seconds, not a minute.
    /// </summary>
    [JsonPropertyName("rateLimitWindowSeconds")]
    public int RateLimitWindowSeconds { get; init; } = 60;

    /// <summary>
    /// The profile last applied (<see cref="SandboxProfiles.Live"/> or <see cref="SandboxProfiles.Collection"/>). Setting it
    /// applies the whole bundle of <see cref="SandboxProfiles.Apply"/>; other settings of the same PUT are applied after it,
    /// so they override the bundle while this keeps naming the profile.
    /// </summary>
    /// <remarks>A bare <c>new SandboxConfig()</c> holds the collection's values; <see cref="FromOptions"/> applies the start-up profile.</remarks>
    [JsonPropertyName("profile")]
    public string Profile { get; init; } = SandboxProfiles.Collection;

    /// <summary>
    /// An empty page of GET /cases, /cases/types, /users or /surveys/{id}/responses answers HTTP 400
    /// <c>{"error":"Cases not found.","code":400}</c> (and its kin) instead of an empty list, as the live API does.
    /// </summary>
    [JsonPropertyName("emptyListNotFound")]
    public bool EmptyListNotFound { get; init; }

    /// <summary>GET /cases answers <c>{"data":[…],"paging":{"next","page","limit"}}</c> (live) instead of a bare array (collection).</summary>
    [JsonPropertyName("casesListWrapped")]
    public bool CasesListWrapped { get; init; }

    /// <summary>
    /// POST /cases for a contact that has an open case answers HTTP 400 <c>{"error":"OPEN_CASES_EXIST","opened_cases":[…]}</c>
    /// and creates nothing.
    /// </summary>
    [JsonPropertyName("openCaseConflict")]
    public bool OpenCaseConflict { get; init; }

    /// <summary>
    /// Status of the answer to an expired or unknown bearer token: 401 with an empty body (live) or 403 with an error
    /// message (the collection's documented auth failure).
    /// </summary>
    [JsonPropertyName("expiredTokenStatus")]
    public int ExpiredTokenStatus { get; init; } = StatusCodes.Status403Forbidden;

    /// <summary>
    /// Case statuses and channels are limited to the documented words (collection); when false, the words seen in live
    /// use are accepted too and stored as written, and status filters read open as opened and onhold as hold.
    /// </summary>
    [JsonPropertyName("strictVocabularies")]
    public bool StrictVocabularies { get; init; } = true;

    /// <summary>
    /// Filter field prefixes may be singular or plural (<c>cases.id</c>, <c>contacts.personal_id</c>), and /users,
    /// /cases/types and case activities accept filters, as live scripts use them; an unknown field is still a 400.
    /// </summary>
    [JsonPropertyName("looseFilterFields")]
    public bool LooseFilterFields { get; init; }

    /// <summary>GET /users/{id}, /queues/{id} and /nitro/campaigns/{id} answer the bare object instead of <c>{"data": {...}}</c>.</summary>
    [JsonPropertyName("singleObjectsBare")]
    public bool SingleObjectsBare { get; init; }

    // Analytics, as the live API behaves (api/NOTES.md F4-F6); the defaults are the collection's. In the profile bundle
    // (SandboxProfiles.Apply): live = exportNotFoundPolls 2, exportReportFormat zip; collection = 0, csv; plain text in neither.

    /// <summary>
    /// How many GET /analytics/export/{id}/status of each export started from now on answer HTTP 404
    /// <c>{"error":"EXPORT_NOT_FOUND"}</c> before the export is seen, as the live API does for a few seconds after the POST.
    /// </summary>
    [JsonPropertyName("exportNotFoundPolls")]
    public int ExportNotFoundPolls { get; init; }

    /// <summary>
    /// What report_url serves for exports started from now on: "csv" (the collection's example, a plain CSV with the
    /// API's column names) or "zip" (the live API: <c>&lt;export_id&gt;.zip</c> holding <c>&lt;export_id&gt;.csv</c> with
    /// localised "Entity: Column" headers, <c>S/D</c> cells and decimal commas).
    /// </summary>
    [JsonPropertyName("exportReportFormat")]
    public string ExportReportFormat { get; init; } = ExportFormats.Csv;

    /// <summary>Whether POST /analytics/export/{id} answers 200 <c>text/plain</c> (the export is still started) instead of JSON.</summary>
    [JsonPropertyName("exportPlainTextAnswer")]
    public bool ExportPlainTextAnswer { get; init; }

    /// <summary>
    /// How the twelve endpoints that only the vendor's Spanish documentation lists answer (<see cref="SpanishDocsEndpoints"/>):
    /// "served" (the default: emulated, with shapes assumed from that documentation), "not-found" (HTTP 404 as for any
    /// unknown route, as an API without them would answer) or "not-implemented" (HTTP 501). A switch of its own, in
    /// neither profile's bundle: nothing public shows whether the live API has them.
    /// </summary>
    [JsonPropertyName("spanishEndpoints")]
    public string SpanishEndpoints { get; init; } = SpanishDocsEndpoints.Served;

    /// <summary>Upper bound of <see cref="LatencyMs"/> and <see cref="JitterMs"/> (two minutes).</summary>
    public const int MaxDelayMs = 120_000;

    internal static SandboxConfig FromOptions(SandboxOptions options) => SandboxProfiles.Apply(new SandboxConfig
    {
        TokenLifetimeSeconds = options.TokenLifetimeSeconds,
        LatencyMs = options.LatencyMs,
        JitterMs = options.JitterMs,
        FaultRate = options.FaultRate,
        Faults = options.Faults is null
            ? FaultKinds.All
            : FaultKinds.Normalize(options.Faults, "Faults", out var error) ?? throw new ArgumentException(error),
        FaultAuthenticate = options.FaultAuthenticate,
        FaultSeed = options.FaultSeed,
        RateLimitPerMinute = options.RateLimitPerMinute,
        RateLimitPerDay = options.RateLimitPerDay,
        SpanishEndpoints = options.SpanishEndpoints,
    }, options.Profile);

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
            ["latencyMs"] = (c, v) => c with { LatencyMs = ReadInt(v, "latencyMs", 0, MaxDelayMs) },
            ["jitterMs"] = (c, v) => c with { JitterMs = ReadInt(v, "jitterMs", 0, MaxDelayMs) },
            ["faultRate"] = (c, v) => c with { FaultRate = ReadRate(v, "faultRate") },
            ["faults"] = (c, v) => c with { Faults = ReadFaultKinds(v, "faults") },
            ["faultAuthenticate"] = (c, v) => c with { FaultAuthenticate = ReadBool(v, "faultAuthenticate") },
            ["faultSeed"] = (c, v) => c with { FaultSeed = ReadInt(v, "faultSeed", int.MinValue, int.MaxValue) },
            ["rateLimitPerMinute"] = (c, v) => c with { RateLimitPerMinute = ReadInt(v, "rateLimitPerMinute", 0, int.MaxValue) },
            ["rateLimitPerDay"] = (c, v) => c with { RateLimitPerDay = ReadInt(v, "rateLimitPerDay", 0, int.MaxValue) },
            ["rateLimitWindowSeconds"] = (c, v) => c with { RateLimitWindowSeconds = ReadInt(v, "rateLimitWindowSeconds", 1, 3600) },
            [ProfileSetting] = (c, v) => SandboxProfiles.Apply(c, ReadProfile(v, ProfileSetting)),
            ["emptyListNotFound"] = (c, v) => c with { EmptyListNotFound = ReadBool(v, "emptyListNotFound") },
            ["casesListWrapped"] = (c, v) => c with { CasesListWrapped = ReadBool(v, "casesListWrapped") },
            ["openCaseConflict"] = (c, v) => c with { OpenCaseConflict = ReadBool(v, "openCaseConflict") },
            ["expiredTokenStatus"] = (c, v) => c with { ExpiredTokenStatus = ReadTokenStatus(v, "expiredTokenStatus") },
            ["strictVocabularies"] = (c, v) => c with { StrictVocabularies = ReadBool(v, "strictVocabularies") },
            ["looseFilterFields"] = (c, v) => c with { LooseFilterFields = ReadBool(v, "looseFilterFields") },
            ["singleObjectsBare"] = (c, v) => c with { SingleObjectsBare = ReadBool(v, "singleObjectsBare") },
            ["exportNotFoundPolls"] = (c, v) => c with { ExportNotFoundPolls = ReadInt(v, "exportNotFoundPolls", 0, 1000) },
            ["exportReportFormat"] = (c, v) => c with { ExportReportFormat = ExportFormats.Read(v, "exportReportFormat") },
            ["exportPlainTextAnswer"] = (c, v) => c with { ExportPlainTextAnswer = ReadBool(v, "exportPlainTextAnswer") },
            ["spanishEndpoints"] = (c, v) => c with
            {
                SpanishEndpoints = v.ValueKind == JsonValueKind.String && SpanishDocsEndpoints.Normalize(v.GetString()) is { } mode
                    ? mode
                    : throw ApiException.BadRequest($"spanishEndpoints must be one of: {string.Join(", ", SpanishDocsEndpoints.Modes)}."),
            },
        };

    // Applied first whatever its place in a PUT body, so the other settings of the same body override its bundle.
    internal const string ProfileSetting = "profile";

    // Settings whose presence in a PUT restarts a sequence even when the value does not change.
    internal const string ReseedSetting = "faultSeed";
    internal static readonly string[] RateLimitSettings = ["rateLimitPerMinute", "rateLimitPerDay", "rateLimitWindowSeconds"];

    private static int ReadInt(JsonElement value, string name, int min, int max)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max) return n;
        throw ApiException.BadRequest($"{name} must be an integer between {min} and {max}.");
    }

    private static string ReadProfile(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && SandboxProfiles.Normalize(value.GetString()) is { } profile
            ? profile
            : throw ApiException.BadRequest($"{name} must be one of: {string.Join(", ", SandboxProfiles.Names)}.");

    private static int ReadTokenStatus(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var status)
            && status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            ? status
            : throw ApiException.BadRequest($"{name} must be 401 or 403.");

    private static double ReadRate(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && d is >= 0.0 and <= 1.0) return d;
        throw ApiException.BadRequest($"{name} must be a number between 0.0 and 1.0.");
    }

    private static bool ReadBool(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw ApiException.BadRequest($"{name} must be true or false."),
    };

    // An array of kind names or one comma-separated string; null restores the default (every kind).
    private static IReadOnlyList<string> ReadFaultKinds(JsonElement value, string name)
    {
        IEnumerable<string?> names = value.ValueKind switch
        {
            JsonValueKind.Null => (IEnumerable<string?>)FaultKinds.All,
            JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries),
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(e => e.GetString()).ToArray(),
            _ => throw ApiException.BadRequest($"{name} must be an array of fault kinds ({string.Join(", ", FaultKinds.All)}) or null."),
        };
        return FaultKinds.Normalize(names, name, out var error) ?? throw ApiException.BadRequest(error);
    }
}

/// <summary>Thread-safe holder of the current <see cref="SandboxConfig"/>.</summary>
public sealed class SandboxRuntimeConfig
{
    private readonly Lock _gate = new();
    private readonly SandboxConfig _initial;
    private ConfigState _state;

    /// <summary>Starts from the given configuration, which <see cref="Reset"/> restores.</summary>
    public SandboxRuntimeConfig(SandboxConfig initial)
    {
        _initial = initial;
        _state = new ConfigState(initial, 0, 0);
    }

    /// <summary>The configuration in effect now.</summary>
    public SandboxConfig Current => Volatile.Read(ref _state).Config;

    /// <summary>
    /// The configuration with the generation counters of the fault draws and the rate-limit counts, read together;
    /// a counter moves when its sequence must start afresh (seed or limit set, reset).
    /// </summary>
    internal ConfigState CurrentState => Volatile.Read(ref _state);

    /// <summary>Applies a change atomically and returns the new configuration.</summary>
    public SandboxConfig Update(Func<SandboxConfig, SandboxConfig> change) => Update(change, reseed: false, restartLimits: false);

    /// <summary>
    /// Restores the start-up configuration, restarts the fault draws and the rate-limit counts; the storage listener's
    /// address stays, since the listener does.
    /// </summary>
    public void Reset() => Update(current => _initial with { StorageBaseUri = current.StorageBaseUri }, reseed: true, restartLimits: true);

    /// <summary>Records where the storage listener is bound.</summary>
    internal void SetStorageBaseUri(string? uri) => Update(current => current with { StorageBaseUri = uri });

    /// <summary>
    /// Applies a partial JSON object of settings; all-or-nothing, so a bad value leaves the configuration untouched.
    /// </summary>
    internal SandboxConfig ApplyPatch(JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("The config body must be a JSON object.");
        var names = patch.EnumerateObject().Select(p => p.Name).ToArray();
        // The profile first: its bundle is the base that the body's other settings change.
        var ordered = patch.EnumerateObject().OrderBy(p => p.Name == SandboxConfig.ProfileSetting ? 0 : 1).ToArray();
        return Update(config =>
        {
            foreach (var property in ordered)
            {
                if (!SandboxConfig.Setters.TryGetValue(property.Name, out var setter))
                    throw ApiException.BadRequest(
                        $"Unknown config setting '{property.Name}'. Known settings: {string.Join(", ", SandboxConfig.Setters.Keys)}.");
                config = setter(config, property.Value);
            }
            return config;
        },
        reseed: names.Contains(SandboxConfig.ReseedSetting, StringComparer.Ordinal),
        restartLimits: names.Intersect(SandboxConfig.RateLimitSettings, StringComparer.Ordinal).Any());
    }

    private SandboxConfig Update(Func<SandboxConfig, SandboxConfig> change, bool reseed, bool restartLimits)
    {
        lock (_gate)
        {
            var previous = _state;
            var next = change(previous.Config);
            reseed |= next.FaultSeed != previous.Config.FaultSeed;
            restartLimits |= next.RateLimitPerMinute != previous.Config.RateLimitPerMinute
                || next.RateLimitPerDay != previous.Config.RateLimitPerDay
                || next.RateLimitWindowSeconds != previous.Config.RateLimitWindowSeconds;
            Volatile.Write(ref _state, new ConfigState(
                next,
                reseed ? previous.FaultEpoch + 1 : previous.FaultEpoch,
                restartLimits ? previous.RateLimitEpoch + 1 : previous.RateLimitEpoch));
            return next;
        }
    }
}

/// <summary>A configuration and the generations of the sequences that depend on it (see <see cref="SandboxRuntimeConfig.CurrentState"/>).</summary>
internal sealed record ConfigState(SandboxConfig Config, long FaultEpoch, long RateLimitEpoch);
