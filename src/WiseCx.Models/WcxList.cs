using System.Collections;
using System.Linq;

namespace WiseCx
{
    /// <summary>
    /// A list property of an API object (tags, custom fields, queues, …). It indexes, enumerates and answers <c>-contains</c>
    /// like an array, and its text is its items joined with ';' (<c>vip;billing</c>, <c>priority=high;region=north</c>), which
    /// is what Export-Csv writes and what <c>-split ';'</c> takes apart again, instead of a type name such as System.String[].
    /// </summary>
    public class WcxList<T> : List<T>
    {
        /// <summary>What separates the items in <see cref="ToString"/>.</summary>
        public const string Separator = ";";

        /// <summary>An empty list.</summary>
        public WcxList() { }

        /// <summary>A list of <paramref name="items"/>, in their order.</summary>
        public WcxList(IEnumerable<T> items) : base(items) { }

        /// <summary>The number of items, as an array has it, so scripts written for arrays keep working.</summary>
        public int Length => Count;

        /// <summary>The items joined with ';', nested lists in [] and maps in {}; numbers and dates in the invariant culture.</summary>
        public override string ToString() => string.Join(Separator, this.Select(item => WcxText.Of(item)));

        /// <summary>Lets code written for the arrays these properties used to be keep compiling.</summary>
        public static implicit operator WcxList<T>?(T[]? items) => items is null ? null : new WcxList<T>(items);

        /// <summary>Lets code that reads these properties as arrays keep compiling: a copy of the items, or null.</summary>
        public static implicit operator T[]?(WcxList<T>? list) => list?.ToArray();
    }

    /// <summary>
    /// The fields of an API object this version of the module does not model (<see cref="WcxObject.AdditionalProperties"/>),
    /// by their API names; nested objects the API sends there are of this type too. Its text is <c>name=value</c> pairs
    /// joined with ';', so exporting it writes the fields rather than a dictionary's type name.
    /// </summary>
    public sealed class WcxFieldMap : Dictionary<string, object?>
    {
        /// <summary>An empty map whose names are compared exactly (the API's names are lower snake_case).</summary>
        public WcxFieldMap() { }

        /// <summary>An empty map whose names are compared with <paramref name="comparer"/>.</summary>
        public WcxFieldMap(IEqualityComparer<string> comparer) : base(comparer) { }

        /// <summary>The fields as <c>name=value</c> pairs joined with ';'.</summary>
        public override string ToString() => string.Join(WcxList<object>.Separator, this.Select(pair => pair.Key + "=" + WcxText.Of(pair.Value)));
    }

    /// <summary>How items read as text inside a list or a map: nested lists in [] and maps in {}, so their items stay apart.</summary>
    internal static class WcxText
    {
        internal static string Of(object? value)
        {
            switch (value)
            {
                case null:
                    return "";
                case string text:
                    return text;
                case IDictionary map:
                    return "{" + string.Join(WcxList<object>.Separator, map.Keys.Cast<object>().Select(key => key + "=" + Of(map[key]))) + "}";
                case IEnumerable items:
                    return "[" + string.Join(WcxList<object>.Separator, items.Cast<object?>().Select(Of)) + "]";
                case bool flag:
                    return flag ? "true" : "false";
                case System.IFormattable formattable:
                    return formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
                default:
                    return value.ToString() ?? "";
            }
        }
    }
}
