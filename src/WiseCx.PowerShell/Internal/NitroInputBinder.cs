using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Builds the request parts of orders and Nitro from what users type: hashtables with API names (value_from) or
    /// PowerShell names (ValueFrom), or objects with those properties. Unknown keys are refused by name.
    /// </summary>
    internal static class NitroInputBinder
    {
        /// <summary>-Variable of a campaign message: @{ name = '{1}'; value_from = 'name'; value_default = 'Customer' }, one per placeholder.</summary>
        public static List<NitroTemplateVariable> TemplateVariables(IEnumerable<object> values) =>
            values.Select(value =>
            {
                if (PowerShellValues.Unwrap(value) is NitroTemplateVariable typed)
                    return typed;
                var keys = Keys(value, "Variable", "A template variable is a hashtable such as @{ name = '{1}'; value_from = 'name'; value_default = 'Customer' }.",
                    "name", "value_from", "value_default");
                return new NitroTemplateVariable { Name = Text(keys, "name") ?? "", ValueFrom = Text(keys, "value_from"), ValueDefault = Text(keys, "value_default") };
            }).ToList();

        /// <summary>-Header @{ 'X-Source' = 'api' } becomes the API's list of {key, value}.</summary>
        public static List<NitroEmailHeader> Headers(IDictionary map) =>
            Entries(map).Select(e => new NitroEmailHeader(e.Key, e.Value ?? "")).ToList();

        /// <summary>
        /// Template values of a transactional send, in order. The API reads them by position, so a plain hashtable (whose
        /// order is arbitrary) is refused once it has more than one entry.
        /// </summary>
        public static List<KeyValuePair<string, string?>> OrderedValues(IDictionary map, string parameter)
        {
            var unwrapped = PowerShellValues.Unwrap(map);
            if (!(unwrapped is System.Collections.Specialized.IOrderedDictionary) && map.Count > 1)
                throw new WcxInputException(
                    "-" + parameter + " is read by position, not by name, and a hashtable has no order: use [ordered]@{ '{1}' = 'Ana'; '{2}' = 'A-1' }.",
                    parameter);
            return Entries(map).ToList();
        }

        /// <summary>Key/value text pairs (metadata) where order does not matter.</summary>
        public static Dictionary<string, string?> Values(IDictionary map)
        {
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var entry in Entries(map))
                result[entry.Key] = entry.Value;
            return result;
        }

        /// <summary>-Customer of an order: a hashtable or an object (such as an order's Customer) with name, email, phone, personal_id.</summary>
        public static OrderCustomerInput Customer(object value)
        {
            if (PowerShellValues.Unwrap(value) is OrderCustomerInput typed)
                return typed;
            var keys = Keys(value, "Customer", "A customer is a hashtable such as @{ name = 'Ana'; email = 'ana@example.com'; phone = '5491155550000' }.",
                "name", "email", "phone", "personal_id");
            return new OrderCustomerInput { Name = Text(keys, "name"), Email = Text(keys, "email"), Phone = Text(keys, "phone"), PersonalId = Text(keys, "personal_id") };
        }

        private static IEnumerable<KeyValuePair<string, string?>> Entries(IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
                yield return new KeyValuePair<string, string?>(
                    Convert.ToString(PowerShellValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? "",
                    Convert.ToString(PowerShellValues.Unwrap(entry.Value), CultureInfo.InvariantCulture));
        }

        /// <summary>The keys of a hashtable, or the properties of an object, normalised to the API's names; others are refused.</summary>
        private static Dictionary<string, object?> Keys(object value, string parameter, string usage, params string[] allowed)
        {
            var pairs = new List<KeyValuePair<string, object?>>();
            switch (PowerShellValues.Unwrap(value))
            {
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                        pairs.Add(new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value));
                    break;
                case null:
                case string _:
                case IEnumerable _:
                    throw new WcxInputException(usage, parameter);
                case var other:
                    // An object, e.g. the Customer of an order read earlier: its properties, except those with no value.
                    foreach (var property in PSObject.AsPSObject(other).Properties.Where(p => p.IsGettable))
                    {
                        if (property.Name == nameof(WcxObject.AdditionalProperties))
                            continue;
                        var propertyValue = property.Value;
                        if (propertyValue != null)
                            pairs.Add(new KeyValuePair<string, object?>(property.Name, propertyValue));
                    }
                    break;
            }
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in pairs)
            {
                var match = allowed.FirstOrDefault(a => string.Equals(a.Replace("_", ""), pair.Key.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                    throw new WcxInputException(parameter + " has an unknown key '" + pair.Key + "'. Valid keys: " + string.Join(", ", allowed) + ".", parameter);
                result[match] = PowerShellValues.Unwrap(pair.Value);
            }
            return result;
        }

        private static string? Text(Dictionary<string, object?> keys, string name) =>
            keys.TryGetValue(name, out var value) && value != null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }
}
