namespace WiseCx.Sandbox.Data;

/// <summary>Creates Nitro deliveries, for the seed and for the send actions alike, so both produce the same shapes.</summary>
internal static class NitroSends
{
    /// <summary>Phone channels need a phone on the contact; email needs an email.</summary>
    public static bool NeedsPhone(string channel) => channel is "whatsapp" or "call" or "sms";

    /// <summary>
    /// Materializes a bulk send: one delivery per message and reachable member of the campaign's groups, created at the
    /// start (invisible before it) and sent one by one over the three sending steps.
    /// </summary>
    public static void AddBulkDeliveries(SandboxState state, NitroCampaignRecord campaign)
    {
        var start = campaign.SendStartsAt ?? throw new InvalidOperationException("The send has no start.");
        var recipients = campaign.GroupIds
            .Where(state.ContactGroups.ContainsKey)
            .SelectMany(g => state.ContactGroups[g].ContactIds)
            .Distinct()
            .Order()
            .Select(id => state.FindContact(id))
            .OfType<ContactRecord>()
            .ToArray();
        foreach (var message in campaign.Messages)
        {
            var reachable = recipients.Where(c => NeedsPhone(message.Channel) ? c.Phone.Length > 0 : c.Email.Length > 0).ToArray();
            for (var i = 0; i < reachable.Length; i++)
            {
                var sentAt = start + campaign.Step + campaign.Step * (3.0 * (i + 1) / reachable.Length);
                Add(state, campaign, message, reachable[i], start, sentAt, transactional: false, null, null, null);
            }
        }
    }

    /// <summary>Adds one delivery and returns it; its final status is a deterministic function of its tracking number.</summary>
    public static NitroDeliveryRecord Add(
        SandboxState state, NitroCampaignRecord campaign, NitroMessageRecord message, ContactRecord contact, DateTime createdAt,
        DateTime sentAt, bool transactional, IReadOnlyDictionary<string, string>? variables, IReadOnlyDictionary<string, string>? metadata,
        CaseRecord? replyCase)
    {
        var number = state.NextDeliveryNumber();
        var roll = (int)(number * 7919 % 20);
        var final = roll switch
        {
            0 => message.Channel == "email" ? "bounced" : "failed",
            // A call is answered or not: it has no "read".
            <= 4 => message.Channel == "call" ? "delivered" : "read",
            5 => "sent",
            _ => "delivered",
        };
        var idBytes = new byte[16];
        new Random(unchecked((int)number * 31 + 17)).NextBytes(idBytes);
        var delivery = new NitroDeliveryRecord
        {
            Number = number,
            Channel = message.Channel,
            CampaignId = campaign.Id,
            MessageId = message.Id,
            ContactId = contact.Id,
            Phone = contact.Phone,
            Email = contact.Email,
            CreatedAt = createdAt,
            SentAt = sentAt,
            FinalStatus = final,
            Clicked = roll is 1 or 2,
            ExternalId = new Guid(idBytes).ToString(),
            CaseId = replyCase?.Id ?? 0,
            CaseNumber = replyCase?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Transactional = transactional,
            Variables = variables ?? new Dictionary<string, string>(),
            Metadata = metadata ?? new Dictionary<string, string>(),
        };
        message.Deliveries.Add(delivery);
        state.Deliveries.Add(number, delivery);
        return delivery;
    }
}
