namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        // Built on first use, not by field initialisers: the order in which the parts of a partial class initialise
        // is undefined, and these rows use the operator sets declared in another part.
        private static EndpointSpec? _whatsAppTemplates;
        private static EndpointSpec? _channels;

        /// <summary>GET /whatsapp_templates: <c>{data}</c> without paging; fields documented, no filter table; sort as the collection's general notes give every list.</summary>
        public static EndpointSpec WhatsAppTemplates => _whatsAppTemplates ??= new EndpointSpec(
            path: "whatsapp_templates",
            fieldPrefix: "template.",
            fields: new[] { "template_id", "content", "name", "whatsapp_number", "whatsapp_description" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortAndSortField);

        /// <summary>GET /channels: <c>{data}</c> without paging; fields documented, no filter table; sort as the collection's general notes give every list.</summary>
        public static EndpointSpec Channels => _channels ??= new EndpointSpec(
            path: "channels",
            fieldPrefix: "channel.",
            fields: new[] { "id", "name", "source" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortAndSortField);
    }
}
