using System.Net;
using System.Text;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>The models read the collection's own example bodies, loaded from the collection file.</summary>
public class ModelTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    [Fact]
    public void Case_list_example_reads_as_cases_with_local_dates()
    {
        var page = WcxJsonReader.ReadPage<Case>(Response(CollectionExamples.ResponseBody("GET", "cases")), "GET", "cases");
        Assert.Equal(3, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal(1273952, first.Id);
        Assert.Equal(1234, first.GroupId);
        Assert.Equal(0, first.UserId);
        Assert.Equal("Caso desde api 1", first.Subject);
        Assert.Equal(new DateTime(2020, 1, 28, 18, 48, 38, DateTimeKind.Utc), first.CreatedAt?.ToUniversalTime());
        Assert.Equal(DateTimeKind.Local, first.CreatedAt!.Value.Kind);
        Assert.Null(page.TotalPages);
    }

    [Fact]
    public void Case_by_id_example_reads_bare()
    {
        var item = WcxJsonReader.ReadObject<Case>(Response(CollectionExamples.ResponseBody("GET", "cases/{{id}}")), "GET", "cases/1", wrapped: false);
        Assert.Equal(1273906, item.Id);
        Assert.Equal(6486, item.GroupId);
        Assert.Equal("Nuevo Caso desde API", item.Subject);
        Assert.Empty(item.AdditionalProperties);
    }

    [Theory]
    [InlineData("POST", "cases", 12345454, 1, 87654)]
    [InlineData("PUT", "cases/{{id}}", 1273934, 2, 6579207)]
    public void Case_write_examples_read_as_write_results(string method, string path, long caseId, int activities, long contact)
    {
        var result = WcxJsonReader.Read<CaseWriteResult>(Response(CollectionExamples.ResponseBody(method, path)), method, path);
        Assert.Equal(caseId, result.CaseId);
        Assert.Equal(activities, result.Activities.Length);
        Assert.Contains(contact, result.Activities.SelectMany(a => a.ContactsIds));
    }

    [Fact]
    public void Delete_example_is_an_acknowledgement_message()
    {
        Assert.Equal("Case removed.", ResponseReading.ApiMessageOf(Encoding.UTF8.GetBytes(CollectionExamples.ResponseBody("DELETE", "cases/{{id}}"))));
    }

    [Fact]
    public void Fields_the_model_does_not_know_are_kept_as_plain_values()
    {
        var body = "{\"id\":1,\"subject\":\"x\",\"sla_policy\":{\"name\":\"gold\",\"hours\":4},\"labels\":[\"a\",2],\"score\":1.5,\"flag\":true}";
        var item = WcxJsonReader.ReadObject<Case>(Response(body), "GET", "cases/1", wrapped: false);
        Assert.Equal(new object?[] { "a", 2L }, (IEnumerable<object?>)item.AdditionalProperties["labels"]!);
        Assert.Equal(1.5, item.AdditionalProperties["score"]);
        Assert.Equal(true, item.AdditionalProperties["flag"]);
        var policy = (IDictionary<string, object?>)item.AdditionalProperties["sla_policy"]!;
        Assert.Equal("gold", policy["name"]);
        Assert.Equal(4L, policy["hours"]);
    }

    [Fact]
    public void A_live_users_name_full_name_and_queue_ids_are_its_own_properties_not_extra_fields()
    {
        // api/NOTES.md F10: the live API's user items carry name, full_name and queues_ids besides the documented fields.
        var body = "{\"data\":[{\"id\":10,\"user_name\":\"juan.perez@acme.example\",\"nick\":\"Juan\",\"first_name\":\"Juan\",\"last_name\":\"Pérez\"," +
                   "\"is_bot\":false,\"created_at\":\"2018-06-04 13:02:00\",\"last_login\":\"2026-11-26 11:38:57\",\"queues\":[{\"id\":53,\"name\":\"Soporte\",\"auto_assign\":true}]," +
                   "\"name\":\"Juan\",\"full_name\":\"Juan Pérez\",\"queues_ids\":[53,\"59\"]}]}";
        var user = WcxJsonReader.ReadPage<User>(Response(body), "GET", "users").Items.Single();
        Assert.Equal("Juan", user.Name);
        Assert.Equal("Juan Pérez", user.FullName);
        Assert.Equal(new long[] { 53, 59 }, user.QueuesIds!);
        Assert.Equal("53;59", user.QueuesIds!.ToString());
        Assert.Empty(user.AdditionalProperties);
        // The documented shape (the collection's example) has none of the three: they stay null, nothing else changes.
        var documented = WcxJsonReader.ReadPage<User>(Response(CollectionExamples.ResponseBody("GET", "users")), "GET", "users").Items[0];
        Assert.Null(documented.Name);
        Assert.Null(documented.FullName);
        Assert.Null(documented.QueuesIds);
        Assert.Empty(documented.AdditionalProperties);
    }

    [Theory]
    [InlineData("\"2020-01-28 18:48:38\"", "2020-01-28T18:48:38Z")]
    [InlineData("\"2021-11-04T12:30:00Z\"", "2021-11-04T12:30:00Z")]
    [InlineData("\"2021-11-04T09:30:00-03:00\"", "2021-11-04T12:30:00Z")]
    [InlineData("\"1900-01-01T00:00:00\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    public void Every_date_form_of_the_api_reads_as_the_local_time_of_its_moment_or_never(string json, string? expected)
    {
        var item = WcxJsonReader.ReadObject<Case>(Response("{\"id\":1,\"due_at\":" + json + "}"), "GET", "cases/1", wrapped: false);
        if (expected is null)
            Assert.Null(item.DueAt);
        else
        {
            Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), item.DueAt!.Value.ToUniversalTime());
            Assert.Equal(DateTimeKind.Local, item.DueAt.Value.Kind);
        }
    }

    [Fact]
    public void Numbers_sent_as_strings_are_read()
    {
        var item = WcxJsonReader.ReadObject<Case>(Response("{\"id\":\"414\",\"group_id\":\"53\"}"), "GET", "cases/1", wrapped: false);
        Assert.Equal(414, item.Id);
        Assert.Equal(53, item.GroupId);
    }

    [Fact]
    public void Requests_are_written_in_snake_case_without_nulls_and_with_api_dates()
    {
        var request = new CaseUpdateRequest
        {
            Status = "solved",
            DueAt = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc),
            CustomFields = new() { new CustomField("order", "A-1") },
            Activities = new() { new ActivityInput { Type = "user_reply", UserId = 5, Content = "x", ContactsTo = new() { new ContactInput { PersonalId = "9" } } } },
        };
        var json = System.Text.Json.JsonSerializer.Serialize(request, WcxJson.Options);
        Assert.Equal(
            "{\"status\":\"solved\",\"due_at\":\"2026-03-01 10:00:00\",\"custom_fields\":[{\"field\":\"order\",\"value\":\"A-1\"}]," +
            "\"activities\":[{\"type\":\"user_reply\",\"user_id\":5,\"content\":\"x\",\"contacts_to\":[{\"personal_id\":\"9\"}]}]}",
            json);
    }

    [Fact]
    public void Authenticate_example_has_a_token()
    {
        Assert.Contains("\"token\"", CollectionExamples.ResponseBody("GET", "authenticate"));
    }
}
