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
    public sealed partial class NitroService : ApiService
    {
        /// <summary>
        /// Messages per POST /nitro/transactional/send. The collection states no limit; 100 is the API's limit for pages
        /// elsewhere and keeps one request's body (and the damage of one failed request) small.
        /// </summary>
        public const int MaxBatchSize = 100;

        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
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

        /// <summary>One campaign, its messages carrying its id, optionally with only <paramref name="fields"/>.</summary>
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

        private static NitroCampaign WithCampaignIds(NitroCampaign campaign)
        {
            foreach (var message in campaign.Messages ?? Array.Empty<NitroCampaignMessage>())
                message.CampaignId ??= campaign.Id;
            return campaign;
        }

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
    }
}
