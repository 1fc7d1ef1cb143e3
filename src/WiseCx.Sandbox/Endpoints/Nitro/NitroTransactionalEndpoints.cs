namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// Transactional sends: POST /nitro/transactional/{id}/send (one contact; tracking ids as strings, "wa-4546"),
/// POST /nitro/transactional/send (a list; tracking ids as numbers, as the collection shows) and
/// GET /nitro/transactional/requests/{tracking_id}. Each send is also a contact of the campaign's message for that channel.
/// </summary>
internal static class NitroTransactionalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/nitro/transactional/{id}/send", SendAsync);
        api.MapPost("/nitro/transactional/send", SendBulkAsync);
        api.MapGet("/nitro/transactional/requests/{trackingId}", GetRequest);
    }

    private static async Task<IResult> SendAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var campaignId = PathIds.Parse(id, "Campaign");
        var input = NitroInput.ParseSend(await JsonBody.ReadObjectAsync(http.Request), "", bulk: false);
        var now = ApiDate.Now(options.TimeProvider);
        var step = TimeSpan.FromMilliseconds(config.Current.NitroStepMilliseconds);

        var answer = store.Write(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            if (CampaignProblem(campaign) is { } problem) throw ApiException.BadRequest(problem);
            var contact = ResolveContact(state, input, now);
            return new JsonArray(input.Channels.Select(channel =>
            {
                var delivery = Deliver(state, campaign, channel, contact, input, now, step);
                return (JsonNode)new JsonObject
                {
                    ["channel"] = channel,
                    ["status"] = delivery is null ? "error" : "queued",
                    ["description"] = delivery is null ? NoMessage(campaign, channel) : "",
                    ["tracking_id"] = delivery is null ? "" : NitroSchema.SendTrackingId(delivery),
                };
            }).ToArray());
        });
        return SandboxJson.Ok(answer);
    }

    private static async Task<IResult> SendBulkAsync(HttpContext http, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var array = await JsonBody.ReadArrayAsync(http.Request);
        var count = array.GetArrayLength();
        if (count == 0) throw ApiException.BadRequest("The request list is empty: send at least one request.");
        if (count > NitroInput.MaxBulkSends)
            throw ApiException.BadRequest($"At most {NitroInput.MaxBulkSends} requests per call ({count} sent): split the list.");
        var inputs = array.EnumerateArray().Select((item, i) => NitroInput.ParseSend(item, $"[{i}]", bulk: true)).ToList();
        var now = ApiDate.Now(options.TimeProvider);
        var step = TimeSpan.FromMilliseconds(config.Current.NitroStepMilliseconds);

        var answer = store.Write(state =>
        {
            // Contacts are checked for the whole list first, so a bad id refuses the request before anything is sent.
            foreach (var input in inputs) CheckContactId(state, input);
            var results = new JsonArray();
            foreach (var input in inputs)
            {
                // A campaign that cannot send fails its own entries, not the whole list: the answer has a status per entry.
                var campaign = state.FindCampaign(input.CampaignId!.Value);
                var problem = campaign is null ? $"Campaign {input.CampaignId} not found." : CampaignProblem(campaign);
                var contact = problem is null ? ResolveContact(state, input, now) : null;
                foreach (var channel in input.Channels)
                {
                    var delivery = problem is null ? Deliver(state, campaign!, channel, contact!, input, now, step) : null;
                    results.Add(new JsonObject
                    {
                        ["channel"] = channel,
                        ["status"] = delivery is null ? "error" : "queued",
                        ["contact"] = ContactJson(contact?.Id ?? input.Contact.Id ?? 0, channel, contact?.Phone ?? input.Contact.Phone, contact?.Email ?? input.Contact.Email),
                        ["description"] = problem ?? (delivery is null ? NoMessage(campaign!, channel) : ""),
                        ["tracking_id"] = delivery?.Number ?? 0,
                    });
                }
            }
            return results;
        });
        return SandboxJson.Ok(answer);
    }

    private static IResult GetRequest(string trackingId, SandboxStore store)
    {
        var (prefix, number) = ParseTrackingId(trackingId);
        return SandboxJson.Ok(store.Read(state =>
        {
            if (number is not { } n || !state.Deliveries.TryGetValue(n, out var delivery) || !delivery.Transactional
                || (prefix is not null && !string.Equals(prefix, delivery.Prefix, StringComparison.OrdinalIgnoreCase)))
                throw PathIds.NotFound("Request", trackingId);
            var contact = new JsonObject { ["id"] = NitroSchema.Id(delivery.ContactId) };
            if (delivery.Channel == "email") contact["email"] = delivery.Email;
            else contact["phone"] = delivery.Phone;
            return new JsonObject
            {
                ["case"] = new JsonObject { ["id"] = delivery.CaseId, ["number"] = delivery.CaseNumber },
                ["contact"] = contact,
                ["variables"] = Dictionary(delivery.Variables),
                ["metadata"] = Dictionary(delivery.Metadata),
            };
        }));
    }

    // Three spellings reach this route: "wa-4546" (single send), "wa_4546" (message contacts) and 4546 (bulk send).
    private static (string? Prefix, long? Number) ParseTrackingId(string text)
    {
        var cut = text.LastIndexOfAny(['-', '_']);
        var prefix = cut > 0 ? text[..cut] : null;
        var digits = cut >= 0 ? text[(cut + 1)..] : text;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (prefix, number) : (prefix, null);
    }

    private static string? CampaignProblem(NitroCampaignRecord campaign)
    {
        if (campaign.IsSimple) return $"Campaign {campaign.Id} is a simple (bulk) campaign: transactional sends need a transactional campaign.";
        return campaign.State == "running" ? null : $"Campaign {campaign.Id} is {campaign.State}: activate it before sending.";
    }

    private static string NoMessage(NitroCampaignRecord campaign, string channel) =>
        $"Campaign {campaign.Id} has no {channel} message configured.";

    private static void CheckContactId(SandboxState state, SendInput input)
    {
        if (input.UserId is { } userId && !state.Users.ContainsKey(userId))
            throw ApiException.BadRequest($"{Label(input, "user_id")}: user {userId} not found.");
        if (input.Contact.Id is not { } id) return;
        var contact = state.FindContact(id) ?? throw ApiException.BadRequest($"{Label(input, "contact.id")}: contact {id} not found.");
        foreach (var channel in input.Channels)
        {
            if (NitroSends.NeedsPhone(channel) && contact.Phone.Length == 0 && input.Contact.Phone is null)
                throw ApiException.BadRequest($"{Label(input, "contact")}: contact {id} has no phone, which channel {channel} needs.");
            if (channel == "email" && contact.Email.Length == 0 && input.Contact.Email is null)
                throw ApiException.BadRequest($"{Label(input, "contact")}: contact {id} has no email, which channel email needs.");
        }
    }

    private static string Label(SendInput input, string name) => input.Label.Length == 0 ? name : $"{input.Label}.{name}";

    /// <summary>Finds the contact (by id, else email, personal_id, phone) or creates it, as case activities do.</summary>
    private static ContactRecord ResolveContact(SandboxState state, SendInput input, DateTime now)
    {
        CheckContactId(state, input);
        var c = input.Contact;
        return state.ResolveContact(new ContactInput(c.Id, c.Email, c.PersonalId, c.Phone, c.Name, null), now)!;
    }

    private static NitroDeliveryRecord? Deliver(
        SandboxState state, NitroCampaignRecord campaign, string channel, ContactRecord contact, SendInput input, DateTime now, TimeSpan step)
    {
        var message = campaign.Messages.FirstOrDefault(m => m.Channel == channel);
        if (message is null) return null;
        var phone = input.Contact.Phone ?? contact.Phone;
        var email = input.Contact.Email ?? contact.Email;
        var recipient = new ContactRecord { Id = contact.Id, Phone = phone, Email = email };
        return NitroSends.Add(state, campaign, message, recipient, now, now + step, transactional: true, input.Variables, input.Metadata, null);
    }

    private static JsonObject ContactJson(long id, string channel, string? phone, string? email)
    {
        var json = new JsonObject { ["id"] = id };
        if (channel == "email") json["email"] = email ?? "";
        else json["phone"] = phone ?? "";
        return json;
    }

    private static JsonObject Dictionary(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values) json[key] = value;
        return json;
    }
}
