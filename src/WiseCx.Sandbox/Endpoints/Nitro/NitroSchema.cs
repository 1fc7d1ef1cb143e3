using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>A campaign with what its JSON needs: the state (template names) and the moment (statuses follow wall time).</summary>
internal sealed record CampaignView(NitroCampaignRecord Campaign, SandboxState State, DateTime Now);

/// <summary>A delivery (message contact) with its campaign and the moment.</summary>
internal sealed record DeliveryView(NitroDeliveryRecord Delivery, NitroCampaignRecord Campaign, DateTime Now)
{
    public string Status => Delivery.StatusAt(Now, Campaign.CancelledAt);
}

/// <summary>
/// Nitro's JSON: ids as strings, <c>""</c> for unset dates, message configs shown as the campaign example shows them.
/// The collection documents filtering on Nitro lists but gives no operator table: the tables here are the sandbox's guess.
/// </summary>
internal static class NitroSchema
{
    /// <summary>Resource prefix of campaign filter fields (<c>campaign.status</c>): undocumented, one line to change.</summary>
    public const string CampaignFilterPrefix = "campaign";

    /// <summary>Resource prefix of message-contact filter fields (<c>contact.status</c>): undocumented, one line to change.</summary>
    public const string MessageContactFilterPrefix = "contact";

    public static readonly IReadOnlyList<string> CampaignTypes = [NitroCampaignRecord.Simple, NitroCampaignRecord.Transactional];

    /// <summary>GET /nitro/campaigns and /nitro/campaigns/{id}, in the example's order (description added after type).</summary>
    public static readonly FieldSet<CampaignView> CampaignFields = new FieldSet<CampaignView>()
        .Add("id", v => Id(v.Campaign.Id), v => v.Campaign.Id)
        .Add("name", v => v.Campaign.Name, v => v.Campaign.Name)
        .Add("type", v => v.Campaign.Type, v => v.Campaign.Type)
        .Add("description", v => v.Campaign.Description, v => v.Campaign.Description)
        .Add("status", v => v.Campaign.StatusAt(v.Now), v => v.Campaign.StatusAt(v.Now))
        .Add("created_at", v => NitroDate.Format(v.Campaign.CreatedAt), v => v.Campaign.CreatedAt)
        .Add("updated_at", v => NitroDate.Format(v.Campaign.UpdatedAt), v => v.Campaign.UpdatedAt)
        .Add("scheduled_at", v => NitroDate.Format(v.Campaign.ScheduledAtFor(v.Now)), v => v.Campaign.ScheduledAtFor(v.Now))
        .Add("messages", v => new JsonArray(v.Campaign.Messages.Select(m => (JsonNode)MessageJson(m, v)).ToArray()));

    private static readonly FilterOperator[] Equality = [In, NotIn, Equal, NotEqual];
    private static readonly FilterOperator[] Ordered = [In, NotIn, Equal, NotEqual, Greater, Lower, GreaterEqual, LowerEqual];

    public static readonly FilterSchema<CampaignView> CampaignFilter = new FilterSchema<CampaignView>(CampaignFilterPrefix)
        .Number("id", v => v.Campaign.Id, Equality)
        .Text("name", v => v.Campaign.Name, In, NotIn, Equal, NotEqual, Contains)
        .Text("type", v => v.Campaign.Type, Equality)
        .Text("status", v => v.Campaign.StatusAt(v.Now), Equality)
        .Date("created_at", v => v.Campaign.CreatedAt, Ordered)
        .Date("updated_at", v => v.Campaign.UpdatedAt, Ordered)
        .Date("scheduled_at", v => v.Campaign.ScheduledAtFor(v.Now), Ordered);

    /// <summary>GET …/messages/{mid}/contacts, as the example shows a message contact.</summary>
    public static readonly FieldSet<DeliveryView> MessageContactFields = new FieldSet<DeliveryView>()
        .Add("tracking_id", v => ListTrackingId(v.Delivery), v => v.Delivery.Number)
        .Add("contact_id", v => Id(v.Delivery.ContactId), v => v.Delivery.ContactId)
        .Add("phone", v => v.Delivery.Phone, v => v.Delivery.Phone)
        .Add("channel", v => v.Delivery.Channel, v => v.Delivery.Channel)
        .Add("status", v => v.Status, v => v.Status)
        .Add("created_at", v => NitroDate.Format(v.Delivery.CreatedAt), v => v.Delivery.CreatedAt)
        .Add("case_id", v => v.Delivery.CaseId, v => v.Delivery.CaseId)
        .Add("channel_detail", ChannelDetail);

    public static readonly FilterSchema<DeliveryView> MessageContactFilter = new FilterSchema<DeliveryView>(MessageContactFilterPrefix)
        .Text("tracking_id", v => ListTrackingId(v.Delivery), In, Equal)
        .Number("contact_id", v => v.Delivery.ContactId, In, Equal)
        .Text("phone", v => v.Delivery.Phone, In, Equal, Contains)
        .Text("status", v => v.Status, Equality)
        .Number("case_id", v => v.Delivery.CaseId, Equality)
        .Date("created_at", v => v.Delivery.CreatedAt, Ordered);

