namespace WiseCx.Client.Filtering
{
    /// <summary>
    /// The per-endpoint table: one row per list endpoint, the only place field names and operators are declared.
    /// Each API area adds its rows in its own file (Endpoints.&lt;Area&gt;.cs).
    /// </summary>
    public static partial class Endpoints
    {
        // The operator sets that recur in the collection's "ALLOWED OPERATORS" tables, the only copies: every row uses
        // these. Properties over a nested class, not fields: the rows live in several files of this partial class and
        // C# does not order static initialisers across files, but a nested class is initialised on first use, so a
        // row (a property initialised with `{ get; } = new EndpointSpec(...)`) can use them from any file.
        internal static FilterOperator[] InEq => Sets.InEq;
        internal static FilterOperator[] InNotInEqNe => Sets.InNotInEqNe;
        internal static FilterOperator[] Text => Sets.Text;
        internal static FilterOperator[] Ordered => Sets.Ordered;

        /// <summary>For endpoints that document no filter: nothing can be filtered on.</summary>
        internal static IDictionary<string, FilterOperator[]> NoFilter => Sets.NoFilter;

        private static class Sets
        {
            public static readonly FilterOperator[] InEq = { FilterOperator.In, FilterOperator.Equal };
            public static readonly FilterOperator[] InNotInEqNe = { FilterOperator.In, FilterOperator.NotIn, FilterOperator.Equal, FilterOperator.NotEqual };
            public static readonly FilterOperator[] Text = InNotInEqNe.Concat(new[] { FilterOperator.Contains }).ToArray();
            public static readonly FilterOperator[] Ordered = InNotInEqNe.Concat(new[]
                { FilterOperator.Greater, FilterOperator.Lower, FilterOperator.GreaterEqual, FilterOperator.LowerEqual }).ToArray();
            public static readonly IDictionary<string, FilterOperator[]> NoFilter = new Dictionary<string, FilterOperator[]>();
        }
    }
}
