using System;
using System.IO;
using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>Base of the analytics export cmdlets: waiting with a progress bar, and saving the CSV to a file.</summary>
    public abstract class AnalyticsExportCmdlet : WcxSessionCmdlet
    {
        private const int ProgressId = 0x57435845;

        /// <summary>Polls every <paramref name="pollSeconds"/> until the export is completed or failed, with a progress bar; a failed export throws.</summary>
        internal AnalyticsExport WaitForExport(string exportId, AnalyticsExport? current, double pollSeconds)
        {
            var activity = "Analytics export " + exportId;
            AnalyticsExport? last = null;
            try
            {
                foreach (var state in Client.Analytics.Follow(exportId, current, TimeSpan.FromSeconds(pollSeconds), StopToken))
                {
                    last = state;
                    var percent = Math.Max(0, Math.Min(100, state.Progress ?? 0));
                    WriteProgress(new ProgressRecord(ProgressId, activity, "Status: " + (state.Status ?? "unknown") + ", " + percent + "%")
                    {
                        PercentComplete = percent,
                    });
                }
            }
            finally
            {
                WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            if (string.Equals(last!.Status, "error", StringComparison.OrdinalIgnoreCase))
                throw new WcxExportFailedException(last);
            return last;
        }

        /// <summary>A file path as PowerShell sees it (relative to the current location); a folder gets &lt;export id&gt;.csv.</summary>
        internal string ResolveFile(string path, string exportId)
        {
            var full = GetUnresolvedProviderPathFromPSPath(path);
            return Directory.Exists(full) ? Path.Combine(full, exportId + ".csv") : full;
        }

        /// <summary>
        /// Downloads a completed export with no WiseCX credentials (see AnalyticsService.DownloadAsync) and returns the
        /// file as Get-Item does, so it formats like any other file.
        /// </summary>
        internal PSObject Download(AnalyticsExport export, string file, bool overwrite)
        {
            var bytes = Await(Client.Analytics.DownloadAsync(export.ReportUrl!, file, overwrite, StopToken));
            WriteVerbose("Export " + export.ExportId + ": " + bytes + " bytes saved to " + file + ".");
            var items = InvokeProvider.Item.Get(new[] { file }, false, true);
            return items.Count == 1 ? items[0] : PSObject.AsPSObject(new FileInfo(file));
        }
    }
}
