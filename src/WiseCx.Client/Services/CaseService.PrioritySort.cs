namespace WiseCx.Client.Services
{
    public sealed partial class CaseService
    {
        /// <summary>
        /// True when <paramref name="query"/> sorts by priority. The API sorts that field as text (high, low, medium,
        /// none, very-high), so <see cref="List"/> reads such a list rank by rank instead.
        /// </summary>
        public static bool SortsByPriority(ListQuery query) =>
            query?.SortField != null &&
            string.Equals(Endpoints.Cases.CanonicalField(query.SortField), "priority", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The priorities in the order a severity sort returns them: the known ones from the least to the most severe
        /// (none, low, medium, high, very-high), reversed when <paramref name="descending"/>; values outside that
        /// vocabulary come after the known ones either way.
        /// </summary>
        public static IReadOnlyList<string> SeverityRanks(bool descending)
        {
            var ranks = Vocabulary.CasePriority.Values.Where(Vocabulary.CasePriority.IsDocumented).ToList();
            if (descending)
                ranks.Reverse();
            return ranks;
        }

        /// <summary>
        /// A list sorted by priority, in severity order: one list per known priority (the caller's filter ANDed with
        /// <c>priority EQUAL p</c>, newest first within a priority), then the cases whose priority is none of them
        /// (<c>priority NOT IN (…)</c>, sorted as the API sorts the text; not asked for when the caller's filter keeps
        /// only known priorities). Streamed: a rank is requested when the
        /// previous one is read to its end. -Skip and -First count across the ranks, and no rank is asked for more than
        /// what is still needed. Ranks the caller's own priority condition excludes are not requested. The total
        /// (-IncludeTotalCount) is the sum of the ranks' totals, known only after the last rank's first page, so none
        /// is reported (<see cref="PageProgress.TotalItems"/> is null). Every case is written once even when the
        /// pipeline changes priorities while the list is read (see <see cref="ReadRanks"/>).
        /// </summary>
        private IEnumerable<Case> ListBySeverity(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage)
        {
            var known = SeverityRanks(query.Descending == true);
            var wanted = known.Where(rank => PriorityFilterAllows(query.Filter, rank)).ToList();
            var sublists = wanted
                .Select(rank => Ranked(query, new FilterCondition("priority", FilterOperator.Equal, rank), keepSort: false))
                .ToList();
            // The rest: skipped when the caller's filter already keeps only known priorities.
            if (!FilterKeepsOnlyKnown(query.Filter, known))
                sublists.Add(Ranked(query, new FilterCondition("priority", FilterOperator.NotIn, known.Cast<object?>()), keepSort: true));
            // Validate every sub-query now, as List does, so bad input fails before anything is sent.
            foreach (var sub in sublists)
                sub.ToParameters(Endpoints.Cases, warning: null);
            return ReadRanks(sublists, query.Skip, query.First, cancellationToken, onPage);
        }

        private IEnumerable<Case> ReadRanks(List<ListQuery> sublists, long skip, long? first, CancellationToken cancellationToken,
            Action<PageProgress>? onPage)
        {
            long pages = 0, items = 0, written = 0, skipped = 0;
            // Exactly once across the ranks: a write in the pipeline (Get-WcxCase -Sort priority | Set-WcxCase -Priority
            // high) moves a case to another rank. Before the session's first write, the ranks not started yet are read
            // whole (as a list read by page number reads its remaining pages), so a write neither brings back a case
            // already written nor takes one out of a rank still to come; and each id is written once.
            var seen = new HashSet<long>();
            var readAhead = new List<Case>?[sublists.Count];
            var notStarted = 0;
            long StillNeeded() => skip - skipped + first!.Value - written;

            void ReadRemainingRanksBeforeWrite()
            {
                for (var i = notStarted; i < sublists.Count; i++)
                {
                    if (readAhead[i] != null)
                        continue;
                    var sub = sublists[i];
                    sub.Skip = 0;
                    sub.First = first.HasValue ? StillNeeded() : (long?)null;
                    readAhead[i] = sub.First == 0 ? new List<Case>() : List<Case>(Endpoints.Cases, sub, cancellationToken, null).ToList();
                }
            }

            using (Connection.ObserveWrites(ReadRemainingRanksBeforeWrite))
            {
                for (var i = 0; i < sublists.Count; i++)
                {
                    if (first.HasValue && written >= first.Value)
                        yield break;
                    notStarted = i + 1;
                    long rankItems = 0;
                    IEnumerable<Case> rank;
                    if (readAhead[i] != null)
                    {
                        rank = readAhead[i]!;
                    }
                    else
                    {
                        // Each rank is asked for no more than the skip and the -First still to serve.
                        var sub = sublists[i];
                        sub.First = first.HasValue ? StillNeeded() : (long?)null;
                        sub.Skip = 0;
                        if (sub.First == 0)
                            yield break;
                        Action<PageProgress> progress = page =>
                        {
                            pages++;
                            onPage?.Invoke(new PageProgress(pages, items + page.ItemsSoFar, null));
                            rankItems = page.ItemsSoFar;
                        };
                        rank = List<Case>(Endpoints.Cases, sub, cancellationToken, progress);
                    }
                    foreach (var item in rank)
                    {
                        if (!seen.Add(item.Id))
                            continue;
                        if (skipped < skip)
                        {
                            skipped++;
                            continue;
                        }
                        if (first.HasValue && written >= first.Value)
                            yield break;
                        written++;
                        yield return item;
                    }
                    items += rankItems;
                }
            }
        }

        /// <summary>The caller's query for one rank: its filter and <paramref name="rank"/>, its fields and page size.</summary>
        private static ListQuery Ranked(ListQuery query, FilterCondition rank, bool keepSort) => new ListQuery
        {
            Fields = query.Fields,
            Filter = query.Filter.Concat(new[] { rank }).ToList(),
            SortField = keepSort ? query.SortField : null,
            Descending = keepSort ? query.Descending : null,
            PageSize = query.PageSize,
        };

        /// <summary>True when the caller's filter has a priority eq or in condition whose values are all known priorities.</summary>
        private static bool FilterKeepsOnlyKnown(IEnumerable<FilterCondition> filter, IReadOnlyList<string> known) =>
            filter.Any(condition =>
                (condition.Operator == FilterOperator.Equal || condition.Operator == FilterOperator.In) &&
                string.Equals(Endpoints.Cases.CanonicalFilterField(condition.Field), "priority", StringComparison.OrdinalIgnoreCase) &&
                condition.Values.All(v => known.Contains(v?.ToString()?.Trim() ?? "", StringComparer.OrdinalIgnoreCase)));

        /// <summary>
        /// False when the caller's filter has a priority condition (eq, ne, in, notin) that no case of
        /// <paramref name="rank"/> can meet: that rank is not requested.
        /// </summary>
        private static bool PriorityFilterAllows(IEnumerable<FilterCondition> filter, string rank)
        {
            foreach (var condition in filter)
            {
                if (!string.Equals(Endpoints.Cases.CanonicalFilterField(condition.Field), "priority", StringComparison.OrdinalIgnoreCase))
                    continue;
                var matches = condition.Values.Any(v => string.Equals(v?.ToString()?.Trim(), rank, StringComparison.OrdinalIgnoreCase));
                switch (condition.Operator)
                {
                    case FilterOperator.Equal:
                    case FilterOperator.In:
                        if (!matches)
                            return false;
                        break;
                    case FilterOperator.NotEqual:
                    case FilterOperator.NotIn:
                        if (matches)
                            return false;
                        break;
                }
            }
            return true;
        }
    }
}
