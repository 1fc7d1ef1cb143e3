namespace WiseCx.Client.Services
{
    /// <summary>Users (/users): list, get, create, and the service groups each one belongs to.</summary>
    public sealed class UserService : QueueMembershipService<User>
    {
        /// <summary>Used by <see cref="WcxClient.Users"/>.</summary>
        public UserService(WcxConnection connection, Pager pager) : base(connection, pager, Endpoints.Users, "user", "queue", "QueueId") { }

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

        /// <summary>Creates a user and returns its id.</summary>
        public async Task<long> CreateAsync(UserCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            return await PostCreateAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The users with these ids (at most <see cref="ListQuery.MaxPageSize"/>), read with one list request filtered by
        /// <c>id IN (…)</c> (<c>api/NOTES.md F8</c>; the collection documents no filter on /users, so an API may refuse it:
        /// then the request fails and the caller reads one by one). Ids that do not exist are absent from the answer.
        /// </summary>
        public IReadOnlyList<User> GetBatch(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
        {
            if (ids is null)
                throw new ArgumentNullException(nameof(ids));
            if (ids.Count == 0)
                return Array.Empty<User>();
            var distinct = Batching.DistinctIds(ids, "user", "Id");
            if (distinct.Count > ListQuery.MaxPageSize)
                throw new ArgumentException("At most " + ListQuery.MaxPageSize + " ids are read in one request.", nameof(ids));
            var query = new ListQuery
            {
                Fields = Endpoints.Users.Fields,
                Filter = new[] { new FilterCondition("id", FilterOperator.In, distinct.Cast<object?>().ToList()) },
                // One page holds them all: no second page is asked for to learn that the first was the last.
                PageSize = ListQuery.MaxPageSize,
                First = distinct.Count,
            };
            var asked = new HashSet<long>(distinct);
            return List<User>(Endpoints.UsersById, query, cancellationToken).Where(u => asked.Contains(u.Id)).ToList();
        }

        /// <summary>Adds the user to service groups or changes auto-assign there; one PUT per batch of groups, answers summed.</summary>
        public Task<QueueMembershipSummary> AddQueuesAsync(long userId, IEnumerable<QueueAssignment> queues, CancellationToken cancellationToken) =>
            PutMembersAsync(userId, "queues", queues, new QueueMembershipSummary { UserId = userId }, cancellationToken);

        /// <summary>Takes the user out of service groups with DELETE /users/{id}/queues (the API has no single-group form).</summary>
        public async Task<QueueMembershipRemoval> RemoveQueuesAsync(long userId, IEnumerable<long> queueIds, CancellationToken cancellationToken)
        {
            var ids = MemberIdsToRemove(userId, queueIds);
            return await DeleteMembersAsync(userId, "queues", ids, batch => new QueueRemoval { QueuesIds = batch },
                new QueueMembershipRemoval { UserId = userId }, cancellationToken).ConfigureAwait(false);
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
