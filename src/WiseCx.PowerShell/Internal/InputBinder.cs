using System.Collections.Specialized;
using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Builds request parts from what users type (activities, contacts, custom fields, Nitro variables and headers, an
    /// order's customer, an assistant's context): hashtables with either API names (<c>contact_from</c>) or PowerShell
    /// names (<c>ContactFrom</c>), objects with those properties, or the typed objects themselves. Unknown keys are
    /// refused by name.
    /// </summary>
    internal static class InputBinder
    {
        /// <summary>-Variable of a campaign message: @{ name = '{1}'; value_from = 'name'; value_default = 'Customer' }, one per placeholder.</summary>
        public static List<NitroTemplateVariable> TemplateVariables(IEnumerable<object> values) =>
            values.Select(value =>
            {
                if (PowerShellValues.Unwrap(value) is NitroTemplateVariable typed)
                    return typed;
                var keys = Keys(value, "Variable", "Variable", "A template variable is a hashtable such as @{ name = '{1}'; value_from = 'name'; value_default = 'Customer' }.",
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
            if (!(unwrapped is IOrderedDictionary) && map.Count > 1)
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
            var keys = Keys(value, "Customer", "Customer", "A customer is a hashtable such as @{ name = 'Ana'; email = 'ana@example.com'; phone = '5491155550000' }.",
                "name", "email", "phone", "personal_id");
            return new OrderCustomerInput { Name = Text(keys, "name"), Email = Text(keys, "email"), Phone = Text(keys, "phone"), PersonalId = Text(keys, "personal_id") };
        }

        /// <summary>
        /// -Context @{ key = 'value' } as ordered pairs: an [ordered] hashtable keeps its order, a plain one is sorted by
        /// key so that the same input always makes the same request.
        /// </summary>
        public static List<KeyValuePair<string, string?>> ContextPairs(IDictionary map)
        {
            var entries = map.Cast<DictionaryEntry>();
            if (!(map is IOrderedDictionary))
                entries = entries.OrderBy(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
            return entries.Select(e =>
            {
                var key = Convert.ToString(PowerShellValues.Unwrap(e.Key), CultureInfo.InvariantCulture) ?? "";
                var value = PowerShellValues.Unwrap(e.Value);
                if (value is IEnumerable && !(value is string))
                    throw new WcxInputException("The context value of '" + key + "' is a list or a table; the API takes one text value per key.", "Context");
                return new KeyValuePair<string, string?>(key, Convert.ToString(value, CultureInfo.InvariantCulture));
            }).ToList();
        }

        private const string ActivityUsage =
            "An activity is a hashtable such as @{ type = 'contact_message'; content = 'Hello'; contact_from = @{ email = 'ana@example.com' } }.";
        private const string ContactUsage = "A contact is an e-mail address or a hashtable with id, email, personal_id or phone.";
        private const string AttachmentUsage = "An attachment is a hashtable with filename and url (or content, base64).";

        public static List<ActivityInput> Activities(IEnumerable<object>? values) =>
            (values ?? Enumerable.Empty<object>()).Select(Activity).ToList();

        public static ActivityInput Activity(object value)
        {
            switch (PowerShellValues.Unwrap(value))
            {
                case ActivityInput typed:
                    return typed;
                case IDictionary map:
                    var keys = Keys(map, "Activity", "Activity", ActivityUsage, "type", "user_id", "channel", "content", "contact_from", "contacts_to", "attachments");
                    return new ActivityInput
                    {
                        Type = Text(keys, "type") ?? "",
                        UserId = Number(keys, "user_id", "Activity"),
                        Channel = Text(keys, "channel"),
                        Content = Text(keys, "content"),
                        ContactFrom = keys.TryGetValue("contact_from", out var from) && from != null ? Contact(from) : null,
                        ContactsTo = keys.TryGetValue("contacts_to", out var to) && to != null ? AsList(to).Select(Contact).ToList() : null,
                        Attachments = keys.TryGetValue("attachments", out var files) && files != null ? AsList(files).Select(Attachment).ToList() : null,
                    };
                default:
                    throw new WcxInputException(ActivityUsage, "Activity");
            }
        }

        public static ContactInput Contact(object value)
        {
            switch (PowerShellValues.Unwrap(value))
            {
                case ContactInput typed:
                    return typed;
                case WiseCx.Contact known:
                    return new ContactInput { Id = known.Id };
                case string email when email.Contains("@"):
                    return new ContactInput { Email = email };
                case IDictionary map:
                    var keys = Keys(map, "Contact", "Activity", ContactUsage, "id", "email", "personal_id", "phone", "name", "custom_fields");
                    return new ContactInput
                    {
                        Id = Number(keys, "id", "Contact"),
                        Email = Text(keys, "email"),
                        PersonalId = Text(keys, "personal_id"),
                        Phone = Text(keys, "phone"),
                        Name = Text(keys, "name"),
                        CustomFields = keys.TryGetValue("custom_fields", out var fields) && fields is IDictionary d ? CustomFields(d) : null,
                    };
                default:
                    throw new WcxInputException(ContactUsage, "Activity");
            }
        }

        public static AttachmentInput Attachment(object value)
        {
            var unwrapped = PowerShellValues.Unwrap(value);
            if (unwrapped is AttachmentInput typed)
                return typed;
            if (unwrapped is IDictionary map)
            {
                var keys = Keys(map, "Attachment", "Activity", AttachmentUsage, "filename", "url", "content");
                return new AttachmentInput { Filename = Text(keys, "filename") ?? "", Url = Text(keys, "url"), Content = Text(keys, "content") };
            }
            throw new WcxInputException(AttachmentUsage, "Activity");
        }

        /// <summary>-CustomField @{ field_1 = 'x' } becomes the API's list of {field, value} pairs.</summary>
        public static List<CustomField> CustomFields(IDictionary map) =>
            map.Cast<DictionaryEntry>()
               .OrderBy(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)
               .Select(e => new CustomField(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "",
                                            Convert.ToString(PowerShellValues.Unwrap(e.Value), CultureInfo.InvariantCulture)))
               .ToList();

        /// <summary>The keys of a hashtable, or the properties of an object, normalised to the API's names; others are refused.</summary>
        /// <remarks><paramref name="what"/> names the input in messages; <paramref name="usage"/> says what it should be.</remarks>
        private static Dictionary<string, object?> Keys(object value, string what, string parameter, string usage, params string[] allowed)
        {
            IEnumerable<KeyValuePair<string, object?>> pairs;
            switch (PowerShellValues.Unwrap(value))
            {
                case IDictionary map:
                    pairs = NamedValues(map);
                    break;
                case null:
                case string _:
                case IEnumerable _:
                    throw new WcxInputException(usage, parameter);
                case var other:
                    // An object, e.g. the Customer of an order read earlier: its properties, except those with no value.
                    pairs = NamedValues(other).Where(p => p.Value != null);
                    break;
            }
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in pairs)
            {
                var match = allowed.FirstOrDefault(a => string.Equals(a.Replace("_", ""), pair.Key.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                    throw new WcxInputException(what + " has an unknown key '" + pair.Key + "'. Valid keys: " + string.Join(", ", allowed) + ".", parameter);
                result[match] = PowerShellValues.Unwrap(pair.Value);
            }
            return result;
        }

        /// <summary>
        /// The entries of a hashtable, or the gettable properties of any other object (a Import-Csv row, a PSCustomObject,
        /// a model object without its AdditionalProperties bag), as names and values in their order.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object?>> NamedValues(object value)
        {
            if (PowerShellValues.Unwrap(value) is IDictionary map)
            {
                foreach (DictionaryEntry entry in map)
                    yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value);
                yield break;
            }
            foreach (var property in PSObject.AsPSObject(value).Properties.Where(p => p.IsGettable))
            {
                if (property.Name != nameof(WcxObject.AdditionalProperties))
                    yield return new KeyValuePair<string, object?>(property.Name, property.Value);
            }
        }

        private static IEnumerable<KeyValuePair<string, string?>> Entries(IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
                yield return new KeyValuePair<string, string?>(
                    Convert.ToString(PowerShellValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? "",
                    Convert.ToString(PowerShellValues.Unwrap(entry.Value), CultureInfo.InvariantCulture));
        }

        private static string? Text(Dictionary<string, object?> keys, string name) =>
            keys.TryGetValue(name, out var value) && value != null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        private static long? Number(Dictionary<string, object?> keys, string name, string what)
        {
            if (!keys.TryGetValue(name, out var value) || value is null)
                return null;
            try
            {
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw new WcxInputException(what + " " + name + " must be a number; got '" + value + "'.", "Activity");
            }
        }

        private static IEnumerable<object> AsList(object value) =>
            value is IEnumerable list && !(value is string) && !(value is IDictionary) ? list.Cast<object>() : new[] { value };
    }
}
