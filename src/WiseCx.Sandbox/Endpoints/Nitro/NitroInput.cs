using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>A validated POST /nitro/campaigns body; <see cref="GroupIds"/> is null for transactional campaigns.</summary>
internal sealed record CampaignCreateInput(string Name, string Type, string Description, IReadOnlyList<long>? GroupIds);

/// <summary>A validated PUT /nitro/campaigns/{id} body; null = not sent.</summary>
internal sealed record CampaignUpdateInput(string Name, string? Description, IReadOnlyList<long>? GroupIds);

/// <summary>A validated message body: channel (create only), the normalized channel_config, and the optional root scheduled_at.</summary>
internal sealed record MessageInput(string? Channel, JsonElement Config, DateTime? ScheduledAt);

/// <summary>A contact of a transactional send: an id, or identifying fields.</summary>
internal sealed record SendContactInput(long? Id, string? Email, string? PersonalId, string? Phone, string? Name);

/// <summary>One validated transactional send (single, or one item of the bulk list).</summary>
internal sealed record SendInput(
    long? CampaignId, IReadOnlyList<string> Channels, SendContactInput Contact, IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Metadata, long? UserId, string Label);

/// <summary>
/// Validation of Nitro bodies per the collection's tables: campaigns, channel-specific message configs (WhatsApp, Email,
/// Call, with the reply_type matrix) and transactional sends.
/// </summary>
internal static class NitroInput
{
    public static readonly IReadOnlyList<string> MessageChannels = ["whatsapp", "email", "call"];
    public static readonly IReadOnlyList<string> SendChannels = ["whatsapp", "email", "call", "sms"];
    public static readonly IReadOnlyList<string> WhatsAppReplyTypes = ["group", "user", "assistant"];
    public static readonly IReadOnlyList<string> EmailReplyTypes = ["group"];
    public static readonly IReadOnlyList<string> CallReplyTypes = ["group", "user", "ivr", "audio", "survey"];

    /// <summary>Bulk transactional sends: the docs set no limit; the sandbox takes 100 per request, like list pages.</summary>
    public const int MaxBulkSends = 100;

    /// <summary>Nitro dates are written in the account's time zone; the sandbox account is in Argentina (UTC-3).</summary>
    public static readonly TimeSpan AccountOffset = TimeSpan.FromHours(-3);

    public static CampaignCreateInput ParseCampaignCreate(JsonElement body)
    {
        var name = RequiredString(body, "name", "name").Trim();
        var type = OptionalEnum(body, "type", "type", NitroSchema.CampaignTypes) ?? throw ApiException.BadRequest("type is required.");
        var description = OptionalString(body, "description", "description")?.Trim() ?? "";
        // Not applicable to transactional campaigns: the collection's own example sends it there, and it is ignored.
        var groups = type == NitroCampaignRecord.Simple
            ? ParseGroupIds(body) ?? throw ApiException.BadRequest("groups_ids is required for simple campaigns (e.g. \"123,456\").")
            : null;
        return new CampaignCreateInput(name, type, description, groups);
    }

    public static CampaignUpdateInput ParseCampaignUpdate(JsonElement body) => new(
        RequiredString(body, "name", "name").Trim(),
        OptionalString(body, "description", "description")?.Trim(),
        ParseGroupIds(body));

