using System.Net;
using System.Text;
using System.Text.Json;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Analytics exports: examples read; the request is checked on the client; the report download carries no credentials.</summary>
public class AnalyticsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wcx-analytics-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

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
                Columns = new[] { "conv_created", "group_id", "user_id", "status" }, GroupBy = "D",
                From = new DateTime(2024, 1, 1), To = new DateTime(2024, 1, 31),
            }));
        Assert.Equal("{\"columns\":\"only_visible\",\"filter\":{\"date_from\":\"2024-01-01T08:30:00\",\"date_to\":\"2024-02-01\"}}",
            Body(new AnalyticsExportRequest
            {
                Columns = new[] { "ONLY_VISIBLE" },
                From = new DateTime(2024, 1, 1, 8, 30, 0, DateTimeKind.Utc), To = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            }));
    }

    [Fact]
    public void Twelve_months_exactly_is_allowed()
    {
        Assert.Contains("\"date_to\":\"2025-01-01\"", Body(new AnalyticsExportRequest { From = new DateTime(2024, 1, 1), To = new DateTime(2025, 1, 1) }));
        Assert.Contains("\"date_to\":\"2025-01-15T10:00:00\"", Body(new AnalyticsExportRequest { From = new DateTime(2024, 1, 15), To = new DateTime(2025, 1, 15, 10, 0, 0) }));
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
    public void An_unknown_grouping_is_refused_naming_the_allowed_ones() =>
        Assert.Contains("Allowed: d, h, m", Assert.Throws<WcxInputException>(() => AnalyticsService.ValidateRequest(new AnalyticsExportRequest { GroupBy = "week" })).Message);

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
}
