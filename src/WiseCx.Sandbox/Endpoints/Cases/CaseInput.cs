using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>An attachment as sent: by URL, or inline as base64 <c>content</c>.</summary>
internal sealed record AttachmentInput(string FileName, string? Url, int InlineBytes);

/// <summary>A WhatsApp template reference of a user_reply.</summary>
internal sealed record TemplateInput(long TemplateId, IReadOnlyList<KeyValuePair<string, string>> Parameters);

/// <summary>A validated activity of a POST or PUT /cases body. <see cref="Label"/> is its path for error messages.</summary>
internal sealed record ActivityInput(
    string Label, string Type, long? UserId, string? Channel, string? Content, TemplateInput? Template,
    ContactInput? ContactFrom, IReadOnlyList<ContactInput>? ContactsTo, IReadOnlyList<AttachmentInput>? Attachments)
{
    /// <summary>Every contact referenced, with its path, so unknown contact ids can be refused before anything changes.</summary>
    public IEnumerable<(ContactInput Contact, string Label)> ContactRefs()
    {
        if (ContactFrom is not null) yield return (ContactFrom, $"{Label}.contact_from");
        for (var i = 0; i < (ContactsTo?.Count ?? 0); i++) yield return (ContactsTo![i], $"{Label}.contacts_to[{i}]");
    }
}

/// <summary>A validated POST /cases body.</summary>
internal sealed record CaseCreateInput(
    long GroupId, long? UserId, string SourceChannel, IReadOnlyList<string> Tags, long? TypeId, string Subject,
    string? Priority, DateTime? DueAt, IReadOnlyList<CustomField> CustomFields, IReadOnlyList<ActivityInput> Activities);

/// <summary>A validated PUT /cases/{id} body; null = leave unchanged.</summary>
internal sealed record CaseUpdateInput(
    long? GroupId, long? UserId, string? Status, IReadOnlyList<string>? Tags, long? TypeId, string? Subject,
    string? Priority, bool DueAtSent, DateTime? DueAt, IReadOnlyList<CustomField>? CustomFields,
    IReadOnlyList<ActivityInput> Activities, bool? Spam, bool? Deleted);

/// <summary>
/// Validation of POST/PUT /cases bodies per the collection's tables. Everything that can be checked without the data
/// is checked here, before the store is locked; messages name the offending field.
/// </summary>
internal static class CaseInput
{
    // The docs cap inline (base64) attachments at 5 MB per request.
    public const int MaxInlineBytes = 5 * 1024 * 1024;

    /// <param name="body">The request body.</param>
    /// <param name="strictVocabularies">Only documented statuses and channels (<see cref="SandboxConfig.StrictVocabularies"/>).</param>
    public static CaseCreateInput ParseCreate(JsonElement body, bool strictVocabularies)
    {
        var groupId = RequiredLong(body, "group_id", "group_id");
        var sourceChannel = CaseVocabulary.OptionalChannel(body, "source_channel", "source_channel", strictVocabularies)
            ?? throw ApiException.BadRequest("source_channel is required.");
        var subject = RequiredString(body, "subject", "subject");
        var activitiesJson = OptionalArray(body, "activities", "activities")
            ?? throw ApiException.BadRequest("activities is required.");
        if (activitiesJson.GetArrayLength() == 0)
            throw ApiException.BadRequest("activities must contain at least one activity.");

        return new CaseCreateInput(
            groupId,
            OptionalLong(body, "user_id", "user_id"),
            sourceChannel,
            ParseTags(body, allowSingleString: true) ?? [],
            OptionalLong(body, "type_id", "type_id"),
            subject.Trim(),
            OptionalEnum(body, "priority", "priority", Seed.Priorities),
            OptionalDate(body, "due_at", "due_at"),
            ParseCustomFields(body, "custom_fields", "custom_fields") ?? [],
            ParseActivities(activitiesJson, strictVocabularies));
    }

