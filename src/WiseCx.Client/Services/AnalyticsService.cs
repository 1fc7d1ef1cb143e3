using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace WiseCx.Client.Services
{
    /// <summary>
    /// Analytics report exports: start one, follow its status, download the file it produces (a CSV, or a ZIP holding
    /// one, as the live API serves it) and read the report's rows.
    /// </summary>
    public sealed partial class AnalyticsService : ApiService
    {
        private static readonly string[] ColumnSets = { "all", "only_visible" };

        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public AnalyticsService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The longest date range one export may cover.</summary>
        public const int MaxRangeMonths = 12;

        /// <summary>
        /// How long a wait tolerates "not found" for a just-started export by default. The live API answers
        /// EXPORT_NOT_FOUND for a few seconds after the start; public scripts tolerate about ten polls 3-5 s apart.
        /// </summary>
        public static readonly TimeSpan DefaultNotFoundTimeout = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Starts exporting a list report. WiseCX runs at most three exports at a time per account. A 2xx answer in plain
        /// text (the live API sometimes answers "Export request received") throws <see cref="WcxExportIdMissingException"/>
        /// quoting it: the server did answer, so the request is known to be accepted, but there is no id to follow.
        /// </summary>
        public async Task<AnalyticsExport> StartAsync(long reportId, AnalyticsExportRequest? request, CancellationToken cancellationToken)
        {
            RequireId(reportId, "report", "ReportId");
            var body = BuildBody(request ?? new AnalyticsExportRequest());
            AnalyticsExport export;
            try
            {
                export = await SendAsync<AnalyticsExport>(HttpMethod.Post, "analytics/export/" + reportId, body, wrapped: false, cancellationToken).ConfigureAwait(false);
            }
            catch (WcxWriteOutcomeUnknownException ex) when (PlainTextAnswer(ex) is string text)
            {
                throw new WcxExportIdMissingException(reportId, ex.StatusCode, text);
            }
            export.ReportId = reportId;
            return export;
        }

        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        /// <summary>
        /// The text of a complete 2xx answer that is plain text, at most 200 characters of it; null when the answer may
        /// be JSON cut off in transit (it starts like JSON) or is not text at all, which stay "outcome unknown".
        /// </summary>
        internal static string? PlainTextAnswer(WcxWriteOutcomeUnknownException error)
        {
            if (!(error.InnerException is MalformedAnswerException answer) || answer.StatusCode < 200 || answer.StatusCode >= 300)
                return null;
            string text;
            try
            {
                text = StrictUtf8.GetString(answer.Body).Trim().TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
            if (text.Length == 0 || "{[\"".IndexOf(text[0]) >= 0 || text.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
                return null;
            return text.Length > 200 ? text.Substring(0, 200) + "..." : text;
        }

        /// <summary>The export's current status (GET /analytics/exports/{id}).</summary>
        public Task<AnalyticsExport> GetAsync(string exportId, CancellationToken cancellationToken)
        {
            var id = RequireExportId(exportId);
            return GetObjectAsync<AnalyticsExport>("analytics/export/" + Uri.EscapeDataString(id) + "/status", wrapped: false, cancellationToken);
        }

        /// <summary>
        /// The states of an export until it is completed or failed: <paramref name="current"/> first when given (what the
        /// start answered), then one status request every <paramref name="interval"/>. Lazy: each state is fetched as the
        /// caller reads, so the caller can report progress between requests.
        /// </summary>
        public IEnumerable<AnalyticsExport> Follow(string exportId, AnalyticsExport? current, TimeSpan interval, CancellationToken cancellationToken) =>
            Follow(exportId, current, interval, DefaultNotFoundTimeout, null, cancellationToken);

        /// <summary>
        /// As <see cref="Follow(string, AnalyticsExport, TimeSpan, CancellationToken)"/>, tolerating "not found" until the
        /// export first appears: the live API answers EXPORT_NOT_FOUND (HTTP 404, or a 400 saying not found) for a few
        /// seconds after the start. Each such answer calls <paramref name="onNotFound"/> with the time waited so far; past
        /// <paramref name="notFoundTimeout"/> (counted from the first one) the wait ends with
        /// <see cref="WcxExportNotFoundException"/>. Once the export has been seen, "not found" is an error at once.
        /// </summary>
        public IEnumerable<AnalyticsExport> Follow(string exportId, AnalyticsExport? current, TimeSpan interval, TimeSpan notFoundTimeout,
            Action<TimeSpan>? onNotFound, CancellationToken cancellationToken)
        {
            var id = RequireExportId(exportId);
            if (interval < TimeSpan.Zero)
                throw new WcxInputException("The polling interval cannot be negative.", "PollInterval");
            if (notFoundTimeout < TimeSpan.Zero)
                throw new WcxInputException("The time to wait for an export to appear cannot be negative.", "NotFoundTimeoutSeconds");
            return FollowCore(id, current, interval, notFoundTimeout, onNotFound, cancellationToken);
        }

        private IEnumerable<AnalyticsExport> FollowCore(string exportId, AnalyticsExport? current, TimeSpan interval, TimeSpan notFoundTimeout,
            Action<TimeSpan>? onNotFound, CancellationToken cancellationToken)
        {
            var reportId = current?.ReportId;
            if (current != null)
            {
                yield return current;
                if (current.IsFinished)
                    yield break;
                Pause(interval, cancellationToken);
            }
            Stopwatch? notFoundFor = null;
            var seen = false;
            while (true)
            {
                AnalyticsExport state;
                try
                {
                    state = GetAsync(exportId, cancellationToken).GetAwaiter().GetResult();
                }
                catch (WcxApiException ex) when (!seen && IsNotFoundYet(ex))
                {
                    notFoundFor ??= Stopwatch.StartNew();
                    var waited = notFoundFor.Elapsed;
                    if (waited >= notFoundTimeout)
                        throw new WcxExportNotFoundException(exportId, ex.StatusCode, waited, ex.ApiMessage);
                    onNotFound?.Invoke(waited);
                    // The last poll falls on the deadline, so a long interval does not stretch the wait past it.
                    var left = notFoundTimeout - waited;
                    Pause(interval < left ? interval : left, cancellationToken);
                    continue;
                }
                seen = true;
                state.ReportId ??= reportId;
                yield return state;
                if (state.IsFinished)
                    yield break;
                Pause(interval, cancellationToken);
            }
        }

        /// <summary>EXPORT_NOT_FOUND as the live API answers it: a 404, or a 400 whose message says not found.</summary>
        internal static bool IsNotFoundYet(WcxApiException error) =>
            error is WcxNotFoundException ||
            (error is WcxBadRequestException && ResponseReading.SaysNotFound(error.ApiMessage));

        private static void Pause(TimeSpan interval, CancellationToken cancellationToken)
        {
            if (interval > TimeSpan.Zero)
                cancellationToken.WaitHandle.WaitOne(interval);
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>Checks an export request without sending it (columns, grouping, the 12-month range); the cmdlets call it before -WhatIf.</summary>
        public static void ValidateRequest(AnalyticsExportRequest request) => BuildBody(request ?? throw new ArgumentNullException(nameof(request)));

        internal static object BuildBody(AnalyticsExportRequest request)
        {
            var body = new ExportBody
            {
                Columns = Columns(request.Columns),
                GroupBy = Suggested(request.GroupBy, Vocabulary.AnalyticsGroupBy, "GroupBy"),
            };
            if (request.From.HasValue != request.To.HasValue)
                throw new WcxInputException("Give -From and -To together: the API takes both ends of the date range or neither.", request.From.HasValue ? "To" : "From");
            if (request.From.HasValue && request.To.HasValue)
            {
                var from = WcxJson.ToUtc(request.From.Value);
                var to = WcxJson.ToUtc(request.To.Value);
                if (to < from)
                    throw new WcxInputException("-To (" + FormatDate(to) + ") is before -From (" + FormatDate(from) + ").", "To");
                // Counted in calendar days, as the range is documented in months: 2024-01-15 to 2025-01-15 is allowed.
                if (to.Date > from.Date.AddMonths(MaxRangeMonths))
                    throw new WcxInputException("An export covers at most " + MaxRangeMonths + " months; " + FormatDate(from) + " to " + FormatDate(to) +
                                                " is longer. Split it into several exports.", "To");
                body.Filter = new ExportFilter { DateFrom = FormatDate(from), DateTo = FormatDate(to) };
            }
            return body;
        }

        /// <summary>
        /// The table of the collection allows "all" or "only_visible", its example sends column names separated by
        /// commas: both are accepted, a column set on its own.
        /// </summary>
        internal static string? Columns(string[]? columns)
        {
            if (columns is null || columns.Length == 0)
                return null;
            var names = columns.Select(c => c?.Trim() ?? "").ToList();
            if (names.Any(n => n.Length == 0 || n.Contains(",")))
                throw new WcxInputException("A column name is empty or holds a comma; give each column as its own value.", "Columns");
            var set = names.Select(n => ColumnSets.FirstOrDefault(s => string.Equals(s, n, StringComparison.OrdinalIgnoreCase))).ToList();
            if (set.Any(s => s != null))
            {
                if (names.Count > 1)
                    throw new WcxInputException("'all' and 'only_visible' are column sets: give one of them alone, or a list of column names.", "Columns");
                return set[0];
            }
            return string.Join(",", names);
        }

        /// <summary>ISO 8601 as the API documents it: yyyy-MM-dd for whole days, yyyy-MM-ddTHH:mm:ss otherwise (UTC).</summary>
        internal static string FormatDate(DateTime utc) =>
            utc.TimeOfDay == TimeSpan.Zero
                ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        private static string RequireExportId(string? exportId)
        {
            RequireText(exportId, "ExportId");
            var id = exportId!.Trim();
            if (id.Any(c => !(char.IsLetterOrDigit(c) || c == '-' || c == '_')))
                throw new WcxInputException("'" + id + "' is not an export id (letters and digits, as Start-WcxAnalyticsExport returns).", "ExportId");
            return id;
        }

        private sealed class ExportBody
        {
            public string? Columns { get; set; }
            public string? GroupBy { get; set; }
            public ExportFilter? Filter { get; set; }
        }

        private sealed class ExportFilter
        {
            public string DateFrom { get; set; } = "";
            public string DateTo { get; set; } = "";
        }
    }
}
