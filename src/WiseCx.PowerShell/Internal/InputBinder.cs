using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Builds request objects from what users type: hashtables with either API names (<c>contact_from</c>) or
    /// PowerShell names (<c>ContactFrom</c>), or the typed objects themselves. Unknown keys are refused by name.
    /// </summary>
    internal static class InputBinder
    {
        public static List<ActivityInput> Activities(IEnumerable<object>? values) =>
            (values ?? Enumerable.Empty<object>()).Select(Activity).ToList();

        public static ActivityInput Activity(object value)
        {
            switch (PowerShellValues.Unwrap(value))
            {
                case ActivityInput typed:
                    return typed;
                case IDictionary map:
                    var keys = Keys(map, "Activity", "type", "user_id", "channel", "content", "contact_from", "contacts_to", "attachments");
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
                    throw new WcxInputException(
                        "An activity is a hashtable such as @{ type = 'contact_message'; content = 'Hello'; contact_from = @{ email = 'ana@example.com' } }.",
                        "Activity");
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
                    var keys = Keys(map, "Contact", "id", "email", "personal_id", "phone", "name", "custom_fields");
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
                    throw new WcxInputException("A contact is an e-mail address or a hashtable with id, email, personal_id or phone.", "Activity");
            }
        }

        public static AttachmentInput Attachment(object value)
        {
            var unwrapped = PowerShellValues.Unwrap(value);
            if (unwrapped is AttachmentInput typed)
                return typed;
            if (unwrapped is IDictionary map)
            {
                var keys = Keys(map, "Attachment", "filename", "url", "content");
                return new AttachmentInput { Filename = Text(keys, "filename") ?? "", Url = Text(keys, "url"), Content = Text(keys, "content") };
            }
            throw new WcxInputException("An attachment is a hashtable with filename and url (or content, base64).", "Activity");
        }

        /// <summary>-CustomField @{ field_1 = 'x' } becomes the API's list of {field, value} pairs.</summary>
        public static List<CustomField> CustomFields(IDictionary map) =>
            map.Cast<DictionaryEntry>()
               .OrderBy(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)
               .Select(e => new CustomField(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "",
                                            Convert.ToString(PowerShellValues.Unwrap(e.Value), CultureInfo.InvariantCulture)))
               .ToList();

        /// <summary>Keys normalised to the API's snake_case; anything not in <paramref name="allowed"/> is refused.</summary>
        private static Dictionary<string, object?> Keys(IDictionary map, string what, params string[] allowed)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in map)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                var match = allowed.FirstOrDefault(a => string.Equals(a.Replace("_", ""), key.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                    throw new WcxInputException(what + " has an unknown key '" + key + "'. Valid keys: " + string.Join(", ", allowed) + ".", "Activity");
                result[match] = entry.Value;
            }
            return result;
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
