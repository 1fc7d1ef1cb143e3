using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>One queue membership as sent: a user id (or queue id, seen from the user) and its auto_assign flag.</summary>
internal sealed record MembershipItem(long Id, bool AutoAssign, string Label);

/// <summary>
/// The <c>[{"id", "auto_assign"}]</c> lists of POST /queues, PUT /queues/{id}/users and PUT /users/{id}/queues, and the
/// added/updated/unchanged summary they answer. Both directions write <see cref="QueueRecord.Members"/>, so a queue's users
/// and a user's queues can never disagree.
/// </summary>
internal static class MembershipInput
{
    /// <summary>Ids must be greater than 0 and unique; auto_assign defaults to false, as documented.</summary>
    public static List<MembershipItem> Parse(JsonElement array, string label)
    {
        var items = new List<MembershipItem>();
        var seen = new HashSet<long>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemLabel = $"{label}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"{itemLabel} must be an object with id and auto_assign.");
            var id = RequiredLong(item, "id", $"{itemLabel}.id");
            if (id <= 0) throw ApiException.BadRequest($"{itemLabel}.id must be greater than 0.");
            if (!seen.Add(id)) throw ApiException.BadRequest($"{itemLabel}.id: duplicate id {id}; each id may appear once.");
            items.Add(new MembershipItem(id, OptionalBool(item, "auto_assign", $"{itemLabel}.auto_assign") ?? false, itemLabel));
        }
        return items;
    }

    /// <summary>Counts of a bulk membership change, answered as <c>{"data":{"added","updated","unchanged"}}</c>.</summary>
    public sealed class Summary
    {
        public int Added { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }

        /// <summary>Sets one membership and counts what that did.</summary>
        public void Apply(QueueRecord queue, long userId, bool autoAssign)
        {
            if (!queue.Members.TryGetValue(userId, out var current)) Added++;
            else if (current != autoAssign) Updated++;
            else Unchanged++;
            queue.Members[userId] = autoAssign;
        }

        public JsonObject ToJson() => new()
        {
            ["data"] = new JsonObject { ["added"] = Added, ["updated"] = Updated, ["unchanged"] = Unchanged },
        };
    }

    public static JsonObject Removed(int count) => new() { ["data"] = new JsonObject { ["removed"] = count } };
}
