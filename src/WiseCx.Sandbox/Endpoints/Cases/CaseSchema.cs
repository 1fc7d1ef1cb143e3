using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>The documented fields and filter rules of cases and their activities (the collection's "Cases" folder in api/).</summary>
internal static class CaseSchema
{
    /// <summary>GET /cases "Possible fields", in the documented order.</summary>
    public static readonly FieldSet<CaseRecord> ListFields = new FieldSet<CaseRecord>()
        .Add("id", c => c.Id, c => c.Id)
        .Add("number", c => c.Number, c => c.Number)
        .Add("group_id", c => c.GroupId, c => c.GroupId)
        .Add("user_id", c => c.UserId, c => c.UserId)
        .Add("contact_id", c => c.ContactId, c => c.ContactId)
        .Add("status", c => c.Status, c => c.Status)
        .Add("source_channel", c => c.SourceChannel, c => c.SourceChannel)
        .Add("tags", c => new JsonArray(c.Tags.Select(t => (JsonNode)t).ToArray()))
        .Add("type_id", c => c.TypeId, c => c.TypeId)
        .Add("subject", c => c.Subject, c => c.Subject)
        .Add("priority", c => c.Priority, c => c.Priority)
        .Add("due_at", c => ApiDate.ToJson(c.DueAt), c => c.DueAt)
        .Add("custom_fields", c => CustomField.ToJson(c.CustomFields))
        .Add("created_at", c => ApiDate.ToJson(c.CreatedAt), c => c.CreatedAt)
        .Add("solved_at", c => ApiDate.ToJson(c.SolvedAt), c => c.SolvedAt)
        .Add("closed_at", c => ApiDate.ToJson(c.ClosedAt), c => c.ClosedAt)
        .Add("last_read", c => ApiDate.ToJson(c.LastRead), c => c.LastRead)
        .Add("last_update", c => ApiDate.ToJson(c.LastUpdate), c => c.LastUpdate)
        .Add("first_read", c => ApiDate.ToJson(c.FirstRead), c => c.FirstRead)
        .Add("last_assignment", c => ApiDate.ToJson(c.LastAssignment), c => c.LastAssignment)
        .Add("first_response", c => ApiDate.ToJson(c.FirstResponse), c => c.FirstResponse)
        .Add("last_response", c => ApiDate.ToJson(c.LastResponse), c => c.LastResponse)
        .Add("nps_value", c => c.NpsValue, c => c.NpsValue)
        .Add("spam", c => c.Spam, c => c.Spam)
        .Add("deleted", c => c.Deleted, c => c.Deleted)
        .Add("channel_account", c => c.ChannelAccount, c => c.ChannelAccount)
        .Add("bot_resolved", c => c.BotResolved, c => c.BotResolved)
        .Add("bot_attended", c => c.BotAttended, c => c.BotAttended)
        .Add("summary", c => c.Summary, c => c.Summary);

    /// <summary>GET /cases/{id} documents a shorter list than the list endpoint (no last_read, nps_value, spam, …).</summary>
    public static readonly FieldSet<CaseRecord> ByIdFields = ListFields.Subset(
        "id", "number", "group_id", "user_id", "contact_id", "status", "source_channel", "tags", "type_id", "subject",
        "priority", "due_at", "custom_fields", "created_at", "solved_at", "closed_at", "last_update", "channel_account",
        "bot_resolved", "bot_attended", "summary");

    /// <summary>The fields of GET /cases/{id}/activities[/{aid}].</summary>
    public static readonly FieldSet<ActivityRecord> ActivityFields = new FieldSet<ActivityRecord>()
        .Add("id", a => a.Id, a => a.Id)
        .Add("case_id", a => a.CaseId, a => a.CaseId)
        .Add("type", a => a.Type, a => a.Type)
        .Add("user_id", a => a.UserId, a => a.UserId)
        .Add("channel", a => a.Channel, a => a.Channel)
        .Add("content", a => a.Content)
        .Add("contact_from", a => a.ContactFrom?.ToJson())
        .Add("contacts_to", a => a.ContactsTo is null ? null : new JsonArray(a.ContactsTo.Select(c => (JsonNode)c.ToJson()).ToArray()))
        .Add("attachments", a => a.Attachments is null ? null : new JsonArray(a.Attachments.Select(x => (JsonNode)x.ToJson()).ToArray()))
        .Add("recordings", _ => null)
        .Add("created_at", a => ApiDate.ToJson(a.CreatedAt), a => a.CreatedAt)
        .Add("sending_status", a => a.SendingStatus, a => a.SendingStatus);

    private static readonly FilterOperator[] InEquals = [In, Equal];
    private static readonly FilterOperator[] Basic = [In, NotIn, Equal, NotEqual];
    private static readonly FilterOperator[] BasicContains = [In, NotIn, Equal, NotEqual, Contains];
    private static readonly FilterOperator[] Ordered = [In, NotIn, Equal, NotEqual, Greater, Lower, GreaterEqual, LowerEqual];

    /// <summary>GET /cases "ALLOWED OPERATORS", row by row.</summary>
    public static readonly FilterSchema<CaseRecord> Filter = new FilterSchema<CaseRecord>("case")
        .Number("number", c => c.Number, InEquals)
        .Number("user_id", c => c.UserId, InEquals)
        .Number("contact_id", c => c.ContactId, InEquals)
        .Number("group_id", c => c.GroupId, Basic)
        .Text("status", c => c.Status, Basic)
        .Text("source_channel", c => c.SourceChannel, Basic)
        .TextList("tags", c => c.Tags, Basic)
        .Number("type_id", c => c.TypeId, Basic)
        .Text("priority", c => c.Priority, Basic)
        .Text("subject", c => c.Subject, BasicContains)
        .Date("due_at", c => c.DueAt, Ordered)
        .Date("created_at", c => c.CreatedAt, Ordered)
        .Date("solved_at", c => c.SolvedAt, Ordered)
        .Date("closed_at", c => c.ClosedAt, Ordered)
        .Date("last_read", c => c.LastRead, Ordered)
        .Number("id", c => c.Id, Ordered)
        .Date("first_read", c => c.FirstRead, Ordered)
        .Date("last_assignment", c => c.LastAssignment, Ordered)
        .Date("first_response", c => c.FirstResponse, Ordered)
        .Date("last_response", c => c.LastResponse, Ordered)
        .Date("last_update", c => c.LastUpdate, Ordered)
        .WithSynonyms("status", CaseVocabulary.StatusSynonyms);

    /// <summary>
    /// Filters of GET /cases/{id}/activities with the loose rules only: the collection documents none, and live scripts
    /// write them with the case prefix (<c>case.type</c>). The operators are a guess, as wide as the cases' own.
    /// </summary>
    public static readonly FilterSchema<ActivityRecord> ActivityFilter = new FilterSchema<ActivityRecord>("case")
        .Number("id", a => a.Id, Ordered)
        .Text("type", a => a.Type, Basic)
        .Number("user_id", a => a.UserId, Basic)
        .Text("channel", a => a.Channel, Basic)
        .Date("created_at", a => a.CreatedAt, Ordered);

    public static readonly IReadOnlyList<string> ActivityTypes = ["user_reply", "contact_message", "note"];
}
