namespace WiseCx
{
    /// <summary>
    /// A Nitro campaign: a simple (bulk) or transactional sending of WhatsApp messages, e-mails or calls.
    /// Nitro sends its ids as strings ("414"), so they are strings here.
    /// </summary>
    public sealed class NitroCampaign : WcxObject
    {
        /// <summary>The campaign id, e.g. "414".</summary>
        public string Id { get; set; } = "";

        /// <summary>The campaign's name.</summary>
        public string? Name { get; set; }

        /// <summary>simple (bulk: sent once to contact groups) or transactional (sent one message at a time, on request).</summary>
        public string? Type { get; set; }

        /// <summary>draft, scheduled, running, stopped, …</summary>
        public string? Status { get; set; }

        /// <summary>The campaign's description.</summary>
        public string? Description { get; set; }

        /// <summary>When the campaign was created, in local time.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>When the campaign last changed, in local time.</summary>
        public DateTime? UpdatedAt { get; set; }

        /// <summary>When a bulk campaign is to be sent, in local time; null when not scheduled (the API sends "").</summary>
        public DateTime? ScheduledAt { get; set; }

        /// <summary>The campaign's messages, one per channel.</summary>
        public WcxList<NitroCampaignMessage>? Messages { get; set; }

        /// <summary>The id and name, e.g. <c>Campaign 414: Winter Promotion</c>.</summary>
        public override string ToString() => Name is null ? "Campaign " + Id : "Campaign " + Id + ": " + Name;
    }

    /// <summary>A message of a Nitro campaign: one channel and its configuration.</summary>
    public sealed class NitroCampaignMessage : WcxObject
    {
        /// <summary>The message id, e.g. "685".</summary>
        public string Id { get; set; } = "";

        /// <summary>The campaign; the module fills it in for messages listed inside a campaign, where the API omits it.</summary>
        public string? CampaignId { get; set; }

        /// <summary>whatsapp, email or call.</summary>
        public string? Channel { get; set; }

        /// <summary>Where the message stands: draft, scheduled, preparing, sending, sent, …</summary>
        public string? Status { get; set; }

        /// <summary>When the message is to be sent, in local time; null when not scheduled.</summary>
        public DateTime? ScheduledAt { get; set; }

        /// <summary>When the message was sent, in local time; null until then.</summary>
        public DateTime? SentAt { get; set; }

        /// <summary>How many contacts it reached, opened it, answered, …</summary>
        public NitroMessageStats? Stats { get; set; }

        /// <summary>The template, sender or call settings of the message's channel.</summary>
        public NitroChannelConfig? ChannelConfig { get; set; }

        /// <summary>The id and channel, e.g. <c>Message 685 (whatsapp)</c>.</summary>
        public override string ToString() => "Message " + Id + " (" + Channel + ")";
    }

    /// <summary>Delivery counters of a campaign message.</summary>
    public sealed class NitroMessageStats : WcxObject
    {
        /// <summary>The contacts the message is addressed to.</summary>
        public long? Total { get; set; }

        /// <summary>Messages sent.</summary>
        public long? Sent { get; set; }

        /// <summary>Messages delivered.</summary>
        public long? Delivered { get; set; }

        /// <summary>Messages opened (read).</summary>
        public long? Opened { get; set; }

        /// <summary>Messages whose link was clicked.</summary>
        public long? Clicked { get; set; }

        /// <summary>Messages the contact replied to.</summary>
        public long? Replied { get; set; }

        /// <summary>Messages that could not be sent.</summary>
        public long? Failed { get; set; }

        /// <summary>E-mails that bounced.</summary>
        public long? Bounced { get; set; }

        /// <summary>Contacts who unsubscribed through the message.</summary>
        public long? Unsubscribed { get; set; }

        /// <summary>Sent out of total, e.g. <c>2/2 sent</c>.</summary>
        public override string ToString() => Sent + "/" + Total + " sent";
    }

