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

        /// <summary>
        /// A row of <see cref="Endpoints"/>: the list path, the prefix of its field names in <c>filtering</c>, the documented
        /// fields, each filterable field's operators (<c>Endpoints.NoFilter</c> when none), and the spellings the
        /// endpoint documents; <paramref name="singleObjectFields"/> when reading one object by id documents fewer fields.
        /// </summary>
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

        /// <summary>How the endpoint spells the EQUAL operator in <c>filtering</c> (EQUAL or EQUALS).</summary>
        public string EqualSpelling { get; }

        /// <summary>Which parameters the endpoint sorts with.</summary>
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
}
