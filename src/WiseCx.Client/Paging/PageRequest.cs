namespace WiseCx.Client.Paging
{
    /// <summary>What a paged read asks for: the path, its parameters but the page, the page size and the slice wanted.</summary>
    internal sealed class PageRequest
    {
        public PageRequest(string path, IReadOnlyList<KeyValuePair<string, string>> parameters, int pageSize, long skip, long? first)
        {
            Path = path;
            Parameters = parameters;
            PageSize = pageSize;
            Skip = skip;
            First = first;
        }

        public string Path { get; }

        /// <summary>Query parameters without <c>page</c>.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

        public int PageSize { get; }

        /// <summary>Records to pass over first.</summary>
        public long Skip { get; }

        /// <summary>Records wanted at most; null for all.</summary>
        public long? First { get; }

        /// <summary>The page number holding the first record wanted.</summary>
        public long FirstPage => Skip / PageSize + 1;

        /// <summary>Where in <see cref="FirstPage"/> the first record wanted is.</summary>
        public int FirstOffset => (int)(Skip % PageSize);

        /// <summary>The last page number -First needs, or <see cref="long.MaxValue"/>.</summary>
        public long LastNeededPage => First.HasValue ? (Skip + First.Value - 1) / PageSize + 1 : long.MaxValue;

        /// <summary>
        /// The total to report after the first page: the API's when it gives one, else exact only when that first page
        /// was also the last (a short page shows where the list ends); otherwise unknown.
        /// </summary>
        public long? TotalAfterFirstPage(long page, int itemsOnPage, long? apiTotal, bool isLast) =>
            apiTotal ?? (isLast && (itemsOnPage > 0 || page == 1) ? (page - 1) * PageSize + itemsOnPage : (long?)null);
    }
}
