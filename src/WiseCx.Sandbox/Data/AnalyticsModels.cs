namespace WiseCx.Sandbox.Data;

/// <summary>What rows a report's export is built from.</summary>
internal enum ReportSource
{
    /// <summary>One row per case, dated by its creation.</summary>
    Cases,

    /// <summary>One row per survey response, dated by when the survey was sent.</summary>
    SurveyResponses,
}

/// <summary>An analytics report. Only list reports can be exported; dashboards are refused, as the docs say.</summary>
internal sealed record AnalyticsReportRecord(
    long Id, string Name, bool IsDashboard, ReportSource Source, IReadOnlyList<string> Columns,
    IReadOnlyList<string> VisibleColumns, string DefaultGroupBy, bool Fails);

/// <summary>The life cycle of an export at one moment.</summary>
internal readonly record struct ExportState(string Status, int Progress)
{
    public bool IsRunning => Status is "pending" or "processing";
}

/// <summary>
/// A started export. Its state is a function of wall time (steps of <see cref="Step"/> since <see cref="StartedAt"/>), so no
/// timer runs and a status request always sees a consistent answer; the CSV is built at start from the data of that moment.
/// </summary>
internal sealed class AnalyticsExportRecord
{
    public string Id { get; init; } = "";
    public long ReportId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Step { get; init; }
    public bool Fails { get; init; }

    /// <summary><see cref="ExportFormats.Csv"/> or <see cref="ExportFormats.Zip"/>, fixed when the export starts.</summary>
    public string Format { get; init; } = ExportFormats.Csv;

    /// <summary>The file report_url serves, built at start: a CSV, or a ZIP holding one.</summary>
    public byte[] File { get; init; } = [];

    /// <summary>File name under the storage host's exports folder: &lt;export id&gt;.csv or .zip.</summary>
    public string FileName => Id + "." + Format;

    /// <summary>Status requests still to be answered EXPORT_NOT_FOUND (<see cref="SandboxConfig.ExportNotFoundPolls"/>); changed under the store's lock.</summary>
    public int NotFoundPollsLeft { get; set; }

    // pending → processing 20 → 50 → 80 → completed 100; a failing report stops at processing 50 and turns to error.
    private static readonly ExportState[] Completing =
        [new("pending", 0), new("processing", 20), new("processing", 50), new("processing", 80), new("completed", 100)];
    private static readonly ExportState[] Failing =
        [new("pending", 0), new("processing", 20), new("processing", 50), new("error", 50)];

    /// <summary>What the start answers: the export just accepted, whatever its step (an export of step 0 is complete at its first status).</summary>
    public ExportState Initial => (Fails ? Failing : Completing)[0];

    public ExportState StateAt(DateTimeOffset now)
    {
        var path = Fails ? Failing : Completing;
        if (Step <= TimeSpan.Zero) return path[^1];
        var steps = (now - StartedAt).Ticks / Step.Ticks;
        return path[(int)Math.Clamp(steps, 0, path.Length - 1)];
    }
}
