namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Starts exporting an analytics list report; optionally waits for it and downloads the file.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "WcxAnalyticsExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(AnalyticsExport))]
    public sealed class StartWcxAnalyticsExportCommand : AnalyticsExportCmdlet
    {
        /// <summary><para type="description">The id of the list report to export (dashboards cannot be exported). From the pipeline it takes report ids and objects with a ReportId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(null, "ReportId")]
        public long ReportId { get; set; }

        /// <summary><para type="description">all, only_visible, or a list of column names. Omitted: the columns configured in the report.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(WiseCx.PowerShell.Internal.AnalyticsColumnsCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Columns { get; set; }

        /// <summary><para type="description">Time grouping: d (day), h (hour) or m (month), which Tab completes; another value is sent as given, with a warning, and the API judges it. Omitted: the report's own.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(WiseCx.PowerShell.Internal.AnalyticsGroupByCompleter))]
        [ValidateNotNullOrEmpty]
        public string? GroupBy { get; set; }

        /// <summary><para type="description">Start of the date range, with -To; the range may span at most 12 months. Omitted: the report's own range.</para></summary>
        [Parameter]
        public DateTime? From { get; set; }

        /// <summary><para type="description">End of the date range, with -From.</para></summary>
        [Parameter]
        public DateTime? To { get; set; }

        /// <summary><para type="description">Wait until the export is completed or failed, showing its progress.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">Seconds between two status requests while waiting (default 2).</para></summary>
        [Parameter]
        [ValidateRange(0.1, 300.0)]
        public double PollIntervalSeconds { get; set; } = 2;

        /// <summary><para type="description">While waiting, how long to keep polling an export the API answers "not found" for, before it first appears (default 60): right after the start the live API does not show an export for a few seconds. 0 fails at the first "not found".</para></summary>
        [Parameter]
        [Alias("NotFoundTimeout")]
        [ValidateRange(0.0, 3600.0)]
        public double NotFoundTimeoutSeconds { get; set; } = 60;

        /// <summary><para type="description">Wait, then save the report to this file, or into this folder under its own name (&lt;export id&gt;.zip or .csv). A file name ending in .csv always gets the CSV: a ZIP report is expanded into it.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary><para type="description">With -OutFile, save the CSV inside a ZIP report rather than the ZIP.</para></summary>
        [Parameter]
        public SwitchParameter Expand { get; set; }

        /// <summary><para type="description">Overwrite the -OutFile file if it exists.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = ReportId;
            var request = new AnalyticsExportRequest { Columns = Columns, GroupBy = GroupBy, From = From, To = To };
            AnalyticsService.ValidateRequest(request);
            // Before the export is started: a report that cannot be saved is not asked for.
            if (OutFile != null)
                AnalyticsService.CheckSaveTarget(FileSystemPath(OutFile), Force);
            if (!ShouldProcess("report " + ReportId, "Start analytics export" + (OutFile is null ? "" : " to " + OutFile)))
                return;
            var export = Await(Client.Analytics.StartAsync(ReportId, request, StopToken));
            WriteVerbose("Report " + ReportId + ": export " + export.ExportId + " started.");
            ErrorTarget = export;
            try
            {
                if (Wait || OutFile != null)
                    export = WaitForExport(export.ExportId, export, PollIntervalSeconds, NotFoundTimeoutSeconds);
                if (OutFile != null)
                    Save(export, OutFile, Expand, Force);
            }
            catch (Exception ex) when (!(ex is WcxExportFailedException))
            {
                // The export runs on in WiseCX whatever happened here: its id must not be lost with the wait.
                TellHowToResume(export.ExportId, OutFile is null ? null : "Save-WcxAnalyticsExport -Path " + Quoted(FileSystemPath(OutFile)) +
                    (Expand ? " -Expand" : "") + (Force ? " -Force" : ""));
                throw;
            }
            WriteApiObject(export);
        }
    }
}