    /// <inheritdoc cref="ParseCreate"/>
    public static CaseUpdateInput ParseUpdate(JsonElement body, bool strictVocabularies)
    {
        var subject = OptionalString(body, "subject", "subject");
        if (subject is not null && string.IsNullOrWhiteSpace(subject))
            throw ApiException.BadRequest("subject must not be empty.");
        var activitiesJson = OptionalArray(body, "activities", "activities");

        return new CaseUpdateInput(
            OptionalLong(body, "group_id", "group_id"),
            OptionalLong(body, "user_id", "user_id"),
            CaseVocabulary.OptionalStatus(body, "status", "status", strictVocabularies),
            // The PUT table documents tags as string[] (POST says string): only PUT is strict about it.
            ParseTags(body, allowSingleString: false),
            OptionalLong(body, "type_id", "type_id"),
            subject?.Trim(),
            OptionalEnum(body, "priority", "priority", Seed.Priorities),
            IsPresent(body, "due_at"),
            OptionalDate(body, "due_at", "due_at"),
            ParseCustomFields(body, "custom_fields", "custom_fields"),
            activitiesJson is { } a ? ParseActivities(a, strictVocabularies) : [],
            OptionalBool(body, "spam", "spam"),
            OptionalBool(body, "deleted", "deleted"));
    }

