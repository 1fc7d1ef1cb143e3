using WiseCx.Client.Filtering;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>Field names of /orders.</summary>
    public sealed class OrderFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Orders;
    }

    /// <summary>Field names of /whatsapp_templates.</summary>
    public sealed class WhatsAppTemplateFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.WhatsAppTemplates;
    }

    /// <summary>Field names of /channels.</summary>
    public sealed class ChannelFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Channels;
    }
}
