namespace WiseCx.Sandbox.Filtering;

/// <summary>The API's filter operators. EQUAL and EQUALS are one operator: the docs use both spellings.</summary>
public enum FilterOperator
{
    /// <summary>IN: the field equals one of the values.</summary>
    In,
    /// <summary>NOT IN.</summary>
    NotIn,
    /// <summary>EQUAL (also spelled EQUALS).</summary>
    Equal,
    /// <summary>NOT EQUAL.</summary>
    NotEqual,
    /// <summary>GREATER: strictly greater.</summary>
    Greater,
    /// <summary>LOWER: strictly lower.</summary>
    Lower,
    /// <summary>GREATER EQUAL.</summary>
    GreaterEqual,
    /// <summary>LOWER EQUAL.</summary>
    LowerEqual,
    /// <summary>CONTAINS: case-insensitive substring.</summary>
    Contains,
}

/// <summary>Spellings of <see cref="FilterOperator"/>.</summary>
public static class FilterOperators
{
    private static readonly Dictionary<string, FilterOperator> BySpelling = new(StringComparer.Ordinal)
    {
        ["IN"] = FilterOperator.In,
        ["NOT IN"] = FilterOperator.NotIn,
        ["EQUAL"] = FilterOperator.Equal,
        ["EQUALS"] = FilterOperator.Equal,
        ["NOT EQUAL"] = FilterOperator.NotEqual,
        ["NOT EQUALS"] = FilterOperator.NotEqual,
        ["GREATER"] = FilterOperator.Greater,
        ["LOWER"] = FilterOperator.Lower,
        ["GREATER EQUAL"] = FilterOperator.GreaterEqual,
        ["LOWER EQUAL"] = FilterOperator.LowerEqual,
        ["CONTAINS"] = FilterOperator.Contains,
    };

    /// <summary>The documented spellings, for error messages.</summary>
    public const string KnownSpellings = "IN, NOT IN, EQUAL, EQUALS, NOT EQUAL, GREATER, LOWER, GREATER EQUAL, LOWER EQUAL, CONTAINS";

    /// <summary>Upper-cases and collapses runs of spaces, so "not  in" reads as "NOT IN".</summary>
    public static string Normalize(string spelling) =>
        string.Join(' ', spelling.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>Parses an operator as sent; null when unknown.</summary>
    public static FilterOperator? Parse(string spelling) =>
        BySpelling.TryGetValue(Normalize(spelling), out var op) ? op : null;

    /// <summary>The spelling the per-endpoint ALLOWED OPERATORS tables use (EQUALS, not EQUAL).</summary>
    public static string TableSpelling(FilterOperator op) => op switch
    {
        FilterOperator.In => "IN",
        FilterOperator.NotIn => "NOT IN",
        FilterOperator.Equal => "EQUALS",
        FilterOperator.NotEqual => "NOT EQUAL",
        FilterOperator.Greater => "GREATER",
        FilterOperator.Lower => "LOWER",
        FilterOperator.GreaterEqual => "GREATER EQUAL",
        FilterOperator.LowerEqual => "LOWER EQUAL",
        FilterOperator.Contains => "CONTAINS",
        _ => op.ToString(),
    };
}