    /// <summary>Nitro ids are strings, unlike ids everywhere else in the API.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The tracking id as the message-contacts list spells it (<c>wa_3264</c>); the send answer says <c>wa-3264</c>.</summary>
    public static string ListTrackingId(NitroDeliveryRecord delivery) => $"{delivery.Prefix}_{delivery.Number}";

    public static string SendTrackingId(NitroDeliveryRecord delivery) => $"{delivery.Prefix}-{delivery.Number}";

    /// <summary>A message inside a campaign: string id, computed status and stats, the config as the campaign example shows it.</summary>
    public static JsonObject MessageJson(NitroMessageRecord message, CampaignView view) => new()
    {
        ["id"] = Id(message.Id),
        ["channel"] = message.Channel,
        ["status"] = message.StatusAt(view.Campaign, view.Now),
        ["scheduled_at"] = NitroDate.Format(message.ScheduledAtFor(view.Campaign, view.Now)),
        ["sent_at"] = NitroDate.Format(message.SentAtFor(view.Campaign, view.Now)),
        ["stats"] = Stats(message, view),
        ["channel_config"] = DisplayConfig(message, view.State),
    };

    /// <summary>The create/update answer: <c>{"data":{"id","campaign_id","channel","channel_config"}}</c>, ids as numbers there.</summary>
    public static JsonObject MessageWriteAnswer(NitroMessageRecord message) => ListShapes.Wrapped(new JsonObject
    {
        ["id"] = message.Id,
        ["campaign_id"] = message.CampaignId,
        ["channel"] = message.Channel,
        ["channel_config"] = message.Config.DeepClone(),
    });

    private static JsonObject Stats(NitroMessageRecord message, CampaignView view)
    {
        var statuses = message.Deliveries
            .Where(d => d.CreatedAt <= view.Now)
            .Select(d => (d.StatusAt(view.Now, view.Campaign.CancelledAt), d))
            .ToArray();
        int Count(Func<(string Status, NitroDeliveryRecord Delivery), bool> test) => statuses.Count(test);
        return new JsonObject
        {
            ["total"] = statuses.Length,
            ["sent"] = Count(s => s.Status is "sent" or "delivered" or "read"),
            ["delivered"] = Count(s => s.Status is "delivered" or "read"),
            ["opened"] = Count(s => s.Status == "read"),
            ["clicked"] = Count(s => s.Status == "read" && s.Delivery.Clicked),
            ["replied"] = Count(s => s.Delivery.CaseId != 0),
            ["failed"] = Count(s => s.Status == "failed"),
            ["bounced"] = Count(s => s.Status == "bounced"),
            ["unsubscribed"] = 0,
        };
    }

    // The campaign example shows a WhatsApp config with the template's name and language, and an email config whose content
    // is a storage reference rather than the HTML that was sent; the rest of what was sent follows.
    private static JsonObject DisplayConfig(NitroMessageRecord message, SandboxState state)
    {
        var config = (JsonObject)message.Config.DeepClone();
        switch (message.Channel)
        {
            case "whatsapp":
                {
                    var templateId = config["template_id"]?.GetValue<string>() ?? "";
                    var template = state.WhatsAppTemplates.FirstOrDefault(t => Id(t.TemplateId) == templateId);
                    var shown = new JsonObject
                    {
                        ["template_id"] = templateId,
                        ["template_name"] = template?.Name ?? "",
                        ["language"] = template?.Language ?? "es",
                    };
                    foreach (var (key, value) in config.Where(p => p.Key != "template_id").ToArray())
                    {
                        config.Remove(key);
                        shown[key] = value;
                    }
                    return shown;
                }
            case "email":
                {
                    var shown = new JsonObject
                    {
                        ["subject"] = config["subject"]?.DeepClone(),
                        ["from_name"] = config["from_name"]?.DeepClone() ?? "Wcx",
                        ["from_email"] = config["from_email"]?.DeepClone(),
                        ["template_id"] = "0",
                        ["email_content"] = $"aws_s3:14063:{message.CampaignId}:{message.Id}.txt",
                    };
                    foreach (var key in new[] { "headers", "reply_type", "reply_id" })
                    {
                        if (config[key] is { } value) shown[key] = value.DeepClone();
                    }
                    return shown;
                }
            default:
                return config;
        }
    }

    private static JsonObject ChannelDetail(DeliveryView view)
    {
        var d = view.Delivery;
        var idKey = d.Channel switch { "email" => "email_id", "call" => "call_id", _ => "whatsapp_id" };
        var sent = view.Status is "queued" or "cancelled" ? null : (DateTime?)d.SentAt;
        var detail = new JsonObject { [idKey] = sent is null ? "" : d.ExternalId };
        if (d.Channel == "email") detail["email"] = d.Email;
        detail["sent_at"] = NitroDate.Format(sent);
        detail["delivered_at"] = NitroDate.Format(d.DeliveredAt(view.Now));
        detail["last_open_date"] = NitroDate.Format(d.OpenedAt(view.Now));
        detail["last_click_date"] = NitroDate.Format(d.ClickedAt(view.Now));
        return detail;
    }
}
