using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /users: list <c>{"data"}</c> (no paging object), single user and create wrapped in <c>{"data"}</c>, and the user's side
/// of queue membership (PUT/DELETE /users/{id}/queues), which writes the same member lists as /queues/{id}/users.
/// </summary>
internal static class UserEndpoints
{
    /// <summary>The live API's message for an empty page of /users.</summary>
    public const string NoUsers = "Users not found.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users", List);
        api.MapPost("/users", CreateAsync);
        api.MapGet("/users/{id}", Get);
        api.MapPut("/users/{id}/queues", SetQueuesAsync);
        api.MapDelete("/users/{id}/queues", RemoveQueuesAsync);
    }

    private static IResult List(HttpContext http, SandboxStore store, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var request = ListRequest<UserView>.Parse(http.Request.Query, UserSchema.Fields, settings.LooseFilterFields ? UserSchema.Filter : null,
            "users", "id", false, rules: FilterRules.From(settings));
        var items = store.Read(state => request.Page(state.Views, "users", () => state.Users.Values.Select(u => new UserView(u, state)), v => v.User.Id));
        if (items.Length == 0 && settings.EmptyListNotFound) throw ListShapes.NotFound(NoUsers);
        return SandboxJson.Ok(ListShapes.Data(items));
    }

    private static IResult Get(HttpContext http, string id, SandboxStore store, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var fields = UserSchema.Fields.Select(http.Request.Query["fields"]);
        var userId = PathIds.Parse(id, "User");
        return SandboxJson.Ok(store.Read(state =>
        {
            var user = state.Users.GetValueOrDefault(userId) ?? throw PathIds.NotFound("User", id);
            return ListShapes.Single(UserSchema.Fields.Project(new UserView(user, state), fields), settings);
        }));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store, SandboxOptions options)
    {
        var body = await ReadObjectAsync(http.Request);
        var userName = RequiredString(body, "user_name", "user_name").Trim();
        var nick = OptionalString(body, "nick", "nick")?.Trim() ?? "";
        var firstName = OptionalString(body, "first_name", "first_name")?.Trim() ?? "";
        var lastName = OptionalString(body, "last_name", "last_name")?.Trim() ?? "";
        var isBot = OptionalBool(body, "is_bot", "is_bot") ?? false;
        var now = ApiDate.Now(options.TimeProvider);

        var id = store.Write(state =>
        {
            if (state.Users.Values.Any(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase)))
                throw ApiException.BadRequest($"user_name: a user named '{userName}' already exists.");
            var user = new UserRecord
            {
                Id = state.NextUserId(), UserName = userName, Nick = nick, FirstName = firstName, LastName = lastName, IsBot = isBot,
                CreatedAt = now,
            };
            state.Users.Add(user.Id, user);
            return user.Id;
        });
        return SandboxJson.Ok(ListShapes.Wrapped(new JsonObject { ["id"] = id }));
    }

    private static async Task<IResult> SetQueuesAsync(HttpContext http, string id, SandboxStore store)
    {
        var userId = PathIds.Parse(id, "User");
        var queues = MembershipInput.Parse(await ReadArrayAsync(http.Request), "");
        var summary = store.Write(state =>
        {
            if (!state.Users.ContainsKey(userId)) throw PathIds.NotFound("User", id);
            foreach (var queue in queues)
            {
                if (!state.Queues.ContainsKey(queue.Id)) throw ApiException.BadRequest($"{queue.Label}.id: queue {queue.Id} not found.");
            }
            var summary = new MembershipInput.Summary();
            foreach (var queue in queues) summary.Apply(state.Queues[queue.Id], userId, queue.AutoAssign);
            return summary;
        });
        return SandboxJson.Ok(summary.ToJson());
    }

    private static async Task<IResult> RemoveQueuesAsync(HttpContext http, string id, SandboxStore store)
    {
        var userId = PathIds.Parse(id, "User");
        var body = await ReadObjectAsync(http.Request);
        var queueIds = OptionalIdArray(body, "queues_ids", "queues_ids") ?? throw ApiException.BadRequest("queues_ids is required.");
        var removed = store.Write(state =>
        {
            if (!state.Users.ContainsKey(userId)) throw PathIds.NotFound("User", id);
            return queueIds.Distinct().Count(q => state.Queues.TryGetValue(q, out var queue) && queue.Members.Remove(userId));
        });
        return SandboxJson.Ok(MembershipInput.Removed(removed));
    }
}
