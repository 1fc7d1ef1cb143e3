using System.Text.Json.Serialization;
using WiseCx.Client.Services;

namespace WiseCx.Client.Json
{
    /// <summary>
    /// Compile-time JSON metadata for what the client reads: every list model (with its page shapes), every single object
    /// (bare and wrapped in <c>data</c>) and every write result. <see cref="WcxJson.Options"/> uses it ahead of reflection,
    /// with the same naming policy, converters and modifiers, since those come from the options, not from here: only the
    /// way the metadata is obtained changes. It saves building metadata by reflection the first time a type is read, and
    /// on Windows PowerShell, where the netstandard2.0 System.Text.Json sets properties through reflection, on every read.
    /// A type missing here still works: reflection serves it (request bodies are left to it on purpose).
    /// </summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    // Lists: ListEnvelope<T> brings List<T> (the bare-array shape) and T with it.
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Case>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<CaseActivity>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<CaseTag>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<CaseType>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Channel>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Contact>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<ContactGroup>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<NitroCampaign>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<NitroCampaignMessageContact>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Order>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Organization>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Queue>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<Survey>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<SurveyQuestion>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<SurveyResponse>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<User>))]
    [JsonSerializable(typeof(WcxJsonReader.ListEnvelope<WhatsAppTemplate>))]
    // Single objects and write results: DataEnvelope<T> brings T with it.
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<AnalyticsExport>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<AssistantNodeExecution>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<Case>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<CaseActivity>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<CaseWriteResult>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<Contact>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<ContactWriteResult>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<CreatedObject>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<MeliOrder>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<NitroCampaign>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<NitroCampaignActionResult>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<NitroCampaignMessage>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<NitroRequest>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<OrderWriteResult>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<Queue>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<QueueMembershipRemoval>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<QueueMembershipSummary>))]
    [JsonSerializable(typeof(WcxJsonReader.DataEnvelope<User>))]
    [JsonSerializable(typeof(List<NitroSendResult>))]
    [JsonSerializable(typeof(Http.TokenSource.AuthenticateResponse))]
    // Webhook payloads (ConvertFrom-WcxWebhook).
    [JsonSerializable(typeof(CaseActivityWebhookEvent))]
    [JsonSerializable(typeof(SurveyWebhookEvent))]
    [JsonSerializable(typeof(MeliOrderWebhookEvent))]
    internal partial class WcxJsonContext : JsonSerializerContext
    {
    }
}
