using System.IO;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>Base of the analytics export cmdlets: waiting with a progress bar, and saving the report to a file.</summary>
    public abstract class AnalyticsExportCmdlet : WcxSessionCmdlet
    {
        private const int ProgressId = 0x57435845;

        /// <summary>
        /// Polls every <paramref name="pollSeconds"/> until the export is completed or failed, with a progress bar; a failed
        /// export throws. "Not found" answers before the export first appears are waited through for
        /// <paramref name="notFoundSeconds"/>, the bar saying so.
        /// </summary>
        internal AnalyticsExport WaitForExport(string exportId, AnalyticsExport? current, double pollSeconds, double notFoundSeconds)
        {
            var activity = "Analytics export " + exportId;
            AnalyticsExport? last = null;
            void WaitingToAppear(TimeSpan waited) =>
                WriteProgress(new ProgressRecord(ProgressId, activity,
                    "Waiting for the export to appear: the API does not show it yet (" + Math.Round(waited.TotalSeconds) + " s of at most " + notFoundSeconds + " s)")
                {
                    PercentComplete = 0,
                });
            try
            {
                foreach (var state in Client.Analytics.Follow(exportId, current, TimeSpan.FromSeconds(pollSeconds), TimeSpan.FromSeconds(notFoundSeconds), WaitingToAppear, StopToken))
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

        /// <summary>
        /// The export with its download URL: as given, or read from its status; one not completed yet is refused, saying how
        /// to wait. "Not found" stays WcxNotFound (the id may be wrong), saying that a new export is not shown at once.
        /// </summary>
        internal AnalyticsExport CompletedExport(string exportId, string? reportUrl, string then)
        {
            var wait = "Get-WcxAnalyticsExport " + exportId + " -Wait | " + then;
            AnalyticsExport export;
            try
            {
                export = string.IsNullOrWhiteSpace(reportUrl)
                    ? Await(Client.Analytics.GetAsync(exportId, StopToken))
                    : new AnalyticsExport { ExportId = exportId, Status = "completed", ReportUrl = reportUrl };
            }
            catch (WcxNotFoundException notFound)
            {
                throw new WcxNotFoundException(notFound.Method, notFound.Path, (notFound.ApiMessage ?? "not found") +
                    ". For a few seconds after the start the API does not show a new export; wait for it: " + wait + ".");
            }
            if (string.IsNullOrWhiteSpace(export.ReportUrl))
                throw new WcxInputException("Export " + exportId + " is " + (export.Status ?? "not ready") +
                    (export.Progress.HasValue ? " (" + export.Progress + "%)" : "") + ", so there is nothing to download yet. Wait for it: " +
                    wait + ".", "ExportId");
            return export;
        }

        /// <summary>A path as PowerShell sees it (relative to the current location), for the client to use as a file system path.</summary>
        internal string FileSystemPath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>
        /// A warning naming a started export and the command that picks it up again, for a wait that failed or was
        /// interrupted. Once Ctrl+C has stopped the pipeline nothing can be written to it, so the warning then goes to the
        /// host directly, as the console shows it.
        /// </summary>
        internal void TellHowToResume(string exportId, string? then)
        {
            var text = "Export " + exportId + " was started and runs on in WiseCX" + (Stopping ? "; the wait was interrupted." : ", but the wait did not finish.") +
                       " Pick it up with: Get-WcxAnalyticsExport " + exportId + " -Wait" + (then is null ? "" : " | " + then);
            if (!Stopping)
            {
                WriteWarning(text);
                return;
            }
            try
            {
                Host?.UI?.WriteWarningLine(text);
            }
            catch (Exception)
            {
                // A host without a console to write to: the export id could not be shown, and there is nowhere to say so.
            }
        }

        /// <summary>A path as a single-quoted PowerShell string.</summary>
        internal static string Quoted(string path) => "'" + path.Replace("'", "''") + "'";

        /// <summary>
        /// Saves a completed export with no WiseCX credentials (see AnalyticsService.SaveAsync: a folder gets the name from
        /// the URL, a ZIP stays a .zip unless expanded) and returns the file as Get-Item does, so it formats like any other file.
        /// </summary>
        internal PSObject Save(AnalyticsExport export, string path, bool expand, bool overwrite)
        {
            var file = Await(Client.Analytics.SaveAsync(export.ReportUrl!, FileSystemPath(path), expand, overwrite, StopToken));
            WriteVerbose("Export " + export.ExportId + ": saved to " + file + ".");
            var items = InvokeProvider.Item.Get(new[] { file }, false, true);
            return items.Count == 1 ? items[0] : PSObject.AsPSObject(new FileInfo(file));
        }
    }
}