    private static List<long>? ParseGroupIds(JsonElement body)
    {
        var text = OptionalScalarText(body, "groups_ids", "groups_ids");
        if (text is null) return null;
        var ids = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                throw ApiException.BadRequest($"groups_ids must be a comma-separated list of group ids such as \"123,456\", not \"{text}\".");
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    /// <summary>POST …/messages: channel and channel_config required.</summary>
    public static MessageInput ParseMessageCreate(JsonElement body)
    {
        var channel = OptionalEnum(body, "channel", "channel", MessageChannels) ?? throw ApiException.BadRequest("channel is required.");
        var config = OptionalObject(body, "channel_config", "channel_config") ?? throw ApiException.BadRequest("channel_config is required.");
        return new MessageInput(channel, config, ParseScheduledAt(body));
    }

    /// <summary>PUT …/messages/{mid}: channel_config required (full replacement); channel refused, it is immutable.</summary>
    public static MessageInput ParseMessageUpdate(JsonElement body)
    {
        if (IsPresent(body, "channel"))
            throw ApiException.BadRequest("channel is immutable after creation: do not send it in an update.");
        var config = OptionalObject(body, "channel_config", "channel_config") ?? throw ApiException.BadRequest("channel_config is required.");
        return new MessageInput(null, config, ParseScheduledAt(body));
    }

    private static DateTime? ParseScheduledAt(JsonElement body) =>
        OptionalString(body, "scheduled_at", "scheduled_at") is { } text ? ParseAccountTime(text, "scheduled_at") : null;

    /// <summary>A <c>YYYY-MM-DD HH:MM:SS</c> in account time, returned as UTC.</summary>
    public static DateTime ParseAccountTime(string text, string label) =>
        ApiDate.TryParse(text, out var local) && text.Trim().Length >= 16
            ? local - AccountOffset
            : throw ApiException.BadRequest($"{label} must be a date and time as YYYY-MM-DD HH:MM:SS, not '{text}'.");

    /// <summary>Validates a channel_config for its channel and returns it normalized (template_id as a string, call defaults filled).</summary>
    public static JsonObject NormalizeConfig(string channel, JsonElement config) => channel switch
    {
        "whatsapp" => WhatsAppConfig(config),
        "email" => EmailConfig(config),
        _ => CallConfig(config),
    };

    private static JsonObject WhatsAppConfig(JsonElement config)
    {
        const string p = "channel_config";
        // The table says string; the collection's own example sends a number (7): both are read as the template id.
        var templateId = OptionalScalarText(config, "template_id", $"{p}.template_id")?.Trim();
        if (string.IsNullOrEmpty(templateId)) throw ApiException.BadRequest($"{p}.template_id is required for whatsapp messages.");
        var result = new JsonObject { ["template_id"] = templateId };

        if (OptionalArray(config, "variables", $"{p}.variables") is { } variables)
        {
            var list = new JsonArray();
            var i = 0;
            foreach (var item in variables.EnumerateArray())
            {
                var label = $"{p}.variables[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{label} must be an object with name, value_from, value_default.");
                list.Add(new JsonObject
                {
                    ["name"] = RequiredString(item, "name", $"{label}.name"),
                    ["value_from"] = OptionalString(item, "value_from", $"{label}.value_from") ?? "",
                    ["value_default"] = OptionalScalarText(item, "value_default", $"{label}.value_default") ?? "",
                });
            }
            result["variables"] = list;
        }

        var replyType = OptionalEnum(config, "reply_type", $"{p}.reply_type", WhatsAppReplyTypes);
        var replyId = OptionalLong(config, "reply_id", $"{p}.reply_id");
        var replyNode = OptionalString(config, "reply_node", $"{p}.reply_node");
        if (replyType is not null) result["reply_type"] = replyType;
        switch (replyType)
        {
            case "group" or "assistant" when replyId is null:
                throw ApiException.BadRequest($"{p}.reply_id is required when reply_type is {replyType}.");
            case "assistant" when string.IsNullOrWhiteSpace(replyNode):
                throw ApiException.BadRequest($"{p}.reply_node is required when reply_type is assistant.");
            case "user":
                // Not used with user: dropped, as the docs say.
                break;
            default:
                if (replyId is not null) result["reply_id"] = replyId;
                break;
        }
        if (replyType == "assistant") result["reply_node"] = replyNode;
        return result;
    }

