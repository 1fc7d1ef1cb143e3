namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Reads the rows of an analytics report as objects: from a saved .zip or .csv, or from a completed export.</para></summary>
    [Cmdlet(VerbsData.Import, "WcxAnalyticsReport", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PSCustomObject))]
    public sealed class ImportWcxAnalyticsReportCommand : AnalyticsExportCmdlet
    {
        private const string PathSet = "Path";
        private const string ExportSet = "Export";

        /// <summary><para type="description">Report files saved by Save-WcxAnalyticsExport or by hand: a .csv, or a .zip holding one. Binds from the pipeline, also from files (FullName).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary><para type="description">A completed export to read without saving it: binds from Start-WcxAnalyticsExport -Wait and Get-WcxAnalyticsExport output. The file is downloaded to a temporary file, without any WiseCX credentials, and removed after reading.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ExportSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExportId { get; set; } = "";

        /// <summary><para type="description">The export's download URL; it binds from export objects. Otherwise the export's status is read to get it.</para></summary>
        [Parameter(ParameterSetName = ExportSet, ValueFromPipelineByPropertyName = true)]
        public string? ReportUrl { get; set; }

        /// <summary><para type="description">Turn cells that read S/D (the report's "no data") into $null.</para></summary>
        [Parameter]
        public SwitchParameter NoDataAsNull { get; set; }

        protected override void ProcessWcxRecord()
        {
            if (ParameterSetName == ExportSet)
            {
                ErrorTarget = ExportId;
                var export = CompletedExport(ExportId, ReportUrl, "Import-WcxAnalyticsReport");
                WriteRows(Client.Analytics.ReadReport(export.ReportUrl!, NoDataAsNull, StopToken));
                return;
            }
            EachItem(Path, path => WriteRows(AnalyticsService.ReadSavedReport(FileSystemPath(path), NoDataAsNull)));
        }

        /// <summary>One object per row, its properties the report's headers in order, written as each row is read.</summary>
        private void WriteRows(IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> rows)
        {
            foreach (var cells in rows)
            {
                var row = new PSObject();
                foreach (var cell in cells)
                    row.Properties.Add(new PSNoteProperty(cell.Key, cell.Value));
                WriteObject(row);
            }
        }
    }
}
