using System.Collections;
using System.Globalization;
using System.Text;

namespace WiseCx.Client.Filtering
{
    /// <summary>
    /// Writes the API's <c>filtering</c> value, <c>[{'field':'case.status','operator':'IN','value':['opened','solved']}]</c>
    /// (single-quoted, values as strings), checking what the endpoint's table documents: an operator the table does not
    /// allow on a field it lists is refused before anything is sent. A field the table does not list is sent anyway (the
    /// live API filters on more fields than the collection documents), with the endpoint's prefix or, when the name
    /// already has a dotted prefix (<c>contacts.personal_id</c>, <c>cases.number</c>), exactly as written, and a warning
    /// says it is undocumented. The result is not URL-encoded; the query builder does that.
    /// </summary>
    public static class FilterCompiler
    {
        /// <summary>Compiles without reporting undocumented fields (to show a filter, or to check it ahead of sending).</summary>
        public static string Compile(IEnumerable<FilterCondition> conditions, EndpointSpec endpoint) => Compile(conditions, endpoint, null);

        /// <summary>Compiles, telling <paramref name="warning"/> once per field that the endpoint's table does not document.</summary>
        public static string Compile(IEnumerable<FilterCondition> conditions, EndpointSpec endpoint, Action<string>? warning)
        {
            var list = conditions?.ToList() ?? throw new ArgumentNullException(nameof(conditions));
            if (endpoint is null)
                throw new ArgumentNullException(nameof(endpoint));
            var warned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var text = new StringBuilder("[");
            for (var i = 0; i < list.Count; i++)
            {
                var condition = list[i];
                var field = ResolveField(condition, endpoint);
                if (field.Undocumented && warned.Add(field.Sent))
                    warning?.Invoke(UndocumentedWarning(condition.Field, field.Sent, endpoint));
                CheckValueCount(condition, field.Name);
                if (i > 0)
                    text.Append(',');
                text.Append("{'field':");
                AppendQuoted(text, field.Sent);
                text.Append(",'operator':");
                AppendQuoted(text, FilterOperators.ApiName(condition.Operator, endpoint.EqualSpelling));
                text.Append(",'value':");
                var values = condition.Values.Select(v => FormatValue(field.Name, v)).ToList();
                if (FilterOperators.TakesList(condition.Operator))
                {
                    text.Append('[');
                    for (var j = 0; j < values.Count; j++)
                    {
                        if (j > 0)
                            text.Append(',');
                        AppendQuoted(text, values[j]);
                    }
                    text.Append(']');
                }
                else
                {
                    AppendQuoted(text, values[0]);
                }
                text.Append('}');
            }
            return text.Append(']').ToString();
        }

        /// <summary>
        /// The name to send and the name for messages. A documented field is checked against its operators and spelled as
        /// the table spells it, with the endpoint's prefix; any other field goes as written, prefixed only when it has no
        /// prefix of its own.
        /// </summary>
        private static (string Sent, string Name, bool Undocumented) ResolveField(FilterCondition condition, EndpointSpec endpoint)
        {
            var bare = WithoutPrefix(condition.Field, endpoint);
            // GroupId and group_id alike: the module's property names are read by the models' naming rule.
            var canonical = bare.IndexOf('.') >= 0 ? null : endpoint.CanonicalFilterField(bare);
            if (canonical is null)
            {
                // A documented field that the table does not list as filterable is still sent in the API's spelling.
                var known = bare.IndexOf('.') >= 0 ? null : endpoint.CanonicalField(bare);
                var sent = known != null ? endpoint.FieldPrefix + known
                    : condition.Field.IndexOf('.') >= 0 ? condition.Field : endpoint.FieldPrefix + condition.Field;
                return (sent, known ?? condition.Field, true);
            }

            var allowed = endpoint.OperatorsFor(canonical)!;
            if (!allowed.Contains(condition.Operator))
                throw new WcxInputException(
                    "The operator '" + FilterOperators.ShortName(condition.Operator) + "' is not allowed on '" + canonical +
                    "' for /" + endpoint.Path + ". Allowed: " +
                    string.Join(", ", allowed.Select(FilterOperators.ShortName)) + ".", "Filter");
            return (endpoint.FieldPrefix + canonical, canonical, false);
        }

        private static string WithoutPrefix(string field, EndpointSpec endpoint) =>
            field.StartsWith(endpoint.FieldPrefix, StringComparison.OrdinalIgnoreCase) ? field.Substring(endpoint.FieldPrefix.Length) : field;

        private static string UndocumentedWarning(string written, string sent, EndpointSpec endpoint)
        {
            var documented = endpoint.FilterableFields.ToList();
            if (documented.Count == 0)
                return "/" + endpoint.Path + " documents no filter; the field '" + written + "' is sent as '" + sent + "' and the API decides.";
            if (written.IndexOf('.') >= 0)
                return "The filter field '" + written + "' is not documented for /" + endpoint.Path + " (its fields are documented with the prefix '" +
                       endpoint.FieldPrefix + "'); it is sent as written and the API decides.";
            return "The filter field '" + written + "' is not documented for /" + endpoint.Path + "; it is sent as '" + sent +
                   "' and the API decides. Documented: " + string.Join(", ", documented) + ".";
        }

        /// <summary>One value for a scalar operator, at least one for IN and NOT IN: the only shapes the API's syntax has.</summary>
        private static void CheckValueCount(FilterCondition condition, string field)
        {
            var count = condition.Values.Count;
            if (FilterOperators.TakesList(condition.Operator) ? count == 0 : count != 1)
                throw new WcxInputException(
                    FilterOperators.TakesList(condition.Operator)
                        ? "The operator '" + FilterOperators.ShortName(condition.Operator) + "' on '" + field + "' needs at least one value."
                        : "The operator '" + FilterOperators.ShortName(condition.Operator) + "' on '" + field + "' takes exactly one value.",
                    "Filter");
        }

        /// <summary>The API compares text: every value goes as a string, dates in its own UTC form.</summary>
        internal static string FormatValue(string field, object? value)
        {
            switch (value)
            {
                case null:
                    throw new WcxInputException("The filter on '" + field + "' has a null value; the API cannot filter on null.", "Filter");
                case string s:
                    return s;
                case DateTime d:
                    return WcxJson.FormatDate(d);
                case DateTimeOffset o:
                    return WcxJson.FormatDate(o.UtcDateTime);
                case bool b:
                    return b ? "true" : "false";
                case Enum e:
                    return e.ToString();
                case IFormattable f:
                    return f.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable _:
                    throw new WcxInputException("The filter on '" + field + "' has a nested list as one of its values.", "Filter");
                default:
                    return value.ToString() ?? "";
            }
        }

        /// <summary>Single-quoted, with JSON-style backslash escapes so that quotes, backslashes and control characters survive.</summary>
        internal static void AppendQuoted(StringBuilder text, string value)
        {
            text.Append('\'');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\'': text.Append("\\'"); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < ' ')
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else
                            text.Append(c);
                        break;
                }
            }
            text.Append('\'');
        }
    }
}
