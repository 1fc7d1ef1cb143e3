using System.Globalization;

namespace WiseCx.Client.Services
{
    /// <summary>The actions POST /nitro/campaigns/{id}/actions/{action} offers.</summary>
    public enum NitroCampaignAction
    {
        /// <summary>schedule: a simple campaign in draft, at -ScheduledAt.</summary>
        Schedule,
        /// <summary>send: a simple campaign in draft, now.</summary>
        Send,
        /// <summary>activate: a transactional campaign in draft or stopped.</summary>
        Activate,
        /// <summary>stop: a running transactional campaign.</summary>
        Stop,
        /// <summary>delete: a simple campaign in draft, a transactional one in draft or stopped.</summary>
        Delete,
        /// <summary>cancel-send: a running or scheduled simple campaign.</summary>
        CancelSend,
    }

    /// <summary>
    /// Nitro: campaigns, their messages and actions (/nitro/campaigns), and transactional sends (/nitro/transactional).
    /// Nitro ids are strings; they are checked and escaped before they go into a path.
    /// </summary>
    public sealed class NitroService : ApiService
    {
        /// <summary>
        /// Messages per POST /nitro/transactional/send. The collection states no limit; 100 is the API's limit for pages
        /// elsewhere and keeps one request's body (and the damage of one failed request) small.
        /// </summary>
        public const int MaxBatchSize = 100;

        public NitroService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>
        /// The time zone Nitro reads a <c>scheduled_at</c> it is sent in: the account's, not UTC. The collection's one example
        /// schedules 10:00 and is answered 13:00 (UTC): an account at UTC-3, as WiseCX accounts in Argentina are. The API offers
        /// no way to ask; the schedule answer (UTC) shows what was understood. Dates Nitro answers with are UTC.
        /// </summary>
        public static readonly TimeSpan AccountUtcOffset = TimeSpan.FromHours(-3);

