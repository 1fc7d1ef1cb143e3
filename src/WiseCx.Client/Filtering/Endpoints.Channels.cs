namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        /// <summary>GET /whatsapp_templates: <c>{data}</c> without paging; fields documented, no filter table; sort as the collection's general notes give every list.</summary>
        public static EndpointSpec WhatsAppTemplates { get; } = new EndpointSpec(
            path: "whatsapp_templates",
            fieldPrefix: "template.",
            fields: new[] { "template_id", "content", "name", "whatsapp_number", "whatsapp_description" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortAndSortField);

        /// <summary>GET /channels: <c>{data}</c> without paging; fields documented, no filter table; sort as the collection's general notes give every list.</summary>
        public static EndpointSpec Channels { get; } = new EndpointSpec(
            path: "channels",
            fieldPrefix: "channel.",
            fields: new[] { "id", "name", "source" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortAndSortField);
    }
}
