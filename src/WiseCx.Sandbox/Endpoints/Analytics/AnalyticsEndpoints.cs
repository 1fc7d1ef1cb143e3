using System.Text;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// Analytics exports: POST /analytics/export/{id} starts one, GET /analytics/export/{export_id}/status follows it through
/// pending → processing → completed | error on wall time (<see cref="SandboxConfig.ExportStepMilliseconds"/> per step).
/// At most three run at once. The finished file is served by the storage listener, on another port, without auth.
/// The live API's ways are switches: the first status requests answer EXPORT_NOT_FOUND
/// (<see cref="SandboxConfig.ExportNotFoundPolls"/>), the file is a ZIP (<see cref="SandboxConfig.ExportReportFormat"/>),
/// the POST answers plain text (<see cref="SandboxConfig.ExportPlainTextAnswer"/>).
/// </summary>
internal static class AnalyticsEndpoints
{
    public const int MaxRunningExports = 3;

    /// <summary>The code of the live API's answer to a status request for an export it does not show yet.</summary>
    public const string ExportNotFound = "EXPORT_NOT_FOUND";

    /// <summary>What the live API sometimes answers to the POST, as text/plain, instead of the export.</summary>
    public const string PlainTextAnswer = "Export request received";

    /// <summary>Where a finished export is served, below the storage listener's root.</summary>
    public static string StoragePath(AnalyticsExportRecord export) => $"{SandboxApp.StoragePrefix}/exports/{export.FileName}";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/analytics/export/{id}", StartAsync);
        api.MapGet("/analytics/export/{exportId}/status", Status);
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, string id, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var reportId = PathIds.Parse(id, "Report");
        var input = AnalyticsInput.Parse(await JsonBody.ReadOptionalAsync(http.Request));
        var settings = config.Current;
        var now = options.TimeProvider.GetUtcNow();

        var json = store.Write(state =>
        {
            var report = state.Reports.GetValueOrDefault(reportId) ?? throw PathIds.NotFound("Report", id);
            if (report.IsDashboard)
                throw ApiException.BadRequest($"Report {reportId} is a dashboard: only list reports can be exported.");
            var columns = SelectColumns(report, input.Columns);
            var running = state.Exports.Values.Count(e => e.StateAt(now).IsRunning);
            if (running >= MaxRunningExports)
                throw ApiException.BadRequest(
                    $"Only {MaxRunningExports} reports can be exported at the same time and {running} are pending or processing: wait for one to finish.");

            var to = input.To ?? ApiDate.Truncate(now.UtcDateTime);
            var from = input.From ?? to.AddDays(-30);
            var exportId = Guid.NewGuid().ToString("N");
            var zip = settings.ExportReportFormat == ExportFormats.Zip;
            var csv = ExportFormats.Encode(BuildCsv(state, report, columns, input.GroupBy, from, to, localised: zip));
            var export = new AnalyticsExportRecord
            {
                Id = exportId,
                ReportId = report.Id,
                StartedAt = now,
                Step = TimeSpan.FromMilliseconds(settings.ExportStepMilliseconds),
                Fails = report.Fails,
                Format = settings.ExportReportFormat,
                File = zip ? ExportFormats.Zipped(exportId, csv) : csv,
                NotFoundPollsLeft = settings.ExportNotFoundPolls,
            };
            state.Exports.Add(export.Id, export);
            return ToJson(export, export.Initial, settings);
        });
        // The export is started all the same: it counts toward the three, and its file appears; only its id is not told.
        if (settings.ExportPlainTextAnswer)
            return Results.Text(PlainTextAnswer, "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status200OK);
        return SandboxJson.Ok(json);
    }

    private static IResult Status(string exportId, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var now = options.TimeProvider.GetUtcNow();
        var settings = config.Current;
        var json = store.Write(state =>
        {
            var export = state.Exports.GetValueOrDefault(exportId) ?? throw PathIds.NotFound("Export", exportId);
            if (export.NotFoundPollsLeft <= 0)
                return ToJson(export, export.StateAt(now), settings);
            export.NotFoundPollsLeft--;
            return null;
        });
        // The live body: an error code and nothing else (api/NOTES.md F4).
        return json is null
            ? Results.Json(new JsonObject { ["error"] = ExportNotFound }, SandboxJson.Options, SandboxJson.ContentType, StatusCodes.Status404NotFound)
            : SandboxJson.Ok(json);
    }

