using System.Collections.Specialized;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Turns the parameter values of the contact and activity cmdlets into what the client takes.</summary>
    internal static class ContactInputs
    {
        /// <summary>The text of a SecureString, for the one request body that needs it.</summary>
        public static string? Reveal(SecureString? secure)
        {
            if (secure is null)
                return null;
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
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
    }
}
