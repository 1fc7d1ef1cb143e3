using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WiseCx.Sandbox.Resilience;

namespace WiseCx.Sandbox;

/// <summary>Command-line entry point: parses the options, starts the sandbox and prints where it listens.</summary>
public static class Program
{
    internal static readonly string Usage = UsageTemplate.Replace("PROFILE_DEFAULT", SandboxProfiles.Default, StringComparison.Ordinal);

    private const string UsageTemplate = """
        Usage: dotnet WiseCx.Sandbox.dll [options]

          --urls <url[;url]>        loopback http URL(s) to listen on (default http://127.0.0.1:0 = any free port)
          --user <name>             user name /authenticate accepts (default sandbox)
          --api-key <key>           x-api-key /authenticate accepts (default wcx-sandbox-key, or
                                    $WISECX_SANDBOX_API_KEY when set)
          --token-lifetime <sec>    token lifetime in seconds (default 3600)
          --seed <n>                seed of the generated data (default 42)
          --cases <n>               number of generated cases (default 400)
          --latency-ms <ms>         delay added to every /core/v1 request (default 0)
          --jitter-ms <ms>          extra random delay, uniform 0..ms, per /core/v1 request (default 0)
          --fault-rate <p>          probability 0.0-1.0 that a /core/v1 request gets an injected fault (default 0)
          --faults <k1,k2,...>      fault kinds to draw from (default all): unavailable-before, error-after,
                                    reset-before, reset-after, throttle-retry-after, throttle, truncated, not-json
          --fault-authenticate      let faults hit /authenticate too (default: never)
          --fault-seed <n>          seed of the fault and jitter draws (default 1)
          --rate-limit-per-minute <n>  server limit over a sliding 60 s window, 429 + Retry-After beyond (default 0 = off)
          --rate-limit-per-day <n>     server limit per UTC day (default 0 = off)
          --profile <name>          live: behave like the live API as its users meet it (empty lists as 400 "not found",
                                    /cases wrapped, OPEN_CASES_EXIST, 401 for an expired token, observed vocabularies,
                                    loose filter fields); collection: the vendor's collection (default: PROFILE_DEFAULT).
                                    See docs/sandbox.md for each behaviour and where it comes from
          --spanish-endpoints <mode>  the twelve endpoints only the vendor's Spanish docs list (transfer, status,
                                    summarize, custom-field options, contact import, /types, assistant node by name):
                                    served (default), not-found (404, as an API without them) or not-implemented (501)
          --verbose                 ASP.NET Core logging at Information (to stderr)
          --detach                  leave the terminal's process group (setsid on Linux and macOS), so that the Ctrl+C of
                                    the console that started it does not stop it; SIGTERM still does (Start-WcxSandbox
                                    passes it)
          --help                    this text

        Prints "WiseCx sandbox listening on <url> (profile <name>)" once started; runs until killed (Ctrl+C, SIGTERM; SIGTERM only with --detach).
        Test controls: GET/DELETE /_sandbox/requests, GET/PUT /_sandbox/config, POST /_sandbox/reset,
        POST /_sandbox/seed/contacts and /_sandbox/seed/users with {"count": N}, GET /_sandbox/stats,
        GET /_sandbox/cases/count?subject=<s>. Every switch above except --urls, --user, --api-key, --seed, --cases
        and --verbose can be changed at run time through PUT /_sandbox/config (camelCase names: latencyMs, faultRate…);
        {"profile": "live"} applies the profile's whole bundle, and each of its settings (emptyListNotFound,
        casesListWrapped, openCaseConflict, expiredTokenStatus, strictVocabularies, looseFilterFields, singleObjectsBare)
        can be set on its own. POST /_sandbox/reset returns to the start-up profile.
        Analytics exports are downloaded from a second loopback port: GET /_sandbox/config shows it as storageBaseUri.
        """;

