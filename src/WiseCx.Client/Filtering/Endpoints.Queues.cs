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

        /// <summary>
        /// GET /users read by id: the same list with <c>id IN (…)</c>, which the collection does not document but live
        /// scripts use (<c>api/NOTES.md F8</c>); only New-WcxUser's batched read-back asks it, and falls back to one GET
        /// per user when the API refuses the filter.
        /// </summary>
        internal static EndpointSpec UsersById { get; } = new EndpointSpec(
            path: "users",
            fieldPrefix: "user.",
            fields: Users.Fields,
            filterable: new Dictionary<string, FilterOperator[]> { ["id"] = new[] { FilterOperator.In } },
            sortStyle: SortStyle.None);
    }
}
