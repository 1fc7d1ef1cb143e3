namespace WiseCx.Client.Services
{
    /// <summary>Finds objects by id on list endpoints that have no GET by id but filter on <c>id</c> with IN.</summary>
    internal static class IdLookup
    {
        /// <summary>Ids per request: a page's worth, which also keeps the query string short.</summary>
        private const int Batch = ListQuery.MaxPageSize;

        public static IEnumerable<T> Find<T>(EndpointSpec endpoint, IReadOnlyCollection<long> ids, IReadOnlyList<string>? fields, string what,
            Func<ListQuery, IEnumerable<T>> list, Func<T, long> idOf)
        {
            if (ids is null)
                throw new ArgumentNullException(nameof(ids));
            foreach (var id in ids)
            {
                if (id <= 0)
                    throw new WcxInputException("A " + what + " id is a positive number; got " + id + ".", "Id");
            }
            // Without its id an answer could not be matched to what was asked.
            var wanted = fields is null || fields.Count == 0 || fields.Any(f => string.Equals(f, "id", StringComparison.OrdinalIgnoreCase))
                ? fields : fields.Concat(new[] { "id" }).ToList();
            var distinct = ids.Distinct().ToList();
            var queries = new List<ListQuery>();
            for (var i = 0; i < distinct.Count; i += Batch)
            {
                var batch = distinct.Skip(i).Take(Batch).Cast<object?>().ToList();
                var query = new ListQuery
                {
                    Fields = wanted ?? Array.Empty<string>(),
                    Filter = new[] { new FilterCondition("id", FilterOperator.In, batch) },
                };
                // Validates now, so that a bad field fails before anything is sent; warnings come when it is sent.
                query.ToParameters(endpoint, warning: null);
                queries.Add(query);
            }
            return queries.SelectMany(list).Where(item => distinct.Contains(idOf(item)));
        }

        public static T Single<T>(EndpointSpec endpoint, long id, string what, Func<ListQuery, IEnumerable<T>> list, Func<T, long> idOf)
            where T : class =>
            Find(endpoint, new[] { id }, null, what, list, idOf).FirstOrDefault()
            ?? throw new WcxNotFoundException("GET", endpoint.Path, "no " + what + " has the id " + id + ".");
    }
}
