using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using WiseCx.Client;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Services;
using WiseCx.Sandbox;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Analytics exports: examples read; the request is checked on the client; the report download carries no credentials;
/// against the sandbox over HTTP, the live API's ways (EXPORT_NOT_FOUND after the start, ZIP reports, a plain-text
/// answer to the start) and the collection's.
/// </summary>
public class AnalyticsTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wcx-analytics-").FullName;
    private readonly SandboxFixture _sandbox;

    public AnalyticsTests(SandboxFixture sandbox) => _sandbox = sandbox;

    public void Dispose()
    {
        _sandbox.Config.Reset();
        Directory.Delete(_folder, recursive: true);
    }

    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static string Body(AnalyticsExportRequest request) =>
        JsonSerializer.Serialize(AnalyticsService.BuildBody(request), AnalyticsService.BuildBody(request).GetType(), WcxJson.Options);

    [Fact]
    public void Start_example_reads_as_an_export_in_progress()
    {
        var export = WcxJsonReader.ReadObject<AnalyticsExport>(Response(CollectionExamples.ResponseBody("POST", "analytics/export/{{id}}")), "POST", "analytics/export/6541", wrapped: false);
        Assert.Equal("5a97c4b0582d4076a5c4e2a4455666e9", export.ExportId);
        Assert.Equal("processing", export.Status);
        Assert.Equal(0, export.Progress);
        Assert.Null(export.ReportUrl);
        Assert.False(export.IsFinished);
        Assert.Empty(export.AdditionalProperties);
    }

    [Fact]
    public void Status_example_reads_as_a_completed_export_with_its_url()
    {
        var export = WcxJsonReader.ReadObject<AnalyticsExport>(Response(CollectionExamples.ResponseBody("GET", "analytics/export/{{export_id}}/status")), "GET", "x", wrapped: false);
        Assert.Equal("completed", export.Status);
        Assert.Equal(100, export.Progress);
        Assert.StartsWith("https://wc-exported-files.s3-sa-east-1.amazonaws.com/", export.ReportUrl);
        Assert.True(export.IsFinished);
    }

    [Fact]
    public void The_request_body_follows_the_collection()
    {
        Assert.Equal("{}", Body(new AnalyticsExportRequest()));
        Assert.Equal("{\"columns\":\"conv_created,group_id,user_id,status\",\"group_by\":\"d\",\"filter\":{\"date_from\":\"2024-01-01\",\"date_to\":\"2024-01-31\"}}",
            Body(new AnalyticsExportRequest
            {
                Columns = new[] { "conv_created", "group_id", "user_id", "status" },
                GroupBy = "D",
                From = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                To = new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc),
            }));
        Assert.Equal("{\"columns\":\"only_visible\",\"filter\":{\"date_from\":\"2024-01-01T08:30:00\",\"date_to\":\"2024-02-01\"}}",
            Body(new AnalyticsExportRequest
            {
                Columns = new[] { "ONLY_VISIBLE" },
                From = new DateTime(2024, 1, 1, 8, 30, 0, DateTimeKind.Utc),
                To = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            }));
    }

    /// <summary>A UTC date: a date without a kind is local time (as PowerShell compares it), which these tests do not test.</summary>
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Twelve_months_exactly_is_allowed()
    {
        Assert.Contains("\"date_to\":\"2025-01-01\"", Body(new AnalyticsExportRequest { From = Utc(2024, 1, 1), To = Utc(2025, 1, 1) }));
        Assert.Contains("\"date_to\":\"2025-01-15T10:00:00\"", Body(new AnalyticsExportRequest { From = Utc(2024, 1, 15), To = Utc(2025, 1, 15, 10) }));
    }

    [Theory]
    [InlineData("2024-01-01", "2025-01-02", "To", "at most 12 months")]
    [InlineData("2024-02-01", "2024-01-31", "To", "is before -From")]
    [InlineData("2024-02-01", null, "To", "Give -From and -To together")]
    [InlineData(null, "2024-02-01", "From", "Give -From and -To together")]
    public void A_bad_date_range_is_refused(string? from, string? to, string parameter, string message)
    {
        var request = new AnalyticsExportRequest
        {
            From = from is null ? null : DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = to is null ? null : DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        };
        var error = Assert.Throws<WcxInputException>(() => AnalyticsService.ValidateRequest(request));
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(new[] { "all", "status" }, "column sets")]
    [InlineData(new[] { "a,b" }, "holds a comma")]
    [InlineData(new[] { " " }, "is empty")]
    public void Bad_columns_are_refused(string[] columns, string message) =>
        Assert.Contains(message, Assert.Throws<WcxInputException>(() => AnalyticsService.ValidateRequest(new AnalyticsExportRequest { Columns = columns })).Message);

    [Fact]
    public void A_grouping_is_suggested_not_enforced_a_known_one_in_the_api_spelling_another_as_given()
    {
        static object? GroupBySent(string groupBy)
        {
            var body = AnalyticsService.BuildBody(new AnalyticsExportRequest { GroupBy = groupBy });
            return body.GetType().GetProperty("GroupBy")!.GetValue(body);
        }
        Assert.Equal("m", GroupBySent("M"));
        Assert.Equal("week", GroupBySent("week"));
    }

    [Fact]
    public void Start_posts_to_the_report_and_remembers_its_id()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("POST", "analytics/export/{{id}}")));
        using var client = Clients.Stubbed(handler);
        var export = client.Analytics.StartAsync(6541, new AnalyticsExportRequest { GroupBy = "m" }, default).GetAwaiter().GetResult();
        Assert.Equal(6541, export.ReportId);
        Assert.Contains("POST /core/v1/analytics/export/6541", handler.Requests);
        Assert.Throws<WcxInputException>(() => client.Analytics.StartAsync(0, null, default).GetAwaiter().GetResult());
        Assert.Throws<WcxInputException>(() => client.Analytics.GetAsync("../../cases", default).GetAwaiter().GetResult());
    }

    [Fact]
    public void Follow_polls_until_the_export_is_finished()
    {
        var answers = new[] { "{\"export_id\":\"e1\",\"status\":\"processing\",\"progress\":40}", "{\"export_id\":\"e1\",\"status\":\"completed\",\"progress\":100,\"report_url\":\"https://files.example/e1.csv\"}" };
        var handler = new StubHandler((_, n) => StubHandler.Json(HttpStatusCode.OK, answers[Math.Min(n, answers.Length) - 1]));
        using var client = Clients.Stubbed(handler);
        var start = new AnalyticsExport { ExportId = "e1", Status = "pending", Progress = 0, ReportId = 9 };
        var states = client.Analytics.Follow("e1", start, TimeSpan.Zero, default).ToList();
        Assert.Equal(new[] { "pending", "processing", "completed" }, states.Select(s => s.Status));
        Assert.All(states, s => Assert.Equal(9, s.ReportId));
        Assert.Equal(2, handler.Requests.Count(r => r == "GET /core/v1/analytics/export/e1/status"));
    }

    [Fact]
    public void The_download_goes_out_without_any_wiseCX_credentials_and_writes_the_file()
    {
        var api = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        HttpRequestMessage? seen = null;
        var storage = new StubHandler((request, _) =>
        {
            seen = request;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("a,b\n1,2\n") };
        });
        using var client = Clients.Stubbed(api);
        client.Analytics.GetAsync("e1", default).GetAwaiter().GetResult();
        Assert.Contains(api.Messages, m => m.Headers.Authorization != null);
        client.Analytics.DownloadHandlerFactory = () => storage;

        var file = Path.Combine(_folder, "report.csv");
        var saved = client.Analytics.SaveAsync("https://files.example/54af35/e1.csv?X-Amz-Signature=secret", file, expand: false, overwrite: false, default).GetAwaiter().GetResult();

        Assert.Equal(file, saved);
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(file));
        Assert.NotNull(seen);
        Assert.Equal("files.example", seen!.RequestUri!.Host);
        Assert.Null(seen.Headers.Authorization);
        Assert.False(seen.Headers.Contains("x-api-key"));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_overwrite_is_asked()
    {
        var storage = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("new") });
        using var client = Clients.Stubbed(new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}")));
        client.Analytics.DownloadHandlerFactory = () => storage;
        var file = Path.Combine(_folder, "report.csv");
        File.WriteAllText(file, "old");
        var error = Assert.Throws<WcxInputException>(() => client.Analytics.SaveAsync("https://files.example/e1.csv", file, false, false, default).GetAwaiter().GetResult());
        Assert.Contains("-Force", error.Message);
        Assert.Equal("old", File.ReadAllText(file));
        Assert.Empty(storage.Requests);
        client.Analytics.SaveAsync("https://files.example/e1.csv", file, false, true, default).GetAwaiter().GetResult();
        Assert.Equal("new", File.ReadAllText(file));
    }

    [Fact]
    public void A_refused_download_leaves_no_file_and_its_error_holds_no_signature()
    {
        var storage = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<Error>AccessDenied</Error>") });
        using var client = Clients.Stubbed(new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}")));
        client.Analytics.DownloadHandlerFactory = () => storage;
        var error = Assert.Throws<WcxApiException>(() => client.Analytics.SaveAsync(
            "https://files.example/e1.csv?X-Amz-Signature=secret", Path.Combine(_folder, "r.csv"), false, false, default).GetAwaiter().GetResult());
        Assert.Equal(403, error.StatusCode);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Contains("https://files.example/e1.csv", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(null, "not completed")]
    [InlineData("files/e1.csv", "not an absolute URL")]
    [InlineData("http://files.example/e1.csv", "must use https")]
    [InlineData("ftp://files.example/e1.csv", "must use https")]
    public void Only_https_or_loopback_report_urls_are_downloaded(string? url, string message) =>
        Assert.Contains(message, Assert.Throws<WcxInputException>(() => AnalyticsService.RequireReportUrl(url)).Message);

    [Fact]
    public void Plain_http_is_allowed_on_loopback_for_the_sandbox() =>
        Assert.Equal("127.0.0.1", AnalyticsService.RequireReportUrl("http://127.0.0.1:5000/_storage/e1.csv").Host);

    // ---- Against the sandbox: the live API's ways as switches, the collection's by default ----

    /// <summary>Exports complete at their first status request; the live switches as given.</summary>
    private void Configure(int notFoundPolls = 0, string format = "csv", bool plainText = false) =>
        _sandbox.Config.Update(c => c with
        {
            ExportStepMilliseconds = 0,
            ExportNotFoundPolls = notFoundPolls,
            ExportReportFormat = format,
            ExportPlainTextAnswer = plainText,
        });

    /// <summary>The requests the sandbox logs from now on (API and storage host alike).</summary>
    private Func<List<RequestLogEntry>> LogFromNow()
    {
        var mark = _sandbox.Log.Snapshot().Select(e => e.Seq).DefaultIfEmpty(0).Max();
        return () => _sandbox.Log.Snapshot().Where(e => e.Seq > mark).ToList();
    }

    private static int Count(List<RequestLogEntry> log, string method, string pathSuffix) =>
        log.Count(e => e.Method == method && e.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    private static AnalyticsExport Completed(WcxClient client, long reportId = 6541) =>
        client.Analytics.Follow(client.Analytics.StartAsync(reportId, null, default).GetAwaiter().GetResult().ExportId,
            null, TimeSpan.Zero, TimeSpan.FromSeconds(60), null, default).Last();

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Waiting_polls_through_EXPORT_NOT_FOUND_until_the_export_appears(int notFoundPolls)
    {
        Configure(notFoundPolls);
        using var client = _sandbox.Connect();
        var log = LogFromNow();
        var start = client.Analytics.StartAsync(6541, null, default).GetAwaiter().GetResult();
        Assert.Equal("pending", start.Status);
        var waited = new List<TimeSpan>();

        var states = client.Analytics.Follow(start.ExportId, start, TimeSpan.Zero, TimeSpan.FromSeconds(60), waited.Add, default).ToList();

        Assert.Equal(new[] { "pending", "completed" }, states.Select(s => s.Status));
        Assert.Equal(6541, states[^1].ReportId);
        Assert.Equal(notFoundPolls, waited.Count);
        var requests = log();
        Assert.Equal(1, Count(requests, "POST", "/analytics/export/6541"));
        Assert.Equal(notFoundPolls + 1, Count(requests, "GET", "/analytics/export/" + start.ExportId + "/status"));
        Assert.Equal(notFoundPolls, requests.Count(e => e.Status == 404));
    }

    [Fact]
    public void An_export_that_never_appears_ends_the_wait_with_its_own_error()
    {
        Configure(notFoundPolls: 1000);
        using var client = _sandbox.Connect();
        var log = LogFromNow();
        var start = client.Analytics.StartAsync(6541, null, default).GetAwaiter().GetResult();

        // No tolerance: the first "not found" ends the wait.
        var error = Assert.Throws<WcxExportNotFoundException>(() =>
            client.Analytics.Follow(start.ExportId, start, TimeSpan.Zero, TimeSpan.Zero, null, default).ToList());
        Assert.Equal(start.ExportId, error.ExportId);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("was still not found", error.Message);
        Assert.Equal(1, Count(log(), "GET", "/status"));

        // A short tolerance: polled again, then the same error.
        Assert.Throws<WcxExportNotFoundException>(() =>
            client.Analytics.Follow(start.ExportId, null, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), null, default).ToList());
        Assert.True(Count(log(), "GET", "/status") >= 3);
        Assert.Equal(1, Count(log(), "POST", "/analytics/export/6541"));
    }

    [Fact]
    public void Not_found_is_tolerated_only_before_the_export_appears_and_a_400_only_when_it_says_not_found()
    {
        var vanishing = new StubHandler((_, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.OK, "{\"export_id\":\"e1\",\"status\":\"processing\",\"progress\":20}")
            : StubHandler.Json(HttpStatusCode.NotFound, "{\"error\":\"EXPORT_NOT_FOUND\"}"));
        using (var client = Clients.Stubbed(vanishing))
        {
            Assert.Throws<WcxNotFoundException>(() => client.Analytics.Follow("e1", null, TimeSpan.Zero, TimeSpan.FromSeconds(60), null, default).ToList());
            Assert.Equal(2, vanishing.Requests.Count(r => r.EndsWith("/status", StringComparison.Ordinal)));
        }

        var saysNotFound = new StubHandler((_, n) => n == 1
            ? StubHandler.Json(HttpStatusCode.BadRequest, "{\"message\":\"Export not found\"}")
            : StubHandler.Json(HttpStatusCode.OK, "{\"export_id\":\"e1\",\"status\":\"completed\",\"progress\":100,\"report_url\":\"https://files.example/e1.zip\"}"));
        using (var client = Clients.Stubbed(saysNotFound))
            Assert.Equal("completed", client.Analytics.Follow("e1", null, TimeSpan.Zero, TimeSpan.FromSeconds(60), null, default).Last().Status);

        var refuses = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, "{\"message\":\"Invalid export id\"}"));
        using (var client = Clients.Stubbed(refuses))
        {
            Assert.Throws<WcxBadRequestException>(() => client.Analytics.Follow("e1", null, TimeSpan.Zero, TimeSpan.FromSeconds(60), null, default).ToList());
            Assert.Single(refuses.Requests, r => r.EndsWith("/status", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_plain_text_answer_to_the_start_is_its_own_error_quoting_the_text_after_exactly_one_POST()
    {
        Configure(plainText: true);
        using var client = _sandbox.Connect();
        var log = LogFromNow();

        var error = Assert.Throws<WcxExportIdMissingException>(() => client.Analytics.StartAsync(6541, null, default).GetAwaiter().GetResult());

        Assert.Equal("Export request received", error.Answer);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(6541, error.ReportId);
        Assert.Contains("\"Export request received\"", error.Message);
        var requests = log();
        Assert.Equal(1, Count(requests, "POST", "/analytics/export/6541"));
        Assert.DoesNotContain(requests, e => e.Path.EndsWith("/status", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_to_the_start_cut_off_in_transit_stays_outcome_unknown()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"export_id\":\"5a97c4b0"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<WcxWriteOutcomeUnknownException>(() => client.Analytics.StartAsync(6541, null, default).GetAwaiter().GetResult());
        Assert.Single(handler.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ZIP_report_is_saved_as_a_zip_under_its_own_name_or_expanded_into_its_CSV()
    {
        Configure(format: "zip");
        using var client = _sandbox.Connect();
        var export = Completed(client);
        Assert.EndsWith("/" + export.ExportId + ".zip", export.ReportUrl);
        var log = LogFromNow();

        var zip = client.Analytics.SaveAsync(export.ReportUrl!, _folder, expand: false, overwrite: false, default).GetAwaiter().GetResult();
        Assert.Equal(Path.Combine(_folder, export.ExportId + ".zip"), zip);
        using (var archive = ZipFile.OpenRead(zip))
            Assert.Equal(export.ExportId + ".csv", Assert.Single(archive.Entries).FullName);

        var expanded = client.Analytics.SaveAsync(export.ReportUrl!, _folder, expand: true, overwrite: false, default).GetAwaiter().GetResult();
        Assert.Equal(Path.Combine(_folder, export.ExportId + ".csv"), expanded);
        Assert.StartsWith("ID: #,", File.ReadLines(expanded).First().TrimStart('\uFEFF'));

        // Asked for a .csv file, the CSV is what lands there.
        var named = client.Analytics.SaveAsync(export.ReportUrl!, Path.Combine(_folder, "report.csv"), false, false, default).GetAwaiter().GetResult();
        Assert.Equal(File.ReadAllBytes(expanded), File.ReadAllBytes(named));

        Assert.Equal(new[] { export.ExportId + ".csv", export.ExportId + ".zip", "report.csv" }, Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
        var storage = log();
        Assert.Equal(3, storage.Count);
        Assert.All(storage, e => Assert.False(e.HadAuthorization));
    }

    [Fact]
    public void A_CSV_report_is_saved_as_it_is_with_or_without_expand()
    {
        Configure(format: "csv");
        using var client = _sandbox.Connect();
        var export = Completed(client);
        Assert.EndsWith("/" + export.ExportId + ".csv", export.ReportUrl);

        var saved = client.Analytics.SaveAsync(export.ReportUrl!, _folder, expand: true, overwrite: false, default).GetAwaiter().GetResult();

        Assert.Equal(Path.Combine(_folder, export.ExportId + ".csv"), saved);
        Assert.StartsWith("conv_id,", File.ReadLines(saved).First().TrimStart('\uFEFF'));
        var error = Assert.Throws<WcxInputException>(() => client.Analytics.SaveAsync(export.ReportUrl!, _folder, false, false, default).GetAwaiter().GetResult());
        Assert.Contains("-Force", error.Message);
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("csv")]
    public void The_rows_of_a_report_read_the_same_from_the_download_and_from_the_saved_file(string format)
    {
        Configure(format: format);
        using var client = _sandbox.Connect();
        var export = Completed(client);
        var saved = client.Analytics.SaveAsync(export.ReportUrl!, _folder, false, false, default).GetAwaiter().GetResult();
        Assert.EndsWith("." + format, saved);

        var downloaded = client.Analytics.ReadReport(export.ReportUrl!, noDataAsNull: false, default).ToList();
        var fromFile = AnalyticsService.ReadSavedReport(saved, noDataAsNull: false).ToList();

        Assert.NotEmpty(downloaded);
        Assert.Equal(downloaded.Select(r => string.Join("|", r.Select(c => c.Key + "=" + c.Value))),
                     fromFile.Select(r => string.Join("|", r.Select(c => c.Key + "=" + c.Value))));
        Assert.Single(Directory.GetFiles(_folder));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "wcx-*.partial"));
    }

    [Fact]
    public void A_live_report_keeps_its_localised_headers_and_its_no_data_cells_read_as_null_when_asked()
    {
        Configure(format: "zip");
        using var client = _sandbox.Connect();
        var export = Completed(client);

        var rows = client.Analytics.ReadReport(export.ReportUrl!, noDataAsNull: false, default).ToList();
        var nulls = client.Analytics.ReadReport(export.ReportUrl!, noDataAsNull: true, default).ToList();

        Assert.Equal(new[] { "ID: #", "Caso: Fecha de creación", "Grupo: ID", "Agente: ID", "Caso: Estado", "Caso: Resuelta", "Caso: Tiempo de primera respuesta (min)" },
            rows[0].Select(c => c.Key));
        Assert.All(rows, r => Assert.Contains(r.Single(c => c.Key == "Caso: Resuelta").Value, new[] { "Sí", "No" }));
        var minutes = rows.Select(r => r.Single(c => c.Key == "Caso: Tiempo de primera respuesta (min)").Value).ToList();
        Assert.Contains(AnalyticsReportReader.NoData, minutes);
        Assert.Contains(minutes, m => m != null && System.Text.RegularExpressions.Regex.IsMatch(m, @"^\d+,\d$"));
        var nullMinutes = nulls.Select(r => r.Single(c => c.Key == "Caso: Tiempo de primera respuesta (min)").Value).ToList();
        Assert.Equal(minutes.Select(m => m == AnalyticsReportReader.NoData ? null : m), nullMinutes);
    }

    // ---- The report reader on its own ----

    private static List<string> Read(string text, bool noDataAsNull = false) =>
        AnalyticsReportReader.Rows(new StringReader(text), noDataAsNull)
            .Select(r => string.Join("|", r.Select(c => c.Key + "=" + (c.Value ?? "<null>")))).ToList();

    [Fact]
    public void The_reader_takes_quoted_cells_as_spreadsheet_programs_write_them()
    {
        Assert.Equal(new[] { "ID: #=1|Caso: Asunto=Hola, \"amigo\"\nsegunda línea|Valor=12,5" },
            Read("ID: #,Caso: Asunto,Valor\r\n1,\"Hola, \"\"amigo\"\"\nsegunda línea\",\"12,5\"\r\n"));
        Assert.Equal(new[] { "a=1|b=2", "a=3|b=4" }, Read("a,b\n1,2\n\n3,4"));
        Assert.Equal(new[] { "a=1|b=2" }, Read("a,b\r1,2\r"));
    }

    [Fact]
    public void The_reader_names_empty_and_repeated_headers_and_pads_short_rows()
    {
        Assert.Equal(new[] { "ID=1|Column 2=2|ID (2)=3|id (3)=<null>" }, Read("ID,,ID,id\n1,2,3\n"));
        Assert.Equal(new[] { "a=1|b=2" }, Read("a,b\n1,2,3\n"));
    }

    [Fact]
    public void S_D_is_null_only_when_asked_and_only_exactly()
    {
        Assert.Equal(new[] { "a=S/D|b=s/d|c=" }, Read("a,b,c\nS/D,s/d,\n"));
        Assert.Equal(new[] { "a=<null>|b=s/d|c=" }, Read("a,b,c\nS/D,s/d,\n", noDataAsNull: true));
    }

    [Fact]
    public void A_file_is_read_with_or_without_a_byte_order_mark_and_a_ZIP_through_its_CSV_entry()
    {
        var withBom = Path.Combine(_folder, "bom.csv");
        File.WriteAllBytes(withBom, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("ID: #,Caso: Resuelta\r\n7,Sí\r\n")]);
        var plain = Path.Combine(_folder, "plain.csv");
        File.WriteAllText(plain, "ID: #,Caso: Resuelta\n7,Sí\n", new UTF8Encoding(false));
        var zip = Path.Combine(_folder, "report.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var notes = new StreamWriter(archive.CreateEntry("LEEME.txt").Open()))
                notes.Write("not the report");
            archive.CreateEntryFromFile(withBom, "abc.csv");
        }
        var expected = new[] { "ID: #=7|Caso: Resuelta=Sí" };
        foreach (var file in new[] { withBom, plain, zip })
            Assert.Equal(expected, AnalyticsService.ReadSavedReport(file, false).Select(r => string.Join("|", r.Select(c => c.Key + "=" + c.Value))));

        var empty = Path.Combine(_folder, "empty.zip");
        using (ZipFile.Open(empty, ZipArchiveMode.Create)) { }
        Assert.Contains("without a CSV", Assert.Throws<WcxInputException>(() => AnalyticsService.ReadSavedReport(empty, false).ToList()).Message);
        Assert.Equal("Path", Assert.Throws<WcxInputException>(() => AnalyticsService.ReadSavedReport(Path.Combine(_folder, "none.csv"), false)).ParameterName);
    }

    [Fact]
    public void The_sandbox_refuses_an_unknown_report_format_and_reset_restores_the_start_up_profile()
    {
        using var http = new HttpClient();
        var root = new Uri(_sandbox.BaseUri, "/_sandbox/config");
        var refused = http.PutAsync(root, new StringContent("{\"exportReportFormat\":\"tar\"}", Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var set = http.PutAsync(root, new StringContent("{\"exportReportFormat\":\"ZIP\",\"exportNotFoundPolls\":2,\"exportPlainTextAnswer\":true}", Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(("zip", 2, true), (_sandbox.Config.Current.ExportReportFormat, _sandbox.Config.Current.ExportNotFoundPolls, _sandbox.Config.Current.ExportPlainTextAnswer));
        _sandbox.Config.Reset();
        var startUp = SandboxProfiles.Apply(new SandboxConfig(), SandboxProfiles.Default);
        Assert.Equal((startUp.ExportReportFormat, startUp.ExportNotFoundPolls, false),
            (_sandbox.Config.Current.ExportReportFormat, _sandbox.Config.Current.ExportNotFoundPolls, _sandbox.Config.Current.ExportPlainTextAnswer));
    }

    [Theory]
    [InlineData("live", "zip", 2)]
    [InlineData("collection", "csv", 0)]
    public void A_profile_brings_its_export_behaviours_and_turns_the_plain_text_switch_off(string profile, string format, int notFoundPolls)
    {
        var other = profile == "live" ? "collection" : "live";
        _sandbox.Config.Update(c => SandboxProfiles.Apply(c, other) with { ExportPlainTextAnswer = true });
        var applied = _sandbox.Config.Update(c => SandboxProfiles.Apply(c, profile));
        Assert.Equal((format, notFoundPolls, false), (applied.ExportReportFormat, applied.ExportNotFoundPolls, applied.ExportPlainTextAnswer));
    }
}
