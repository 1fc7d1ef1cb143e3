namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        /// <summary>
        /// GET /nitro/campaigns: <c>{data, pagination}</c>, sorted with sort_by/sort_order. The collection mentions
        /// filtering but documents no field or operator for it, so nothing is filterable here.
        /// </summary>
        public static EndpointSpec NitroCampaigns { get; } = new EndpointSpec(
            path: "nitro/campaigns",
            fieldPrefix: "campaign.",
            fields: new[] { "id", "name", "type", "status", "description", "created_at", "updated_at", "scheduled_at", "messages" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortByAndSortOrder);

        /// <summary>GET /nitro/campaigns/{id}/messages/{mid}/contacts: as campaigns (pagination, sort_by/sort_order, no filter table).</summary>
        public static EndpointSpec NitroMessageContacts { get; } = new EndpointSpec(
            path: "nitro/campaigns/{id}/messages/{mid}/contacts",
            fieldPrefix: "contact.",
            fields: new[] { "tracking_id", "contact_id", "phone", "channel", "status", "created_at", "case_id", "channel_detail" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortByAndSortOrder);
    }
}
