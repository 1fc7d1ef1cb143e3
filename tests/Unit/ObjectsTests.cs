using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using WiseCx.Client.Http;
using WiseCx.Client.Json;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The objects as PowerShell users handle them: local dates (compared here through TimeZoneInfo, so that they hold in
/// any zone the tests run in; tests/Pester/Objects.Tests.ps1 runs the PowerShell idioms under zones that are not UTC),
/// list and extra-field properties that read as their items, and a contact's password out of every property.
/// </summary>
public class ObjectsTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static T Read<T>(string body) => WcxJsonReader.ReadObject<T>(Response(body), "GET", "x", wrapped: false);

    [Fact]
    public void An_api_date_reads_as_the_local_time_of_its_utc_moment_and_is_sent_back_as_that_moment()
    {
        var item = Read<Case>("{\"id\":1,\"created_at\":\"2026-03-01 12:00:00\"}");
        var utc = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(DateTimeKind.Local, item.CreatedAt!.Value.Kind);
        Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.Local), item.CreatedAt.Value);
        Assert.Equal("2026-03-01 12:00:00", WcxJson.FormatDate(item.CreatedAt.Value));
    }

    [Fact]
    public void A_date_without_a_time_of_day_stays_its_calendar_day()
    {
        var item = Read<Case>("{\"id\":1,\"due_at\":\"2026-03-01\"}");
        Assert.Equal(DateTimeKind.Local, item.DueAt!.Value.Kind);
        Assert.Equal(new DateTime(2026, 3, 1), item.DueAt.Value);
    }

    [Fact]
    public void A_date_given_without_a_kind_is_local_time_as_powershell_compares_it()
    {
        // [datetime]'2026-03-01 10:00' and Get-Date '…' are unspecified; Where-Object compares them with the local dates.
        var typed = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Unspecified);
        var expected = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(typed, DateTimeKind.Local), TimeZoneInfo.Local);
        Assert.Equal(expected.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), WcxJson.FormatDate(typed));
        // And a date read from the API is the same moment whichever way it comes back.
        var read = Read<Case>("{\"id\":1,\"created_at\":\"2026-03-01 10:00:00\"}").CreatedAt!.Value;
        Assert.Equal(DateTimeKind.Local, read.Kind);
        Assert.Equal("2026-03-01 10:00:00", WcxJson.FormatDate(DateTime.SpecifyKind(read, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Webhook_events_and_sessions_carry_local_dates_too()
    {
        var received = WebhookReader.Read("{\"event\":\"survey\",\"case_id\":7}").Single().ReceivedAt;
        Assert.Equal(DateTimeKind.Local, received.Kind);
        Assert.True((DateTime.UtcNow - received.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(1));

        var expires = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var session = new WcxSession(new SessionState(expires));
        Assert.Equal(DateTimeKind.Local, session.TokenExpiresAt!.Value.Kind);
        Assert.Equal(expires, session.TokenExpiresAt.Value.ToUniversalTime());
    }

    [Fact]
    public void List_properties_read_as_their_items_joined_with_semicolons_and_stay_lists()
    {
        var item = Read<Case>("{\"id\":1,\"tags\":[\"vip\",\"billing\"],\"custom_fields\":[{\"field\":\"region\",\"value\":\"north\"},{\"field\":\"tier\",\"value\":\"gold\"}]}");
        Assert.Equal("vip;billing", item.Tags!.ToString());
        Assert.Equal("region=north;tier=gold", item.CustomFields!.ToString());
        Assert.Equal("billing", item.Tags[1]);
        Assert.Contains("vip", item.Tags);
        Assert.Equal(2, item.Tags.Length);
        // Serialized, they are still JSON arrays.
        Assert.Contains("\"tags\":[\"vip\",\"billing\"]", JsonSerializer.Serialize(item, WcxJson.Options));
    }

    [Fact]
    public void Extra_fields_read_as_name_value_pairs_not_as_a_type_name()
    {
        var item = Read<Case>("{\"id\":1,\"shard\":\"eu-2\",\"labels\":[\"a\",2],\"origin\":{\"app\":\"crm\",\"v\":2}}");
        Assert.Equal("shard=eu-2;labels=[a;2];origin={app=crm;v=2}", item.AdditionalProperties.ToString());
        Assert.Equal("a;2", item.AdditionalProperties["labels"]!.ToString());
        Assert.Equal("app=crm;v=2", item.AdditionalProperties["origin"]!.ToString());
    }

    [Fact]
    public void A_contacts_password_is_in_no_property_nor_among_its_extra_fields()
    {
        var contact = Read<Contact>("{\"id\":5,\"email\":\"ana@example.com\",\"password\":\"s3cret-Pw\",\"shard\":\"eu\"}");
        Assert.False(contact.AdditionalProperties.ContainsKey("password"));
        Assert.Equal("eu", contact.AdditionalProperties["shard"]);
        Assert.DoesNotContain("s3cret-Pw", JsonSerializer.Serialize(contact));
        Assert.DoesNotContain("s3cret-Pw", JsonSerializer.Serialize(contact, WcxJson.Options));
    }

    private sealed class SessionState(DateTime expires) : IWcxSessionState
    {
        public string User => "u";
        public Uri BaseUri => new("https://example.invalid/core/v1/");
        public DateTime? TokenExpiresAt => expires;
        public bool IsConnected => true;
        public long RequestCount => 0;
        public int RequestsThisMinute => 0;
        public long RequestsToday => 0;
        public int RequestsPerMinute => 60;
        public long DailyRequestLimit => 1000;
        public string? RateLimitStore => null;
        public string? RateLimitStoreStatus => null;
    }
}
