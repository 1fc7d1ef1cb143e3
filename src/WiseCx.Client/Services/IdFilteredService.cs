namespace WiseCx.Client.Services
{
    /// <summary>
    /// Base of the services whose list endpoint is the only way to read (the API has no GET by id, but filters on
    /// <c>id</c> with IN): contact groups and organizations. Lists, and finds by id with that filter.
    /// </summary>
    /// <typeparam name="T">What the endpoint lists.</typeparam>
    public abstract class IdFilteredService<T> : ApiService where T : WcxObject
    {
        /// <summary>Ids per request: a page's worth, which also keeps the query string short.</summary>
        private const int Batch = ListQuery.MaxPageSize;

        private readonly EndpointSpec _endpoint;
        private readonly string _noun;
        private readonly Func<T, long> _idOf;

        private protected IdFilteredService(WcxConnection connection, Pager pager, EndpointSpec endpoint, string noun, Func<T, long> idOf)
            : base(connection, pager)
        {
            _endpoint = endpoint;
            _noun = noun;
            _idOf = idOf;
        }

        /// <summary>The list, filtered and sorted as <paramref name="query"/> says, streamed page by page.</summary>
        public IEnumerable<T> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<T>(_endpoint, query, cancellationToken, onPage);

        /// <summary>
        /// The records with these ids, found with <c>id IN (…)</c> a page of ids per request; ids that do not exist are
        /// simply absent. Bad ids and fields are refused before anything is sent.
        /// </summary>
        public IEnumerable<T> Get(IReadOnlyCollection<long> ids, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            if (ids is null)
                throw new ArgumentNullException(nameof(ids));
            if (ids.Count == 0)
                return Enumerable.Empty<T>();
            var distinct = Batching.DistinctIds(ids, _noun, "Id");
            // Without its id an answer could not be matched to what was asked.
            var wanted = fields is null || fields.Count == 0 || fields.Any(f => string.Equals(f, "id", StringComparison.OrdinalIgnoreCase))
                ? fields : fields.Concat(new[] { "id" }).ToList();
            var queries = new List<ListQuery>();
            foreach (var batch in Batching.Split(distinct, Batch))
            {
                var query = new ListQuery
                {
                    Fields = wanted ?? Array.Empty<string>(),
                    Filter = new[] { new FilterCondition("id", FilterOperator.In, batch.Cast<object?>().ToList()) },
                };
                // Validates now, so that a bad field fails before anything is sent; warnings come when it is sent.
                query.ToParameters(_endpoint, warning: null);
                queries.Add(query);
            }
            var asked = new HashSet<long>(distinct);
            return queries.SelectMany(q => List(q, cancellationToken)).Where(item => asked.Contains(_idOf(item)));
        }

        /// <summary>One record by id, or <see cref="WcxNotFoundException"/>.</summary>
        public T Get(long id, CancellationToken cancellationToken) =>
            Get(new[] { id }, null, cancellationToken).FirstOrDefault()
            ?? throw new WcxNotFoundException("GET", _endpoint.Path, "no " + _noun + " has the id " + id + ".");
    }
}