        /// <summary>A moment as Nitro expects it in a request: yyyy-MM-dd HH:mm:ss in the account's time zone.</summary>
        public static string AccountTime(DateTime value) =>
            (WcxJson.ToUtc(value) + AccountUtcOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>The API's spelling of an action in the path.</summary>
        public static string ApiName(NitroCampaignAction action) =>
            action == NitroCampaignAction.CancelSend ? "cancel-send" : action.ToString().ToLowerInvariant();

        // ---- campaigns ----

        /// <summary>Campaigns, streamed; their messages carry the campaign id.</summary>
        public IEnumerable<NitroCampaign> ListCampaigns(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<NitroCampaign>(Endpoints.NitroCampaigns, query, cancellationToken, onPage).Select(WithCampaignIds);

        public async Task<NitroCampaign> GetCampaignAsync(string id, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            var segment = Segment(id, "campaign", "Id");
            var campaign = await GetObjectAsync<NitroCampaign>("nitro/campaigns/" + segment, wrapped: true, cancellationToken,
                Endpoints.NitroCampaigns, fields).ConfigureAwait(false);
            return WithCampaignIds(campaign);
        }

        /// <summary>Creates a campaign; returns what the API answers (id, name, type, description).</summary>
        public Task<NitroCampaign> CreateCampaignAsync(NitroCampaignCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            return SendAsync<NitroCampaign>(HttpMethod.Post, "nitro/campaigns", request, wrapped: true, cancellationToken);
        }

        /// <summary>Renames or redescribes a campaign, or changes its contact groups; returns what the API answers.</summary>
        public Task<NitroCampaign> UpdateCampaignAsync(string id, NitroCampaignUpdateRequest request, CancellationToken cancellationToken)
        {
            var segment = Segment(id, "campaign", "Id");
            ValidateUpdate(request ?? throw new ArgumentNullException(nameof(request)));
            return SendAsync<NitroCampaign>(HttpMethod.Put, "nitro/campaigns/" + segment, request, wrapped: true, cancellationToken);
        }

        /// <summary>
        /// Runs an action on a campaign. <paramref name="scheduledAt"/> is required for <see cref="NitroCampaignAction.Schedule"/>
        /// and refused for every other action. Whether the campaign's type and state allow the action is the API's to say (400).
        /// </summary>
        public Task<NitroCampaignActionResult> InvokeActionAsync(string id, NitroCampaignAction action, DateTime? scheduledAt,
            CancellationToken cancellationToken)
        {
            var segment = Segment(id, "campaign", "Id");
            var body = ActionBody(action, scheduledAt);
            return SendAsync<NitroCampaignActionResult>(HttpMethod.Post, "nitro/campaigns/" + segment + "/actions/" + ApiName(action), body,
                wrapped: false, cancellationToken);
        }

        /// <summary>Checks an action's arguments: -ScheduledAt for Schedule, and for Schedule only.</summary>
        public static void ValidateAction(NitroCampaignAction action, DateTime? scheduledAt) => ActionBody(action, scheduledAt);

        internal static object? ActionBody(NitroCampaignAction action, DateTime? scheduledAt)
        {
            if (!Enum.IsDefined(typeof(NitroCampaignAction), action))
                throw new WcxInputException("Unknown campaign action '" + action + "'.", "Action");
            if (action == NitroCampaignAction.Schedule)
                return scheduledAt.HasValue
                    ? new ScheduleBody { ScheduledAt = AccountTime(scheduledAt.Value) }
                    : throw new WcxInputException("The Schedule action needs -ScheduledAt: when the campaign is to be sent.", "ScheduledAt");
            if (scheduledAt.HasValue)
                throw new WcxInputException("-ScheduledAt applies to the Schedule action only, not to " + action + ".", "ScheduledAt");
            return null;
        }

        /// <summary>Checks a create request: name, type, and contact groups for simple campaigns only.</summary>
        public static void ValidateCreate(NitroCampaignCreateRequest request)
        {
            RequireText(request.Name, "Name");
            request.Type = Suggested(request.Type, Vocabulary.NitroCampaignType, "Type", required: true)!;
            request.GroupsIds = GroupIds(request.GroupsIds);
            if (request.Type == "simple" && request.GroupsIds is null)
                throw new WcxInputException("A simple campaign needs the contact groups it is sent to (-GroupId).", "GroupId");
            if (request.Type == "transactional" && request.GroupsIds != null)
                throw new WcxInputException("A transactional campaign has no contact groups: it sends to the contacts of each request. Leave out -GroupId.", "GroupId");
        }

        /// <summary>Checks an update request: the API requires the name on every update.</summary>
        public static void ValidateUpdate(NitroCampaignUpdateRequest request)
        {
            RequireText(request.Name, "Name");
            request.GroupsIds = GroupIds(request.GroupsIds);
        }

        /// <summary>"123, 456" → "123,456"; anything but positive numbers is refused.</summary>
        private static string? GroupIds(string? ids)
        {
            if (string.IsNullOrWhiteSpace(ids))
                return null;
            var parts = ids!.Split(',').Select(p => p.Trim()).ToList();
            foreach (var part in parts)
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                    throw new WcxInputException("Contact group ids are positive numbers; got '" + part + "'.", "GroupId");
            }
            return string.Join(",", parts);
        }

        // ---- campaign messages ----

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

        // ---- transactional sends ----

        /// <summary>Sends one message (POST /nitro/transactional/{id}/send); returns one receipt per channel.</summary>
        public async Task<IReadOnlyList<NitroSendResult>> SendAsync(NitroTransactionalMessage message, CancellationToken cancellationToken)
        {
            Validate(message ?? throw new ArgumentNullException(nameof(message)));
            var path = "nitro/transactional/" + Segment(message.CampaignId, "campaign", "CampaignId") + "/send";
            var body = new SendBody
            {
                Channels = message.Channels,
                Contact = message.Contact,
                Variables = Ordered(message.Variables),
                Metadata = message.Metadata,
                UserId = message.UserId,
            };
            return await Receipts(HttpMethod.Post, path, body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends up to <see cref="MaxBatchSize"/> messages, of any transactional campaigns, in one request
        /// (POST /nitro/transactional/send); returns the receipts.
        /// </summary>
        public async Task<IReadOnlyList<NitroSendResult>> SendBatchAsync(IReadOnlyList<NitroTransactionalMessage> batch, CancellationToken cancellationToken)
        {
            if (batch is null)
                throw new ArgumentNullException(nameof(batch));
            if (batch.Count == 0 || batch.Count > MaxBatchSize)
                throw new WcxInputException("A bulk send takes 1 to " + MaxBatchSize + " messages; got " + batch.Count + ".", "BatchSize");
            var items = new List<BulkItem>(batch.Count);
            foreach (var message in batch)
            {
                Validate(message ?? throw new WcxInputException("A message of the batch is null.", "InputObject"));
                var campaign = message.CampaignId.Trim();
                items.Add(new BulkItem
                {
                    Channels = message.Channels,
                    // The bulk table types campaign_id as numeric, and its example sends a number.
                    CampaignId = long.TryParse(campaign, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (object)campaign,
                    Contact = message.Contact,
                    Variables = Ordered(message.Variables),
                    Metadata = message.Metadata,
                    UserId = message.UserId,
                });
            }
            return await Receipts(HttpMethod.Post, "nitro/transactional/send", items, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Splits messages into batches of at most <paramref name="size"/>, keeping their order.</summary>
        public static IEnumerable<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> items, int size)
        {
            if (size < 1 || size > MaxBatchSize)
                throw new WcxInputException("BatchSize must be between 1 and " + MaxBatchSize + "; it was " + size + ".", "BatchSize");
            for (var i = 0; i < items.Count; i += size)
                yield return items.Skip(i).Take(size).ToList();
        }

        /// <summary>What became of a transactional request, by the tracking id its send returned.</summary>
        public async Task<NitroRequest> GetRequestAsync(string trackingId, CancellationToken cancellationToken)
        {
            var segment = Segment(trackingId, "tracking", "TrackingId");
            var request = await GetObjectAsync<NitroRequest>("nitro/transactional/requests/" + segment, wrapped: false, cancellationToken).ConfigureAwait(false);
            request.TrackingId ??= trackingId.Trim();
            return request;
        }

        /// <summary>
        /// Checks one transactional message as the collection's usage rules say: a contact id, or else the identity each channel
        /// needs (a phone for whatsapp, sms and call; an e-mail for email). Normalises channel names.
        /// </summary>
        public static void Validate(NitroTransactionalMessage message)
        {
            if (message is null)
                throw new ArgumentNullException(nameof(message));
            Segment(message.CampaignId, "campaign", "CampaignId");
            if (message.Channels is null || message.Channels.Count == 0)
                throw new WcxInputException("Channel is required: whatsapp, email, sms or call.", "Channel");
            message.Channels = message.Channels.Select(c => Suggested(c, Vocabulary.NitroSendChannel, "Channel", required: true)!).Distinct().ToList();
            var contact = message.Contact ?? throw new WcxInputException("The message needs a contact.", "Contact");
            if (contact.Id.HasValue && contact.Id <= 0)
                throw new WcxInputException("A contact id is a positive number; got " + contact.Id + ".", "ContactId");
            if (!contact.Id.HasValue)
            {
                if (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone) && string.IsNullOrWhiteSpace(contact.PersonalId))
                    throw new WcxInputException("The contact needs -ContactId, or an -Email, -Phone or -PersonalId.", "Contact");
                // Only the documented channels say what they need; another one is the API's to judge.
                var phoneChannel = message.Channels.FirstOrDefault(c => c == "whatsapp" || c == "sms" || c == "call");
                if (phoneChannel != null && string.IsNullOrWhiteSpace(contact.Phone))
                    throw new WcxInputException("Sending by " + phoneChannel + " needs the contact's -Phone (or a -ContactId).", "Phone");
                if (message.Channels.Contains("email") && string.IsNullOrWhiteSpace(contact.Email))
                    throw new WcxInputException("Sending by email needs the contact's -Email (or a -ContactId).", "Email");
            }
            if (message.UserId.HasValue && message.UserId <= 0)
                throw new WcxInputException("A user id is a positive number; got " + message.UserId + ".", "UserId");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var variable in message.Variables ?? new List<KeyValuePair<string, string?>>())
            {
                if (string.IsNullOrEmpty(variable.Key))
                    throw new WcxInputException("A template variable has an empty name.", "Variable");
                if (!seen.Add(variable.Key))
                    throw new WcxInputException("The template variable '" + variable.Key + "' is given twice.", "Variable");
            }
        }

        private async Task<IReadOnlyList<NitroSendResult>> Receipts(HttpMethod method, string path, object body, CancellationToken cancellationToken)
        {
            var response = await Connection.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
            // The collection's call examples show an empty answer: a send that was accepted but reports no receipt.
            if (response.Body.Length == 0 || response.Body.All(b => b == ' ' || b == '\r' || b == '\n' || b == '\t'))
                return Array.Empty<NitroSendResult>();
            return WcxJsonReader.Read<List<NitroSendResult>>(response, method.Method, path);
        }

        private static NitroCampaign WithCampaignIds(NitroCampaign campaign)
        {
            foreach (var message in campaign.Messages ?? Array.Empty<NitroCampaignMessage>())
                message.CampaignId ??= campaign.Id;
            return campaign;
        }

        // Dictionary keeps insertion order as long as nothing is removed: the order the API reads the variables in.
        private static Dictionary<string, string?>? Ordered(List<KeyValuePair<string, string?>>? variables) =>
            variables?.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

        /// <summary>A Nitro id checked and escaped for a path: ids are strings ("414", "msg-abc123", "wa-4546").</summary>
        internal static string Segment(string? id, string what, string parameter)
        {
            if (string.IsNullOrWhiteSpace(id))
                throw new WcxInputException("A " + what + " id is required.", parameter);
            var trimmed = id!.Trim();
            if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/' || c == '\\' || c == '?' || c == '#'))
                throw new WcxInputException("'" + trimmed + "' is not a " + what + " id.", parameter);
            return Uri.EscapeDataString(trimmed);
        }

        private sealed class ScheduleBody
        {
            public string ScheduledAt { get; set; } = "";
        }

        private sealed class MessageBody
        {
            public string? Channel { get; set; }
            public string? ScheduledAt { get; set; }
            public NitroChannelConfigInput ChannelConfig { get; set; } = new NitroChannelConfigInput();
        }

        private sealed class SendBody
        {
            public List<string> Channels { get; set; } = new List<string>();
            public NitroContactInput Contact { get; set; } = new NitroContactInput();
            public Dictionary<string, string?>? Variables { get; set; }
            public Dictionary<string, string?>? Metadata { get; set; }
            public long? UserId { get; set; }
        }

        private sealed class BulkItem
        {
            public List<string> Channels { get; set; } = new List<string>();
            public object CampaignId { get; set; } = "";
            public NitroContactInput Contact { get; set; } = new NitroContactInput();
            public Dictionary<string, string?>? Variables { get; set; }
            public Dictionary<string, string?>? Metadata { get; set; }
            public long? UserId { get; set; }
        }
    }
}
