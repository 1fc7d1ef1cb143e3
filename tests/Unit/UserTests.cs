using System.Net;
using System.Text;
using WiseCx.Client.Json;
using WiseCx.Client.Http;
using WiseCx.Client.Paging;
using WiseCx.Client.Services;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>Users: the collection's examples read into the models; creates and membership calls send what the API documents.</summary>
public class UserTests
{
    private static ApiResponse Response(string body) => new(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body), null);

    private static List<string> ApiRequests(StubHandler h) => h.Requests.Where(r => !r.Contains("/authenticate")).ToList();

    [Fact]
    public void User_list_example_reads_with_utc_dates_and_queues()
    {
        var page = WcxJsonReader.ReadPage<User>(Response(CollectionExamples.ResponseBody("GET", "users")), "GET", "users");
        Assert.Equal(2, page.Items.Count);
        var web = page.Items[0];
        Assert.Equal(5846, web.Id);
        Assert.Equal(5846, web.UserId);
        Assert.Equal("webcentrix@hotmail.com", web.UserName);
        Assert.Equal("Web", web.Nick);
        Assert.Equal("Centrix", web.LastName);
        Assert.False(web.IsBot);
        Assert.Equal(new DateTime(2019, 3, 19, 1, 28, 0, DateTimeKind.Utc), web.CreatedAt?.ToUniversalTime());
        Assert.Equal(DateTimeKind.Local, web.LastLogin!.Value.Kind);
        Assert.Equal(new long[] { 159, 6059 }, web.Queues!.Select(q => q.QueueId));
        Assert.True(web.Queues![0].AutoAssign);
        Assert.Equal("Sales", web.Queues[1].Name);
        Assert.Empty(web.AdditionalProperties);
        Assert.True(page.Items[1].IsBot);
        Assert.Equal(3, page.Items[1].Queues!.Length);
    }

    [Fact]
    public void User_by_id_example_reads_wrapped()
    {
        var user = WcxJsonReader.ReadObject<User>(Response(CollectionExamples.ResponseBody("GET", "users/{{id}}")), "GET", "users/5846", wrapped: true);
        Assert.Equal(5846, user.Id);
        Assert.Equal("agent@company.com", user.UserName);
        Assert.Equal("John", user.FirstName);
        Assert.Equal(2, user.Queues!.Length);
        Assert.Empty(user.AdditionalProperties);
    }

    [Fact]
    public void The_list_asks_for_every_documented_field_unless_told_otherwise()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("GET", "users")));
        using var client = Clients.Stubbed(handler);
        Assert.Equal(2, client.Users.List(new ListQuery(), default).Count());
        Assert.Equal(2, client.Users.List(new ListQuery { Fields = new[] { "id", "USER_NAME" } }, default).Count());
        var requests = ApiRequests(handler);
        Assert.Equal(2, requests.Count);
        Assert.Contains("fields=id%2Cuser_name%2Cnick%2Cfirst_name%2Clast_name%2Cis_bot%2Ccreated_at%2Clast_login%2Cqueues&", requests[0]);
        Assert.Contains("fields=id%2Cuser_name&", requests[1]);
    }

    [Fact]
    public void Create_sends_the_documented_body_and_reads_the_new_id()
    {
        string? sent = null;
        var handler = new StubHandler((request, _) =>
        {
            sent = request.Content!.ReadAsStringAsync().Result;
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("POST", "users"));
        });
        using var client = Clients.Stubbed(handler);
        var id = client.Users.CreateAsync(new UserCreateRequest { UserName = " new.agent@company.com ", Nick = "", FirstName = "New", LastName = "Agent", IsBot = false }, default)
            .GetAwaiter().GetResult();
        Assert.Equal(7890, id);
        Assert.Equal("{\"user_name\":\"new.agent@company.com\",\"first_name\":\"New\",\"last_name\":\"Agent\",\"is_bot\":false}", sent);
    }

    [Fact]
    public void Create_refuses_a_missing_user_name_before_any_request()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        var error = Assert.Throws<WcxInputException>(() => client.Users.CreateAsync(new UserCreateRequest { UserName = " " }, default).GetAwaiter().GetResult());
        Assert.Equal("UserName", error.ParameterName);
        Assert.Empty(ApiRequests(handler));
    }

    [Fact]
    public void Assigning_queues_puts_the_array_and_reads_the_summary()
    {
        string? sent = null;
        var handler = new StubHandler((request, _) =>
        {
            sent = request.Content!.ReadAsStringAsync().Result;
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("PUT", "users/{{id}}/queues"));
        });
        using var client = Clients.Stubbed(handler);
        var summary = client.Users.AddQueuesAsync(5846, new[] { new QueueAssignment(159, true), new QueueAssignment(6059, false) }, default).GetAwaiter().GetResult();
        Assert.Equal(new[] { "PUT /core/v1/users/5846/queues" }, ApiRequests(handler));
        Assert.Equal("[{\"id\":159,\"auto_assign\":true},{\"id\":6059,\"auto_assign\":false}]", sent);
        Assert.Equal(5846, summary.UserId);
        Assert.Null(summary.QueueId);
        Assert.Equal((1, 1, 0), (summary.Added, summary.Updated, summary.Unchanged));
    }

    [Fact]
    public void Removing_queues_sends_queues_ids_even_for_one_queue()
    {
        var bodies = new List<string>();
        var handler = new StubHandler((request, _) =>
        {
            bodies.Add(request.Content!.ReadAsStringAsync().Result);
            return StubHandler.Json(HttpStatusCode.OK, CollectionExamples.ResponseBody("DELETE", "users/{{id}}/queues"));
        });
        using var client = Clients.Stubbed(handler);
        Assert.Equal(2, client.Users.RemoveQueuesAsync(5846, new long[] { 159, 6059 }, default).GetAwaiter().GetResult().Removed);
        client.Users.RemoveQueuesAsync(5846, new long[] { 159 }, default).GetAwaiter().GetResult();
        Assert.Equal(new[] { "{\"queues_ids\":[159,6059]}", "{\"queues_ids\":[159]}" }, bodies);
        Assert.All(ApiRequests(handler), r => Assert.Equal("DELETE /core/v1/users/5846/queues", r));
    }

    [Fact]
    public void Membership_calls_refuse_bad_ids_before_any_request()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        Assert.Equal("UserId", Assert.Throws<WcxInputException>(() =>
            client.Users.AddQueuesAsync(-1, new[] { new QueueAssignment(1, false) }, default).GetAwaiter().GetResult()).ParameterName);
        Assert.Equal("QueueId", Assert.Throws<WcxInputException>(() =>
            client.Users.RemoveQueuesAsync(5, Array.Empty<long>(), default).GetAwaiter().GetResult()).ParameterName);
        Assert.Empty(ApiRequests(handler));
    }
    [Fact]
    public void A_batch_read_back_is_one_request_filtered_by_id_in_even_when_the_page_is_full()
    {
        var ids = Enumerable.Range(1001, 100).Select(i => (long)i).ToList();
        // The answer holds the 100 asked for and one more (an API that ignored part of the filter): only the asked come back.
        var body = "{\"data\":[" + string.Join(",", ids.Append(5).Select(i => "{\"id\":" + i + ",\"user_name\":\"u" + i + "@x.example\"}")) + "]}";
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, body));
        using var client = Clients.Stubbed(handler);

        var users = client.Users.GetBatch(ids, default);

        Assert.Equal(ids, users.Select(u => u.Id));
        var request = Assert.Single(ApiRequests(handler));
        var query = Uri.UnescapeDataString(request);
        Assert.StartsWith("GET /core/v1/users?", request);
        Assert.Contains("'field':'user.id','operator':'IN'", query);
        Assert.Contains("1001", query);
        Assert.Contains("1100", query);
        Assert.Contains("fields=id,user_name,nick,first_name,last_name,is_bot,created_at,last_login,queues", query);
    }

    [Fact]
    public void A_batch_read_back_refuses_more_than_a_page_of_ids_before_any_request()
    {
        var handler = new StubHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = Clients.Stubbed(handler);
        Assert.Throws<ArgumentException>(() => client.Users.GetBatch(Enumerable.Range(1, 101).Select(i => (long)i).ToList(), default));
        Assert.Empty(client.Users.GetBatch(Array.Empty<long>(), default));
        Assert.Empty(ApiRequests(handler));
    }
}
