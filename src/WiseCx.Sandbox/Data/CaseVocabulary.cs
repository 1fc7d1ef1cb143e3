using System.Text.Json;

namespace WiseCx.Sandbox.Data;

/// <summary>
/// The words cases accept for status and channels: the documented ones (the collection), and those public code that calls
/// the live API writes and reads (<see cref="SandboxConfig.StrictVocabularies"/> false). docs/sandbox.md lists both.
/// </summary>
internal static class CaseVocabulary
{
    /// <summary>Case statuses seen in live use besides the documented <see cref="Seed.Statuses"/>.</summary>
    public static readonly IReadOnlyList<string> ObservedStatuses = ["open", "onhold"];

    /// <summary>source_channel and activity channel words seen in live use besides the documented <see cref="Seed.Channels"/>.</summary>
    public static readonly IReadOnlyList<string> ObservedChannels = ["incoming_call", "new_email", "outgoing_whatsapp"];

    /// <summary>Live spellings of a status and the documented status they mean, for filters (open ≡ opened, onhold ≡ hold).</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusSynonyms =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["open"] = "opened", ["onhold"] = "hold" };

    /// <summary>The statuses of a case still open: a new case for its contact meets OPEN_CASES_EXIST (live).</summary>
    private static readonly HashSet<string> OpenStatuses = new(["opened", "pending", "hold", "open", "onhold"], StringComparer.OrdinalIgnoreCase);

    public static bool IsOpen(string status) => OpenStatuses.Contains(status);

    /// <summary>Channels that send a reply to its first recipient only, as the docs say of WhatsApp.</summary>
    public static bool IsWhatsApp(string channel) => Is(channel, "whatsapp") || Is(channel, "outgoing_whatsapp");

    public static bool Is(string value, string word) => string.Equals(value, word, StringComparison.OrdinalIgnoreCase);

    public static string? OptionalStatus(JsonElement obj, string name, string label, bool strict) =>
        Optional(obj, name, label, Seed.Statuses, ObservedStatuses, strict);

    public static string? OptionalChannel(JsonElement obj, string name, string label, bool strict) =>
        Optional(obj, name, label, Seed.Channels, ObservedChannels, strict);

    /// <summary>
    /// Strict: a documented word (any case), answered in its documented spelling, as the collection's tables allow.
    /// Otherwise: a documented or observed word, kept as written, as the live API stores what it is sent.
    /// </summary>
    private static string? Optional(
        JsonElement obj, string name, string label, IReadOnlyList<string> documented, IReadOnlyList<string> observed, bool strict)
    {
        if (strict) return JsonBody.OptionalEnum(obj, name, label, documented);
        var text = JsonBody.OptionalString(obj, name, label)?.Trim();
        if (text is null) return null;
        var known = documented.Concat(observed).ToArray();
        return known.Any(k => Is(k, text))
            ? text
            : throw ApiException.BadRequest($"{label} must be one of: {string.Join(", ", known)}.");
    }
}
