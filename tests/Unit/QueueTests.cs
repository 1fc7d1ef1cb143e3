using System.Net;
using System.Text;
using System.Text.Json;
using WiseCx.Client.Http;
using WiseCx.Client.Json;
using WiseCx.Client.Paging;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Service groups: the collection's examples read into the models; bulk calls batch; bad input never reaches the network.</summary>
public class QueueTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static List<string> ApiRequests(StubHandler h) => h.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    [Fact]
    public void Queue_list_example_reads_with_camelCase_business_hours_and_users()
    {
        var page = WcxJsonReader.ReadPage<Queue>(Response(CollectionExamples.ResponseBody("GET", "queues")), "GET", "queues");
        Assert.Equal(2, page.Items.Count);
        var soporte = page.Items[0];
        Assert.Equal(53, soporte.Id);
        Assert.Equal(53, soporte.QueueId);
        Assert.Equal("Soporte", soporte.Name);
        Assert.Empty(soporte.AdditionalProperties);
        Assert.Equal("Argentina Standard Time", soporte.BusinessHours!.Timezone!.Name);
        Assert.Equal("-03:00", soporte.BusinessHours.Timezone.Offset);
        Assert.Equal(7, soporte.BusinessHours.Schedules!.Length);
        var monday = soporte.BusinessHours.Schedules[1];
        Assert.Equal(1, monday.Day);
        Assert.Equal("monday", monday.Name);
        Assert.True(monday.IsOpen);
        Assert.False(monday.SpecialDate);
        Assert.Null(monday.Date);
        Assert.Empty(monday.AdditionalProperties);
        Assert.Equal("08:00", monday.Hours!.Single().From);
        Assert.Equal("17:00", monday.Hours!.Single().To);
        Assert.False(soporte.BusinessHours.Schedules[0].IsOpen);
        Assert.Equal(new long[] { 10, 11 }, soporte.Users!.Select(u => u.Id));
        Assert.Equal(new long[] { 10, 11 }, soporte.Users!.Select(u => u.UserId));
        Assert.Equal("Juan Pérez", soporte.Users![0].Name);
        Assert.True(soporte.Users[0].AutoAssign);
        Assert.False(soporte.Users[1].AutoAssign);
        Assert.Empty(page.Items[1].Users!);
    }

    [Fact]
    public void Queue_by_id_example_reads_wrapped()
    {
        var queue = WcxJsonReader.ReadObject<Queue>(Response(CollectionExamples.ResponseBody("GET", "queues/{{id}}")), "GET", "queues/53", wrapped: true);
        Assert.Equal(53, queue.Id);
        Assert.Equal("Soporte", queue.Name);
        Assert.Equal(7, queue.BusinessHours!.Schedules!.Length);
        Assert.Equal(2, queue.Users!.Length);
        Assert.Empty(queue.AdditionalProperties);
    }

    [Fact]
    public void A_special_date_reads_as_a_date()
    {
        var body = "{\"data\":{\"id\":1,\"businessHours\":{\"schedules\":[{\"day\":3,\"name\":\"wednesday\",\"isOpen\":false,\"specialDate\":true,\"date\":\"2024-12-25\",\"hours\":[]}]}}}";
        var day = WcxJsonReader.ReadObject<Queue>(Response(body), "GET", "queues/1", wrapped: true).BusinessHours!.Schedules!.Single();
        Assert.True(day.SpecialDate);
        Assert.Equal(new DateTime(2024, 12, 25), day.Date);
    }

    [Fact]
    public void Create_reads_the_new_id_from_the_collection_answer_and_sends_name_and_users()
    {
        string? sent = null;
        var handler = new StubHandler((request, _) =>
        {
            sent = request.Content!.ReadAsStringAsync().Result;
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("POST", "queues"));
        });
        using var client = Clients.Stubbed(handler);
        var id = client.Queues.CreateAsync(new QueueCreateRequest
        {
            Name = "  Support ",
            Users = new() { new QueueAssignment(10, true), new QueueAssignment(11, false), new QueueAssignment(10, true) },
        }, default).GetAwaiter().GetResult();
        Assert.Equal(154, id);
        Assert.Equal("{\"name\":\"Support\",\"users\":[{\"id\":10,\"auto_assign\":true},{\"id\":11,\"auto_assign\":false}]}", sent);
        Assert.Equal(new[] { "POST /core/v1/queues" }, ApiRequests(handler));
    }

    [Theory]
    [InlineData("", "Name is required.")]
    [InlineData("   ", "Name is required.")]
    [InlineData("123456789012345678901234567890123456789012345678901", "at most 50 characters")]
    public void Create_refuses_a_bad_name_before_any_request(string name, string message)
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxInputException>(() => client.Queues.CreateAsync(new QueueCreateRequest { Name = name }, default).GetAwaiter().GetResult());
        Assert.Contains(message, error.Message);
        Assert.Equal("Name", error.ParameterName);
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void A_user_given_with_and_without_auto_assign_is_refused()
    {
        var error = Assert.Throws<WcxInputException>(() => QueueService.ValidateCreate(new QueueCreateRequest
        {
            Name = "x", Users = new() { new QueueAssignment(10, true), new QueueAssignment(10, false) },
        }));
        Assert.Contains("user 10 is given twice", error.Message);
    }

    [Fact]
    public void Adding_users_sends_one_put_with_the_array_and_reads_the_summary()
    {
        string? sent = null;
        var handler = new StubHandler((request, _) =>
        {
            sent = request.Content!.ReadAsStringAsync().Result;
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("PUT", "queues/{{id}}/users"));
        });
        using var client = Clients.Stubbed(handler);
        var summary = client.Queues.AddUsersAsync(53, new[] { new QueueAssignment(10, true), new QueueAssignment(11, false) }, default).GetAwaiter().GetResult();
        Assert.Equal("[{\"id\":10,\"auto_assign\":true},{\"id\":11,\"auto_assign\":false}]", sent);
        Assert.Equal(new[] { "PUT /core/v1/queues/53/users" }, ApiRequests(handler));
        Assert.Equal(53, summary.QueueId);
        Assert.Null(summary.UserId);
        Assert.Equal((1, 1, 0), (summary.Added, summary.Updated, summary.Unchanged));
    }

    [Fact]
    public void More_than_500_users_are_split_into_batches_whose_summaries_are_summed()
    {
        var sizes = new List<int>();
        var handler = new StubHandler((request, _) =>
        {
            using var doc = JsonDocument.Parse(request.Content!.ReadAsStringAsync().Result);
            var count = doc.RootElement.GetArrayLength();
            sizes.Add(count);
            return StubHandler.Json(HttpStatusCode.OK, "{\"data\":{\"added\":" + count + ",\"updated\":0,\"unchanged\":1}}");
        });
        using var client = Clients.Stubbed(handler);
        var users = Enumerable.Range(1, 1201).Select(i => new QueueAssignment(i, false));
        var summary = client.Queues.AddUsersAsync(7, users, default).GetAwaiter().GetResult();
        Assert.Equal(new[] { 500, 500, 201 }, sizes);
        Assert.Equal(1201, summary.Added);
        Assert.Equal(3, summary.Unchanged);
    }

    [Fact]
    public void Removing_one_user_uses_the_single_delete_answered_204()
    {
        var handler = new StubHandler((request, _) =>
        {
            Assert.Null(request.Content);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        using var client = Clients.Stubbed(handler);
        var result = client.Queues.RemoveUsersAsync(53, new long[] { 10, 10 }, default).GetAwaiter().GetResult();
        Assert.Equal(new[] { "DELETE /core/v1/queues/53/users/10" }, ApiRequests(handler));
        Assert.Equal(1, result.Removed);
    }

    [Fact]
    public void Removing_several_users_uses_the_bulk_delete_with_ids()
    {
        string? sent = null;
        var handler = new StubHandler((request, _) =>
        {
            sent = request.Content!.ReadAsStringAsync().Result;
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("DELETE", "queues/{{id}}/users"));
        });
        using var client = Clients.Stubbed(handler);
        var result = client.Queues.RemoveUsersAsync(53, new long[] { 10, 11, 12 }, default).GetAwaiter().GetResult();
        Assert.Equal(new[] { "DELETE /core/v1/queues/53/users" }, ApiRequests(handler));
        Assert.Equal("{\"ids\":[10,11,12]}", sent);
        Assert.Equal(3, result.Removed);
        Assert.Equal(53, result.QueueId);
    }

    [Fact]
    public void Membership_calls_refuse_bad_ids_before_any_request()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal("QueueId", Assert.Throws<WcxInputException>(() =>
            client.Queues.AddUsersAsync(0, new[] { new QueueAssignment(1, false) }, default).GetAwaiter().GetResult()).ParameterName);
        Assert.Contains("at least one user id", Assert.Throws<WcxInputException>(() =>
            client.Queues.AddUsersAsync(53, Array.Empty<QueueAssignment>(), default).GetAwaiter().GetResult()).Message);
        Assert.Contains("got -4", Assert.Throws<WcxInputException>(() =>
            client.Queues.RemoveUsersAsync(53, new long[] { 3, -4 }, default).GetAwaiter().GetResult()).Message);
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void Business_hours_message_is_read_as_a_boolean()
    {
        Assert.Equal("True", ResponseReading.ApiMessageOf(Encoding.UTF8.GetBytes(CollectionExamples.ResponseBody("GET", "business_hours/is_open"))));
        var handler = new StubHandler((request, _) => StubHandler.Json(HttpStatusCode.OK,
            request.RequestUri!.Query.Contains("queue_id=122") ? "{\"message\":\"False\"}" : CollectionExamples.ResponseBody("GET", "business_hours/is_open")));
        using var client = Clients.Stubbed(handler);
        Assert.True(client.Queues.IsOpenAsync(null, default).GetAwaiter().GetResult());
        Assert.False(client.Queues.IsOpenAsync(122, default).GetAwaiter().GetResult());
        Assert.Equal(new[] { "GET /core/v1/business_hours/is_open", "GET /core/v1/business_hours/is_open?queue_id=122" }, ApiRequests(handler));
    }

    [Fact]
    public void A_business_hours_answer_that_is_not_a_boolean_is_a_format_error()
    {
        Assert.Throws<WcxResponseFormatException>(() => QueueService.ParseOpen("Maybe"));
        Assert.Throws<WcxResponseFormatException>(() => QueueService.ParseOpen(null));
        Assert.True(QueueService.ParseOpen(" true "));
    }

    [Fact]
    public void Fields_take_the_documented_camelCase_name_and_an_undocumented_filter_or_sort_is_sent_with_a_warning()
    {
        var warnings = new List<string>();
        var parameters = new ListQuery { Fields = new[] { "ID", "businesshours" } }.ToParameters(Client.Filtering.Endpoints.Queues, warnings.Add);
        Assert.Equal("id,businessHours", parameters.Single(p => p.Key == "fields").Value);
        Assert.Empty(warnings);
        parameters = new ListQuery
        {
            SortField = "name",
            Filter = new[] { new Client.Filtering.FilterCondition("name", Client.Filtering.FilterOperator.Equal, "Soporte") },
        }.ToParameters(Client.Filtering.Endpoints.Queues, warnings.Add);
        Assert.Equal("[{'field':'queue.name','operator':'EQUAL','value':'Soporte'}]", parameters.Single(p => p.Key == "filtering").Value);
        Assert.Equal("name", parameters.Single(p => p.Key == "sort_field").Value);
        Assert.Equal("asc", parameters.Single(p => p.Key == "sort").Value);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("/queues documents no filter", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("/queues documents no sort", StringComparison.Ordinal));
    }
}
