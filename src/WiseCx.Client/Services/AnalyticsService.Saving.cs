using System.IO;
using System.Net;

namespace WiseCx.Client.Services
{
    /// <summary>
    /// Saving and reading the file an export produces: downloaded on a client of its own (never the API connection's),
    /// written beside its target under a partial name and moved into place only when complete.
    /// </summary>
    public sealed partial class AnalyticsService
    {
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
    }
}
