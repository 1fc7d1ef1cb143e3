namespace WiseCx.Client.Paging
{
    /// <summary>What a list request asks for: fields, filter, sort, page size, and which slice of the results.</summary>
    public sealed class ListQuery
    {
        /// <summary>The API's own maximum (and default) page size.</summary>
        public const int MaxPageSize = 100;

        /// <summary>API field names to return; empty for the endpoint's default.</summary>
        public IReadOnlyList<string> Fields { get; set; } = Array.Empty<string>();

        /// <summary>Conditions, ANDed.</summary>
        public IReadOnlyList<FilterCondition> Filter { get; set; } = Array.Empty<FilterCondition>();

        /// <summary>The field to sort by (a documented field of the endpoint), or null for the API's order.</summary>
        public string? SortField { get; set; }

        /// <summary>Null leaves the API's default order.</summary>
        public bool? Descending { get; set; }

        /// <summary>Records per request (the API allows at most 100); null for the endpoint's default.</summary>
        public int PageSize { get; set; } = MaxPageSize;

        /// <summary>Items to pass over before the first one returned.</summary>
        public long Skip { get; set; }

        /// <summary>Stop after this many items (and request no page beyond them); null for all.</summary>
        public long? First { get; set; }

        /// <summary>
        /// Checks the query against the endpoint's table and returns the query string parameters except the page, in a
        /// fixed order. Throws <see cref="WcxInputException"/> before anything is sent for what is certainly wrong (a page
        /// size out of range, an operator the table forbids on a field it documents); a field the table does not document
        /// is sent as written, and the current trace (<see cref="WcxTrace"/>) gets a warning saying so.
        /// </summary>
        public List<KeyValuePair<string, string>> ToParameters(EndpointSpec endpoint) =>
            ToParameters(endpoint, message => WcxTrace.Current?.Warning(message));

        /// <summary>As <see cref="ToParameters(EndpointSpec)"/>, telling <paramref name="warning"/> (if any) about undocumented fields.</summary>
        public List<KeyValuePair<string, string>> ToParameters(EndpointSpec endpoint, Action<string>? warning)
        {
            if (PageSize < 1 || PageSize > MaxPageSize)
                throw new WcxInputException("PageSize must be between 1 and " + MaxPageSize + "; it was " + PageSize + ".", "PageSize");
            if (Skip < 0)
                throw new WcxInputException("Skip cannot be negative.", "Skip");
            if (First < 0)
                throw new WcxInputException("First cannot be negative.", "First");

            var parameters = new List<KeyValuePair<string, string>>();
            if (Fields.Count > 0)
                parameters.Add(new KeyValuePair<string, string>("fields", string.Join(",", Fields.Select(f => CanonicalField(endpoint, f, "Property", warning)))));
            if (Filter.Count > 0)
                parameters.Add(new KeyValuePair<string, string>("filtering", FilterCompiler.Compile(Filter, endpoint, warning)));
            AddSort(parameters, endpoint, warning);
            parameters.Add(new KeyValuePair<string, string>("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return parameters;
        }

        private void AddSort(List<KeyValuePair<string, string>> parameters, EndpointSpec endpoint, Action<string>? warning)
        {
            if (SortField is null && Descending is null)
                return;
            // Not documenting a sort is not forbidding one: the parameters every list shares in the collection's notes
            // are sent, and the API decides.
            if (endpoint.SortStyle == SortStyle.None)
                warning?.Invoke("/" + endpoint.Path + " documents no sort; sort and sort_field are sent as for the other lists, and the API decides.");
            var direction = Descending == true ? "desc" : "asc";
            var field = SortField is null ? null : CanonicalField(endpoint, SortField, "Sort", warning);
            if (endpoint.SortStyle != SortStyle.SortByAndSortOrder)
            {
                parameters.Add(new KeyValuePair<string, string>("sort", direction));
                if (field != null)
                    parameters.Add(new KeyValuePair<string, string>("sort_field", field));
            }
            else
            {
                if (field != null)
                    parameters.Add(new KeyValuePair<string, string>("sort_by", field));
                parameters.Add(new KeyValuePair<string, string>("sort_order", direction));
            }
        }

        /// <summary>
        /// A field name for <c>fields</c> or the sort: a documented one in the table's spelling; any other as written,
        /// with a warning, since the live API answers fields the collection does not list.
        /// </summary>
        internal static string CanonicalField(EndpointSpec endpoint, string name, string parameter, Action<string>? warning,
            bool singleObject = false)
        {
            var documented = endpoint.CanonicalField(name, singleObject);
            if (documented != null)
                return documented;
            var trimmed = name.Trim();
            if (trimmed.Length == 0)
                throw new WcxInputException(parameter + " has an empty field name.", parameter);
            warning?.Invoke("-" + parameter + " '" + trimmed + "' is not a documented field of /" + endpoint.Path +
                            "; it is sent as given and the API decides. Documented: " +
                            string.Join(", ", singleObject ? endpoint.SingleObjectFields : endpoint.Fields) + ".");
            return trimmed;
        }
    }
}
