namespace WiseCx.Client.Filtering
{
    /// <summary>The comparisons the API's <c>filtering</c> parameter knows.</summary>
    public enum FilterOperator
    {
        Equal,
        NotEqual,
        In,
        NotIn,
        Greater,
        Lower,
        GreaterEqual,
        LowerEqual,
        Contains,
    }

    /// <summary>One condition of a filter: a field, an operator and its value(s). Conditions of a filter are ANDed.</summary>
    public sealed class FilterCondition
    {
        public FilterCondition(string field, FilterOperator op, IEnumerable<object?> values)
        {
            if (string.IsNullOrWhiteSpace(field))
                throw new WcxInputException("A filter condition needs a field name.", "Filter");
            Field = field.Trim();
            Operator = op;
            Values = (values ?? throw new ArgumentNullException(nameof(values))).ToArray();
        }

        public FilterCondition(string field, FilterOperator op, object? value) : this(field, op, new[] { value }) { }

        /// <summary>The field as the user named it (with or without the resource prefix).</summary>
        public string Field { get; }

        public FilterOperator Operator { get; }

        /// <summary>One value, or several for In/NotIn.</summary>
        public IReadOnlyList<object?> Values { get; }

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
