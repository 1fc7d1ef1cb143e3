namespace WiseCx
{
    /// <summary>An analytics export ended with status "error" on the server.</summary>
    public sealed class WcxExportFailedException : WcxApiException
    {
        /// <summary>Describes the export that ended with status "error", as it was last read.</summary>
        public WcxExportFailedException(AnalyticsExport export)
            : base(200, "GET", "analytics/export/" + export.ExportId + "/status",
                   "the export " + export.ExportId + (export.ReportId.HasValue ? " of report " + export.ReportId : "") +
                   " ended with status 'error'.")
        {
            Export = export;
        }

        /// <summary>The export as last reported.</summary>
        public AnalyticsExport Export { get; }
    }
}
