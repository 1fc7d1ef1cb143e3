namespace WiseCx.Client.Services
{
    /// <summary>The account's integrated channels (/channels) and WhatsApp templates (/whatsapp_templates).</summary>
    public sealed class ChannelService : ApiService
    {
        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public ChannelService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The account's channels, streamed page by page.</summary>
        public IEnumerable<Channel> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Channel>(Endpoints.Channels, query, cancellationToken, onPage);

        /// <summary>The approved WhatsApp templates, streamed page by page.</summary>
        public IEnumerable<WhatsAppTemplate> ListWhatsAppTemplates(ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null) =>
            List<WhatsAppTemplate>(Endpoints.WhatsAppTemplates, query, cancellationToken, onPage);
    }
}
