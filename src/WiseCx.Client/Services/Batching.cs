namespace WiseCx.Client.Services
{
    /// <summary>Splits the ids of one bulk call into requests of a bounded size.</summary>
    internal static class Batching
    {
        /// <summary>
        /// The most ids sent in one membership request. The API documents no limit; a whole department (hundreds of
        /// agents) still goes in one request, and a runaway pipeline cannot build a body the server may refuse.
        /// </summary>
        public const int MaxIdsPerRequest = 500;

        public static IEnumerable<List<T>> Split<T>(IReadOnlyList<T> items, int size = MaxIdsPerRequest)
        {
            if (size <= 0)
                throw new ArgumentOutOfRangeException(nameof(size));
            for (var start = 0; start < items.Count; start += size)
                yield return items.Skip(start).Take(size).ToList();
        }

        /// <summary>Checks ids and drops repeats (the API refuses a list with duplicates; asking twice means the same).</summary>
        public static List<long> DistinctIds(IEnumerable<long>? ids, string what, string parameter)
        {
            var result = new List<long>();
            var seen = new HashSet<long>();
            foreach (var id in ids ?? Enumerable.Empty<long>())
            {
                if (id <= 0)
                    throw new WcxInputException("A " + what + " id is a positive number; got " + id + ".", parameter);
                if (seen.Add(id))
                    result.Add(id);
            }
            if (result.Count == 0)
                throw new WcxInputException("Give at least one " + what + " id.", parameter);
            return result;
        }
    }
}
