using System;
using System.Management.Automation;
using WiseCx.Client.Services;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Starts exporting an analytics list report to CSV; optionally waits for it and downloads the file.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "WcxAnalyticsExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(AnalyticsExport))]
    public sealed class StartWcxAnalyticsExportCommand : AnalyticsExportCmdlet
    {
        /// <summary><para type="description">The id of the list report to export (dashboards cannot be exported).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        public long ReportId { get; set; }

        /// <summary><para type="description">all, only_visible, or a list of column names. Omitted: the columns configured in the report.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(WiseCx.PowerShell.Internal.AnalyticsColumnsCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Columns { get; set; }

        /// <summary><para type="description">Time grouping: d (day), h (hour) or m (month). Omitted: the report's own.</para></summary>
        [Parameter]
        [ValidateSet("d", "h", "m", IgnoreCase = true)]
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

        /// <summary><para type="description">Wait, then save the CSV to this file (or into this folder as &lt;export id&gt;.csv).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary><para type="description">Overwrite the -OutFile file if it exists.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = ReportId;
            var request = new AnalyticsExportRequest { Columns = Columns, GroupBy = GroupBy, From = From, To = To };
            AnalyticsService.ValidateRequest(request);
            if (!ShouldProcess("report " + ReportId, "Start analytics export" + (OutFile is null ? "" : " to " + OutFile)))
                return;
            var export = Await(Client.Analytics.StartAsync(ReportId, request, StopToken));
            WriteVerbose("Report " + ReportId + ": export " + export.ExportId + " started.");
            ErrorTarget = export;
            if (Wait || OutFile != null)
                export = WaitForExport(export.ExportId, export, PollIntervalSeconds);
            if (OutFile != null)
                Download(export, ResolveFile(OutFile, export.ExportId), Force);
            WriteApiObject(export);
        }
    }
}
