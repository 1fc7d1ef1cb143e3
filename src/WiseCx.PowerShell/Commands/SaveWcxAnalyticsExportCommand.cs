using System.IO;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Downloads the report of a completed analytics export (a ZIP or a CSV) to a file, without sending any WiseCX credentials to the storage host.</para></summary>
    [Cmdlet(VerbsData.Save, "WcxAnalyticsExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveWcxAnalyticsExportCommand : AnalyticsExportCmdlet
    {
        /// <summary><para type="description">The export to download. Binds from the pipeline, also from objects with an ExportId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExportId { get; set; } = "";

        /// <summary><para type="description">The file to write, or a folder to save into under the report's own name (&lt;export id&gt;.zip or .csv). A file name ending in .csv always gets the CSV: a ZIP report is expanded into it.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("OutFile")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary><para type="description">The download URL when already known; it binds from Get-WcxAnalyticsExport output. Otherwise the export's status is read to get it.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ReportUrl { get; set; }

        /// <summary><para type="description">Save the CSV inside a ZIP report rather than the ZIP (into a folder: as &lt;export id&gt;.csv). A CSV report is saved as it is.</para></summary>
        [Parameter]
        public SwitchParameter Expand { get; set; }

        /// <summary><para type="description">Overwrite the file if it exists.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = ExportId;
            // Before the export is looked up: nothing is fetched for a path that cannot take it.
            AnalyticsService.CheckSaveTarget(FileSystemPath(Path), Force);
            var export = CompletedExport(ExportId, ReportUrl, "Save-WcxAnalyticsExport -Path <file>");
            if (!ShouldProcess(FileSystemPath(Path), "Save analytics export " + ExportId))
                return;
            WriteObject(Save(export, Path, Expand, Force));
        }
    }
}
