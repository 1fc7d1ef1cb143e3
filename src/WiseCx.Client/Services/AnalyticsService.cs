using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;

namespace WiseCx.Client.Services
{
    /// <summary>
    /// Analytics report exports: start one, follow its status, download the file it produces (a CSV, or a ZIP holding
    /// one, as the live API serves it) and read the report's rows.
    /// </summary>
    public sealed class AnalyticsService : ApiService
    {
        private static readonly string[] ColumnSets = { "all", "only_visible" };

        public AnalyticsService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The longest date range one export may cover.</summary>
        public const int MaxRangeMonths = 12;

        /// <summary>
        /// How long a wait tolerates "not found" for a just-started export by default. The live API answers
        /// EXPORT_NOT_FOUND for a few seconds after the start; public scripts tolerate about ten polls 3-5 s apart.
        /// </summary>
        public static readonly TimeSpan DefaultNotFoundTimeout = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Makes the HTTP handler of report downloads: its own, never the API connection's, so no WiseCX token or key
        /// can reach the storage host. Tests replace it.
        /// </summary>
        internal Func<HttpMessageHandler> DownloadHandlerFactory { get; set; } = () => new HttpClientHandler
        {
            UseCookies = false,
            UseDefaultCredentials = false,
            PreAuthenticate = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };

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

        /// <summary>
        /// Downloads a finished export's file and returns the path written. <paramref name="path"/> is a file, or a folder
        /// to save into under the file's name from the URL (&lt;export id&gt;.zip or .csv). The live API serves a ZIP
        /// holding the CSV: it is saved as a .zip, or expanded (its CSV written instead) with <paramref name="expand"/> or
        /// when the file asked for ends in .csv. A CSV report is saved as it is either way.
        /// The request goes out on a client of its own with no Authorization or x-api-key header: <c>report_url</c> is a
        /// storage host, and the WiseCX credentials must never reach it. The file appears only once complete.
        /// </summary>
        public async Task<string> SaveAsync(string reportUrl, string path, bool expand, bool overwrite, CancellationToken cancellationToken)
        {
            var uri = RequireReportUrl(reportUrl);
            RequireText(path, "Path");
            var full = Path.GetFullPath(path);
            var folder = Directory.Exists(full) ? full : null;
            var urlName = FileNameOf(uri);
            // The name the file will most likely get is checked before anything is downloaded; the final one again after.
            var likely = folder is null ? full
                : Path.Combine(folder, expand && HasExtension(urlName, ".zip") ? Path.ChangeExtension(urlName, ".csv") : urlName);
            CheckTarget(likely, overwrite);
            var directory = Path.GetDirectoryName(likely)!;
            var download = PartialPath(directory);
            var extracted = PartialPath(directory);
            try
            {
                await FetchAsync(uri, download, cancellationToken).ConfigureAwait(false);
                if (!AnalyticsReportReader.IsZip(download))
                    return Place(download, likely, overwrite);
                if (expand || (folder is null && HasExtension(full, ".csv")))
                {
                    var entryName = AnalyticsReportReader.ExtractCsv(download, extracted);
                    return Place(extracted, folder is null ? full : Path.Combine(folder, entryName), overwrite);
                }
                return Place(download, folder is null ? full : Path.Combine(folder, Path.ChangeExtension(urlName, ".zip")), overwrite);
            }
            finally
            {
                File.Delete(download);
                File.Delete(extracted);
            }
        }

        /// <summary>
        /// The rows of a report saved as a .csv, or a .zip holding one, read as they are needed (see
        /// <see cref="AnalyticsReportReader"/>): the report's own headers, localised "Entity: Column" names included, are
        /// the keys; with <paramref name="noDataAsNull"/> a cell reading <see cref="AnalyticsReportReader.NoData"/> is null.
        /// </summary>
        public static IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> ReadSavedReport(string path, bool noDataAsNull)
        {
            RequireText(path, "Path");
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new WcxInputException("The file '" + full + "' does not exist" + (Directory.Exists(full) ? " (it is a folder)." : "."), "Path");
            return AnalyticsReportReader.Read(full, noDataAsNull);
        }

        /// <summary>
        /// The rows of a completed export, as <see cref="ReadSavedReport"/> reads them: the file is downloaded first (with
        /// no WiseCX credentials) into a temporary file, which is removed when the reading ends or stops.
        /// </summary>
        public IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> ReadReport(string reportUrl, bool noDataAsNull, CancellationToken cancellationToken)
        {
            var uri = RequireReportUrl(reportUrl);
            return ReadDownloadedReport(uri, noDataAsNull, cancellationToken);
        }

