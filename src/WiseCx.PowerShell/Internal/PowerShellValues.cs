using System.Collections.Specialized;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Strips PowerShell's wrappers so the client sees plain .NET values.</summary>
    internal static class PowerShellValues
    {
        /// <summary>True for a value of any of .NET's integer types (what PowerShell makes of <c>7</c> or <c>7L</c>).</summary>
        public static bool IsWholeNumber(object? value) =>
            value is sbyte || value is byte || value is short || value is ushort || value is int || value is uint || value is long || value is ulong;

        /// <summary>
        /// A request body from what a user passes: hashtables and PSCustomObjects become dictionaries (recursively),
        /// a string is taken as JSON text.
        /// </summary>
        public static object? ToRequestBody(object? value)
        {
            if (value is PSObject ps && ps.BaseObject is string text)
                value = text;
            if (value is string json)
                return new WiseCx.Client.Services.RawJson(json);
            return ToPlain(value);
        }

        private static object? ToPlain(object? value)
        {
            if (value is PSObject ps)
            {
                if (ps.BaseObject is PSCustomObject)
                {
                    var fields = new System.Collections.Generic.Dictionary<string, object?>();
                    foreach (var property in ps.Properties)
                        fields[property.Name] = ToPlain(property.Value);
                    return fields;
                }
                value = ps.BaseObject;
            }
            switch (value)
            {
                case IDictionary map:
                    var result = new System.Collections.Generic.Dictionary<string, object?>();
                    foreach (DictionaryEntry e in map)
                        result[System.Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = ToPlain(e.Value);
                    return result;
                case string _:
                    return value;
                case IEnumerable list:
                    return list.Cast<object?>().Select(ToPlain).ToArray();
                default:
                    return value;
            }
        }

        /// <summary>An answer's plain values as PowerShell objects: dictionaries become PSCustomObjects, recursively.</summary>
        public static object? ToPSObject(object? value)
        {
            switch (value)
            {
                case System.Collections.Generic.IDictionary<string, object?> map:
                    var result = new PSObject();
                    foreach (var pair in map)
                        result.Properties.Add(new PSNoteProperty(pair.Key, ToPSObject(pair.Value)));
                    return result;
                case object?[] list:
                    return list.Select(ToPSObject).ToArray();
                default:
                    return value;
            }
        }

        public static object? Unwrap(object? value)
        {
            if (value is PSObject ps && !(ps.BaseObject is PSCustomObject))
                value = ps.BaseObject;
            switch (value)
            {
                case IOrderedDictionary ordered:
                    var copy = new OrderedDictionary();
                    foreach (DictionaryEntry e in ordered)
                        copy[Unwrap(e.Key)!] = Unwrap(e.Value);
                    return copy;
                case IDictionary map:
                    var table = new Hashtable();
                    foreach (DictionaryEntry e in map)
                        table[Unwrap(e.Key)!] = Unwrap(e.Value);
                    return table;
                case string _:
                    return value;
                case IEnumerable list:
                    return list.Cast<object?>().Select(Unwrap).ToArray();
                default:
                    return value;
            }
        }
    }
}
