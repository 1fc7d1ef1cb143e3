namespace WiseCx.Sandbox.Resilience;

/// <summary>
/// The faults the sandbox can inject into /core/v1 requests (<see cref="SandboxConfig.Faults"/>, <c>--faults</c>).
/// "before" kinds answer without running the endpoint; "after" kinds run it (a write really happens) and then spoil
/// the answer, which is what a client that retries a non-idempotent call has to survive without duplicating the write.
/// </summary>
public static class FaultKinds
{
    /// <summary>503 <c>{"status":"error","message":"Service unavailable (injected)."}</c>; the endpoint does not run.</summary>
    public const string UnavailableBefore = "unavailable-before";

    /// <summary>The endpoint runs, then 500 <c>{"status":"error","message":"Internal error (injected)."}</c> replaces its answer.</summary>
    public const string ErrorAfter = "error-after";

    /// <summary>The connection is aborted; the endpoint does not run.</summary>
    public const string ResetBefore = "reset-before";

    /// <summary>The endpoint runs, then the connection is aborted instead of answering.</summary>
    public const string ResetAfter = "reset-after";

    /// <summary>429 with <c>Retry-After: 1</c>; the endpoint does not run.</summary>
    public const string ThrottleRetryAfter = "throttle-retry-after";

    /// <summary>429 without Retry-After; the endpoint does not run.</summary>
    public const string Throttle = "throttle";

    /// <summary>The endpoint runs, then only the first half of its body is sent, with status 200 and a matching Content-Length.</summary>
    public const string Truncated = "truncated";

    /// <summary>The endpoint runs, then 200 <c>&lt;html&gt;Bad gateway&lt;/html&gt;</c> (text/html) replaces its answer.</summary>
    public const string NotJson = "not-json";

    /// <summary>Every kind, in a fixed order (the order the seeded draw indexes into when all are enabled).</summary>
    public static IReadOnlyList<string> All { get; } =
        [UnavailableBefore, ErrorAfter, ResetBefore, ResetAfter, ThrottleRetryAfter, Throttle, Truncated, NotJson];

    /// <summary>True for the kinds that let the endpoint run before the fault.</summary>
    public static bool RunsEndpoint(string kind) => kind is ErrorAfter or ResetAfter or Truncated or NotJson;

    /// <summary>
    /// Canonical, de-duplicated list of the given names (case-insensitive, surrounding blanks ignored), or null with
    /// <paramref name="error"/> set when a name is unknown or the list is empty.
    /// </summary>
    public static IReadOnlyList<string>? Normalize(IEnumerable<string?> names, string label, out string error)
    {
        error = "";
        var result = new List<string>();
        foreach (var name in names)
        {
            var trimmed = name?.Trim() ?? "";
            var kind = All.FirstOrDefault(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                error = $"{label}: unknown fault kind '{trimmed}'. Known kinds: {string.Join(", ", All)}.";
                return null;
            }
            if (!result.Contains(kind)) result.Add(kind);
        }
        if (result.Count == 0)
        {
            error = $"{label} must name at least one fault kind ({string.Join(", ", All)}); null selects them all.";
            return null;
        }
        return result;
    }
}