    private static JsonObject ToJson(AnalyticsExportRecord export, ExportState current, SandboxConfig settings)
    {
        return new JsonObject
        {
            ["export_id"] = export.Id,
            ["status"] = current.Status,
            ["progress"] = current.Progress,
            ["report_url"] = current.Status == "completed" ? settings.StorageBaseUri?.TrimEnd('/') + StoragePath(export) : null,
        };
    }

    private static IReadOnlyList<string> SelectColumns(AnalyticsReportRecord report, string? columns)
    {
        switch (columns?.ToLowerInvariant())
        {
            case null:
            case "only_visible":
                // Omitted means "as configured in the report", which is its visible columns.
                return report.VisibleColumns;
            case "all":
                return report.Columns;
        }
        var asked = columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var column in asked)
        {
            if (!report.Columns.Contains(column, StringComparer.OrdinalIgnoreCase))
                throw ApiException.BadRequest(
                    $"columns: unknown column '{column}' for report {report.Id}. Use all, only_visible or some of: {string.Join(", ", report.Columns)}.");
        }
        return asked.Select(a => report.Columns.First(c => string.Equals(c, a, StringComparison.OrdinalIgnoreCase))).Distinct().ToArray();
    }

    private static string BuildCsv(
        SandboxState state, AnalyticsReportRecord report, IReadOnlyList<string> columns, string? groupBy, DateTime from, DateTime to,
        bool localised)
    {
        var rows = report.Source switch
        {
            ReportSource.SurveyResponses => state.Surveys.Values.SelectMany(s => s.Responses)
                .Where(r => r.SentAt >= from && r.SentAt <= to)
                .OrderBy(r => r.SentAt)
                .Select(r => (At: r.SentAt, Value: (Func<string, string>)(c => SurveyColumn(r, c)))),
            _ => state.Cases.Values
                .Where(c => !c.Deleted && c.CreatedAt >= from && c.CreatedAt <= to)
                .OrderBy(c => c.CreatedAt)
                .Select(c => (At: c.CreatedAt, Value: (Func<string, string>)(col => CaseColumn(c, col)))),
        };

        var csv = new StringBuilder();
        var keys = groupBy is null ? columns : columns.Prepend("period").ToArray();
        var survey = report.Source == ReportSource.SurveyResponses;
        var header = localised ? keys.Select(k => LocalisedReport.Header(k, survey)) : keys;
        csv.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var (at, value) in rows)
        {
            var cells = columns.Select(value);
            if (groupBy is not null) cells = cells.Prepend(Period(at, groupBy));
            if (localised) cells = cells.Zip(keys, (cell, key) => LocalisedReport.Cell(key, cell));
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Period(DateTime at, string groupBy) => groupBy switch
    {
        "h" => at.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture),
        "m" => at.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string CaseColumn(CaseRecord c, string column) => column switch
    {
        "conv_id" => Text(c.Id),
        "conv_number" => Text(c.Number),
        "conv_created" => ApiDate.Format(c.CreatedAt),
        "group_id" => Text(c.GroupId),
        "user_id" => Text(c.UserId),
        "contact_id" => Text(c.ContactId),
        "status" => c.Status,
        "source_channel" => c.SourceChannel,
        "priority" => c.Priority,
        "subject" => c.Subject,
        "tags" => string.Join('|', c.Tags),
        "solved" => c.SolvedAt is not null || c.Status is "solved" or "closed" ? "true" : "false",
        "first_response_minutes" => c.FirstResponse is { } first
            ? Math.Round((decimal)(first - c.CreatedAt).TotalMinutes, 1).ToString("0.0", CultureInfo.InvariantCulture)
            : "",
        _ => "",
    };

    private static string SurveyColumn(SurveyResponseRecord r, string column) => column switch
    {
        "response_id" => Text(r.ResponseId),
        "survey_id" => Text(r.SurveyId),
        "case_id" => Text(r.CaseId),
        "contact_id" => Text(r.ContactId),
        "status" => r.Status,
        "sent_at" => ApiDate.Format(r.SentAt),
        "responded_at" => r.RespondedAt is { } at ? ApiDate.Format(at) : "",
        _ => "",
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
