using System.Management.Automation;
using WiseCx.Client.Paging;
using WiseCx.PowerShell.Internal;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// Base of the list cmdlets: -Filter, -Sort, -Descending, -PageSize and -First/-Skip/-IncludeTotalCount
    /// (SupportsPaging) turned into one <see cref="ListQuery"/>.
    /// </summary>
    public abstract class WcxListCmdlet : WcxSessionCmdlet
    {
        protected const string ListSet = "List";
        protected const string ByIdSet = "ById";

        private bool _totalReported;

        /// <summary><para type="description">Conditions the API applies: a hashtable (scalar = equal, list = in, @{ ge = … } for other operators).</para></summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [ValidateNotNull]
        public object? Filter { get; set; }

        /// <summary><para type="description">The field to sort by (the API's sort_field).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Sort { get; set; }

        /// <summary><para type="description">Sort in descending order.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        /// <summary><para type="description">Records per request, 1 to 100 (the API's maximum, and the default).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, ListQuery.MaxPageSize)]
        public int PageSize { get; set; } = ListQuery.MaxPageSize;

        internal ListQuery BuildQuery(string[]? fields) => new ListQuery
        {
            Fields = fields ?? new string[0],
            Filter = FilterInput.ToConditions(Filter),
            SortField = Sort,
            Descending = Descending.IsPresent ? true : Sort != null ? false : (bool?)null,
            PageSize = PageSize,
            Skip = (long)System.Math.Min(PagingParameters.Skip, long.MaxValue),
            First = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)System.Math.Min(PagingParameters.First, long.MaxValue),
        };

        /// <summary>-IncludeTotalCount: the API reports totals on some endpoints only; elsewhere the count is marked unknown.</summary>
        internal void ReportTotal(PageProgress progress)
        {
            if (!PagingParameters.IncludeTotalCount || _totalReported)
                return;
            _totalReported = true;
            WriteObject(progress.TotalItems.HasValue
                ? PagingParameters.NewTotalCount((ulong)progress.TotalItems.Value, 1.0)
                : PagingParameters.NewTotalCount(0, 0.0));
        }
    }
}
