using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Strips PowerShell's wrappers so the client sees plain .NET values.</summary>
    internal static class PowerShellValues
    {
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