    private static List<string>? ParseTags(JsonElement body, bool allowSingleString)
    {
        if (!TryGet(body, "tags", out var tags)) return null;
        if (tags.ValueKind == JsonValueKind.String && allowSingleString)
        {
            // The POST table types tags as a string; read it as a comma-separated list.
            return tags.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        }
        if (tags.ValueKind != JsonValueKind.Array)
            throw ApiException.BadRequest(allowSingleString ? "tags must be a string or an array of strings." : "tags must be an array of strings.");
        var list = new List<string>();
        var i = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            if (tag.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(tag.GetString()))
                throw ApiException.BadRequest($"tags[{i}] must be a non-empty string.");
            var text = tag.GetString()!.Trim();
            if (!list.Contains(text)) list.Add(text);
            i++;
        }
        return list;
    }

    public static List<CustomField>? ParseCustomFields(JsonElement obj, string name, string label)
    {
        if (!TryGet(obj, name, out var fields)) return null;
        if (fields.ValueKind != JsonValueKind.Array)
            throw ApiException.BadRequest($"{label} must be an array of {{\"field\": …, \"value\": …}} objects.");
        var list = new List<CustomField>();
        var i = 0;
        foreach (var item in fields.EnumerateArray())
        {
            var itemLabel = $"{label}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw ApiException.BadRequest($"{itemLabel} must be an object with field and value.");
            var field = RequiredString(item, "field", $"{itemLabel}.field").Trim();
            var value = OptionalScalarText(item, "value", $"{itemLabel}.value")
                ?? throw ApiException.BadRequest($"{itemLabel}.value is required.");
            list.Add(new CustomField(field, value));
        }
        return list;
    }

    private static List<ActivityInput> ParseActivities(JsonElement array, bool strictVocabularies)
    {
        var list = new List<ActivityInput>();
        var inlineTotal = 0L;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var activity = ParseActivity(item, $"activities[{i++}]", strictVocabularies);
            inlineTotal += activity.Attachments?.Sum(a => (long)a.InlineBytes) ?? 0;
            list.Add(activity);
        }
        if (inlineTotal > MaxInlineBytes)
            throw ApiException.BadRequest(
                $"Attachments sent as content total {inlineTotal} bytes; the limit is 5 MB ({MaxInlineBytes} bytes) per request.");
        return list;
    }

    private static ActivityInput ParseActivity(JsonElement item, string label, bool strictVocabularies)
    {
        if (item.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{label} must be an object.");

        var type = OptionalEnum(item, "type", $"{label}.type", CaseSchema.ActivityTypes)
            ?? throw ApiException.BadRequest($"{label}.type is required.");
        var userId = OptionalLong(item, "user_id", $"{label}.user_id");
        var channel = CaseVocabulary.OptionalChannel(item, "channel", $"{label}.channel", strictVocabularies);
        var content = OptionalString(item, "content", $"{label}.content");
        var template = ParseTemplate(item, label);
        var contactFrom = OptionalObject(item, "contact_from", $"{label}.contact_from") is { } from
            ? ParseContact(from, $"{label}.contact_from")
            : null;
        var contactsTo = ParseContactList(item, label);
        var attachments = ParseAttachments(item, label);

        switch (type)
        {
            case "note" when userId is null:
                throw ApiException.BadRequest($"{label}.user_id is required for note activities.");
            case "user_reply" when userId is null && template is null:
                throw ApiException.BadRequest($"{label}.user_id is required for user_reply activities.");
            case "user_reply" when contactsTo is not { Count: > 0 }:
                throw ApiException.BadRequest($"{label}.contacts_to is required for user_reply activities.");
            case "contact_message" when contactFrom is null:
                throw ApiException.BadRequest($"{label}.contact_from is required for contact_message activities.");
        }

        var hasContent = !string.IsNullOrEmpty(content);
        var hasAttachments = attachments is { Count: > 0 };
        var isTemplateReply = type == "user_reply" && template is not null;
        if (!hasContent && !hasAttachments && !isTemplateReply)
            throw ApiException.BadRequest($"{label}.content is required when no attachments are sent.");

        return new ActivityInput(label, type, userId, channel, content, template, contactFrom, contactsTo, attachments);
    }

    private static TemplateInput? ParseTemplate(JsonElement item, string label)
    {
        if (OptionalObject(item, "template", $"{label}.template") is not { } template) return null;
        var id = RequiredLong(template, "template_id", $"{label}.template.template_id");
        var parameters = new List<KeyValuePair<string, string>>();
        if (OptionalArray(template, "parameters", $"{label}.template.parameters") is { } array)
        {
            var i = 0;
            foreach (var p in array.EnumerateArray())
            {
                var pLabel = $"{label}.template.parameters[{i++}]";
                if (p.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{pLabel} must be an object with key and value.");
                var key = RequiredString(p, "key", $"{pLabel}.key");
                var value = OptionalScalarText(p, "value", $"{pLabel}.value") ?? throw ApiException.BadRequest($"{pLabel}.value is required.");
                parameters.Add(new(key, value));
            }
        }
        return new TemplateInput(id, parameters);
    }

    private static List<ContactInput>? ParseContactList(JsonElement item, string label)
    {
        if (OptionalArray(item, "contacts_to", $"{label}.contacts_to") is not { } array) return null;
        var list = new List<ContactInput>();
        var i = 0;
        foreach (var contact in array.EnumerateArray())
        {
            var cLabel = $"{label}.contacts_to[{i++}]";
            if (contact.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{cLabel} must be an object.");
            list.Add(ParseContact(contact, cLabel));
        }
        return list;
    }

    public static ContactInput ParseContact(JsonElement contact, string label)
    {
        var input = new ContactInput(
            OptionalLong(contact, "id", $"{label}.id"),
            OptionalString(contact, "email", $"{label}.email"),
            OptionalScalarText(contact, "personal_id", $"{label}.personal_id"),
            OptionalScalarText(contact, "phone", $"{label}.phone"),
            OptionalString(contact, "name", $"{label}.name"),
            ParseCustomFields(contact, "custom_fields", $"{label}.custom_fields"));
        if (input.Id is null && string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.PersonalId)
            && string.IsNullOrWhiteSpace(input.Phone))
            throw ApiException.BadRequest($"{label} needs at least one of: id, email, personal_id, phone.");
        return input;
    }

    private static List<AttachmentInput>? ParseAttachments(JsonElement item, string label)
    {
        if (OptionalArray(item, "attachments", $"{label}.attachments") is not { } array) return null;
        var list = new List<AttachmentInput>();
        var i = 0;
        foreach (var attachment in array.EnumerateArray())
        {
            var aLabel = $"{label}.attachments[{i++}]";
            if (attachment.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{aLabel} must be an object.");
            var fileName = RequiredString(attachment, "filename", $"{aLabel}.filename");
            var url = OptionalString(attachment, "url", $"{aLabel}.url");
            var content = OptionalString(attachment, "content", $"{aLabel}.content");
            if (string.IsNullOrWhiteSpace(url) && string.IsNullOrEmpty(content))
                throw ApiException.BadRequest($"{aLabel} needs a url or a content (base64).");
            var inlineBytes = 0;
            if (!string.IsNullOrEmpty(content))
            {
                try
                {
                    inlineBytes = Convert.FromBase64String(content).Length;
                }
                catch (FormatException)
                {
                    throw ApiException.BadRequest($"{aLabel}.content must be base64.");
                }
            }
            list.Add(new AttachmentInput(fileName.Trim(), url, inlineBytes));
        }
        return list;
    }
}
