namespace WiseCx.Client.Services
{
    /// <summary>Users (/users): list, get, create, and the service groups each one belongs to.</summary>
    public sealed class UserService : ApiService
    {
        public UserService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>
        /// All users. The collection says the list is asked for "indicating the required fields" and its example always
        /// sends <c>fields</c>, so without <see cref="ListQuery.Fields"/> every documented field is asked for explicitly.
        /// </summary>
        public IEnumerable<User> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null)
        {
            if (query is null)
                throw new ArgumentNullException(nameof(query));
            var effective = query.Fields.Count > 0 ? query : new ListQuery
            {
                Fields = Endpoints.Users.Fields, Filter = query.Filter, SortField = query.SortField, Descending = query.Descending,
                PageSize = query.PageSize, Skip = query.Skip, First = query.First,
            };
            return List<User>(Endpoints.Users, effective, cancellationToken, onPage);
        }

        public Task<User> GetAsync(long id, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            RequireId(id, "user");
            return GetObjectAsync<User>("users/" + id, wrapped: true, cancellationToken, Endpoints.Users, fields);
        }

        /// <summary>Creates a user and returns its id.</summary>
        public async Task<long> CreateAsync(UserCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            var created = await SendAsync<CreatedObject>(HttpMethod.Post, "users", request, wrapped: true, cancellationToken).ConfigureAwait(false);
            return created.Id;
        }

        /// <summary>Adds the user to service groups or changes auto-assign there; one PUT per batch of groups, answers summed.</summary>
        public async Task<QueueMembershipSummary> AddQueuesAsync(long userId, IEnumerable<QueueAssignment> queues, CancellationToken cancellationToken)
        {
            RequireId(userId, "user", "UserId");
            var assignments = Memberships.Normalize(queues, "queue", "QueueId");
            var total = new QueueMembershipSummary { UserId = userId };
            foreach (var batch in Batching.Split(assignments))
            {
                var answer = await SendAsync<QueueMembershipSummary>(HttpMethod.Put, "users/" + userId + "/queues", batch, wrapped: true, cancellationToken).ConfigureAwait(false);
                Memberships.AddTo(total, answer);
            }
            return total;
        }

        /// <summary>Takes the user out of service groups with DELETE /users/{id}/queues (the API has no single-group form).</summary>
        public async Task<QueueMembershipRemoval> RemoveQueuesAsync(long userId, IEnumerable<long> queueIds, CancellationToken cancellationToken)
        {
            RequireId(userId, "user", "UserId");
            var ids = Batching.DistinctIds(queueIds, "queue", "QueueId");
            var total = new QueueMembershipRemoval { UserId = userId };
            foreach (var batch in Batching.Split(ids))
            {
                var answer = await SendAsync<QueueMembershipRemoval>(HttpMethod.Delete, "users/" + userId + "/queues", new QueueRemoval { QueuesIds = batch }, wrapped: true, cancellationToken).ConfigureAwait(false);
                total.Removed += answer.Removed;
            }
            return total;
        }

        /// <summary>Checks (and tidies) a create request without sending it; the cmdlets call it before -WhatIf.</summary>
        public static void ValidateCreate(UserCreateRequest request)
        {
            RequireText(request.UserName, "UserName");
            request.UserName = request.UserName.Trim();
            request.Nick = Blank(request.Nick);
            request.FirstName = Blank(request.FirstName);
            request.LastName = Blank(request.LastName);
        }

        // An empty CSV cell means "not given", not "set to empty".
        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private sealed class QueueRemoval
        {
            public List<long> QueuesIds { get; set; } = new List<long>();
        }
    }
}
