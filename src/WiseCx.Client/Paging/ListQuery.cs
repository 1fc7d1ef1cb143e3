using System;
using System.Collections.Generic;
using System.Linq;
using WiseCx.Client.Filtering;

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

        public string? SortField { get; set; }

        /// <summary>Null leaves the API's default order.</summary>
        public bool? Descending { get; set; }

        public int PageSize { get; set; } = MaxPageSize;

        /// <summary>Items to pass over before the first one returned.</summary>
        public long Skip { get; set; }

        /// <summary>Stop after this many items (and request no page beyond them); null for all.</summary>
        public long? First { get; set; }

        /// <summary>
        /// Checks everything against the endpoint's table and returns the query string parameters except the page,
        /// in a fixed order. Throws <see cref="WcxInputException"/> before anything is sent.
        /// </summary>
        public List<KeyValuePair<string, string>> ToParameters(EndpointSpec endpoint)
        {
            if (PageSize < 1 || PageSize > MaxPageSize)
                throw new WcxInputException("PageSize must be between 1 and " + MaxPageSize + "; it was " + PageSize + ".", "PageSize");
            if (Skip < 0)
                throw new WcxInputException("Skip cannot be negative.", "Skip");
            if (First < 0)
                throw new WcxInputException("First cannot be negative.", "First");

            var parameters = new List<KeyValuePair<string, string>>();
            if (Fields.Count > 0)
                parameters.Add(new KeyValuePair<string, string>("fields", string.Join(",", Fields.Select(f => CanonicalField(endpoint, f, "Property")))));
            if (Filter.Count > 0)
                parameters.Add(new KeyValuePair<string, string>("filtering", FilterCompiler.Compile(Filter, endpoint)));
            AddSort(parameters, endpoint);
            parameters.Add(new KeyValuePair<string, string>("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return parameters;
        }

        private void AddSort(List<KeyValuePair<string, string>> parameters, EndpointSpec endpoint)
        {
            if (SortField is null && Descending is null)
                return;
            if (endpoint.SortStyle == SortStyle.None)
                throw new WcxInputException("/" + endpoint.Path + " cannot be sorted by the API.", "Sort");
            var direction = Descending == true ? "desc" : "asc";
            var field = SortField is null ? null : CanonicalField(endpoint, SortField, "Sort");
            if (endpoint.SortStyle == SortStyle.SortAndSortField)
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

        internal static string CanonicalField(EndpointSpec endpoint, string name, string parameter, bool singleObject = false) =>
            endpoint.CanonicalField(name, singleObject) ?? throw new WcxInputException(
                "'" + name + "' is not a field of /" + endpoint.Path + ". Valid fields: " +
                string.Join(", ", singleObject ? endpoint.SingleObjectFields : endpoint.Fields) + ".", parameter);
    }
}
