using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Paging;

namespace WiseCx.Client.Services
{
    /// <summary>Analytics report exports: start one, follow its status, download the CSV it produces.</summary>
    public sealed class AnalyticsService : ApiService
    {
        private static readonly string[] GroupByCodes = { "d", "h", "m" };
        private static readonly string[] ColumnSets = { "all", "only_visible" };

        public AnalyticsService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The values the API accepts for <c>group_by</c>: d (day), h (hour), m (month).</summary>
        public static IReadOnlyList<string> GroupByValues => GroupByCodes;

        /// <summary>The longest date range one export may cover.</summary>
        public const int MaxRangeMonths = 12;

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

        /// <summary>Starts exporting a list report. WiseCX runs at most three exports at a time per account.</summary>
        public async Task<AnalyticsExport> StartAsync(long reportId, AnalyticsExportRequest? request, CancellationToken cancellationToken)
        {
            RequireId(reportId, "report", "ReportId");
            var body = BuildBody(request ?? new AnalyticsExportRequest());
            var export = await SendAsync<AnalyticsExport>(HttpMethod.Post, "analytics/export/" + reportId, body, wrapped: false, cancellationToken).ConfigureAwait(false);
            export.ReportId = reportId;
            return export;
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
        public IEnumerable<AnalyticsExport> Follow(string exportId, AnalyticsExport? current, TimeSpan interval, CancellationToken cancellationToken)
        {
            var id = RequireExportId(exportId);
            if (interval < TimeSpan.Zero)
                throw new WcxInputException("The polling interval cannot be negative.", "PollInterval");
            return FollowCore(id, current, interval, cancellationToken);
        }

        private IEnumerable<AnalyticsExport> FollowCore(string exportId, AnalyticsExport? current, TimeSpan interval, CancellationToken cancellationToken)
        {
            var reportId = current?.ReportId;
            if (current != null)
            {
                yield return current;
                if (current.IsFinished)
                    yield break;
                Pause(interval, cancellationToken);
            }
            while (true)
            {
                var state = GetAsync(exportId, cancellationToken).GetAwaiter().GetResult();
                state.ReportId ??= reportId;
                yield return state;
                if (state.IsFinished)
                    yield break;
                Pause(interval, cancellationToken);
            }
        }

        private static void Pause(TimeSpan interval, CancellationToken cancellationToken)
        {
            if (interval > TimeSpan.Zero)
                cancellationToken.WaitHandle.WaitOne(interval);
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>
        /// Downloads a finished export's CSV to <paramref name="filePath"/> and returns its size in bytes. The request
        /// goes out on a client of its own with no Authorization or x-api-key header: <c>report_url</c> is a storage
        /// host, and the WiseCX credentials must never reach it. The file appears only once complete.
        /// </summary>
        public async Task<long> DownloadAsync(string reportUrl, string filePath, bool overwrite, CancellationToken cancellationToken)
        {
            var uri = RequireReportUrl(reportUrl);
            RequireText(filePath, "Path");
            var target = Path.GetFullPath(filePath);
            if (Directory.Exists(target))
                throw new WcxInputException("'" + target + "' is a directory; give a file path.", "Path");
            if (File.Exists(target) && !overwrite)
                throw new WcxInputException("'" + target + "' already exists. Use -Force to overwrite it.", "Path");
            var directory = Path.GetDirectoryName(target);
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
                throw new WcxInputException("The folder '" + directory + "' does not exist.", "Path");

            var where = Describe(uri);
            var partial = target + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
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
                    using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                        await source.CopyToAsync(file, 81920, cancellationToken).ConfigureAwait(false);
                }
                if (File.Exists(target))
                    File.Delete(target);
                File.Move(partial, target);
                return new FileInfo(target).Length;
            }
            catch (HttpRequestException ex)
            {
                throw new WcxApiException(0, "GET", where, "the download failed: " + ex.GetBaseException().Message, ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WcxApiException(0, "GET", where, "the download timed out.", ex);
            }
            finally
            {
                if (File.Exists(partial))
                    File.Delete(partial);
            }
        }

        /// <summary>Checks an export request without sending it (columns, grouping, the 12-month range); the cmdlets call it before -WhatIf.</summary>
        public static void ValidateRequest(AnalyticsExportRequest request) => BuildBody(request ?? throw new ArgumentNullException(nameof(request)));

        internal static object BuildBody(AnalyticsExportRequest request)
        {
            var body = new ExportBody
            {
                Columns = Columns(request.Columns),
                GroupBy = OneOf(request.GroupBy, GroupByCodes, "GroupBy"),
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
