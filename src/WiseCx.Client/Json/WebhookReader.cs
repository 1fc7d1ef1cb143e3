using System.Text.Json;

namespace WiseCx.Client.Json
{
    /// <summary>
    /// Reads WiseCX webhook payloads into typed events. Accepts one payload, an array of them, or an Azure Automation
    /// WebhookData document (whose RequestBody holds the payload as a string).
    /// </summary>
    public static class WebhookReader
    {
        private static readonly string[] ActivityEvents = { "activity_new", "status_update" };
        private static readonly string[] OrderEvents = { "meli_new_order", "meli_order_updated" };

        /// <summary>Reads a payload already parsed into plain values (dictionaries, lists) by the caller.</summary>
        public static IReadOnlyList<WebhookEvent> ReadValue(object? payload) =>
            payload is string text ? Read(text) : Read(JsonSerializer.Serialize(payload, WcxJson.Options));

        /// <summary>Reads one webhook body (JSON text) into its event.</summary>
        public static IReadOnlyList<WebhookEvent> Read(string json)
        {
            if (string.IsNullOrWhiteSpace(json))
                throw new WcxInputException("The webhook payload is empty.", "InputObject");
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException ex)
            {
                throw new WcxInputException("The webhook payload is not JSON: " + ex.Message, "InputObject");
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && TryGet(root, "RequestBody", out var body))
                {
                    // Azure Automation passes the whole WebhookData; the payload is its RequestBody, as text.
                    if (body.ValueKind == JsonValueKind.String)
                        return Read(body.GetString() ?? "");
                    return ReadValue(body);
                }
                return ReadValue(root);
            }
        }

        private static IReadOnlyList<WebhookEvent> ReadValue(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Array)
                return value.EnumerateArray().Select(ReadOne).ToList();
            return new[] { ReadOne(value) };
        }

        private static WebhookEvent ReadOne(JsonElement payload)
        {
            if (payload.ValueKind != JsonValueKind.Object)
                throw new WcxInputException("A webhook payload is a JSON object; got " + payload.ValueKind + ".", "InputObject");
            var name = TryGet(payload, "event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : "";
            WebhookEvent result;
            if (ActivityEvents.Contains(name))
                result = Deserialize<CaseActivityWebhookEvent>(payload, "case_id");
            else if (name == "survey")
                result = Deserialize<SurveyWebhookEvent>(payload, "case_id");
            else if (OrderEvents.Contains(name))
            {
                var order = Deserialize<MeliOrderWebhookEvent>(payload, "id");
                order.OrderId = Number(payload, "id");
                order.AdditionalProperties.Remove("id");
                result = order;
            }
            else
                throw new WcxInputException(
                    "Unknown webhook event '" + name + "'. Known: " + string.Join(", ", ActivityEvents.Concat(new[] { "survey" }).Concat(OrderEvents)) + ".",
                    "InputObject");
            result.ReceivedAt = DateTime.Now;
            return result;
        }

        private static T Deserialize<T>(JsonElement payload, string requiredId) where T : WebhookEvent
        {
            if (!TryGet(payload, requiredId, out _))
                throw new WcxInputException("The '" + Name(payload) + "' payload has no " + requiredId + ".", "InputObject");
            try
            {
                return payload.Deserialize<T>(WcxJson.Options)!;
            }
            catch (JsonException ex)
            {
                throw new WcxInputException("The '" + Name(payload) + "' payload could not be read: " + ex.Message, "InputObject");
            }
        }

        private static long Number(JsonElement payload, string name)
        {
            TryGet(payload, name, out var value);
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n))
                return n;
            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out n))
                return n;
            throw new WcxInputException("The '" + Name(payload) + "' payload's " + name + " is not a number.", "InputObject");
        }

        private static string Name(JsonElement payload) =>
            TryGet(payload, "event", out var e) ? e.ToString() : "?";

        private static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }
    }
}
