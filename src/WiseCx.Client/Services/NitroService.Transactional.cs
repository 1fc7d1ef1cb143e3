using System.Globalization;

namespace WiseCx.Client.Services
{
    /// <summary>Transactional sends: one message or a batch, each answered by one receipt per channel, and the request they created.</summary>
    public sealed partial class NitroService
    {
        /// <summary>Sends one message (POST /nitro/transactional/{id}/send); returns one receipt per channel.</summary>
        public async Task<IReadOnlyList<NitroSendResult>> SendAsync(NitroTransactionalMessage message, CancellationToken cancellationToken)
        {
            Validate(message ?? throw new ArgumentNullException(nameof(message)));
            var path = "nitro/transactional/" + Segment(message.CampaignId, "campaign", "CampaignId") + "/send";
            var body = new SendBody
            {
                Channels = message.Channels,
                Contact = message.Contact,
                Variables = Ordered(message.Variables),
                Metadata = message.Metadata,
                UserId = message.UserId,
            };
            return await Receipts(HttpMethod.Post, path, body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends up to <see cref="MaxBatchSize"/> messages, of any transactional campaigns, in one request
        /// (POST /nitro/transactional/send); returns the receipts.
        /// </summary>
        public async Task<IReadOnlyList<NitroSendResult>> SendBatchAsync(IReadOnlyList<NitroTransactionalMessage> batch, CancellationToken cancellationToken)
        {
            if (batch is null)
                throw new ArgumentNullException(nameof(batch));
            if (batch.Count == 0 || batch.Count > MaxBatchSize)
                throw new WcxInputException("A bulk send takes 1 to " + MaxBatchSize + " messages; got " + batch.Count + ".", "BatchSize");
            var items = new List<BulkItem>(batch.Count);
            foreach (var message in batch)
            {
                Validate(message ?? throw new WcxInputException("A message of the batch is null.", "InputObject"));
                var campaign = message.CampaignId.Trim();
                items.Add(new BulkItem
                {
                    Channels = message.Channels,
                    // The bulk table types campaign_id as numeric, and its example sends a number.
                    CampaignId = long.TryParse(campaign, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (object)campaign,
                    Contact = message.Contact,
                    Variables = Ordered(message.Variables),
                    Metadata = message.Metadata,
                    UserId = message.UserId,
                });
            }
            return await Receipts(HttpMethod.Post, "nitro/transactional/send", items, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Splits messages into batches of at most <paramref name="size"/>, keeping their order.</summary>
        public static IEnumerable<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> items, int size)
        {
            if (size < 1 || size > MaxBatchSize)
                throw new WcxInputException("BatchSize must be between 1 and " + MaxBatchSize + "; it was " + size + ".", "BatchSize");
            return Batching.Split(items, size);
        }

        /// <summary>What became of a transactional request, by the tracking id its send returned.</summary>
        public async Task<NitroRequest> GetRequestAsync(string trackingId, CancellationToken cancellationToken)
        {
            var segment = Segment(trackingId, "tracking", "TrackingId");
            var request = await GetObjectAsync<NitroRequest>("nitro/transactional/requests/" + segment, wrapped: false, cancellationToken).ConfigureAwait(false);
            request.TrackingId ??= trackingId.Trim();
            return request;
        }

        /// <summary>
        /// Checks one transactional message as the collection's usage rules say: a contact id, or else the identity each channel
        /// needs (a phone for whatsapp, sms and call; an e-mail for email). Normalises channel names.
        /// </summary>
        public static void Validate(NitroTransactionalMessage message)
        {
            if (message is null)
                throw new ArgumentNullException(nameof(message));
            Segment(message.CampaignId, "campaign", "CampaignId");
            if (message.Channels is null || message.Channels.Count == 0)
                throw new WcxInputException("Channel is required: whatsapp, email, sms or call.", "Channel");
            message.Channels = message.Channels.Select(c => Suggested(c, Vocabulary.NitroSendChannel, "Channel", required: true)!).Distinct().ToList();
            var contact = message.Contact ?? throw new WcxInputException("The message needs a contact.", "Contact");
            if (contact.Id.HasValue && contact.Id <= 0)
                throw new WcxInputException("A contact id is a positive number; got " + contact.Id + ".", "ContactId");
            if (!contact.Id.HasValue)
            {
                if (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone) && string.IsNullOrWhiteSpace(contact.PersonalId))
                    throw new WcxInputException("The contact needs -ContactId, or an -Email, -Phone or -PersonalId.", "Contact");
                // Only the documented channels say what they need; another one is the API's to judge.
                var phoneChannel = message.Channels.FirstOrDefault(c => c == "whatsapp" || c == "sms" || c == "call");
                if (phoneChannel != null && string.IsNullOrWhiteSpace(contact.Phone))
                    throw new WcxInputException("Sending by " + phoneChannel + " needs the contact's -Phone (or a -ContactId).", "Phone");
                if (message.Channels.Contains("email") && string.IsNullOrWhiteSpace(contact.Email))
                    throw new WcxInputException("Sending by email needs the contact's -Email (or a -ContactId).", "Email");
            }
            if (message.UserId.HasValue && message.UserId <= 0)
                throw new WcxInputException("A user id is a positive number; got " + message.UserId + ".", "UserId");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var variable in message.Variables ?? new List<KeyValuePair<string, string?>>())
            {
                if (string.IsNullOrEmpty(variable.Key))
                    throw new WcxInputException("A template variable has an empty name.", "Variable");
                if (!seen.Add(variable.Key))
                    throw new WcxInputException("The template variable '" + variable.Key + "' is given twice.", "Variable");
            }
        }

        private async Task<IReadOnlyList<NitroSendResult>> Receipts(HttpMethod method, string path, object body, CancellationToken cancellationToken)
        {
            var response = await Connection.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
            // The collection's call examples show an empty answer: a send that was accepted but reports no receipt.
            if (response.Body.Length == 0 || response.Body.All(b => b == ' ' || b == '\r' || b == '\n' || b == '\t'))
                return Array.Empty<NitroSendResult>();
            return WcxJsonReader.Read<List<NitroSendResult>>(response, method.Method, path);
        }

        // Dictionary keeps insertion order as long as nothing is removed: the order the API reads the variables in.
        private static Dictionary<string, string?>? Ordered(List<KeyValuePair<string, string?>>? variables) =>
            variables?.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

        private sealed class SendBody
        {
            public List<string> Channels { get; set; } = new List<string>();
            public NitroContactInput Contact { get; set; } = new NitroContactInput();
            public Dictionary<string, string?>? Variables { get; set; }
            public Dictionary<string, string?>? Metadata { get; set; }
            public long? UserId { get; set; }
        }

        private sealed class BulkItem
        {
            public List<string> Channels { get; set; } = new List<string>();
            public object CampaignId { get; set; } = "";
            public NitroContactInput Contact { get; set; } = new NitroContactInput();
            public Dictionary<string, string?>? Variables { get; set; }
            public Dictionary<string, string?>? Metadata { get; set; }
            public long? UserId { get; set; }
        }
    }
}
