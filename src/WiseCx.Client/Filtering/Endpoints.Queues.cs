namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        /// <summary>GET /queues: no filter or sort is documented; <c>fields</c> names businessHours in camelCase.</summary>
        public static EndpointSpec Queues { get; } = new EndpointSpec(
            path: "queues",
            fieldPrefix: "queue.",
            fields: new[] { "id", "name", "businessHours", "users" },
            filterable: NoFilter,
            sortStyle: SortStyle.None);

        /// <summary>GET /users: no filter or sort is documented; the list answers {"data": [...]} without paging.</summary>
        public static EndpointSpec Users { get; } = new EndpointSpec(
            path: "users",
            fieldPrefix: "user.",
            fields: new[] { "id", "user_name", "nick", "first_name", "last_name", "is_bot", "created_at", "last_login", "queues" },
            filterable: NoFilter,
            sortStyle: SortStyle.None);
    }
}
