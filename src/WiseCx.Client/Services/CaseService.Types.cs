namespace WiseCx.Client.Services
{
    /// <summary>Case types through the documented GET /cases/types, or GET /types where an API answers only that.</summary>
    public sealed partial class CaseService
    {
        /// <summary>The name under which a session remembers that GET /cases/types is absent.</summary>
        internal const string CaseTypesRoute = "GET /cases/types";

        /// <summary>
        /// Case types, one page in <c>{"data": […]}</c>, from the documented GET /cases/types; when it answers 404 or 501, from GET /types, which only the
        /// vendor's Spanish documentation lists (the same list). The roles of <see cref="ApiService.PreferringAsync{T}"/> are
        /// swapped here: the documented endpoint is the one preferred, and once /types served in its place the session goes
        /// straight to /types. The query is checked now; nothing is sent until the sequence is read.
        /// </summary>
        public IEnumerable<CaseType> ListTypes(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null)
        {
            var documented = List<CaseType>(Endpoints.CaseTypes, query, cancellationToken, onPage);
            var spanish = List<CaseType>(Endpoints.CaseTypes, query, cancellationToken, onPage, "types");
            return Read(documented, spanish);
        }

        private IEnumerable<CaseType> Read(IEnumerable<CaseType> documented, IEnumerable<CaseType> spanish)
        {
            // The list is one page ({"data": […]}): read whole, so that a 404 of the first request can still choose /types.
            // Both reads run synchronously, so the task is complete when PreferringAsync returns.
            var types = PreferringAsync(CaseTypesRoute,
                preferred: () => Task.FromResult(documented.ToList()),
                fallback: () => Task.FromResult(spanish.ToList())).GetAwaiter().GetResult();
            if (types.Count == 0 && !Connection.IsEndpointAbsent(CaseTypesRoute))
                types = AskTypesBeforeSayingNone(spanish) ?? types;
            foreach (var type in types)
                yield return type;
        }

        /// <summary>
        /// An empty documented list may be an API without GET /cases/types: the pager reads a top-level list's 404
        /// "not found" as an empty page (<see cref="Pager.IsEmptyListAnswer"/>), and a missing route says just that. So
        /// /types is asked once before saying there are none; when it has types, the session remembers to go there.
        /// Returns null when /types has none to add (empty, or absent too).
        /// </summary>
        private List<CaseType>? AskTypesBeforeSayingNone(IEnumerable<CaseType> spanish)
        {
            try
            {
                var types = spanish.ToList();
                if (types.Count == 0)
                    return null;
                Connection.MarkEndpointAbsent(CaseTypesRoute);
                return types;
            }
            catch (WcxApiException absent) when (absent.StatusCode == 404 || absent.StatusCode == 501 || absent.StatusCode == 400)
            {
                return null;
            }
        }
    }
}