    /// <summary>
    /// A message's channel configuration as the API returns it: the members of the WhatsApp, e-mail and call forms
    /// together; each message fills the ones of its channel.
    /// </summary>
    public sealed class NitroChannelConfig : WcxObject
    {
        /// <summary>WhatsApp: the template sent (see Get-WcxWhatsAppTemplate); "0" on e-mail messages.</summary>
        public string? TemplateId { get; set; }

        /// <summary>WhatsApp: the template's name.</summary>
        public string? TemplateName { get; set; }

        /// <summary>WhatsApp: the template's language, e.g. en.</summary>
        public string? Language { get; set; }

        /// <summary>WhatsApp: where each template placeholder takes its value from.</summary>
        public WcxList<NitroTemplateVariable>? Variables { get; set; }

        /// <summary>Where replies go: group (default), user, assistant; for calls also ivr, audio or survey.</summary>
        public string? ReplyType { get; set; }

        /// <summary>The group, user, assistant, IVR or survey replies go to, by <see cref="ReplyType"/>.</summary>
        public long? ReplyId { get; set; }

        /// <summary>The assistant node replies start at, when <see cref="ReplyType"/> is assistant.</summary>
        public string? ReplyNode { get; set; }

        /// <summary>Calls: the audio played, when <see cref="ReplyType"/> is audio.</summary>
        public string? ReplyUrl { get; set; }

        /// <summary>E-mail: the sender's display name.</summary>
        public string? FromName { get; set; }

        /// <summary>E-mail: the sender's address.</summary>
        public string? FromEmail { get; set; }

        /// <summary>E-mail: the subject.</summary>
        public string? Subject { get; set; }

        /// <summary>E-mail: the HTML body; read back, Nitro may give a storage reference instead of the HTML.</summary>
        public string? EmailContent { get; set; }

        /// <summary>E-mail: extra SMTP headers.</summary>
        public WcxList<NitroEmailHeader>? Headers { get; set; }

        /// <summary>Calls: the number calls are made from.</summary>
        public long? CallNumberId { get; set; }

        /// <summary>Calls: true calls only while agents are available.</summary>
        public bool? OnlyWhenAvailable { get; set; }

        /// <summary>Calls: true calls only within business hours.</summary>
        public bool? OnlyBusinessHours { get; set; }

        /// <summary>Calls: how many calls run at once (1 to 7).</summary>
        public int? SimultaneousCalls { get; set; }

        /// <summary>The template, the e-mail subject or the call number, whichever the channel has.</summary>
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

        /// <summary>The value used when the contact field is empty.</summary>
        public string? ValueDefault { get; set; }

        /// <summary>The placeholder and its source (or fallback), e.g. <c>{1}=name</c>.</summary>
        public override string ToString() => Name + "=" + (ValueFrom ?? ValueDefault);
    }

    /// <summary>An extra SMTP header of an e-mail message.</summary>
    public sealed class NitroEmailHeader
    {
        /// <summary>An empty header, to fill in by property.</summary>
        public NitroEmailHeader() { }

        /// <summary>The header <paramref name="key"/>: <paramref name="value"/>.</summary>
        public NitroEmailHeader(string key, string value)
        {
            Key = key;
            Value = value;
        }

        /// <summary>The header name, e.g. X-Campaign; must not be empty.</summary>
        public string Key { get; set; } = "";

        /// <summary>The header value; must not be empty.</summary>
        public string Value { get; set; } = "";

        /// <summary>The header as it is written in the mail, <c>Key: Value</c>.</summary>
        public override string ToString() => Key + ": " + Value;
    }

    /// <summary>What a campaign action answers: the campaign and its new status.</summary>
    public sealed class NitroCampaignActionResult : WcxObject
    {
        /// <summary>The campaign acted on.</summary>
        public string CampaignId { get; set; } = "";

        /// <summary>scheduled, processing, running, stopped, deleted or cancelled.</summary>
        public string? Status { get; set; }

        /// <summary>When the campaign will be sent, in local time: only for the schedule action, null otherwise.</summary>
        public DateTime? ScheduledAt { get; set; }

        /// <summary>The campaign and its new status, e.g. <c>Campaign 1321: scheduled</c>.</summary>
        public override string ToString() => "Campaign " + CampaignId + ": " + Status;
    }
}