        private IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> ReadDownloadedReport(Uri uri, bool noDataAsNull, CancellationToken cancellationToken)
        {
            var temporary = PartialPath(Path.GetTempPath());
            try
            {
                FetchAsync(uri, temporary, cancellationToken).GetAwaiter().GetResult();
                foreach (var row in AnalyticsReportReader.Read(temporary, noDataAsNull))
                    yield return row;
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        /// <summary>GET <paramref name="uri"/> into <paramref name="file"/> on a client of its own, with no WiseCX header.</summary>
        private async Task FetchAsync(Uri uri, string file, CancellationToken cancellationToken)
        {
            var where = Describe(uri);
            try
            {
                using (var http = new HttpClient(DownloadHandlerFactory(), disposeHandler: true) { Timeout = TimeSpan.FromMinutes(10) })
                using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
                using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
                {
                    if (!response.IsSuccessStatusCode)
                        throw new WcxApiException((int)response.StatusCode, "GET", where,
                            "the storage host refused the download (" + response.ReasonPhrase + "). Report links expire; start the export again.");
                    using (var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    using (var target = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                        await source.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (HttpRequestException ex)
            {
                throw new WcxApiException(0, "GET", where, "the download failed: " + ex.GetBaseException().Message, ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WcxApiException(0, "GET", where, "the download timed out.", ex);
            }
        }

        /// <summary>
        /// Checks, before an export is started or fetched, that <paramref name="path"/> (a file, or a folder to save into)
        /// can receive it: its folder exists and can be written, it is no folder where a file is meant, and an existing
        /// file is replaced only with <paramref name="overwrite"/>. The write test leaves nothing behind.
        /// </summary>
        /// <returns>The full path.</returns>
        public static string CheckSaveTarget(string path, bool overwrite)
        {
            RequireText(path, "Path");
            var full = Path.GetFullPath(path);
            var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
            if (!Directory.Exists(full))
                CheckTarget(full, overwrite);
            var probe = PartialPath(folder);
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
                {
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw new WcxInputException("The folder '" + folder + "' cannot be written (" + ex.Message + "); choose another path.", "Path");
            }
            finally
            {
                File.Delete(probe);
            }
            return full;
        }

        private static void CheckTarget(string target, bool overwrite)
        {
            if (Directory.Exists(target))
                throw new WcxInputException("'" + target + "' is a folder; give a file path, or a folder that holds no folder of that name.", "Path");
            if (File.Exists(target) && !overwrite)
                throw new WcxInputException("'" + target + "' already exists. Use -Force to overwrite it.", "Path");
            var directory = Path.GetDirectoryName(target);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
                throw new WcxInputException("The folder '" + directory + "' does not exist.", "Path");
        }

        /// <summary>Moves a finished download to its name, replacing a file there only when asked to.</summary>
        private static string Place(string partial, string target, bool overwrite)
        {
            CheckTarget(target, overwrite);
            if (File.Exists(target))
                File.Delete(target);
            File.Move(partial, target);
            return target;
        }

        /// <summary>A name beside the target that no one else uses; removed whatever happens.</summary>
        private static string PartialPath(string directory) =>
            Path.Combine(directory, "wcx-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".partial");

        /// <summary>The last segment of the URL's path (&lt;export id&gt;.zip on the live API), "report.csv" when it is no usable name.</summary>
        internal static string FileNameOf(Uri uri)
        {
            var name = Uri.UnescapeDataString(uri.AbsolutePath.Split('/').Last());
            return name.Length == 0 || name.StartsWith(".", StringComparison.Ordinal) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
                ? "report.csv"
                : name;
        }

        private static bool HasExtension(string path, string extension) =>
            string.Equals(Path.GetExtension(path), extension, StringComparison.OrdinalIgnoreCase);

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

        /// <summary>https, or http on a loopback address (the sandbox); nothing else is downloaded.</summary>
        internal static Uri RequireReportUrl(string? reportUrl)
        {
            if (string.IsNullOrWhiteSpace(reportUrl))
                throw new WcxInputException("The export has no report URL yet: it is not completed. Wait for it with Get-WcxAnalyticsExport -Wait.", "ReportUrl");
            if (!Uri.TryCreate(reportUrl!.Trim(), UriKind.Absolute, out var uri))
                throw new WcxInputException("The report URL is not an absolute URL.", "ReportUrl");
            if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
                throw new WcxInputException("The report URL must use https (plain http only on a loopback address): " + Describe(uri) + ".", "ReportUrl");
            return uri;
        }

        /// <summary>The URL without its query: storage links carry their signature there, which is a secret.</summary>
        private static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);

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
