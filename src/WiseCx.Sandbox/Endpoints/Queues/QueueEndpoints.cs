using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// Service groups: /queues (list <c>{"data","paging"}</c> with <c>"next": null</c>, single objects wrapped in <c>{"data"}</c>),
/// their users, and GET /business_hours/is_open, which answers a boolean as the string "True"/"False".
/// </summary>
internal static class QueueEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/queues", List);
        api.MapPost("/queues", CreateAsync);
        api.MapGet("/queues/{id}", Get);
        api.MapPut("/queues/{id}/users", SetUsersAsync);
        api.MapDelete("/queues/{id}/users/{userId}", RemoveUser);
        api.MapDelete("/queues/{id}/users", RemoveUsersAsync);
        api.MapGet("/business_hours/is_open", IsOpen);
    }

    private static IResult List(HttpContext http, SandboxStore store)
    {
        var request = ListRequest<QueueView>.Parse(http.Request.Query, QueueSchema.Fields, null, "queues", "id", false);
        var items = store.Read(state => request.Page(state.Views, "queues", () => state.Queues.Values.Select(q => new QueueView(q, state)), v => v.Queue.Id));
        return SandboxJson.Ok(ListShapes.Paging(items, null, request.Paging.Page, request.Paging.Limit));
    }

    private static IResult Get(HttpContext http, string id, SandboxStore store, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var fields = QueueSchema.Fields.Select(http.Request.Query["fields"]);
        var queueId = PathIds.Parse(id, "Queue");
        return SandboxJson.Ok(store.Read(state =>
        {
            var queue = state.Queues.GetValueOrDefault(queueId) ?? throw PathIds.NotFound("Queue", id);
            return ListShapes.Single(QueueSchema.Fields.Project(new QueueView(queue, state), fields), settings);
        }));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store)
    {
        var body = await ReadObjectAsync(http.Request);
        var name = RequiredString(body, "name", "name").Trim();
        if (name.Length > QueueSchema.MaxNameLength)
            throw ApiException.BadRequest($"name must be at most {QueueSchema.MaxNameLength} characters ({name.Length} sent).");
        var users = OptionalArray(body, "users", "users") is { } array ? MembershipInput.Parse(array, "users") : [];

        var id = store.Write(state =>
        {
            if (state.Queues.Values.Any(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw ApiException.BadRequest($"name: a service group named '{name}' already exists.");
            CheckUsers(state, users);
            var queue = new QueueRecord { Id = state.NextQueueId(), Name = name, Hours = BusinessHours.Default };
            foreach (var user in users) queue.Members[user.Id] = user.AutoAssign;
            state.Queues.Add(queue.Id, queue);
            return queue.Id;
        });
        return SandboxJson.Ok(ListShapes.Wrapped(new JsonObject { ["id"] = id }));
    }

    private static async Task<IResult> SetUsersAsync(HttpContext http, string id, SandboxStore store)
    {
        var queueId = PathIds.Parse(id, "Queue");
        var users = MembershipInput.Parse(await ReadArrayAsync(http.Request), "");
        var summary = store.Write(state =>
        {
            var queue = state.Queues.GetValueOrDefault(queueId) ?? throw PathIds.NotFound("Queue", id);
            CheckUsers(state, users);
            var summary = new MembershipInput.Summary();
            foreach (var user in users) summary.Apply(queue, user.Id, user.AutoAssign);
            return summary;
        });
        return SandboxJson.Ok(summary.ToJson());
    }

    private static IResult RemoveUser(string id, string userId, SandboxStore store)
    {
        var queueId = PathIds.Parse(id, "Queue");
        var uid = PathIds.Parse(userId, "User");
        store.Write(state =>
        {
            var queue = state.Queues.GetValueOrDefault(queueId) ?? throw PathIds.NotFound("Queue", id);
            if (!queue.Members.Remove(uid)) throw ApiException.NotFound($"User {uid} is not a member of queue {queueId}.");
            return true;
        });
        // Documented as 204 No Content, the only answer of the API without a body.
        return Results.NoContent();
    }

    private static async Task<IResult> RemoveUsersAsync(HttpContext http, string id, SandboxStore store)
    {
        var queueId = PathIds.Parse(id, "Queue");
        var body = await ReadObjectAsync(http.Request);
        var ids = OptionalIdArray(body, "ids", "ids") ?? throw ApiException.BadRequest("ids is required.");
        var removed = store.Write(state =>
        {
            var queue = state.Queues.GetValueOrDefault(queueId) ?? throw PathIds.NotFound("Queue", id);
            // Ids that are not members count as nothing removed rather than failing the whole batch.
            return ids.Distinct().Count(queue.Members.Remove);
        });
        return SandboxJson.Ok(MembershipInput.Removed(removed));
    }

    private static IResult IsOpen(HttpContext http, SandboxStore store, SandboxOptions options)
    {
        var text = http.Request.Query["queue_id"].ToString().Trim();
        long? queueId = null;
        if (text.Length > 0)
        {
            queueId = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : throw ApiException.BadRequest($"queue_id must be a positive number, not '{text}'.");
        }
        var now = options.TimeProvider.GetUtcNow().UtcDateTime;
        var open = store.Read(state =>
        {
            if (queueId is { } qid)
                return (state.Queues.GetValueOrDefault(qid) ?? throw PathIds.NotFound("Queue", qid)).Hours.IsOpenAt(now);
            // Without a queue the question is about the business as a whole: open when any of its groups attends.
            return state.Queues.Values.Any(q => q.Hours.IsOpenAt(now));
        });
        return SandboxJson.Ok(new JsonObject { ["message"] = open ? "True" : "False" });
    }

    private static void CheckUsers(SandboxState state, IEnumerable<MembershipItem> users)
    {
        foreach (var user in users)
        {
            if (!state.Users.ContainsKey(user.Id)) throw ApiException.BadRequest($"{user.Label}.id: user {user.Id} not found.");
        }
    }
}
