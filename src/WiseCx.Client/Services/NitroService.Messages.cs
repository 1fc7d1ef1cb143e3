namespace WiseCx.Client.Services
{
    /// <summary>The messages of a campaign: create and update one (its channel configuration checked first), list whom it reached.</summary>
    public sealed partial class NitroService
    {
        /// <summary>Adds a message to a campaign; its channel configuration is checked before anything is sent.</summary>
        public async Task<NitroCampaignMessage> CreateMessageAsync(string campaignId, NitroMessageCreateRequest request, CancellationToken cancellationToken)
        {
            var segment = Segment(campaignId, "campaign", "CampaignId");
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            request.Channel = Suggested(request.Channel, Vocabulary.NitroMessageChannel, "Channel", required: true)!;
            ValidateChannelConfig(request.Channel, request.ChannelConfig);
            var message = await SendAsync<NitroCampaignMessage>(HttpMethod.Post, "nitro/campaigns/" + segment + "/messages", WireBody(request),
                wrapped: true, cancellationToken).ConfigureAwait(false);
            message.CampaignId ??= campaignId.Trim();
            return message;
        }

        /// <summary>
        /// Replaces a message's configuration (PUT is a full replacement). <paramref name="channel"/> is the message's channel:
        /// it is not sent (the API refuses to change it) but says which configuration members are required.
        /// </summary>
        public async Task<NitroCampaignMessage> UpdateMessageAsync(string campaignId, string messageId, string channel,
            NitroMessageUpdateRequest request, CancellationToken cancellationToken)
        {
            var campaign = Segment(campaignId, "campaign", "CampaignId");
            var message = Segment(messageId, "message", "MessageId");
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            ValidateChannelConfig(Suggested(channel, Vocabulary.NitroMessageChannel, "Channel", required: true)!, request.ChannelConfig);
            var updated = await SendAsync<NitroCampaignMessage>(HttpMethod.Put, "nitro/campaigns/" + campaign + "/messages/" + message,
                new MessageBody { ScheduledAt = request.ScheduledAt is { } at ? AccountTime(at) : null, ChannelConfig = request.ChannelConfig },
                wrapped: true, cancellationToken).ConfigureAwait(false);
            updated.CampaignId ??= campaignId.Trim();
            return updated;
        }

        /// <summary>The contacts of a campaign message with their delivery state, streamed.</summary>
        public IEnumerable<NitroCampaignMessageContact> ListMessageContacts(string campaignId, string messageId, ListQuery query,
            CancellationToken cancellationToken, Action<PageProgress>? onPage = null)
        {
            var campaign = Segment(campaignId, "campaign", "CampaignId");
            var message = Segment(messageId, "message", "MessageId");
            return List<NitroCampaignMessageContact>(Endpoints.NitroMessageContacts, query, cancellationToken, onPage,
                "nitro/campaigns/" + campaign + "/messages/" + message + "/contacts");
        }

        /// <summary>What POST …/messages sends: the request with its scheduled_at in account time.</summary>
        internal static object WireBody(NitroMessageCreateRequest request) => new MessageBody
        {
            Channel = request.Channel,
            ScheduledAt = request.ScheduledAt is { } at ? AccountTime(at) : null,
            ChannelConfig = request.ChannelConfig,
        };

        /// <summary>
        /// Checks a configuration against its channel's table in the collection; members of other channels are refused. A
        /// channel the collection does not document has no table: its configuration is sent unchecked.
        /// </summary>
        public static void ValidateChannelConfig(string channel, NitroChannelConfigInput? config)
        {
            if (config is null)
                throw new WcxInputException("A message needs its channel configuration.", "ChannelConfig");
            switch (channel)
            {
                case "whatsapp":
                    Only(channel, config.FromEmail ?? config.Subject ?? config.EmailContent ?? (object?)config.Headers ?? config.CallNumberId ??
                        config.ReplyUrl ?? (object?)config.OnlyWhenAvailable ?? config.OnlyBusinessHours ?? (object?)config.SimultaneousCalls);
                    RequireText(config.TemplateId, "TemplateId");
                    config.ReplyType = Suggested(config.ReplyType, Vocabulary.NitroWhatsAppReplyType, "ReplyType");
                    if (config.ReplyType == "group" && config.ReplyId is null)
                        throw new WcxInputException("-ReplyType group needs -ReplyId: the service group that gets the replies.", "ReplyId");
                    if (config.ReplyType == "assistant" && (config.ReplyId is null || string.IsNullOrWhiteSpace(config.ReplyNode)))
                        throw new WcxInputException("-ReplyType assistant needs -ReplyId (the assistant) and -ReplyNode (where its flow starts).", "ReplyNode");
                    foreach (var variable in config.Variables ?? new List<NitroTemplateVariable>())
                    {
                        if (variable is null || string.IsNullOrWhiteSpace(variable.Name))
                            throw new WcxInputException("Every template variable needs a name (its placeholder, e.g. {1}).", "Variable");
                    }
                    break;
                case "email":
                    Only(channel, config.TemplateId ?? (object?)config.Variables ?? config.ReplyNode ?? config.CallNumberId ?? config.ReplyUrl ??
                        (object?)config.OnlyWhenAvailable ?? config.OnlyBusinessHours ?? (object?)config.SimultaneousCalls);
                    RequireText(config.FromEmail, "FromEmail");
                    if (!config.FromEmail!.Contains("@"))
                        throw new WcxInputException("FromEmail '" + config.FromEmail + "' is not an e-mail address.", "FromEmail");
                    RequireText(config.Subject, "Subject");
                    RequireText(config.EmailContent, "EmailContent");
                    config.ReplyType = Suggested(config.ReplyType, Vocabulary.NitroEmailReplyType, "ReplyType");
                    foreach (var header in config.Headers ?? new List<NitroEmailHeader>())
                    {
                        if (header is null || string.IsNullOrWhiteSpace(header.Key) || string.IsNullOrWhiteSpace(header.Value))
                            throw new WcxInputException("Every e-mail header needs a non-empty name and value.", "Header");
                    }
                    break;
                case "call":
                    Only(channel, config.TemplateId ?? (object?)config.Variables ?? config.ReplyNode ?? config.FromEmail ?? config.Subject ??
                        config.EmailContent ?? (object?)config.Headers);
                    if (config.CallNumberId is null || config.CallNumberId <= 0)
                        throw new WcxInputException("CallNumberId is required: the id of the number the calls are made from.", "CallNumberId");
                    config.ReplyType = Suggested(config.ReplyType, Vocabulary.NitroCallReplyType, "ReplyType");
                    if (config.ReplyType == "audio" && !IsWebAddress(config.ReplyUrl))
                        throw new WcxInputException("-ReplyType audio needs -ReplyUrl: the http(s) address of the audio to play.", "ReplyUrl");
                    if ((config.ReplyType == "group" || config.ReplyType == "user" || config.ReplyType == "ivr" || config.ReplyType == "survey") &&
                        config.ReplyId is null)
                        throw new WcxInputException("-ReplyType " + config.ReplyType + " needs -ReplyId: the " + ReplyTarget(config.ReplyType) + ".", "ReplyId");
                    if (config.SimultaneousCalls.HasValue && (config.SimultaneousCalls < 1 || config.SimultaneousCalls > 7))
                        throw new WcxInputException("SimultaneousCalls is 1 to 7; got " + config.SimultaneousCalls + ".", "SimultaneousCalls");
                    break;
                default:
                    // A channel the collection does not document: there is no table to check its configuration
                    // against, so it goes as given and the API judges it.
                    break;
            }
        }

        private static void Only(string channel, object? foreign)
        {
            if (foreign != null)
                throw new WcxInputException("The configuration holds settings of another channel than " + channel + ".", "ChannelConfig");
        }

        private static string ReplyTarget(string replyType) =>
            replyType == "group" ? "service group" : replyType == "user" ? "agent" : replyType == "ivr" ? "IVR" : "survey";

        private static bool IsWebAddress(string? text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

        private sealed class MessageBody
        {
            public string? Channel { get; set; }
            public string? ScheduledAt { get; set; }
            public NitroChannelConfigInput ChannelConfig { get; set; } = new NitroChannelConfigInput();
        }
    }
}