    /// <summary>Runs the sandbox. Exit codes: 0 normal stop, 1 could not start, 2 bad command line.</summary>
    public static async Task<int> Main(string[] args)
    {
        var options = new SandboxOptions();
        var urls = new List<string>();
        // --detach is about the process, not the emulator: handled here, before the options are read.
        var detach = args.Any(a => string.Equals(a, "--detach", StringComparison.OrdinalIgnoreCase));
        args = args.Where(a => !string.Equals(a, "--detach", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (detach) Detach();
        // The key a launcher keeps off the command line (Start-WcxSandbox); --api-key still overrides it.
        if (Environment.GetEnvironmentVariable("WISECX_SANDBOX_API_KEY") is { Length: > 0 } keyFromEnvironment)
            options.ApiKey = keyFromEnvironment;
        try
        {
            if (!ParseArguments(args, options, urls))
            {
                Console.Out.WriteLine(Usage);
                return 0;
            }
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        if (urls.Count == 0) urls.Add("http://127.0.0.1:0");

        WebApplication app;
        try
        {
            app = SandboxApp.Create(options);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        app.Urls.Clear();
        foreach (var url in urls) app.Urls.Add(url);

        try
        {
            await app.StartAsync();
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"error: could not start the sandbox: {ex.Message}");
            return 1;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var listening = addresses?.FirstOrDefault() ?? urls[0];
        // The profile in use, for launchers that did not choose it (Start-WcxSandbox shows it).
        Console.Out.WriteLine($"WiseCx sandbox listening on {listening} (profile {SandboxProfiles.Normalize(options.Profile)})");
        Console.Out.Flush();

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>
    /// Leaves the process group (and session) of whoever started the sandbox: a console's Ctrl+C is sent to its
    /// foreground process group, which a child shares by default. After setsid() the sandbox has no controlling
    /// terminal, so only an explicit signal (SIGTERM from Stop-WcxSandbox or kill) stops it. On Windows a child started
    /// without a console window (CreateNoWindow) already gets no Ctrl+C of its parent's console: nothing to do.
    /// </summary>
    private static void Detach()
    {
        if (OperatingSystem.IsWindows()) return;
        // Fails (EPERM) only for a process that already leads its group, which is then not in its parent's group either.
        _ = setsid();
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int setsid();

    /// <summary>Fills <paramref name="options"/>; false when help was asked for. Throws ArgumentException on bad input.</summary>
    internal static bool ParseArguments(string[] args, SandboxOptions options, List<string> urls)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Length) throw new ArgumentException($"{arg} needs a value.");
                return args[++i];
            }

            switch (arg.ToLowerInvariant())
            {
                case "--urls":
                    foreach (var url in Value().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        urls.Add(LoopbackGuard.Normalize(url, out var error) ?? throw new ArgumentException(error));
                    break;
                case "--user":
                    options.User = Value();
                    break;
                case "--api-key":
                    options.ApiKey = Value();
                    break;
                case "--token-lifetime":
                    options.TokenLifetimeSeconds = ParseInt(arg, Value(), 0, int.MaxValue);
                    break;
                case "--seed":
                    options.Seed = ParseInt(arg, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--cases":
                    options.CaseCount = ParseInt(arg, Value(), 0, 100_000);
                    break;
                case "--latency-ms":
                    options.LatencyMs = ParseInt(arg, Value(), 0, SandboxConfig.MaxDelayMs);
                    break;
                case "--jitter-ms":
                    options.JitterMs = ParseInt(arg, Value(), 0, SandboxConfig.MaxDelayMs);
                    break;
                case "--fault-rate":
                    options.FaultRate = ParseRate(arg, Value());
                    break;
                case "--faults":
                    options.Faults = FaultKinds.Normalize(Value().Split(',', StringSplitOptions.RemoveEmptyEntries), arg, out var faultError)
                        ?? throw new ArgumentException(faultError);
                    break;
                case "--fault-authenticate":
                    if (inlineValue is not null) throw new ArgumentException("--fault-authenticate takes no value.");
                    options.FaultAuthenticate = true;
                    break;
                case "--fault-seed":
                    options.FaultSeed = ParseInt(arg, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--rate-limit-per-minute":
                    options.RateLimitPerMinute = ParseInt(arg, Value(), 0, int.MaxValue);
                    break;
                case "--rate-limit-per-day":
                    options.RateLimitPerDay = ParseInt(arg, Value(), 0, int.MaxValue);
                    break;
                case "--profile":
                    var profile = Value();
                    options.Profile = SandboxProfiles.Normalize(profile)
                        ?? throw new ArgumentException($"--profile must be one of: {string.Join(", ", SandboxProfiles.Names)}, not '{profile}'.");
                    break;
                case "--spanish-endpoints":
                    var mode = Value();
                    options.SpanishEndpoints = SpanishDocsEndpoints.Normalize(mode)
                        ?? throw new ArgumentException($"--spanish-endpoints must be one of: {string.Join(", ", SpanishDocsEndpoints.Modes)}, not '{mode}'.");
                    break;
                case "--verbose":
                    if (inlineValue is not null) throw new ArgumentException("--verbose takes no value.");
                    options.Verbose = true;
                    break;
                case "--help" or "-h" or "-?" or "/?":
                    return false;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        return true;
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be an integer between {min} and {max}, not '{text}'.");

    private static double ParseRate(string name, string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0.0 and <= 1.0
            ? value
            : throw new ArgumentException($"{name} must be a number between 0.0 and 1.0, not '{text}'.");
}
