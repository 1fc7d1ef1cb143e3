namespace WiseCx.Client.Filtering
{
    /// <summary>The comparisons the API's <c>filtering</c> parameter knows.</summary>
    public enum FilterOperator
    {
        /// <summary>The field equals the value (the API's EQUAL, or EQUALS where an endpoint spells it so).</summary>
        Equal,
        /// <summary>The field differs from the value (NOT EQUAL).</summary>
        NotEqual,
        /// <summary>The field equals one of the values (IN).</summary>
        In,
        /// <summary>The field equals none of the values (NOT IN).</summary>
        NotIn,
        /// <summary>The field is greater than the value (GREATER); dates compare in time.</summary>
        Greater,
        /// <summary>The field is lower than the value (LOWER).</summary>
        Lower,
        /// <summary>The field is greater than or equal to the value (GREATER EQUAL).</summary>
        GreaterEqual,
        /// <summary>The field is lower than or equal to the value (LOWER EQUAL).</summary>
        LowerEqual,
        /// <summary>The field's text contains the value (CONTAINS), the API's only text match.</summary>
        Contains,
    }

    /// <summary>One condition of a filter: a field, an operator and its value(s). Conditions of a filter are ANDed.</summary>
    public sealed class FilterCondition
    {
        /// <summary>A condition with several values (for In and NotIn); refuses a blank field name.</summary>
        public FilterCondition(string field, FilterOperator op, IEnumerable<object?> values)
        {
            if (string.IsNullOrWhiteSpace(field))
                throw new WcxInputException("A filter condition needs a field name.", "Filter");
            Field = field.Trim();
            Operator = op;
            Values = (values ?? throw new ArgumentNullException(nameof(values))).ToArray();
        }

        /// <summary>A condition with one value.</summary>
        public FilterCondition(string field, FilterOperator op, object? value) : this(field, op, new[] { value }) { }

        /// <summary>The field as the user named it (with or without the resource prefix).</summary>
        public string Field { get; }

        /// <summary>How the field is compared with the value(s).</summary>
        public FilterOperator Operator { get; }

        /// <summary>One value, or several for In/NotIn.</summary>
        public IReadOnlyList<object?> Values { get; }

        /// <summary>The condition as users type it: <c>status in opened,pending</c>.</summary>
        public override string ToString() =>
            Field + " " + FilterOperators.ShortName(Operator) + " " + string.Join(",", Values.Select(v => v?.ToString()));
    }

    /// <summary>Names of the operators: the short ones users type (eq, ge, …) and the API's.</summary>
    public static class FilterOperators
    {
        private static readonly (FilterOperator Op, string Short, string Api)[] Names =
        {
            (FilterOperator.Equal, "eq", "EQUAL"),
            (FilterOperator.NotEqual, "ne", "NOT EQUAL"),
            (FilterOperator.In, "in", "IN"),
            (FilterOperator.NotIn, "notin", "NOT IN"),
            (FilterOperator.Greater, "gt", "GREATER"),
            (FilterOperator.Lower, "lt", "LOWER"),
            (FilterOperator.GreaterEqual, "ge", "GREATER EQUAL"),
            (FilterOperator.LowerEqual, "le", "LOWER EQUAL"),
            (FilterOperator.Contains, "contains", "CONTAINS"),
        };

        /// <summary>All short names, in a fixed order, for messages.</summary>
        public static IReadOnlyList<string> ShortNames { get; } = Names.Select(n => n.Short).ToArray();

        /// <summary>The short name users type for <paramref name="op"/> (eq, ge, contains, …).</summary>
        public static string ShortName(FilterOperator op) => Names.First(n => n.Op == op).Short;

        /// <summary>The API's spelling; EQUAL is spelled per endpoint (EQUAL or EQUALS), so it is passed in.</summary>
        public static string ApiName(FilterOperator op, string equalSpelling) =>
            op == FilterOperator.Equal ? equalSpelling : Names.First(n => n.Op == op).Api;

        /// <summary>Reads a short name (eq, ge, notin, …), case-insensitively.</summary>
        public static bool TryParseShortName(string? name, out FilterOperator op)
        {
            foreach (var n in Names)
            {
                if (string.Equals(n.Short, name?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    op = n.Op;
                    return true;
                }
            }
            op = default;
            return false;
        }

        /// <summary>True for the operators that take a list of values.</summary>
        public static bool TakesList(FilterOperator op) => op == FilterOperator.In || op == FilterOperator.NotIn;
    }
}
