using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// The -WhatIf/-Confirm text of a change: "Set case status=hold, priority=high". Only what is given is named, so the
    /// user sees what would change rather than a generic "Update case".
    /// </summary>
    internal static class ChangeText
    {
        /// <param name="verb">"Set case", "Set contact", …</param>
        /// <param name="changes">Name and value pairs; null values (not given) are left out.</param>
        public static string Describe(string verb, params (string Name, object? Value)[] changes)
        {
            var given = changes.Where(c => c.Value != null).Select(c => c.Name + "=" + Format(c.Value!)).ToArray();
            return given.Length == 0 ? verb : verb + " " + string.Join(", ", given);
        }

        private static string Format(object value)
        {
            switch (value)
            {
                case string text:
                    return text.Length == 0 || text.Any(char.IsWhiteSpace) || text.Contains(",") ? "'" + text + "'" : text;
                case DateTime moment:
                    return moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case bool flag:
                    return flag ? "true" : "false";
                case IDictionary map:
                    return "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture))) + "}";
                case IEnumerable list:
                    return "[" + string.Join(", ", list.Cast<object?>().Select(item => item is null ? "" : Format(item))) + "]";
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }
    }
}
