using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WiseCx.Client.Filtering
{
    /// <summary>
    /// Reads a field name as users type it: the API's own (<c>group_id</c>, any case), or the name of the property the
    /// module shows (<c>GroupId</c>, <c>groupId</c>). A property name is turned into the API's by the rule the models are
    /// read with (<see cref="WcxJson"/>: snake_case, and its few exceptions such as <c>businessHours</c>), never by a
    /// likeness: a name that could mean two documented fields is refused rather than guessed.
    /// </summary>
    public static class FieldNames
    {
        /// <summary>For each model property name (any case), the API names WcxJson reads it from, over every model.</summary>
        private static readonly Lazy<Dictionary<string, HashSet<string>>> ApiNamesOfProperties =
            new Lazy<Dictionary<string, HashSet<string>>>(ReadModels);

        /// <summary>
        /// The one field of <paramref name="documented"/> that <paramref name="name"/> names, or null when it names none.
        /// Throws <see cref="WcxInputException"/> when it could name two.
        /// </summary>
        /// <param name="name">As typed, without the endpoint's filter prefix.</param>
        /// <param name="documented">The endpoint's documented names (fields, or filterable fields).</param>
        /// <param name="endpointPath">For the message.</param>
        /// <param name="parameter">The parameter the name came from, for the message.</param>
        public static string? Resolve(string name, IEnumerable<string> documented, string endpointPath, string parameter)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            var typed = name.Trim();
            var apiNames = ApiNamesOf(typed);
            var matches = documented
                .Where(field => string.Equals(field, typed, StringComparison.OrdinalIgnoreCase) || apiNames.Contains(field))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (matches.Count > 1)
                throw new WcxInputException(
                    "'" + typed + "' could name " + string.Join(" or ", matches.Select(m => "'" + m + "'")) + " of /" + endpointPath +
                    "; write the API's name of the one you mean.", parameter);
            return matches.Count == 1 ? matches[0] : null;
        }

        /// <summary>
        /// The name the module shows for an API field (<c>group_id</c> → <c>GroupId</c>): the model property read from it,
        /// or the field's words capitalised when no model has it. Only a name that <see cref="Resolve"/> reads back as the
        /// same field is offered; otherwise the API's name is.
        /// </summary>
        public static string PropertyNameOf(string apiField, IEnumerable<string> documented, string endpointPath)
        {
            var fromModels = ApiNamesOfProperties.Value.Where(p => p.Value.Contains(apiField)).Select(p => p.Key)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var candidate = fromModels.Count == 1 ? fromModels[0] : Capitalised(apiField);
            try
            {
                return string.Equals(Resolve(candidate, documented, endpointPath, "Property"), apiField, StringComparison.Ordinal) ? candidate : apiField;
            }
            catch (WcxInputException)
            {
                return apiField;
            }
        }

        private static string Capitalised(string apiField) =>
            string.Concat(apiField.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

        /// <summary>
        /// The API names a typed name stands for by the models' naming rule: its snake_case form, and the API name of any
        /// model property so called (which carries WcxJson's name exceptions).
        /// </summary>
        internal static HashSet<string> ApiNamesOf(string typed)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { JsonNamingPolicy.SnakeCaseLower.ConvertName(typed) };
            if (ApiNamesOfProperties.Value.TryGetValue(typed, out var ofProperties))
                names.UnionWith(ofProperties);
            return names;
        }

        /// <summary>Every public model the client reads (the WcxObject types), through WcxJson's own rules.</summary>
        private static Dictionary<string, HashSet<string>> ReadModels()
        {
            // Reflection metadata under the same options: it names each property's member, which generated metadata does not.
            var options = WcxJson.CreateOptions(new DefaultJsonTypeInfoResolver());
            var result = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            var models = typeof(WcxObject).Assembly.GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(WcxObject).IsAssignableFrom(t));
            foreach (var model in models)
            {
                JsonTypeInfo metadata;
                try
                {
                    metadata = options.GetTypeInfo(model);
                }
                catch (Exception ex) when (ex is NotSupportedException || ex is InvalidOperationException)
                {
                    // A model the serializer cannot describe lends no names; the API's own names still work.
                    continue;
                }
                foreach (var property in metadata.Properties)
                {
                    if (!(property.AttributeProvider is PropertyInfo member))
                        continue;
                    if (!result.TryGetValue(member.Name, out var apiNames))
                        result[member.Name] = apiNames = new HashSet<string>(StringComparer.Ordinal);
                    apiNames.Add(property.Name);
                }
            }
            return result;
        }
    }
}
