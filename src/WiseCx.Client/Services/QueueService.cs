namespace WiseCx.Client.Services
{
    /// <summary>Service groups (/queues): list, get, create, their users, and whether business hours are open now.</summary>
    public sealed class QueueService : ApiService
    {
        /// <summary>The API's limit on a service group name.</summary>
        public const int MaxNameLength = 50;

        public QueueService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The most user ids sent in one PUT or bulk DELETE; more are split into several requests.</summary>
        public static int MaxIdsPerRequest => Batching.MaxIdsPerRequest;

        /// <summary>All service groups, streamed page by page (the API has no filter on this list).</summary>
        public IEnumerable<Queue> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Queue>(Endpoints.Queues, query, cancellationToken, onPage);

        public Task<Queue> GetAsync(long id, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            RequireId(id, "queue");
            return GetObjectAsync<Queue>("queues/" + id, wrapped: true, cancellationToken, Endpoints.Queues, fields);
        }

        /// <summary>Creates a service group and returns its id.</summary>
        public async Task<long> CreateAsync(QueueCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            var created = await SendAsync<CreatedObject>(HttpMethod.Post, "queues", request, wrapped: true, cancellationToken).ConfigureAwait(false);
            return created.Id;
        }

        /// <summary>
        /// Adds users to a group, or changes their auto-assign: one PUT per <see cref="MaxIdsPerRequest"/> users, the
        /// answers summed. Users already in the group and not named stay.
        /// </summary>
        public async Task<QueueMembershipSummary> AddUsersAsync(long queueId, IEnumerable<QueueAssignment> users, CancellationToken cancellationToken)
        {
            RequireId(queueId, "queue", "QueueId");
            var assignments = Memberships.Normalize(users, "user", "UserId");
            var total = new QueueMembershipSummary { QueueId = queueId };
            foreach (var batch in Batching.Split(assignments))
            {
                var answer = await SendAsync<QueueMembershipSummary>(HttpMethod.Put, "queues/" + queueId + "/users", batch, wrapped: true, cancellationToken).ConfigureAwait(false);
                Memberships.AddTo(total, answer);
            }
            return total;
        }

        /// <summary>
        /// Removes users from a group: one user with DELETE /queues/{id}/users/{uid} (answered 204), several with the
        /// bulk DELETE /queues/{id}/users, <see cref="MaxIdsPerRequest"/> ids per request.
        /// </summary>
        public async Task<QueueMembershipRemoval> RemoveUsersAsync(long queueId, IEnumerable<long> userIds, CancellationToken cancellationToken)
        {
            RequireId(queueId, "queue", "QueueId");
            var ids = Batching.DistinctIds(userIds, "user", "UserId");
            var total = new QueueMembershipRemoval { QueueId = queueId };
            if (ids.Count == 1)
            {
                await AcknowledgeAsync(HttpMethod.Delete, "queues/" + queueId + "/users/" + ids[0], null, cancellationToken).ConfigureAwait(false);
                total.Removed = 1;
                return total;
            }
            foreach (var batch in Batching.Split(ids))
            {
                var answer = await SendAsync<QueueMembershipRemoval>(HttpMethod.Delete, "queues/" + queueId + "/users", new BulkUserRemoval { Ids = batch }, wrapped: true, cancellationToken).ConfigureAwait(false);
                total.Removed += answer.Removed;
            }
            return total;
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

    /// <summary>The <c>{"id": …}</c> a create answers with, inside <c>data</c>.</summary>
    internal sealed class CreatedObject
    {
        public long Id { get; set; }
    }

    /// <summary>Rules shared by the two membership directions (users of a queue, queues of a user).</summary>
    internal static class Memberships
    {
        /// <summary>Positive ids, repeats dropped; the same id asked with two different auto-assign values is refused.</summary>
        public static List<QueueAssignment> Normalize(IEnumerable<QueueAssignment>? items, string what, string parameter)
        {
            var byId = new Dictionary<long, QueueAssignment>();
            var order = new List<QueueAssignment>();
            foreach (var item in items ?? Enumerable.Empty<QueueAssignment>())
            {
                if (item is null || item.Id <= 0)
                    throw new WcxInputException("A " + what + " id is a positive number; got " + (item?.Id.ToString() ?? "null") + ".", parameter);
                if (byId.TryGetValue(item.Id, out var seen))
                {
                    if (seen.AutoAssign != item.AutoAssign)
                        throw new WcxInputException(what + " " + item.Id + " is given twice, with and without auto-assign.", parameter);
                    continue;
                }
                byId[item.Id] = item;
                order.Add(item);
            }
            if (order.Count == 0)
                throw new WcxInputException("Give at least one " + what + " id.", parameter);
            return order;
        }

        public static void AddTo(QueueMembershipSummary total, QueueMembershipSummary answer)
        {
            total.Added += answer.Added;
            total.Updated += answer.Updated;
            total.Unchanged += answer.Unchanged;
        }
    }
}
