namespace WiseCx.Sandbox.Data;

// Mutable records guarded by SandboxStore's lock: never hand one out of a Read/Write callback,
// project it to JSON inside the callback instead.

/// <summary>A <c>{field, value}</c> pair: the API's custom fields are a list of these, not an object.</summary>
internal sealed record CustomField(string Field, string Value)
{
    public JsonObject ToJson() => new() { ["field"] = Field, ["value"] = Value };

    public static JsonArray ToJson(IEnumerable<CustomField> fields) => new(fields.Select(f => (JsonNode)f.ToJson()).ToArray());
}

/// <summary>A WiseCX case.</summary>
internal sealed class CaseRecord
{
    public long Id { get; init; }
    public long Number { get; init; }
    public long GroupId { get; set; }
    public long UserId { get; set; }
    public long ContactId { get; set; }
    public string Status { get; set; } = "opened";
    public string SourceChannel { get; set; } = "web";
    public List<string> Tags { get; set; } = [];
    public long TypeId { get; set; }
    public string Subject { get; set; } = "";
    public string Priority { get; set; } = "none";
    public DateTime? DueAt { get; set; }
    public List<CustomField> CustomFields { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? SolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? LastRead { get; set; }
    public DateTime LastUpdate { get; set; }
    public DateTime? FirstRead { get; set; }
    public DateTime? LastAssignment { get; set; }
    public DateTime? FirstResponse { get; set; }
    public DateTime? LastResponse { get; set; }
    public int? NpsValue { get; set; }
    public bool Spam { get; set; }
    public bool Deleted { get; set; }
    public string ChannelAccount { get; set; } = "";
    public bool BotResolved { get; set; }
    public bool BotAttended { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>True for cases made by POST /cases (not by the seed): /_sandbox/stats lists their subjects.</summary>
    public bool CreatedByRequest { get; init; }
    public List<ActivityRecord> Activities { get; } = [];
}

/// <summary>An activity (message, note, system event) of a case.</summary>
internal sealed class ActivityRecord
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    public string Type { get; init; } = "note";
    public long UserId { get; init; }
    public string Channel { get; init; } = "web";
    public string? Content { get; init; }
    public ContactSnapshot? ContactFrom { get; init; }
    public List<ContactSnapshot>? ContactsTo { get; init; }
    public List<Attachment>? Attachments { get; init; }
    public long? TemplateId { get; init; }
    public DateTime CreatedAt { get; init; }
    public string SendingStatus { get; init; } = "ok";
}

/// <summary>A file attached to an activity; the API answers with its own relative download URL.</summary>
internal sealed record Attachment(string FileName, long AttachmentId, string Url)
{
    public JsonObject ToJson() => new() { ["filename"] = FileName, ["attachment_id"] = AttachmentId, ["url"] = Url };
}

/// <summary>A contact as embedded in an activity: a copy taken when the activity was written.</summary>
internal sealed record ContactSnapshot(long Id, string Email, string Name, string Phone, string PersonalId, IReadOnlyList<CustomField> CustomFields)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["email"] = Email,
        ["name"] = Name,
        ["phone"] = Phone,
        ["personal_id"] = PersonalId,
        ["custom_fields"] = CustomField.ToJson(CustomFields),
    };
}

/// <summary>A WiseCX contact.</summary>
internal sealed class ContactRecord
{
    public long Id { get; init; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PersonalId { get; set; } = "";
    public string Guid { get; set; } = "";
    public string Password { get; set; } = "";
    public long? OrganizationId { get; set; }
    public string Address { get; set; } = "";
    public List<CustomField> CustomFields { get; set; } = [];
    public DateTime LastUpdate { get; set; }
    public bool Deleted { get; set; }

    public ContactSnapshot Snapshot() => new(Id, Email, Name, Phone, PersonalId, CustomFields.ToArray());
}

/// <summary>A contact reference as sent in contact_from / contacts_to: any of id, email, personal_id, phone identifies it.</summary>
internal sealed record ContactInput(long? Id, string? Email, string? PersonalId, string? Phone, string? Name, IReadOnlyList<CustomField>? CustomFields);
