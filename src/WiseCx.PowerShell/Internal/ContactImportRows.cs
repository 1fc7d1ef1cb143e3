using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Import-WcxContact's input as the rows of an import: Email, Phone, Name and PersonalId (personal_id) fill the fields,
    /// FirstName and LastName make a missing Name, every other property (or key) goes into metadata under its own name.
    /// </summary>
    internal static class ContactImportRows
    {
        public static ContactImportRow From(PSObject item)
        {
            var row = new ContactImportRow();
            var metadata = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            string? first = null, last = null;
            foreach (var pair in Properties(item))
            {
                var name = pair.Key;
                var raw = pair.Value;
                var value = Plain(raw);
                if (value is null || (value is string s && s.Trim().Length == 0))
                    continue;
                switch (name.Replace("_", "").Replace("-", "").ToLowerInvariant())
                {
                    case "email":
                        row.Email = Text(value);
                        break;
                    case "phone":
                        row.Phone = Text(value);
                        break;
                    case "name":
                        row.Name = Text(value);
                        break;
                    case "personalid":
                        row.PersonalId = Text(value);
                        break;
                    case "firstname":
                        first = Text(value);
                        break;
                    case "lastname":
                        last = Text(value);
                        break;
                    default:
                        metadata[name] = value;
                        break;
                }
            }
            if (row.Name is null && (first != null || last != null))
                row.Name = string.Join(" ", new[] { first, last }.Where(p => p != null));
            row.Metadata = metadata.Count == 0 ? null : metadata;
            return row;
        }

        /// <summary>-FieldMapping as the body's fields_mapping, keys and values as given.</summary>
        public static Dictionary<string, object?> Mapping(IDictionary map)
        {
            var result = new Dictionary<string, object?>();
            foreach (DictionaryEntry entry in map)
                result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Plain(entry.Value);
            return result;
        }

        private static IEnumerable<KeyValuePair<string, object?>> Properties(PSObject item)
        {
            switch (item.BaseObject)
            {
                case Contact contact:
                    // A contact read from the API: its identifying fields, and its custom fields as metadata.
                    return new[]
                    {
                        new KeyValuePair<string, object?>("Email", contact.Email), new KeyValuePair<string, object?>("Phone", contact.Phone),
                        new KeyValuePair<string, object?>("Name", contact.Name), new KeyValuePair<string, object?>("PersonalId", contact.PersonalId),
                    }.Concat((contact.CustomFields ?? (IEnumerable<CustomField>)new CustomField[0])
                        .Select(field => new KeyValuePair<string, object?>(field.Field, field.Value)));
                case string _:
                    throw new WcxInputException("Import-WcxContact takes objects (Import-Csv rows, contacts, hashtables), not text: '" + item + "'.", "InputObject");
                default:
                    return InputBinder.NamedValues(item);
            }
        }

        private static object? Plain(object? value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null:
                    return null;
                case string _:
                case bool _:
                case DateTime _:
                    return value;
                case var number when PowerShellValues.IsWholeNumber(number) || number is double || number is decimal || number is float:
                    return number;
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static string Text(object value) => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim();
    }
}
