namespace WiseCx
{
    /// <summary>An export of an analytics list report: its id, status (pending, processing, completed, error), progress and file.</summary>
    public sealed class AnalyticsExport : WcxObject
    {
        public string ExportId { get; set; } = "";

        /// <summary>The report exported, when this module started the export (the API does not echo it).</summary>
        public long? ReportId { get; set; }

        /// <summary>pending, processing, completed or error.</summary>
        public string? Status { get; set; }

        /// <summary>0 to 100.</summary>
        public int? Progress { get; set; }

        /// <summary>
        /// Where the CSV can be downloaded once the export is completed: a storage host, not the API. Save-WcxAnalyticsExport
        /// fetches it without any WiseCX credentials.
        /// </summary>
        public string? ReportUrl { get; set; }

        /// <summary>True once the export has finished, successfully or not.</summary>
        public bool IsFinished => string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase) ||
                                  string.Equals(Status, "error", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => "Export " + ExportId + ": " + Status + (Progress.HasValue ? " " + Progress + "%" : "");
    }

    /// <summary>What to export: POST /analytics/export/{id}. Every member is optional; the report's own settings apply otherwise.</summary>
    public sealed class AnalyticsExportRequest
    {
        /// <summary>all, only_visible, or column names (sent comma-separated, as the collection's example does).</summary>
        public string[]? Columns { get; set; }

        /// <summary>d (day), h (hour) or m (month).</summary>
        public string? GroupBy { get; set; }

        /// <summary>Start of the date range; with <see cref="To"/>, at most 12 months apart.</summary>
        public DateTime? From { get; set; }

        public DateTime? To { get; set; }
    }
}
