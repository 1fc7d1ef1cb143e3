namespace WiseCx.Sandbox.Endpoints;

/// <summary>A queue together with the state, since its <c>users</c> field shows each member's name.</summary>
internal sealed record QueueView(QueueRecord Queue, SandboxState State);

/// <summary>The documented fields of service groups (queues). The collection gives no filter table for them.</summary>
internal static class QueueSchema
{
    public const int MaxNameLength = 50;

    /// <summary>GET /queues and /queues/{id}: id, name, businessHours, users (users sorted by name, as documented).</summary>
    public static readonly FieldSet<QueueView> Fields = new FieldSet<QueueView>()
        .Add("id", v => v.Queue.Id, v => v.Queue.Id)
        .Add("name", v => v.Queue.Name, v => v.Queue.Name)
        .Add("businessHours", v => v.Queue.Hours.ToJson())
        .Add("users", v => Users(v));

    private static JsonArray Users(QueueView view) => new(view.Queue.Members
        .Select(m => (Id: m.Key, AutoAssign: m.Value, Name: view.State.Users.GetValueOrDefault(m.Key)?.DisplayName ?? ""))
        .OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
        .ThenBy(m => m.Id)
        .Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["name"] = m.Name, ["auto_assign"] = m.AutoAssign })
        .ToArray());
}
