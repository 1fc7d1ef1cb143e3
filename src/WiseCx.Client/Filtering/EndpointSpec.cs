namespace WiseCx.Client.Filtering
{
    /// <summary>How an endpoint names its sort parameters: the collection documents two styles.</summary>
    public enum SortStyle
    {
        /// <summary><c>sort=asc|desc</c> and <c>sort_field</c>.</summary>
        SortAndSortField,
        /// <summary><c>sort_by</c> and <c>sort_order</c> (Nitro).</summary>
        SortByAndSortOrder,
        /// <summary>The endpoint documents no sort: the shared <c>sort</c>/<c>sort_field</c> are sent, with a warning.</summary>
        None,
    }

    /// <summary>
    /// What one list endpoint accepts: its fields, which operators each field filters with, the resource prefix of
    /// field names in <c>filtering</c>, and its spelling of EQUAL. Read off the collection's "ALLOWED OPERATORS" tables.
    /// </summary>
    public sealed class EndpointSpec
    {
        private readonly Dictionary<string, FilterOperator[]> _filterable;

        public EndpointSpec(
            string path,
            string fieldPrefix,
            IEnumerable<string> fields,
            IDictionary<string, FilterOperator[]> filterable,
            string equalSpelling = "EQUAL",
            SortStyle sortStyle = SortStyle.SortAndSortField,
            IEnumerable<string>? singleObjectFields = null)
        {
            Path = path;
            FieldPrefix = fieldPrefix;
            Fields = fields.ToArray();
            SingleObjectFields = (singleObjectFields ?? Fields).ToArray();
            _filterable = new Dictionary<string, FilterOperator[]>(filterable, StringComparer.OrdinalIgnoreCase);
            EqualSpelling = equalSpelling;
            SortStyle = sortStyle;
        }

        /// <summary>The list path below the API root, e.g. <c>cases</c>.</summary>
        public string Path { get; }

        /// <summary>Prefix of field names in <c>filtering</c>, e.g. <c>case.</c>.</summary>
        public string FieldPrefix { get; }

        /// <summary>Documented field names of the list, for <c>fields</c> and completion.</summary>
        public IReadOnlyList<string> Fields { get; }

        /// <summary>Documented field names when one object is fetched by id.</summary>
        public IReadOnlyList<string> SingleObjectFields { get; }

        /// <summary>Fields that can be filtered on, in documentation order.</summary>
        public IEnumerable<string> FilterableFields => _filterable.Keys;

        public string EqualSpelling { get; }

        public SortStyle SortStyle { get; }

        /// <summary>The operators a field allows, or null when the field cannot be filtered on.</summary>
        public IReadOnlyList<FilterOperator>? OperatorsFor(string field) =>
            _filterable.TryGetValue(field, out var ops) ? ops : null;

        /// <summary>
        /// The documented spelling of a field name, or null when the endpoint does not have it. The name may be the API's
        /// (<c>group_id</c>, any case) or the module's property name (<c>GroupId</c>); see <see cref="FieldNames"/>.
        /// </summary>
        public string? CanonicalField(string name, bool singleObject = false) =>
            FieldNames.Resolve(name, singleObject ? SingleObjectFields : Fields, Path, "Property");

        /// <summary>The filterable field a name (API or property name) stands for, or null when it names none.</summary>
        public string? CanonicalFilterField(string name) => FieldNames.Resolve(name, FilterableFields, Path, "Filter");

        /// <summary>The names the module shows for the filterable fields (GroupId for group_id), for completion.</summary>
        public IEnumerable<string> FilterablePropertyNames =>
            FilterableFields.Select(f => FieldNames.PropertyNameOf(f, FilterableFields, Path));
    }

    /// <summary>
    /// The per-endpoint table: one row per list endpoint, the only place field names and operators are declared.
    /// Each API area adds its rows in its own file (Endpoints.&lt;Area&gt;.cs).
    /// </summary>
    public static partial class Endpoints
    {
        /// <summary>Operator sets that recur in the collection's "ALLOWED OPERATORS" tables.</summary>
        /// <remarks>
        /// Properties over a nested class, not fields: the rows live in several files of this partial class, and C#
        /// does not order static initialisers across files, so a row could otherwise see a field still null.
        /// </remarks>
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

        /// <summary>GET /cases.</summary>
        public static EndpointSpec Cases { get; } = new EndpointSpec(
            path: "cases",
            fieldPrefix: "case.",
            fields: new[]
            {
                "id", "number", "group_id", "user_id", "contact_id", "status", "source_channel", "tags", "type_id", "subject",
                "priority", "due_at", "custom_fields", "created_at", "solved_at", "closed_at", "last_read", "last_update",
                "first_read", "last_assignment", "first_response", "last_response", "nps_value", "spam", "deleted",
                "channel_account", "bot_resolved", "bot_attended", "summary",
            },
            filterable: new Dictionary<string, FilterOperator[]>
            {
                ["number"] = InEq, ["user_id"] = InEq, ["contact_id"] = InEq,
                ["group_id"] = InNotInEqNe, ["status"] = InNotInEqNe, ["source_channel"] = InNotInEqNe, ["tags"] = InNotInEqNe,
                ["type_id"] = InNotInEqNe, ["priority"] = InNotInEqNe,
                ["subject"] = Text,
                ["due_at"] = Ordered, ["created_at"] = Ordered, ["solved_at"] = Ordered, ["closed_at"] = Ordered, ["last_read"] = Ordered,
                ["id"] = Ordered, ["first_read"] = Ordered, ["last_assignment"] = Ordered, ["first_response"] = Ordered,
                ["last_response"] = Ordered, ["last_update"] = Ordered,
            },
            // The operator table of GET /cases says EQUALS, but the collection's own example request sends EQUAL.
            equalSpelling: "EQUAL",
            singleObjectFields: new[]
            {
                "id", "number", "group_id", "user_id", "contact_id", "status", "source_channel", "tags", "type_id", "subject",
                "priority", "due_at", "custom_fields", "created_at", "solved_at", "closed_at", "last_update", "channel_account",
                "bot_resolved", "bot_attended", "summary",
            });
    }
}
