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

    /// <summary>Field names of /surveys.</summary>
    public sealed class SurveyFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.Surveys;
    }

    /// <summary>Field names of /surveys/{id}/questions.</summary>
    public sealed class SurveyQuestionFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.SurveyQuestions;
    }

    /// <summary>Field names of /surveys/{id}/responses.</summary>
    public sealed class SurveyResponseFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.SurveyResponses;
    }

    /// <summary>Field names of /nitro/campaigns.</summary>
    public sealed class NitroCampaignFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.NitroCampaigns;
    }

    /// <summary>Field names of /nitro/campaigns/{id}/messages/{mid}/contacts.</summary>
    public sealed class NitroMessageContactFieldCompleter : FieldCompleter
    {
        internal override EndpointSpec Endpoint => Endpoints.NitroMessageContacts;
    }
}
