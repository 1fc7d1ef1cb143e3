namespace WiseCx
{
    /// <summary>
    /// A Nitro campaign: a simple (bulk) or transactional sending of WhatsApp messages, e-mails or calls.
    /// Nitro sends its ids as strings ("414"), so they are strings here.
    /// </summary>
    public sealed class NitroCampaign : WcxObject
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }

        /// <summary>simple (bulk) or transactional.</summary>
        public string? Type { get; set; }

        /// <summary>draft, scheduled, running, stopped, …</summary>
        public string? Status { get; set; }

        public string? Description { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        /// <summary>Null when not scheduled (the API sends "").</summary>
        public DateTime? ScheduledAt { get; set; }

        public WcxList<NitroCampaignMessage>? Messages { get; set; }

        public override string ToString() => Name is null ? "Campaign " + Id : "Campaign " + Id + ": " + Name;
    }

    /// <summary>A message of a Nitro campaign: one channel and its configuration.</summary>
    public sealed class NitroCampaignMessage : WcxObject
    {
        public string Id { get; set; } = "";

        /// <summary>The campaign; the module fills it in for messages listed inside a campaign, where the API omits it.</summary>
        public string? CampaignId { get; set; }

        /// <summary>whatsapp, email or call.</summary>
        public string? Channel { get; set; }

        public string? Status { get; set; }
        public DateTime? ScheduledAt { get; set; }
        public DateTime? SentAt { get; set; }
        public NitroMessageStats? Stats { get; set; }
        public NitroChannelConfig? ChannelConfig { get; set; }

        public override string ToString() => "Message " + Id + " (" + Channel + ")";
    }

    /// <summary>Delivery counters of a campaign message.</summary>
    public sealed class NitroMessageStats : WcxObject
    {
        public long? Total { get; set; }
        public long? Sent { get; set; }
        public long? Delivered { get; set; }
        public long? Opened { get; set; }
        public long? Clicked { get; set; }
        public long? Replied { get; set; }
        public long? Failed { get; set; }
        public long? Bounced { get; set; }
        public long? Unsubscribed { get; set; }

        public override string ToString() => Sent + "/" + Total + " sent";
    }

    /// <summary>
    /// A message's channel configuration as the API returns it: the members of the WhatsApp, e-mail and call forms
    /// together; each message fills the ones of its channel.
    /// </summary>
    public sealed class NitroChannelConfig : WcxObject
    {
        public string? TemplateId { get; set; }
        public string? TemplateName { get; set; }
        public string? Language { get; set; }
        public WcxList<NitroTemplateVariable>? Variables { get; set; }
        public string? ReplyType { get; set; }
        public long? ReplyId { get; set; }
        public string? ReplyNode { get; set; }
        public string? ReplyUrl { get; set; }
        public string? FromName { get; set; }
        public string? FromEmail { get; set; }
        public string? Subject { get; set; }
        public string? EmailContent { get; set; }
        public WcxList<NitroEmailHeader>? Headers { get; set; }
        public long? CallNumberId { get; set; }
        public bool? OnlyWhenAvailable { get; set; }
        public bool? OnlyBusinessHours { get; set; }
        public int? SimultaneousCalls { get; set; }

        public override string ToString() =>
            TemplateId != null ? "template " + TemplateId : Subject != null ? "e-mail: " + Subject : CallNumberId != null ? "call number " + CallNumberId : "";
    }

    /// <summary>A WhatsApp template variable: its placeholder, the contact field it is read from, and a fallback.</summary>
    public sealed class NitroTemplateVariable
    {
        /// <summary>The placeholder, e.g. {1}.</summary>
        public string Name { get; set; } = "";

        /// <summary>The contact field the value comes from, e.g. name.</summary>
        public string? ValueFrom { get; set; }

        public string? ValueDefault { get; set; }

        public override string ToString() => Name + "=" + (ValueFrom ?? ValueDefault);
    }

    /// <summary>An extra SMTP header of an e-mail message.</summary>
    public sealed class NitroEmailHeader
    {
        public NitroEmailHeader() { }

        public NitroEmailHeader(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; set; } = "";
        public string Value { get; set; } = "";

        public override string ToString() => Key + ": " + Value;
    }

    /// <summary>What a campaign action answers: the campaign and its new status.</summary>
    public sealed class NitroCampaignActionResult : WcxObject
    {
        public string CampaignId { get; set; } = "";

        /// <summary>scheduled, processing, running, stopped, deleted or cancelled.</summary>
        public string? Status { get; set; }

        /// <summary>Only for the schedule action.</summary>
        public DateTime? ScheduledAt { get; set; }

        public override string ToString() => "Campaign " + CampaignId + ": " + Status;
    }
}
