namespace WiseCx.Client
{
    /// <summary>
    /// One of the API's open vocabularies (a case status, a channel, a priority, …): the values the collection
    /// documents and those public code shows the live API using. The values are suggestions, not a limit: the live API
    /// accepts words the collection does not list, so a value that is not here is sent as given and the API judges it.
    /// </summary>
    public sealed class OpenVocabulary
    {
        private readonly string[] _documented;
        private readonly string[] _observed;
        private readonly string[] _values;

        internal OpenVocabulary(string name, string description, string source, IEnumerable<string> documented,
            IEnumerable<string>? observed = null, string? observedSource = null)
        {
            Name = name;
            Description = description;
            Source = source;
            _documented = documented.ToArray();
            _observed = (observed ?? Enumerable.Empty<string>()).ToArray();
            ObservedSource = _observed.Length == 0 ? null : observedSource;
            _values = _documented.Concat(_observed).ToArray();
        }

        /// <summary>Its name in <see cref="Vocabulary"/> (e.g. <c>CaseStatus</c>).</summary>
        public string Name { get; }

        /// <summary>What the values name, in a user's words (e.g. "the status of a case").</summary>
        public string Description { get; }

        /// <summary>Where the documented values come from (the collection's table that lists them).</summary>
        public string Source { get; }

        /// <summary>Where the observed values come from; null when there are none.</summary>
        public string? ObservedSource { get; }

        /// <summary>The values the collection documents, in its order and spelling.</summary>
        public IReadOnlyList<string> Documented => _documented;

        /// <summary>The values seen on the live API that the collection does not document.</summary>
        public IReadOnlyList<string> Observed => _observed;

        /// <summary>Every suggested value: the documented ones, then the observed ones.</summary>
        public IReadOnlyList<string> Values => _values;

        /// <summary>True when <paramref name="value"/> is a documented value, in any letter case.</summary>
        public bool IsDocumented(string? value) => Find(_documented, value) != null;

        /// <summary>True when <paramref name="value"/> is a documented or an observed value, in any letter case.</summary>
        public bool IsKnown(string? value) => Find(_values, value) != null;

        /// <summary>
        /// The API's spelling of a known value written in any letter case (or with spaces around it); any other value
        /// unchanged, to be sent as given. Null stays null.
        /// </summary>
        public string? Normalize(string? value)
        {
            if (value is null)
                return null;
            return Find(_values, value) ?? value;
        }

        /// <summary>The suggested values as a sentence fragment, for messages and help: "a, b or c".</summary>
        public string Describe() => Describe(_values);

        internal static string Describe(IReadOnlyList<string> values) =>
            values.Count <= 1 ? string.Join("", values) : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[values.Count - 1];

        /// <summary>The name and the values: <c>CasePriority: none, low, medium, high, very-high</c>.</summary>
        public override string ToString() => Name + ": " + string.Join(", ", _values);

