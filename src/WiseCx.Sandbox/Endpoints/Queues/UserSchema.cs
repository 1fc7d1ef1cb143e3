using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>A user together with the state, since its <c>queues</c> field is read from the queues' member lists.</summary>
internal sealed record UserView(UserRecord User, SandboxState State);

/// <summary>The documented fields of users. The collection gives no filter table for them.</summary>
internal static class UserSchema
{
    /// <summary>GET /users and /users/{id}: id, user_name, nick, first_name, last_name, is_bot, created_at, last_login, queues.</summary>
    public static readonly FieldSet<UserView> Fields = new FieldSet<UserView>()
        .Add("id", v => v.User.Id, v => v.User.Id)
        .Add("user_name", v => v.User.UserName, v => v.User.UserName)
        .Add("nick", v => v.User.Nick, v => v.User.Nick)
        .Add("first_name", v => v.User.FirstName, v => v.User.FirstName)
        .Add("last_name", v => v.User.LastName, v => v.User.LastName)
        .Add("is_bot", v => v.User.IsBot, v => v.User.IsBot)
        .Add("created_at", v => ApiDate.ToJson(v.User.CreatedAt), v => v.User.CreatedAt)
        .Add("last_login", v => ApiDate.ToJson(v.User.LastLogin), v => v.User.LastLogin)
        .Add("queues", v => new JsonArray(v.State.QueuesOf(v.User.Id)
            .Select(q => (JsonNode)new JsonObject { ["id"] = q.Queue.Id, ["name"] = q.Queue.Name, ["auto_assign"] = q.AutoAssign })
            .ToArray()));

    /// <summary>
    /// Filters of GET /users with the loose rules only (<c>users.id</c> is seen in live scripts); the collection documents
    /// none, so the fields and operators are a guess.
    /// </summary>
    public static readonly FilterSchema<UserView> Filter = new FilterSchema<UserView>("user")
        .Number("id", v => v.User.Id, In, NotIn, Equal, NotEqual, Greater, Lower, GreaterEqual, LowerEqual)
        .Text("user_name", v => v.User.UserName, In, NotIn, Equal, NotEqual, Contains)
        .Text("nick", v => v.User.Nick, In, NotIn, Equal, NotEqual, Contains)
        .Text("first_name", v => v.User.FirstName, In, NotIn, Equal, NotEqual, Contains)
        .Text("last_name", v => v.User.LastName, In, NotIn, Equal, NotEqual, Contains);
}
