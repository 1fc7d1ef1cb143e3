using System.Threading.Tasks;
using WiseCx.Client.Paging;

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

        private const int ProgressId = 0x5743;
        private bool _totalReported;
        private bool _progressShown;

        /// <summary>The endpoint's row of the table: its fields, filterable fields and operators.</summary>
        internal abstract EndpointSpec Endpoint { get; }

        // Declared first here, after the parameters of each cmdlet: the syntax lists -Property before -Filter.
        /// <summary><para type="description">The fields to return (the API's fields parameter). Tab completes the documented names; any other name is sent as given, with a warning.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        /// <summary><para type="description">Conditions the API applies: a hashtable (@{ status = 'opened','pending'; created_at = @{ ge = $since } }: a scalar means equal, a list means in) or a scriptblock ({ status -in 'opened','pending' -and created_at -ge $since }), read without being run. An operator the endpoint's table forbids on a field it documents is refused before anything is sent; a field it does not document is sent with a warning, as written when it has a prefix of its own (contacts.personal_id).</para></summary>
        // Not positional, as in the ActiveDirectory module: a bare first argument is an -Id (Get-WcxCase 1270001).
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(FilterFieldCompleter))]
        [ValidateNotNull]
        public object? Filter { get; set; }

        /// <summary><para type="description">The field to sort by (the API's sort_field). Tab completes the endpoint's fields; any other name is sent as given, with a warning.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Sort { get; set; }

        /// <summary><para type="description">Sort in descending order.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Descending { get; set; }

        /// <summary><para type="description">Records per request, 1 to 100 (the API's maximum, and the default).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, ListQuery.MaxPageSize)]
        public int PageSize { get; set; } = ListQuery.MaxPageSize;

        /// <summary>The query of this invocation; the filter is compiled (and shown with -Debug) before anything is sent.</summary>
        internal ListQuery BuildQuery(string[]? fields)
        {
            var conditions = FilterInput.ToConditions(Filter, FilterInput.VariablesOf(SessionState));
            if (conditions.Count > 0)
                WriteDebug("filtering=" + FilterCompiler.Compile(conditions, Endpoint));
            return new ListQuery
            {
                Fields = fields ?? new string[0],
                Filter = conditions,
                SortField = Sort,
                Descending = Descending.IsPresent ? true : Sort != null ? false : (bool?)null,
                PageSize = PageSize,
                Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
                First = PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue),
            };
        }

        /// <summary>
        /// Called after each page: reports -IncludeTotalCount once, and shows progress from the second page on
        /// (records so far, of the total where the API gives one). Hidden by $ProgressPreference in unattended hosts.
        /// </summary>
        internal void ReportTotal(PageProgress progress)
        {
            if (PagingParameters.IncludeTotalCount && !_totalReported)
            {
                _totalReported = true;
                WriteObject(progress.TotalItems.HasValue
                    ? PagingParameters.NewTotalCount((ulong)progress.TotalItems.Value, 1.0)
                    : PagingParameters.NewTotalCount(0, 0.0));
            }
            if (progress.Page < 2)
                return;
            _progressShown = true;
            var record = new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name,
                progress.ItemsSoFar + (progress.TotalItems.HasValue ? " of " + progress.TotalItems.Value : "") + " records read (page " + progress.Page + ")");
            if (progress.TotalItems > 0)
                record.PercentComplete = (int)Math.Min(100, progress.ItemsSoFar * 100 / progress.TotalItems.Value);
            WriteProgress(record);
        }

        /// <summary>Writes the list this invocation asks for (-Filter, -Sort, paging), -Filter being the target of any error.</summary>
        private protected void WriteList<T>(Func<ListQuery, Action<PageProgress>, IEnumerable<T>> list, string[]? fields) where T : WcxObject
        {
            ErrorTarget = Filter;
            WriteApiObjects(list(BuildQuery(fields), ReportTotal));
        }

        /// <summary>
        /// With -Id (the ById set), each record read on its own, a failure reported for its id while the others go on;
        /// otherwise the list (<see cref="WriteList"/>).
        /// </summary>
        private protected void WriteByIdOrList<TId, T>(TId[] ids, Func<TId, Task<T>> get,
            Func<ListQuery, Action<PageProgress>, IEnumerable<T>> list, string[]? fields) where T : WcxObject
        {
            if (ParameterSetName == ByIdSet)
                EachItem(ids, id => WriteApiObject(Await(get(id))));
            else
                WriteList(list, fields);
        }

        /// <summary>
        /// The list, or, with <paramref name="patterns"/>, the records whose <paramref name="nameField"/> matches one of
        /// them (PowerShell wildcards, any case), for lists the API cannot filter by name. -Skip and -First then count
        /// matches, not what the API sent, so the whole list is read (without a total: the API's counts records).
        /// </summary>
        private protected void WriteListMatchingNames<T>(string[]? patterns, string nameField, Func<T, string?> nameOf,
            string[]? fields, Func<ListQuery, Action<PageProgress>?, IEnumerable<T>> list) where T : WcxObject
        {
            if (patterns is null || patterns.Length == 0)
            {
                WriteList(list, fields);
                return;
            }
            ErrorTarget = Filter;
            if (fields != null && !fields.Contains(nameField, StringComparer.OrdinalIgnoreCase))
                fields = fields.Concat(new[] { nameField }).ToArray();
            var query = BuildQuery(fields);
            query.Skip = 0;
            query.First = null;
            var matches = WildcardNames.Where(list(query, null), nameOf, patterns);
            WriteApiObjects(WildcardNames.Page(matches, PagingParameters));
        }

        /// <summary>
        /// For lists the API reads by id only through its filter: the ids collected from the whole pipeline are looked
        /// up together (<paramref name="find"/>), each record found is written, and each id not found is reported.
        /// </summary>
        private protected void WriteFoundByIds<T>(IReadOnlyCollection<long> ids, Func<IReadOnlyCollection<long>, IEnumerable<T>> find,
            Func<T, long> idOf, string what) where T : WcxObject
        {
            if (ids.Count == 0)
                return;
            var found = new HashSet<long>();
            foreach (var item in find(ids))
            {
                found.Add(idOf(item));
                WriteApiObject(item);
            }
            foreach (var missing in ids.Distinct().Where(id => !found.Contains(id)))
            {
                ErrorTarget = missing;
                Fail(new WcxNotFoundException("GET", Endpoint.Path, "no " + what + " has the id " + missing + "."));
            }
        }

        /// <summary>What a list cmdlet does after the last record (collected ids are looked up here).</summary>
        private protected virtual void EndList() { }

        // Sealed, so that no list cmdlet can leave its progress bar open by skipping this.
        protected sealed override void EndWcxProcessing()
        {
            try
            {
                EndList();
            }
            finally
            {
                if (_progressShown)
                    WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
