using System;
using System.IO;
using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Downloads the CSV of a completed analytics export to a file, without sending any WiseCX credentials to the storage host.</para></summary>
    [Cmdlet(VerbsData.Save, "WcxAnalyticsExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveWcxAnalyticsExportCommand : AnalyticsExportCmdlet
    {
        /// <summary><para type="description">The export to download. Binds from the pipeline, also from objects with an ExportId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExportId { get; set; } = "";

        /// <summary><para type="description">The file to write, or a folder to write &lt;export id&gt;.csv into.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("OutFile")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">The download URL when already known; it binds from Get-WcxAnalyticsExport output. Otherwise the export's status is read to get it.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ReportUrl { get; set; }

        /// <summary><para type="description">Overwrite the file if it exists.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = ExportId;
            var export = string.IsNullOrWhiteSpace(ReportUrl)
                ? Await(Client.Analytics.GetAsync(ExportId, StopToken))
                : new AnalyticsExport { ExportId = ExportId, Status = "completed", ReportUrl = ReportUrl };
            if (string.IsNullOrWhiteSpace(export.ReportUrl))
                throw new WcxInputException("Export " + ExportId + " is " + (export.Status ?? "not ready") +
                    (export.Progress.HasValue ? " (" + export.Progress + "%)" : "") + ", so there is nothing to download yet. Wait for it: " +
                    "Get-WcxAnalyticsExport " + ExportId + " -Wait | Save-WcxAnalyticsExport -Path <file>.", "ExportId");
            var file = ResolveFile(Path, ExportId);
            if (!ShouldProcess(file, "Save analytics export " + ExportId))
                return;
            WriteObject(Download(export, file, Force));
        }
    }
}
