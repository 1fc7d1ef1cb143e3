namespace WiseCx.Sandbox.Data;

/// <summary>A survey (GET /surveys) with its questions and responses.</summary>
internal sealed class SurveyRecord
{
    public long Id { get; init; }
    public string Guid { get; init; } = "";
    public string Name { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public string Color { get; init; } = "#FFF";
    public string LogoUrl { get; init; } = "";
    public string Language { get; init; } = "es";
    public string? CompletionDescription { get; init; }
    public string SubmitButtonLabel { get; init; } = "";
    public string CompletionMessage { get; init; } = "";
    public bool Active { get; init; }
    public List<SurveyQuestionRecord> Questions { get; } = [];
    public List<SurveyResponseRecord> Responses { get; } = [];
}

/// <summary>A choice of a checkboxes or optionbutton question.</summary>
internal sealed record SurveyOption(string Id, string Label, string Value)
{
    public JsonObject ToJson() => new() { ["id"] = Id, ["label"] = Label, ["value"] = Value };
}

/// <summary>A survey question; its id is a 32-digit hex string, unlike every other id of the API.</summary>
internal sealed record SurveyQuestionRecord(
    string Id, string Label, string Type, bool Required, bool IsPrimary, int Position, int Page,
    string NpsMin, string NpsMax, IReadOnlyList<SurveyOption> Options);

/// <summary>
/// One answer. <see cref="Value"/> is an int (rating), bool, string or string[] (checkboxes), turned into a fresh
/// JSON node on every projection because a node can belong to one parent only.
/// </summary>
internal sealed record SurveyAnswer(string QuestionId, string QuestionType, object Value)
{
    public JsonObject ToJson() => new()
    {
        ["question_id"] = QuestionId,
        ["question_type"] = QuestionType,
        ["value"] = Value switch
        {
            int n => JsonValue.Create(n),
            bool b => JsonValue.Create(b),
            string s => JsonValue.Create(s),
            string[] items => new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
            _ => null,
        },
    };
}

/// <summary>A survey sent to a contact, answered or not.</summary>
internal sealed class SurveyResponseRecord
{
    /// <summary>The API's "never" for responded_at.</summary>
    public const string NeverResponded = "1900-01-01T00:00:00";

    public long ResponseId { get; init; }
    public long SurveyId { get; init; }
    public long CaseId { get; init; }
    public string Status { get; init; } = "not_responded";
    public List<SurveyAnswer> Answers { get; init; } = [];
    public long ContactId { get; init; }
    public DateTime SentAt { get; init; }
    public DateTime? RespondedAt { get; init; }

    // The two dates of a response use two different ISO spellings in the collection: sent_at with a Z, responded_at without.
    public static string FormatSent(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string FormatResponded(DateTime? utc) =>
        utc is { } value ? value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : NeverResponded;
}
