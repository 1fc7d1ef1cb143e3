namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        // Built on first use, not by field initialisers: the order in which the parts of a partial class initialise
        // is undefined, and these rows use the operator sets declared in another part.
        private static EndpointSpec? _nitroCampaigns;
        private static EndpointSpec? _nitroMessageContacts;

        /// <summary>
        /// GET /nitro/campaigns: <c>{data, pagination}</c>, sorted with sort_by/sort_order. The collection mentions
        /// filtering but documents no field or operator for it, so nothing is filterable here.
        /// </summary>
        public static EndpointSpec NitroCampaigns => _nitroCampaigns ??= new EndpointSpec(
            path: "nitro/campaigns",
            fieldPrefix: "campaign.",
            fields: new[] { "id", "name", "type", "status", "description", "created_at", "updated_at", "scheduled_at", "messages" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortByAndSortOrder);

        /// <summary>GET /nitro/campaigns/{id}/messages/{mid}/contacts: as campaigns (pagination, sort_by/sort_order, no filter table).</summary>
        public static EndpointSpec NitroMessageContacts => _nitroMessageContacts ??= new EndpointSpec(
            path: "nitro/campaigns/{id}/messages/{mid}/contacts",
            fieldPrefix: "contact.",
            fields: new[] { "tracking_id", "contact_id", "phone", "channel", "status", "created_at", "case_id", "channel_detail" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortByAndSortOrder);
    }
}
