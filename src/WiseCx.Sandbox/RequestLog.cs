using System.Diagnostics;
using System.Text.Json.Serialization;

namespace WiseCx.Sandbox;

/// <summary>
/// One request as the sandbox saw it (GET /_sandbox/requests): API requests and downloads from the storage listener.
/// Holds no header values, since they carry secrets; <see cref="HadAuthorization"/> only tells whether one was sent,
/// so a test can prove that the bearer token never went to the storage host.
/// <see cref="Fault"/> names the injected fault (null when none), <see cref="Throttled"/> tells that the server rate limit
/// refused the request, and <see cref="Aborted"/> that the connection was dropped before a complete answer (an injected
/// reset or the client going away); <see cref="Status"/> is then 0 when no status line was sent.
/// </summary>
public sealed record RequestLogEntry(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("durationMs")] double DurationMs,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("hadAuthorization")] bool HadAuthorization,
    [property: JsonPropertyName("fault")] string? Fault = null,
    [property: JsonPropertyName("throttled")] bool Throttled = false,
    [property: JsonPropertyName("aborted")] bool Aborted = false);

/// <summary>
/// What the resilience stages did to a request, for its log entry: a request feature set by
/// <see cref="RequestLogMiddleware"/> and filled in by the middleware that injects latency, limits and faults.
/// </summary>
public sealed class RequestOutcome
{
    /// <summary>The injected fault kind, or null.</summary>
    public string? Fault { get; set; }

    /// <summary>True when the server rate limit refused the request.</summary>
    public bool Throttled { get; set; }

    /// <summary>True when the sandbox aborted the connection on purpose (reset-before, reset-after).</summary>
    public bool Aborted { get; set; }
}

/// <summary>
/// Thread-safe log of every /core/v1 request and every storage download, so tests can assert what the client actually sent
/// (paging, retries, filter encoding). Sequence numbers keep growing across <see cref="Clear"/>.
/// </summary>
public sealed class RequestLog
{
    // A bound so a long-running sandbox cannot grow without limit; far above what a test run produces.
    private const int MaxEntries = 100_000;

    private readonly Lock _gate = new();
    private readonly List<RequestLogEntry> _entries = [];
    private long _lastSeq;

    /// <summary>Reserves the sequence number of a request when it starts, so the log orders requests by arrival.</summary>
    public long NextSequence() => Interlocked.Increment(ref _lastSeq);

    /// <summary>Adds a finished request.</summary>
    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            if (_entries.Count > MaxEntries) _entries.RemoveRange(0, _entries.Count - MaxEntries);
        }
    }

    /// <summary>The log, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.OrderBy(e => e.Seq).ToArray();
        }
    }

    /// <summary>Empties the log.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}

/// <summary>
/// Records each /core/v1 and storage request in the <see cref="RequestLog"/>; outermost, so it sees 403 and 404 answers too.
/// Also used by the storage listener, which shares the log with the API.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, SandboxOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(SandboxApp.ApiPrefix, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments(SandboxApp.StoragePrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var seq = log.NextSequence();
        var started = options.TimeProvider.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var outcome = new RequestOutcome();
        context.Features.Set(outcome);
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var aborted = outcome.Aborted || context.RequestAborted.IsCancellationRequested;
            log.Add(new RequestLogEntry(
                seq,
                request.Method,
                request.PathBase.Add(request.Path).Value ?? "",
                request.QueryString.Value ?? "",
                // With the connection gone before the status line was sent, the client saw no status at all.
                aborted && !context.Response.HasStarted ? 0 : context.Response.StatusCode,
                Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3),
                started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                request.Host.Value ?? "",
                request.Headers.ContainsKey("Authorization"),
                outcome.Fault,
                outcome.Throttled,
                aborted));
        }
    }
}
