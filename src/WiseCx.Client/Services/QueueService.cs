namespace WiseCx.Client.Services
{
    /// <summary>Service groups (/queues): list, get, create, their users, and whether business hours are open now.</summary>
    public sealed class QueueService : QueueMembershipService<Queue>
    {
        /// <summary>The API's limit on a service group name.</summary>
        public const int MaxNameLength = 50;

        /// <summary>Used by <see cref="WcxClient.Queues"/>.</summary>
        public QueueService(WcxConnection connection, Pager pager) : base(connection, pager, Endpoints.Queues, "queue", "user", "UserId") { }

        /// <summary>The most user ids sent in one PUT or bulk DELETE; more are split into several requests.</summary>
        public static int MaxIdsPerRequest => Batching.MaxIdsPerRequest;

        /// <summary>All service groups, streamed page by page (the API has no filter on this list).</summary>
        public IEnumerable<Queue> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Queue>(Endpoints.Queues, query, cancellationToken, onPage);

        /// <summary>Creates a service group and returns its id.</summary>
        public async Task<long> CreateAsync(QueueCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            return await PostCreateAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Adds users to a group, or changes their auto-assign: one PUT per <see cref="MaxIdsPerRequest"/> users, the
        /// answers summed. Users already in the group and not named stay.
        /// </summary>
        public Task<QueueMembershipSummary> AddUsersAsync(long queueId, IEnumerable<QueueAssignment> users, CancellationToken cancellationToken) =>
            PutMembersAsync(queueId, "users", users, new QueueMembershipSummary { QueueId = queueId }, cancellationToken);

        /// <summary>
        /// Removes users from a group: one user with DELETE /queues/{id}/users/{uid} (answered 204), several with the
        /// bulk DELETE /queues/{id}/users, <see cref="MaxIdsPerRequest"/> ids per request.
        /// </summary>
        public async Task<QueueMembershipRemoval> RemoveUsersAsync(long queueId, IEnumerable<long> userIds, CancellationToken cancellationToken)
        {
            var ids = MemberIdsToRemove(queueId, userIds);
            var total = new QueueMembershipRemoval { QueueId = queueId };
            if (ids.Count == 1)
            {
                await AcknowledgeAsync(HttpMethod.Delete, "queues/" + queueId + "/users/" + ids[0], null, cancellationToken).ConfigureAwait(false);
                total.Removed = 1;
                return total;
            }
            return await DeleteMembersAsync(queueId, "users", ids, batch => new BulkUserRemoval { Ids = batch }, total, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether the business is attending now, for one group or in general. The API answers {"message": "True"}.</summary>
        public async Task<bool> IsOpenAsync(long? queueId, CancellationToken cancellationToken)
        {
            var path = "business_hours/is_open";
            if (queueId.HasValue)
            {
                RequireId(queueId.Value, "queue", "QueueId");
                path = QueryString.Append(path, new[] { new KeyValuePair<string, string>("queue_id", queueId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
            }
            var message = await AcknowledgeAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            return ParseOpen(message);
        }

        internal static bool ParseOpen(string? message)
        {
            switch (message?.Trim().ToLowerInvariant())
            {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    throw new WcxResponseFormatException(200, "GET", "business_hours/is_open",
                        "expected a message of \"True\" or \"False\", got " + (message is null ? "none" : "\"" + message + "\""));
            }
        }

        /// <summary>Checks (and tidies) a create request without sending it; the cmdlets call it before -WhatIf.</summary>
        public static void ValidateCreate(QueueCreateRequest request)
        {
            var name = request.Name?.Trim() ?? "";
            if (name.Length == 0)
                throw new WcxInputException("Name is required.", "Name");
            if (name.Length > MaxNameLength)
                throw new WcxInputException("A service group name has at most " + MaxNameLength + " characters; '" + name + "' has " + name.Length + ".", "Name");
            request.Name = name;
            if (request.Users != null)
                request.Users = request.Users.Count == 0 ? null : Memberships.Normalize(request.Users, "user", "UserId");
        }

        private sealed class BulkUserRemoval
        {
            public List<long> Ids { get; set; } = new List<long>();
        }
    }
}
