namespace WiseCx
{
    /// <summary>An export of an analytics list report: its id, status (pending, processing, completed, error), progress and file.</summary>
    public sealed class AnalyticsExport : WcxObject
    {
        /// <summary>The export's id (a 32-character hex string), given by the API when the export starts; its status and file are read by it.</summary>
        public string ExportId { get; set; } = "";

        /// <summary>The report exported, when this module started the export (the API does not echo it).</summary>
        public long? ReportId { get; set; }

        /// <summary>Where the export stands: pending, processing, completed or error; null when the API did not say.</summary>
        public string? Status { get; set; }

        /// <summary>How far the export has got, in percent (0 to 100); null when the API did not say.</summary>
        public int? Progress { get; set; }

        /// <summary>
        /// Where the CSV can be downloaded once the export is completed: a storage host, not the API. Save-WcxAnalyticsExport
        /// fetches it without any WiseCX credentials.
        /// </summary>
        public string? ReportUrl { get; set; }

        /// <summary>True once the export has finished, successfully or not.</summary>
        public bool IsFinished => string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase) ||
                                  string.Equals(Status, "error", StringComparison.OrdinalIgnoreCase);

        /// <summary>The export id, status and progress, e.g. <c>Export 5a97…: processing 40%</c>.</summary>
        public override string ToString() => "Export " + ExportId + ": " + Status + (Progress.HasValue ? " " + Progress + "%" : "");
    }

    /// <summary>What to export: POST /analytics/export/{id}. Every member is optional; the report's own settings apply otherwise.</summary>
    public sealed class AnalyticsExportRequest
    {
        /// <summary>all, only_visible, or column names (sent comma-separated, as the collection's example does); null: the report's columns.</summary>
        public string[]? Columns { get; set; }

        /// <summary>How rows are grouped in time: d (day), h (hour) or m (month); null: the report's grouping.</summary>
        public string? GroupBy { get; set; }

        /// <summary>Start of the date range, in local time; given together with <see cref="To"/>, at most 12 months apart. Null: the report's range.</summary>
        public DateTime? From { get; set; }

        /// <summary>End of the date range, in local time, not before <see cref="From"/>; given together with it.</summary>
        public DateTime? To { get; set; }
    }
}
