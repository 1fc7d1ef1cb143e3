namespace WiseCx.Client.Services
{
    /// <summary>The account's integrated channels (/channels) and WhatsApp templates (/whatsapp_templates).</summary>
    public sealed class ChannelService : ApiService
    {
        public ChannelService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        public IEnumerable<Channel> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Channel>(Endpoints.Channels, query, cancellationToken, onPage);

        public IEnumerable<WhatsAppTemplate> ListWhatsAppTemplates(ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null) =>
            List<WhatsAppTemplate>(Endpoints.WhatsAppTemplates, query, cancellationToken, onPage);
    }
}