    private static JsonObject EmailConfig(JsonElement config)
    {
        const string p = "channel_config";
        var fromEmail = RequiredString(config, "from_email", $"{p}.from_email").Trim();
        if (!fromEmail.Contains('@', StringComparison.Ordinal) || fromEmail.StartsWith('@') || fromEmail.EndsWith('@'))
            throw ApiException.BadRequest($"{p}.from_email must be an email address, not '{fromEmail}'.");
        var result = new JsonObject
        {
            ["from_email"] = fromEmail,
            ["subject"] = RequiredString(config, "subject", $"{p}.subject"),
            ["email_content"] = RequiredString(config, "email_content", $"{p}.email_content"),
        };
        if (OptionalString(config, "from_name", $"{p}.from_name") is { Length: > 0 } fromName) result["from_name"] = fromName;
        if (OptionalArray(config, "headers", $"{p}.headers") is { } headers)
        {
            var list = new JsonArray();
            var i = 0;
            foreach (var item in headers.EnumerateArray())
            {
                var label = $"{p}.headers[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{label} must be an object with key and value.");
                list.Add(new JsonObject
                {
                    ["key"] = RequiredString(item, "key", $"{label}.key"),
                    ["value"] = OptionalScalarText(item, "value", $"{label}.value") is { Length: > 0 } value
                        ? value
                        : throw ApiException.BadRequest($"{label}.value is required."),
                });
            }
            result["headers"] = list;
        }
        if (OptionalEnum(config, "reply_type", $"{p}.reply_type", EmailReplyTypes) is { } replyType) result["reply_type"] = replyType;
        if (OptionalLong(config, "reply_id", $"{p}.reply_id") is { } replyId) result["reply_id"] = replyId;
        return result;
    }

    private static JsonObject CallConfig(JsonElement config)
    {
        const string p = "channel_config";
        var result = new JsonObject
        {
            ["call_number_id"] = OptionalLong(config, "call_number_id", $"{p}.call_number_id")
                ?? throw ApiException.BadRequest($"{p}.call_number_id is required for call messages."),
        };
        var replyType = OptionalEnum(config, "reply_type", $"{p}.reply_type", CallReplyTypes);
        var replyId = OptionalLong(config, "reply_id", $"{p}.reply_id");
        var replyUrl = OptionalString(config, "reply_url", $"{p}.reply_url");
        if (replyType is not null)
        {
            result["reply_type"] = replyType;
            if (replyType == "audio")
            {
                if (!Uri.TryCreate(replyUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    throw ApiException.BadRequest($"{p}.reply_url is required when reply_type is audio (an http or https URL).");
                result["reply_url"] = replyUrl;
            }
            else
            {
                result["reply_id"] = replyId ?? throw ApiException.BadRequest($"{p}.reply_id is required when reply_type is {replyType}.");
            }
        }
        result["only_when_available"] = OptionalBool(config, "only_when_available", $"{p}.only_when_available") ?? false;
        result["only_business_hours"] = OptionalBool(config, "only_business_hours", $"{p}.only_business_hours") ?? false;
        var simultaneous = OptionalLong(config, "simultaneous_calls", $"{p}.simultaneous_calls") ?? 1;
        if (simultaneous is < 1 or > 7) throw ApiException.BadRequest($"{p}.simultaneous_calls must be between 1 and 7.");
        result["simultaneous_calls"] = simultaneous;
        return result;
    }

    /// <summary>One transactional send; <paramref name="bulk"/> also requires campaign_id. <paramref name="label"/> prefixes messages.</summary>
    public static SendInput ParseSend(JsonElement item, string label, bool bulk)
    {
        if (item.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{(label.Length == 0 ? "Request body" : label)} must be an object.");
        string L(string name) => label.Length == 0 ? name : $"{label}.{name}";

        long? campaignId = null;
        if (bulk)
        {
            campaignId = OptionalLong(item, "campaign_id", L("campaign_id")) ?? throw ApiException.BadRequest($"{L("campaign_id")} is required.");
        }

        var channelsJson = OptionalArray(item, "channels", L("channels")) ?? throw ApiException.BadRequest($"{L("channels")} is required.");
        var channels = new List<string>();
        var i = 0;
        foreach (var channel in channelsJson.EnumerateArray())
        {
            var channelLabel = $"{L("channels")}[{i++}]";
            var text = channel.ValueKind == JsonValueKind.String ? channel.GetString()!.Trim().ToLowerInvariant() : null;
            text = text is "calls" ? "call" : text;
            if (text is null || !SendChannels.Contains(text))
                throw ApiException.BadRequest($"{channelLabel} must be one of: {string.Join(", ", SendChannels)}.");
            if (!channels.Contains(text)) channels.Add(text);
        }
        if (channels.Count == 0) throw ApiException.BadRequest($"{L("channels")} must name at least one channel.");

        var contactJson = OptionalObject(item, "contact", L("contact")) ?? throw ApiException.BadRequest($"{L("contact")} is required.");
        var contactId = OptionalLong(contactJson, "id", L("contact.id"));
        var contact = new SendContactInput(
            contactId is > 0 ? contactId : null, // the example sends "id": 0 for "no id"
            Blank(OptionalString(contactJson, "email", L("contact.email"))),
            Blank(OptionalScalarText(contactJson, "personal_id", L("contact.personal_id"))),
            Blank(OptionalScalarText(contactJson, "phone", L("contact.phone"))),
            Blank(OptionalString(contactJson, "name", L("contact.name"))));
        if (contact.Id is null)
        {
            if (contact.Email is null && contact.PersonalId is null && contact.Phone is null)
                throw ApiException.BadRequest($"{L("contact")} needs an id or at least one of: email, personal_id, phone.");
            foreach (var channel in channels)
            {
                if (NitroSends.NeedsPhone(channel) && contact.Phone is null)
                    throw ApiException.BadRequest($"{L("contact.phone")} is required for channel {channel}.");
                if (channel == "email" && contact.Email is null)
                    throw ApiException.BadRequest($"{L("contact.email")} is required for channel email.");
            }
        }

        return new SendInput(campaignId, channels, contact, Dictionary(item, "variables", L("variables")),
            Dictionary(item, "metadata", L("metadata")), OptionalLong(item, "user_id", L("user_id")), label);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Dictionary<string, string> Dictionary(JsonElement item, string name, string label)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (OptionalObject(item, name, label) is not { } obj) return result;
        foreach (var property in obj.EnumerateObject())
        {
            result[property.Name] = OptionalScalarText(obj, property.Name, $"{label}.{property.Name}") ?? "";
        }
        return result;
    }
}