        private static string? Find(IEnumerable<string> values, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return null;
            var trimmed = value!.Trim();
            return values.FirstOrDefault(v => string.Equals(v, trimmed, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// The API's open vocabularies, each defined once: tab completion, the client's normalising, the help and the tests
    /// read them from here. A value outside a vocabulary is never refused by the client; the API answers for it.
    /// </summary>
    /// <remarks>
    /// Documented values come from the vendor's collection (wisecx-api.postman_collection.json). Observed values come
    /// from public code that calls the live API (twelve codebases; the project's field notes, fact #7 and the
    /// "confirmed" list): they are words the live API is seen to accept or answer with.
    /// </remarks>
    public static class Vocabulary
    {
        private const string FieldNotes = "field notes #7: public code calling the live API";

        /// <summary>
        /// <c>status</c> of a case (PUT /cases/{id}): opened, solved, pending, hold, closed; the live API also reads and
        /// writes open and onhold (the vendor's Spanish reference lists open too).
        /// </summary>
        public static OpenVocabulary CaseStatus { get; } = new OpenVocabulary(
            "CaseStatus", "the status of a case", "PUT /cases/{id}, status",
            new[] { "opened", "solved", "pending", "hold", "closed" },
            new[] { "open", "onhold" }, FieldNotes);

        /// <summary>
        /// <c>source_channel</c> of a case (POST /cases): web, app, phone, whatsapp, email (written "Email" in the table),
        /// internal; seen live: incoming_call, new_email, outgoing_whatsapp (WhatsApp template cases).
        /// </summary>
        public static OpenVocabulary CaseSourceChannel { get; } = new OpenVocabulary(
            "CaseSourceChannel", "the channel a case came from", "POST /cases, source_channel",
            new[] { "web", "app", "phone", "whatsapp", "email", "internal" },
            new[] { "incoming_call", "new_email", "outgoing_whatsapp" }, FieldNotes);

        /// <summary><c>priority</c> of a case (POST and PUT /cases): none, low, medium, high, very-high.</summary>
        public static OpenVocabulary CasePriority { get; } = new OpenVocabulary(
            "CasePriority", "the priority of a case", "POST and PUT /cases, priority",
            new[] { "none", "low", "medium", "high", "very-high" });

        /// <summary>
        /// <c>type</c> of an activity (POST and PUT /cases, activities): user_reply, contact_message, note. The client
        /// checks what each documented type needs (a user, a contact); another type is sent without those checks.
        /// </summary>
        public static OpenVocabulary ActivityType { get; } = new OpenVocabulary(
            "ActivityType", "the type of an activity", "POST and PUT /cases, activity.type",
            new[] { "user_reply", "contact_message", "note" });

        /// <summary>
        /// <c>channel</c> of an activity (POST and PUT /cases, activities): web, app, phone, whatsapp, email, internal;
        /// seen live: outgoing_whatsapp (activities of WhatsApp template cases).
        /// </summary>
        public static OpenVocabulary ActivityChannel { get; } = new OpenVocabulary(
            "ActivityChannel", "the channel of an activity", "POST and PUT /cases, activity.channel",
            new[] { "web", "app", "phone", "whatsapp", "email", "internal" },
            new[] { "outgoing_whatsapp" }, "field notes, confirmed: WhatsApp template cases");

        /// <summary>
        /// <c>ecommerce_platform</c> of an order (POST and PUT /orders): vtex, shopify, woocommerce, fenicio, custom. The
        /// POST table says "Phoenician", a translation of Fenicio; the list's table spells fenicio, which is what is sent.
        /// </summary>
        public static OpenVocabulary OrderPlatform { get; } = new OpenVocabulary(
            "OrderPlatform", "the e-commerce platform of an order", "POST /orders, ecommerce_platform",
            new[] { "vtex", "shopify", "woocommerce", "fenicio", "custom" });

        /// <summary>
        /// <c>type</c> of a Nitro campaign (POST /nitro/campaigns): simple, transactional. The client checks the contact
        /// groups each documented type needs; another type is sent without that check.
        /// </summary>
        public static OpenVocabulary NitroCampaignType { get; } = new OpenVocabulary(
            "NitroCampaignType", "the type of a Nitro campaign", "POST /nitro/campaigns, type",
            new[] { "simple", "transactional" });

        /// <summary>
        /// <c>channel</c> of a Nitro campaign message (POST /nitro/campaigns/{id}/messages): whatsapp, email, call. Each
        /// documented channel has its own configuration table, checked before sending; another channel's configuration is
        /// sent unchecked.
        /// </summary>
        public static OpenVocabulary NitroMessageChannel { get; } = new OpenVocabulary(
            "NitroMessageChannel", "the channel of a Nitro campaign message", "POST /nitro/campaigns/{id}/messages, channel",
            new[] { "whatsapp", "email", "call" });

        /// <summary>
        /// <c>channels</c> of a Nitro transactional send (POST /nitro/transactional/…): whatsapp, email, sms, call. The
        /// documented channels say which contact detail is needed (a phone, or an e-mail for email).
        /// </summary>
        public static OpenVocabulary NitroSendChannel { get; } = new OpenVocabulary(
            "NitroSendChannel", "a channel of a Nitro transactional send", "POST /nitro/transactional/{id}/send, channels",
            new[] { "whatsapp", "email", "sms", "call" });

        /// <summary>
        /// <c>reply_type</c> of a Nitro message (channel_config): what each channel's table lists together (group, user,
        /// assistant, ivr, audio, survey). Per channel: <see cref="NitroWhatsAppReplyType"/>, <see cref="NitroEmailReplyType"/>,
        /// <see cref="NitroCallReplyType"/>.
        /// </summary>
        public static OpenVocabulary NitroReplyType { get; } = new OpenVocabulary(
            "NitroReplyType", "where the replies to a Nitro message go", "Nitro campaign messages, channel_config.reply_type",
            new[] { "group", "user", "assistant", "ivr", "audio", "survey" });

        /// <summary><c>reply_type</c> of a WhatsApp message: group (the default), user, assistant.</summary>
        public static OpenVocabulary NitroWhatsAppReplyType { get; } = new OpenVocabulary(
            "NitroWhatsAppReplyType", "where the replies to a Nitro WhatsApp message go", "Nitro WhatsApp channel_config, reply_type",
            new[] { "group", "user", "assistant" });

        /// <summary><c>reply_type</c> of an e-mail message: the table says "only group allowed".</summary>
        public static OpenVocabulary NitroEmailReplyType { get; } = new OpenVocabulary(
            "NitroEmailReplyType", "where the replies to a Nitro e-mail message go", "Nitro e-mail channel_config, reply_type",
            new[] { "group" });

        /// <summary><c>reply_type</c> of a call message: group, user, ivr, audio, survey.</summary>
        public static OpenVocabulary NitroCallReplyType { get; } = new OpenVocabulary(
            "NitroCallReplyType", "what a Nitro call does when answered", "Nitro call channel_config, reply_type",
            new[] { "group", "user", "ivr", "audio", "survey" });

        /// <summary>
        /// <c>status</c> of a survey response (GET /surveys/{id}/responses, also a filter field): responded,
        /// not_responded, as the collection's example answers and public code show.
        /// </summary>
        public static OpenVocabulary SurveyResponseStatus { get; } = new OpenVocabulary(
            "SurveyResponseStatus", "the status of a survey response", "GET /surveys/{id}/responses, status (example answers)",
            new[] { "responded", "not_responded" });

        /// <summary><c>group_by</c> of an analytics export (POST /analytics/export/{id}): d (day), h (hour), m (month).</summary>
        public static OpenVocabulary AnalyticsGroupBy { get; } = new OpenVocabulary(
            "AnalyticsGroupBy", "the time grouping of an analytics export", "POST /analytics/export/{id}, group_by",
            new[] { "d", "h", "m" });

        /// <summary>Every vocabulary above, for tests and tools that go through them all.</summary>
        public static IReadOnlyList<OpenVocabulary> All { get; } = new[]
        {
            CaseStatus, CaseSourceChannel, CasePriority, ActivityType, ActivityChannel, OrderPlatform, NitroCampaignType,
            NitroMessageChannel, NitroSendChannel, NitroReplyType, NitroWhatsAppReplyType, NitroEmailReplyType, NitroCallReplyType,
            SurveyResponseStatus, AnalyticsGroupBy,
        };
    }
}
