namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Client-side -Name style filters for list endpoints that have no server-side filter on that field: every page is
    /// read and the names matched here with PowerShell wildcards, case-insensitively.
    /// </summary>
    internal static class WildcardNames
    {
        public static IEnumerable<T> Where<T>(IEnumerable<T> items, Func<T, string?> name, string[]? patterns)
        {
            if (patterns is null || patterns.Length == 0)
                return items;
            var compiled = patterns.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
            return items.Where(item => compiled.Any(p => p.IsMatch(name(item) ?? "")));
        }

        /// <summary>-Skip/-First applied to the matches rather than to the API's records.</summary>
        public static IEnumerable<T> Page<T>(IEnumerable<T> items, PagingParameters paging)
        {
            var skipped = paging.Skip == 0 ? items : items.Skip((int)Math.Min(paging.Skip, int.MaxValue));
            return paging.First == ulong.MaxValue ? skipped : skipped.Take((int)Math.Min(paging.First, int.MaxValue));
        }
    }
}
