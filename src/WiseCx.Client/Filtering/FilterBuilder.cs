using System.Collections;
using System.Collections.Specialized;

namespace WiseCx.Client.Filtering
{
    /// <summary>
    /// Turns a dictionary filter into conditions: a scalar means EQUAL, a list means IN, and a nested dictionary
    /// maps operator names to values (<c>@{ created_at = @{ ge = $since; lt = $until } }</c>).
    /// </summary>
    public static class FilterBuilder
    {
        /// <summary>
        /// Reads the dictionary. Plain hashtables have no order, so their fields are taken alphabetically to keep
        /// the compiled value stable; ordered dictionaries keep their order.
        /// </summary>
        public static IReadOnlyList<FilterCondition> FromDictionary(IDictionary filter)
        {
            if (filter is null)
                throw new ArgumentNullException(nameof(filter));

            var entries = filter.Cast<DictionaryEntry>().Select(e => (Field: Convert.ToString(e.Key) ?? "", e.Value));
            if (!(filter is IOrderedDictionary))
                entries = entries.OrderBy(e => e.Field, StringComparer.OrdinalIgnoreCase);

            var conditions = new List<FilterCondition>();
            foreach (var (field, value) in entries)
            {
                if (value is IDictionary operators)
                {
                    if (operators.Count == 0)
                        throw new WcxInputException("The filter for '" + field + "' is an empty dictionary: give an operator and a value, e.g. @{ ge = 5 }.", "Filter");
                    var opEntries = operators.Cast<DictionaryEntry>().Select(e => (Name: Convert.ToString(e.Key) ?? "", e.Value));
                    if (!(operators is IOrderedDictionary))
                        opEntries = opEntries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase);
                    foreach (var (name, operand) in opEntries)
                    {
                        if (!FilterOperators.TryParseShortName(name, out var op))
                            throw new WcxInputException(
                                "Unknown filter operator '" + name + "' for field '" + field + "'. Use one of: " +
                                string.Join(", ", FilterOperators.ShortNames) + ".", "Filter");
                        conditions.Add(new FilterCondition(field, op, ValuesOf(field, op, operand)));
                    }
                }
                else if (IsList(value))
                {
                    conditions.Add(new FilterCondition(field, FilterOperator.In, ((IEnumerable)value!).Cast<object?>()));
                }
                else
                {
                    conditions.Add(new FilterCondition(field, FilterOperator.Equal, value));
                }
            }
            return conditions;
        }

        private static IEnumerable<object?> ValuesOf(string field, FilterOperator op, object? operand)
        {
            if (IsList(operand))
            {
                var list = ((IEnumerable)operand!).Cast<object?>().ToArray();
                if (!FilterOperators.TakesList(op) && list.Length != 1)
                    throw new WcxInputException(
                        "The operator '" + FilterOperators.ShortName(op) + "' on '" + field + "' takes one value, not " + list.Length +
                        ". Use 'in' or 'notin' for a list.", "Filter");
                return list;
            }
            return new[] { operand };
        }

        /// <summary>Strings are enumerable but are one value.</summary>
        internal static bool IsList(object? value) => value is IEnumerable && !(value is string) && !(value is IDictionary);
    }
}
