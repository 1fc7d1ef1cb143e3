using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using WiseCx.Client.Json;

namespace WiseCx.Client.Filtering
{
    /// <summary>
    /// Validates conditions against an endpoint's table and writes the API's <c>filtering</c> value:
    /// <c>[{'field':'case.status','operator':'IN','value':['opened','solved']}]</c>, single-quoted, values as strings.
    /// The result is not URL-encoded; the query builder does that.
    /// </summary>
    public static class FilterCompiler
    {
        public static string Compile(IEnumerable<FilterCondition> conditions, EndpointSpec endpoint)
        {
            var list = conditions?.ToList() ?? throw new ArgumentNullException(nameof(conditions));
            var text = new StringBuilder("[");
            for (var i = 0; i < list.Count; i++)
            {
                var condition = list[i];
                var field = ValidateField(condition, endpoint);
                if (i > 0)
                    text.Append(',');
                text.Append("{'field':");
                AppendQuoted(text, endpoint.FieldPrefix + field);
                text.Append(",'operator':");
                AppendQuoted(text, FilterOperators.ApiName(condition.Operator, endpoint.EqualSpelling));
                text.Append(",'value':");
                var values = condition.Values.Select(v => FormatValue(field, v)).ToList();
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

        private static string ValidateField(FilterCondition condition, EndpointSpec endpoint)
        {
            var name = condition.Field;
            if (name.StartsWith(endpoint.FieldPrefix, StringComparison.OrdinalIgnoreCase))
                name = name.Substring(endpoint.FieldPrefix.Length);

            var allowed = endpoint.OperatorsFor(name);
            if (allowed is null && !endpoint.FilterableFields.Any())
                throw new WcxInputException(
                    "/" + endpoint.Path + " documents no filter; filter the output with Where-Object instead.", "Filter");
            if (allowed is null)
                throw new WcxInputException(
                    "The field '" + condition.Field + "' cannot be filtered on for /" + endpoint.Path + ". Filterable fields: " +
                    string.Join(", ", endpoint.FilterableFields) + ".", "Filter");

            var canonical = endpoint.FilterableFields.First(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (!allowed.Contains(condition.Operator))
                throw new WcxInputException(
                    "The operator '" + FilterOperators.ShortName(condition.Operator) + "' is not allowed on '" + canonical +
                    "' for /" + endpoint.Path + ". Allowed: " +
                    string.Join(", ", allowed.Select(FilterOperators.ShortName)) + ".", "Filter");

            var count = condition.Values.Count;
            if (FilterOperators.TakesList(condition.Operator) ? count == 0 : count != 1)
                throw new WcxInputException(
                    FilterOperators.TakesList(condition.Operator)
                        ? "The operator '" + FilterOperators.ShortName(condition.Operator) + "' on '" + canonical + "' needs at least one value."
                        : "The operator '" + FilterOperators.ShortName(condition.Operator) + "' on '" + canonical + "' takes exactly one value.",
                    "Filter");
            return canonical;
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
