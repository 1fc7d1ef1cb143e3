using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WiseCx.Client.Json
{
    /// <summary>The one set of JSON rules for the API: snake_case names, its date formats, numbers that arrive as strings.</summary>
    public static partial class WcxJson
    {
        /// <summary>Serializer options shared by every request and response.</summary>
        public static JsonSerializerOptions Options { get; } = CreateOptions(
            // Compile-time metadata for the models the client reads (WcxJsonContext), reflection for everything else.
            JsonTypeInfoResolver.Combine(WcxJsonContext.Default, new DefaultJsonTypeInfoResolver()));

        /// <summary>
        /// The API's rules over a given source of metadata. The naming policy, converters and modifiers live here, so that
        /// generated and reflection metadata read the same JSON the same way (the tests compare the two).
        /// </summary>
        internal static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver metadata)
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DictionaryKeyPolicy = null,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                // Nitro sends ids as strings ("414") where other resources send numbers.
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                PropertyNameCaseInsensitive = true,
                TypeInfoResolver = metadata.WithAddedModifier(KeepUnknownFields).WithAddedModifier(UseApiNameExceptions),
            };
            options.Converters.Add(new ApiDateTimeConverter());
            options.Converters.Add(new ApiNullableDateTimeConverter());
            options.Converters.Add(new FlexibleStringConverter());
            options.Converters.Add(new RawJsonConverter());
            options.MakeReadOnly();
            return options;
        }

        /// <summary>
        /// Routes unknown fields of every model into <see cref="WcxObject.AdditionalProperties"/>, as plain .NET values whose
        /// lists and objects read as text (<see cref="ToFieldValue"/>), and secret ones (<see cref="WithheldFieldNames"/>) into
        /// <see cref="WcxObject.WithheldFields"/>, out of sight.
        /// </summary>
        private static void KeepUnknownFields(JsonTypeInfo typeInfo)
        {
            if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(WcxObject).IsAssignableFrom(typeInfo.Type))
                return;

            foreach (var property in typeInfo.Properties)
            {
                if (property.Name == "additional_properties")
                {
                    property.IsExtensionData = true;
                }
            }

            WithheldFieldNames.TryGetValue(typeInfo.Type, out var withheld);
            typeInfo.OnDeserialized = instance =>
            {
                var model = (WcxObject)instance;
                var extra = model.AdditionalProperties;
                // Most objects carry no field the model lacks: nothing to copy or convert (this runs once per record).
                if (extra.Count == 0)
                    return;
                foreach (var key in extra.Keys.ToList())
                {
                    var value = extra[key] is JsonElement element ? ToFieldValue(element) : extra[key];
                    if (withheld != null && withheld.Contains(key))
                    {
                        extra.Remove(key);
                        (model.WithheldFields ??= new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase))[key] = value;
                    }
                    else
                    {
                        extra[key] = value;
                    }
                }
            };
        }

        /// <summary>
        /// Secret fields, by model and API name, that must never become a property anyone displays or exports: the contact's
        /// password, which the contacts endpoints return among the contact's fields.
        /// </summary>
        private static readonly Dictionary<Type, HashSet<string>> WithheldFieldNames = new Dictionary<Type, HashSet<string>>
        {
            [typeof(Contact)] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "password" },
        };

        /// <summary>
        /// A field value as <see cref="ToPlainValue"/> gives it, except that lists are <see cref="WcxList{T}"/> and objects
        /// <see cref="WcxFieldMap"/>: they show and export as their items (a;b, name=value) rather than as a type name.
        /// </summary>
        internal static object? ToFieldValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    return new WcxList<object?>(element.EnumerateArray().Select(ToFieldValue));
                case JsonValueKind.Object:
                    var map = new WcxFieldMap(StringComparer.OrdinalIgnoreCase);
                    foreach (var member in element.EnumerateObject())
                        map[member.Name] = ToFieldValue(member.Value);
                    return map;
                default:
                    return ToPlainValue(element);
            }
        }

        /// <summary>Turns a JSON value into string, long, double, bool, null, object[] or an ordered dictionary.</summary>
        public static object? ToPlainValue(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    return element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(ToPlainValue).ToArray();
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var member in element.EnumerateObject())
                        map[member.Name] = ToPlainValue(member.Value);
                    return map;
                default:
                    return null;
            }
        }

        /// <summary>The API's own date form: "yyyy-MM-dd HH:mm:ss", always UTC.</summary>
        public static string FormatDate(DateTime value) =>
            ToUtc(value).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>
        /// A date given to the module as the moment it names in UTC. Local and unspecified dates are both local time, the
        /// rule PowerShell compares by: <c>[datetime]'2026-03-01'</c> and <c>Get-Date '2026-03-01'</c> are unspecified, and the
        /// module's own dates are local, so a filter sent to the API selects what <c>Where-Object</c> with the same date does.
        /// </summary>
        internal static DateTime ToUtc(DateTime value) =>
            value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();

        private static readonly string[] DateFormats =
        {
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
            "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
            "yyyy-MM-dd",
        };

        /// <summary>
        /// Reads any of the date forms the API uses (UTC unless they carry an offset) into local time
        /// (<see cref="DateTimeKind.Local"/>): PowerShell compares and subtracts dates by their clock reading whatever their
        /// kind, so only local dates agree with <c>Get-Date</c>. A date without a time of day ("yyyy-MM-dd", a calendar
        /// day such as a queue's special date) stays that day, at local midnight. Empty strings and the "1900-01-01"
        /// sentinel mean "never" and give null.
        /// </summary>
        public static bool TryParseDate(string? text, out DateTime? value)
        {
            value = null;
            if (string.IsNullOrWhiteSpace(text))
                return true;
            var trimmed = text!.Trim();
            if (!DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                return false;
            if (parsed.Year <= 1900)
                return true;
            value = trimmed.Length == DateOnlyLength ? DateTime.SpecifyKind(parsed.Date, DateTimeKind.Local) : DateTime.SpecifyKind(parsed, DateTimeKind.Utc).ToLocalTime();
            return true;
        }

        /// <summary>The length of "yyyy-MM-dd", the one form without a time of day.</summary>
        private const int DateOnlyLength = 10;

        private sealed class ApiNullableDateTimeConverter : JsonConverter<DateTime?>
        {
            public override bool HandleNull => true;

            public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (reader.TokenType == JsonTokenType.Null)
                    return null;
                if (reader.TokenType != JsonTokenType.String)
                    throw new JsonException("Expected a date string, got " + reader.TokenType + ".");
                var text = reader.GetString();
                if (!TryParseDate(text, out var value))
                    throw new JsonException("'" + text + "' is not a date the API uses.");
                return value;
            }

            public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
            {
                if (value is null)
                    writer.WriteNullValue();
                else
                    writer.WriteStringValue(FormatDate(value.Value));
            }
        }

        private sealed class ApiDateTimeConverter : JsonConverter<DateTime>
        {
            public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (!TryParseDate(text, out var value) || value is null)
                    throw new JsonException("'" + text + "' is not a date the API uses.");
                return value.Value;
            }

            public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
                writer.WriteStringValue(FormatDate(value));
        }

        /// <summary>A caller's JSON text goes out unchanged (it was validated when the <see cref="Services.RawJson"/> was made).</summary>
        private sealed class RawJsonConverter : JsonConverter<Services.RawJson>
        {
            public override Services.RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                using (var document = JsonDocument.ParseValue(ref reader))
                    return new Services.RawJson(document.RootElement.GetRawText());
            }

            public override void Write(Utf8JsonWriter writer, Services.RawJson value, JsonSerializerOptions options) =>
                writer.WriteRawValue(value.Text);
        }

        /// <summary>Some string fields (tracking_id, ids in Nitro) arrive as numbers in some examples: read both.</summary>
        private sealed class FlexibleStringConverter : JsonConverter<string>
        {
            public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        return reader.GetString();
                    case JsonTokenType.Number:
                        using (var doc = JsonDocument.ParseValue(ref reader))
                            return doc.RootElement.GetRawText();
                    case JsonTokenType.True:
                        return "true";
                    case JsonTokenType.False:
                        return "false";
                    case JsonTokenType.Null:
                        return null;
                    default:
                        throw new JsonException("Expected a string, got " + reader.TokenType + ".");
                }
            }

            public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
                writer.WriteStringValue(value);
        }
    }
}
