namespace WiseCx.Sandbox.Data;

/// <summary>Nitro writes unset dates as <c>""</c>, never null.</summary>
internal static class NitroDate
{
    public static string Format(DateTime? utc) => utc is { } value ? ApiDate.Format(value) : "";
}

/// <summary>
/// A Nitro campaign. A simple (bulk) campaign's send runs on wall time once started, so its status is computed, never
/// stored: <c>sending</c> reads as scheduled (before the start), running (one step preparing, three sending) and then finished.
/// </summary>
internal sealed class NitroCampaignRecord
{
    public const string Simple = "simple";
    public const string Transactional = "transactional";

    /// <summary>Steps of a bulk send after its start: one preparing, three sending.</summary>
    public const int SendSteps = 4;

    public long Id { get; init; }
    public string Name { get; set; } = "";
    public string Type { get; init; } = Simple;
    public string Description { get; set; } = "";
    public List<long> GroupIds { get; set; } = [];

    /// <summary>Stored state: draft, sending, cancelled (simple); draft, running, stopped (transactional); deleted.</summary>
    public string State { get; set; } = "draft";

    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When a bulk send starts (the schedule, or the moment of the send action).</summary>
    public DateTime? SendStartsAt { get; set; }

    public DateTime? CancelledAt { get; set; }
    public TimeSpan Step { get; set; } = TimeSpan.FromSeconds(1);
    public List<NitroMessageRecord> Messages { get; } = [];

    public bool IsSimple => Type == Simple;

    public DateTime? SendEndsAt => SendStartsAt + Step * SendSteps;

    public string StatusAt(DateTime now) => State switch
    {
        "sending" when now < SendStartsAt => "scheduled",
        "sending" when now < SendEndsAt => "running",
        "sending" => "finished",
        _ => State,
    };

    /// <summary>The scheduled_at the campaign shows: only a bulk send that has not started yet has one.</summary>
    public DateTime? ScheduledAtFor(DateTime now) => State == "sending" && now < SendStartsAt ? SendStartsAt : null;
}

/// <summary>A message of a campaign: one channel and its configuration (kept as the validated input).</summary>
internal sealed class NitroMessageRecord
{
    public long Id { get; init; }
    public long CampaignId { get; init; }
    public string Channel { get; init; } = "whatsapp";
    public JsonObject Config { get; set; } = [];

    /// <summary>Stored state of a transactional campaign's message: draft, scheduled (active) or stopped.</summary>
    public string State { get; set; } = "draft";

    public DateTime? ScheduledAt { get; set; }
    public List<NitroDeliveryRecord> Deliveries { get; } = [];

    public string StatusAt(NitroCampaignRecord campaign, DateTime now)
    {
        if (!campaign.IsSimple) return State;
        return campaign.State switch
        {
            "sending" when now < campaign.SendStartsAt => "scheduled",
            "sending" when now < campaign.SendStartsAt + campaign.Step => "preparing",
            "sending" when now < campaign.SendEndsAt => "sending",
            "sending" => "sent",
            "cancelled" => "cancelled",
            _ => "draft",
        };
    }

    public DateTime? ScheduledAtFor(NitroCampaignRecord campaign, DateTime now) =>
        campaign.IsSimple && campaign.State == "sending" ? campaign.SendStartsAt : ScheduledAt;

    public DateTime? SentAtFor(NitroCampaignRecord campaign, DateTime now) =>
        campaign.IsSimple && campaign.State == "sending" && now >= campaign.SendEndsAt ? campaign.SendEndsAt : null;
}

/// <summary>
/// One send of a message to one contact: a bulk recipient or a transactional request. Its status follows wall time
/// (queued until <see cref="SentAt"/>, then <see cref="FinalStatus"/>), so sends "progress" without a timer.
/// </summary>
internal sealed class NitroDeliveryRecord
{
    public long Number { get; init; }
    public string Channel { get; init; } = "whatsapp";
    public long CampaignId { get; init; }
    public long MessageId { get; init; }
    public long ContactId { get; init; }
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime SentAt { get; init; }

    /// <summary>sent, delivered, read or failed (whatsapp, call), bounced for email.</summary>
    public string FinalStatus { get; init; } = "delivered";

    public bool Clicked { get; init; }
    public string ExternalId { get; init; } = "";
    public long CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public bool Transactional { get; init; }
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The tracking-id prefix of a channel: wa, em, call, sms.</summary>
    public static string PrefixOf(string channel) => channel switch
    {
        "whatsapp" => "wa",
        "email" => "em",
        "call" => "call",
        _ => channel,
    };

    public string Prefix => PrefixOf(Channel);

    public string StatusAt(DateTime now, DateTime? cancelledAt)
    {
        if (cancelledAt is { } cancelled && SentAt > cancelled) return "cancelled";
        return now < SentAt ? "queued" : FinalStatus;
    }

    public DateTime? DeliveredAt(DateTime now) => Reached(now, FinalStatus is "delivered" or "read" ? SentAt.AddSeconds(3) : null);

    public DateTime? OpenedAt(DateTime now) => Reached(now, FinalStatus == "read" ? SentAt.AddMinutes(4) : null);

    public DateTime? ClickedAt(DateTime now) => Reached(now, FinalStatus == "read" && Clicked ? SentAt.AddMinutes(6) : null);

    private static DateTime? Reached(DateTime now, DateTime? at) => at is { } value && value <= now ? value : null;
}
