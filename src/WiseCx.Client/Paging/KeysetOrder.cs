using System.Reflection;

namespace WiseCx.Client.Paging
{
    /// <summary>
    /// Paging by a stable key: records in id order, each page asked for as "the records after the last id seen"
    /// (<c>id LOWER last</c> newest first, <c>id GREATER last</c> oldest first) instead of by page number. A command
    /// further down the pipeline that removes or changes records already handed over cannot shift the pages still to
    /// come, so every record is read exactly once. Only where the endpoint's table lets the id be compared and sorted on.
    /// </summary>
    internal sealed class KeysetOrder
    {
        private KeysetOrder(bool descending) => Descending = descending;

        /// <summary>Newest first (the default when the caller asks for no order).</summary>
        public bool Descending { get; }

        /// <summary>
        /// The keyset order for <paramref name="query"/>, or null when the endpoint cannot page by id (no GREATER/LOWER
        /// on its id, no sort_field) or the caller sorts by another field.
        /// </summary>
        public static KeysetOrder? For(EndpointSpec endpoint, ListQuery query)
        {
            var operators = endpoint.OperatorsFor("id");
            if (operators is null || !operators.Contains(FilterOperator.Greater) || !operators.Contains(FilterOperator.Lower))
                return null;
            if (endpoint.SortStyle != SortStyle.SortAndSortField)
                return null;
            if (query.SortField != null && !string.Equals(endpoint.CanonicalField(query.SortField), "id", StringComparison.OrdinalIgnoreCase))
                return null;
            return new KeysetOrder(query.Descending ?? query.SortField is null);
        }

        /// <summary>The query sorted by id in this direction, asking for the id whenever it asks for fields.</summary>
        public ListQuery Apply(ListQuery query) => new ListQuery
        {
            Fields = query.Fields.Count == 0 || query.Fields.Any(f => string.Equals(f, "id", StringComparison.OrdinalIgnoreCase))
                ? query.Fields
                : new[] { "id" }.Concat(query.Fields).ToArray(),
            Filter = query.Filter,
            SortField = "id",
            Descending = Descending,
            PageSize = query.PageSize,
            Skip = query.Skip,
            First = query.First,
        };

        /// <summary>The caller's conditions and "after <paramref name="lastId"/>" in this order.</summary>
        public IReadOnlyList<FilterCondition> After(IReadOnlyList<FilterCondition> filter, long lastId) =>
            filter.Concat(new[] { new FilterCondition("id", Descending ? FilterOperator.Lower : FilterOperator.Greater, lastId) }).ToList();

        /// <summary>True when <paramref name="id"/> comes after <paramref name="lastId"/> in this order.</summary>
        public bool IsAfter(long? id, long lastId) => id.HasValue && (Descending ? id.Value < lastId : id.Value > lastId);

        /// <summary>True when every record of <paramref name="page"/> has an id and each comes after the one before.</summary>
        public bool IsInOrder<T>(IReadOnlyList<T> page, Func<T, long?> idOf)
        {
            long? previous = null;
            foreach (var item in page)
            {
                var id = idOf(item);
                if (!id.HasValue || (previous.HasValue && !IsAfter(id, previous.Value)))
                    return false;
                previous = id;
            }
            return true;
        }

        /// <summary>The <c>Id</c> of a model object (null when it has none or it was not read).</summary>
        public static long? IdOf<T>(T item) => ItemIds<T>.Read(item);

        private static class ItemIds<T>
        {
            private static readonly PropertyInfo? IdProperty = typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance);

            public static long? Read(T item)
            {
                if (item is null || IdProperty is null)
                    return null;
                var value = IdProperty.GetValue(item);
                // 0 is what a non-nullable Id holds when the answer had none: no key to page after.
                var id = value is long number ? number : value is int small ? small : 0L;
                return id > 0 ? id : (long?)null;
            }
        }
    }
}
