using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>The fields of surveys, their questions and responses, and the filter rules of responses.</summary>
internal static class SurveySchema
{
    /// <summary>Resource prefix of response filter fields (<c>response.status</c>): not documented, so kept here as one line to change.</summary>
    public const string ResponseFilterPrefix = "response";

    /// <summary>GET /surveys, as the example shows a survey (the endpoint documents no field list).</summary>
    public static readonly FieldSet<SurveyRecord> SurveyFields = new FieldSet<SurveyRecord>()
        .Add("id", s => s.Id, s => s.Id)
        .Add("guid", s => s.Guid, s => s.Guid)
        .Add("name", s => s.Name, s => s.Name)
        .Add("title", s => s.Title, s => s.Title)
        .Add("description", s => s.Description, s => s.Description)
        .Add("color", s => s.Color)
        .Add("logo_url", s => s.LogoUrl)
        .Add("language", s => s.Language, s => s.Language)
        .Add("completion", s => new JsonObject
        {
            ["description"] = s.CompletionDescription,
            ["submit_button_label"] = s.SubmitButtonLabel,
            ["completion_message"] = s.CompletionMessage,
        })
        .Add("active", s => s.Active, s => s.Active);

    /// <summary>GET /surveys/{id}/questions, as the example shows a question.</summary>
    public static readonly FieldSet<SurveyQuestionRecord> QuestionFields = new FieldSet<SurveyQuestionRecord>()
        .Add("id", q => q.Id, q => q.Id)
        .Add("label", q => q.Label, q => q.Label)
        .Add("type", q => q.Type, q => q.Type)
        .Add("required", q => q.Required, q => q.Required)
        .Add("is_primary", q => q.IsPrimary, q => q.IsPrimary)
        .Add("position", q => q.Position, q => q.Position)
        .Add("page", q => q.Page, q => q.Page)
        .Add("nps_labels", q => new JsonObject { ["min"] = q.NpsMin, ["max"] = q.NpsMax })
        .Add("options", q => new JsonArray(q.Options.Select(o => (JsonNode)o.ToJson()).ToArray()));

    /// <summary>GET /surveys/{id}/responses, as the example shows a response (two ISO date spellings and the 1900 sentinel).</summary>
    public static readonly FieldSet<SurveyResponseRecord> ResponseFields = new FieldSet<SurveyResponseRecord>()
        .Add("response_id", r => r.ResponseId, r => r.ResponseId)
        .Add("survey_id", r => r.SurveyId, r => r.SurveyId)
        .Add("case_id", r => r.CaseId, r => r.CaseId)
        .Add("status", r => r.Status, r => r.Status)
        .Add("answers", r => new JsonArray(r.Answers.Select(a => (JsonNode)a.ToJson()).ToArray()))
        .Add("contact_id", r => r.ContactId, r => r.ContactId)
        .Add("sent_at", r => SurveyResponseRecord.FormatSent(r.SentAt), r => r.SentAt)
        .Add("responded_at", r => SurveyResponseRecord.FormatResponded(r.RespondedAt), r => r.RespondedAt);

    private static readonly FilterOperator[] Ordered = [In, NotIn, Equal, NotEqual, Greater, Lower, GreaterEqual, LowerEqual];

    /// <summary>
    /// "ALLOWED OPERATORS". The *_since/*_until names are bounds on responded_at and sent_at: each reads the date, so
    /// <c>sent_since GREATER EQUAL x</c> and <c>sent_until LOWER EQUAL y</c> together make a range. An unanswered
    /// response has no responded_at (its 1900 sentinel never matches).
    /// </summary>
    public static readonly FilterSchema<SurveyResponseRecord> ResponseFilter = new FilterSchema<SurveyResponseRecord>(ResponseFilterPrefix)
        .Text("status", r => r.Status, In, NotIn, Equal, NotEqual)
        .Date("responded_since", r => r.RespondedAt, Ordered)
        .Date("responded_until", r => r.RespondedAt, Ordered)
        .Date("sent_since", r => r.SentAt, Ordered)
        .Date("sent_until", r => r.SentAt, Ordered);
}
