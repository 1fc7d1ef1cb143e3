namespace WiseCx
{
    /// <summary>
    /// The status of a just-started export answered "not found" (the live API's EXPORT_NOT_FOUND) for longer than the
    /// client was told to wait for it to appear.
    /// </summary>
    public sealed class WcxExportNotFoundException : WcxApiException
    {
        /// <summary>Describes the export that stayed "not found", the last status code and how long it was waited for.</summary>
        public WcxExportNotFoundException(string exportId, int statusCode, TimeSpan waited, string? apiMessage)
            : base(statusCode, "GET", "analytics/export/" + exportId + "/status",
                   "export " + exportId + " was still not found after " + Math.Round(waited.TotalSeconds, 1) + " s" +
                   (string.IsNullOrEmpty(apiMessage) ? "" : " (" + apiMessage + ")") +
                   ". Right after the start the API may not show an export for a few seconds; this one did not appear in time.")
        {
            ExportId = exportId;
            Waited = waited;
        }

        /// <summary>The export that did not appear.</summary>
        public string ExportId { get; }

        /// <summary>How long its status answered "not found".</summary>
        public TimeSpan Waited { get; }
    }

    /// <summary>
    /// POST /analytics/export/{id} answered 2xx with text instead of the export: the request was accepted, but no export
    /// id came back, so the export cannot be followed or downloaded from here.
    /// </summary>
    public sealed class WcxExportIdMissingException : WcxApiException
    {
        /// <summary>Describes the report whose export was accepted without an id, and the text the API answered instead.</summary>
        public WcxExportIdMissingException(long reportId, int statusCode, string answer)
            : base(statusCode, "POST", "analytics/export/" + reportId,
                   "the API accepted the export of report " + reportId + " but answered in plain text, not with an export id: \"" + answer +
                   "\". The export was probably started; without its id this module cannot follow it or download it.")
        {
            ReportId = reportId;
            Answer = answer;
        }

        /// <summary>The report whose export was asked for.</summary>
        public long ReportId { get; }

        /// <summary>The text the API answered (at most 200 characters of it).</summary>
        public string Answer { get; }
    }
}
