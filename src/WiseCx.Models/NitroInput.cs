namespace WiseCx
{
    /// <summary>The body of POST /nitro/campaigns.</summary>
    public sealed class NitroCampaignCreateRequest
    {
        /// <summary>Required: the campaign's name.</summary>
        public string Name { get; set; } = "";

        /// <summary>Required: simple (bulk) or transactional.</summary>
        public string Type { get; set; } = "";

        /// <summary>The campaign's description.</summary>
        public string? Description { get; set; }

        /// <summary>Comma-separated contact group ids ("123,456"): required for simple campaigns, refused for transactional ones.</summary>
        public string? GroupsIds { get; set; }
    }

    /// <summary>The body of PUT /nitro/campaigns/{id}: the name is required by the API, the rest optional.</summary>
    public sealed class NitroCampaignUpdateRequest
    {
        /// <summary>Required: the campaign's name, new or unchanged.</summary>
        public string Name { get; set; } = "";

        /// <summary>The new description; null leaves it.</summary>
        public string? Description { get; set; }

        /// <summary>Comma-separated contact group ids ("123,456") for a simple campaign; null leaves them.</summary>
        public string? GroupsIds { get; set; }
    }

    /// <summary>A campaign message to create: its channel and configuration.</summary>
    public sealed class NitroMessageCreateRequest
    {
        /// <summary>whatsapp, email or call.</summary>
        public string Channel { get; set; } = "";

        /// <summary>When the message is sent, in local time; the collection shows it for e-mail messages. Null: not scheduled.</summary>
        public DateTime? ScheduledAt { get; set; }

        /// <summary>Required: the channel's settings (template, sender or call number, …).</summary>
        public NitroChannelConfigInput ChannelConfig { get; set; } = new NitroChannelConfigInput();
    }

    /// <summary>The body of PUT /nitro/campaigns/{id}/messages/{mid}: a complete new configuration (the channel cannot change).</summary>
    public sealed class NitroMessageUpdateRequest
    {
        /// <summary>When the message is sent, in local time; null: not scheduled.</summary>
        public DateTime? ScheduledAt { get; set; }

        /// <summary>Required: the whole new configuration; it replaces the current one.</summary>
        public NitroChannelConfigInput ChannelConfig { get; set; } = new NitroChannelConfigInput();
    }

    /// <summary>
    /// A channel configuration to send. Which members apply depends on the channel (the client checks them per channel):
    /// WhatsApp: template id, variables, reply type/id/node; e-mail: sender, subject, content, headers; call: call number,
    /// reply type/id/url, availability switches, simultaneous calls.
    /// </summary>
    public sealed class NitroChannelConfigInput
    {
        /// <summary>WhatsApp, required: the template to send (see Get-WcxWhatsAppTemplate).</summary>
        public string? TemplateId { get; set; }

        /// <summary>WhatsApp: where each template placeholder takes its value from.</summary>
        public List<NitroTemplateVariable>? Variables { get; set; }

        /// <summary>E-mail, required: the sender's address.</summary>
        public string? FromEmail { get; set; }

        /// <summary>E-mail, required: the subject.</summary>
        public string? Subject { get; set; }

        /// <summary>E-mail, required: the HTML body.</summary>
        public string? EmailContent { get; set; }

        /// <summary>E-mail: extra SMTP headers.</summary>
        public List<NitroEmailHeader>? Headers { get; set; }

        /// <summary>Calls, required: the number calls are made from.</summary>
        public long? CallNumberId { get; set; }

        /// <summary>Where replies go: group (default), user or assistant; e-mail: group only; calls: group, user, ivr, audio or survey.</summary>
        public string? ReplyType { get; set; }

        /// <summary>The group, user, assistant, IVR or survey replies go to, by <see cref="ReplyType"/>.</summary>
        public long? ReplyId { get; set; }

        /// <summary>WhatsApp: the assistant node replies start at; required when <see cref="ReplyType"/> is assistant.</summary>
        public string? ReplyNode { get; set; }

        /// <summary>Calls: the audio to play; required when <see cref="ReplyType"/> is audio.</summary>
        public string? ReplyUrl { get; set; }

        /// <summary>Calls: true calls only while agents are available (the API's default: false).</summary>
        public bool? OnlyWhenAvailable { get; set; }

        /// <summary>Calls: true calls only within business hours (the API's default: false).</summary>
        public bool? OnlyBusinessHours { get; set; }

        /// <summary>Calls: how many calls run at once, 1 to 7 (the API's default: 1).</summary>
        public int? SimultaneousCalls { get; set; }
    }

    /// <summary>One transactional message: a campaign, the channels, the recipient and the template values.</summary>
    public sealed class NitroTransactionalMessage
    {
        /// <summary>Required: the transactional campaign (a number, though Nitro shows it as a string).</summary>
        public string CampaignId { get; set; } = "";

        /// <summary>The channels to send on: whatsapp, email, sms or call.</summary>
        public List<string> Channels { get; set; } = new List<string>();

        /// <summary>Required: who the message goes to.</summary>
        public NitroContactInput Contact { get; set; } = new NitroContactInput();

        /// <summary>Template values in template order: the API reads them by position, not by name.</summary>
        public List<KeyValuePair<string, string?>>? Variables { get; set; }

        /// <summary>Key/value pairs for Analytics reports and assistant flows.</summary>
        public Dictionary<string, string?>? Metadata { get; set; }

        /// <summary>The agent a call is put through to (the collection's "phone call to a user" example).</summary>
        public long? UserId { get; set; }

        /// <summary>The recipient and channels, e.g. <c>5493517606060 via whatsapp</c>.</summary>
        public override string ToString() => Contact + " via " + string.Join(",", Channels);
    }

    /// <summary>The recipient of a transactional message: an id, or an e-mail, personal id or phone.</summary>
    public sealed class NitroContactInput
    {
        /// <summary>The contact id; one of id, e-mail, personal id or phone is required.</summary>
        public long? Id { get; set; }

        /// <summary>The contact's e-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's personal id (DNI, CUIT, …).</summary>
        public string? PersonalId { get; set; }

        /// <summary>The contact's phone number, with country code, e.g. 5493517606060.</summary>
        public string? Phone { get; set; }

        /// <summary>The contact's name.</summary>
        public string? Name { get; set; }

        /// <summary>The first of e-mail, phone, personal id, id and name that is set.</summary>
        public override string ToString() => Email ?? Phone ?? PersonalId ?? Id?.ToString() ?? Name ?? "";
    }
}
