namespace WiseCx
{
    /// <summary>The body of POST /nitro/campaigns.</summary>
    public sealed class NitroCampaignCreateRequest
    {
        public string Name { get; set; } = "";

        /// <summary>simple (bulk) or transactional.</summary>
        public string Type { get; set; } = "";

        public string? Description { get; set; }

        /// <summary>Comma-separated contact group ids ("123,456"): required for simple campaigns, refused for transactional ones.</summary>
        public string? GroupsIds { get; set; }
    }

    /// <summary>The body of PUT /nitro/campaigns/{id}: the name is required by the API, the rest optional.</summary>
    public sealed class NitroCampaignUpdateRequest
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public string? GroupsIds { get; set; }
    }

    /// <summary>A campaign message to create: its channel and configuration.</summary>
    public sealed class NitroMessageCreateRequest
    {
        /// <summary>whatsapp, email or call.</summary>
        public string Channel { get; set; } = "";

        /// <summary>When the message is sent; the collection shows it for e-mail messages.</summary>
        public DateTime? ScheduledAt { get; set; }

        public NitroChannelConfigInput ChannelConfig { get; set; } = new NitroChannelConfigInput();
    }

    /// <summary>The body of PUT /nitro/campaigns/{id}/messages/{mid}: a complete new configuration (the channel cannot change).</summary>
    public sealed class NitroMessageUpdateRequest
    {
        public DateTime? ScheduledAt { get; set; }
        public NitroChannelConfigInput ChannelConfig { get; set; } = new NitroChannelConfigInput();
    }

    /// <summary>
    /// A channel configuration to send. Which members apply depends on the channel (the client checks them per channel):
    /// WhatsApp: template id, variables, reply type/id/node; e-mail: sender, subject, content, headers; call: call number,
    /// reply type/id/url, availability switches, simultaneous calls.
    /// </summary>
    public sealed class NitroChannelConfigInput
    {
        public string? TemplateId { get; set; }
        public List<NitroTemplateVariable>? Variables { get; set; }
        public string? FromEmail { get; set; }
        public string? Subject { get; set; }
        public string? EmailContent { get; set; }
        public List<NitroEmailHeader>? Headers { get; set; }
        public long? CallNumberId { get; set; }
        public string? ReplyType { get; set; }
        public long? ReplyId { get; set; }
        public string? ReplyNode { get; set; }
        public string? ReplyUrl { get; set; }
        public bool? OnlyWhenAvailable { get; set; }
        public bool? OnlyBusinessHours { get; set; }
        public int? SimultaneousCalls { get; set; }
    }

    /// <summary>One transactional message: a campaign, the channels, the recipient and the template values.</summary>
    public sealed class NitroTransactionalMessage
    {
        /// <summary>The transactional campaign (a number, though Nitro shows it as a string).</summary>
        public string CampaignId { get; set; } = "";

        /// <summary>whatsapp, email, sms or call.</summary>
        public List<string> Channels { get; set; } = new List<string>();

        public NitroContactInput Contact { get; set; } = new NitroContactInput();

        /// <summary>Template values in template order: the API reads them by position, not by name.</summary>
        public List<KeyValuePair<string, string?>>? Variables { get; set; }

        /// <summary>Key/value pairs for Analytics reports and assistant flows.</summary>
        public Dictionary<string, string?>? Metadata { get; set; }

        /// <summary>The agent a call is put through to (the collection's "phone call to a user" example).</summary>
        public long? UserId { get; set; }

        public override string ToString() => Contact + " via " + string.Join(",", Channels);
    }

    /// <summary>The recipient of a transactional message: an id, or an e-mail, personal id or phone.</summary>
    public sealed class NitroContactInput
    {
        public long? Id { get; set; }
        public string? Email { get; set; }
        public string? PersonalId { get; set; }
        public string? Phone { get; set; }
        public string? Name { get; set; }

        public override string ToString() => Email ?? Phone ?? PersonalId ?? Id?.ToString() ?? Name ?? "";
    }
}
