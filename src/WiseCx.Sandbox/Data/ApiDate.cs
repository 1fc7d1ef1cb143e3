namespace WiseCx.Sandbox.Data;

/// <summary>The API's date format: <c>yyyy-MM-dd HH:mm:ss</c>, UTC, no zone marker.</summary>
internal static class ApiDate
{
    public const string Pattern = "yyyy-MM-dd HH:mm:ss";

    // Inputs are read leniently (ISO forms, date only); outputs always use Pattern.
    private static readonly string[] AcceptedPatterns =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static string Format(DateTime utc) => utc.ToString(Pattern, CultureInfo.InvariantCulture);

    public static JsonNode? ToJson(DateTime? utc) => utc is { } value ? JsonValue.Create(Format(value)) : null;

    public static bool TryParse(string? text, out DateTime utc) =>
        DateTime.TryParseExact(text?.Trim(), AcceptedPatterns, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);

    /// <summary>Now, cut to whole seconds, since the API's dates carry no fractions.</summary>
    public static DateTime Now(TimeProvider clock) => Truncate(clock.GetUtcNow().UtcDateTime);

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
