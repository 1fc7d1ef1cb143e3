namespace WiseCx.Sandbox.Data;

/// <summary>
/// All mutable data of the sandbox. Only read under <see cref="SandboxStore"/>'s read lock and changed under its write
/// lock, so it needs no locking itself (<see cref="Views"/>, filled by readers, looks after itself).
/// A new resource adds its collection and id counter here (or in a partial file of its own) and its seed in <see cref="Seed"/>.
/// </summary>
internal sealed partial class SandboxState
{
    /// <summary>The lists' sorted views; emptied by <see cref="SandboxStore"/> on every write.</summary>
    public SortedViews Views { get; } = new();

    public Dictionary<long, CaseRecord> Cases { get; } = [];
    public Dictionary<long, ContactRecord> Contacts { get; } = [];
    public Dictionary<long, CaseTypeRecord> CaseTypes { get; } = [];
    public Dictionary<long, TagRecord> Tags { get; } = [];
    public Dictionary<long, OrganizationRecord> Organizations { get; } = [];
    public Dictionary<long, ContactGroupRecord> ContactGroups { get; } = [];
    public Dictionary<long, UserRecord> Users { get; } = [];
    public Dictionary<long, QueueRecord> Queues { get; } = [];
    public Dictionary<long, SurveyRecord> Surveys { get; } = [];
    public Dictionary<long, OrderRecord> Orders { get; } = [];
    public Dictionary<long, MeliOrderRecord> MeliOrders { get; } = [];
    public List<WhatsAppTemplateRecord> WhatsAppTemplates { get; } = [];
    public List<ChannelRecord> Channels { get; } = [];

    /// <summary>Assistant flow nodes that can be executed, by id (value: the node's name).</summary>
    public Dictionary<long, string> AssistantNodes { get; } = [];

    public Dictionary<long, AnalyticsReportRecord> Reports { get; } = [];
    public Dictionary<string, AnalyticsExportRecord> Exports { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<long, NitroCampaignRecord> Campaigns { get; } = [];

    /// <summary>Every Nitro send by its tracking number, so GET /nitro/transactional/requests/{id} is a lookup.</summary>
    public Dictionary<long, NitroDeliveryRecord> Deliveries { get; } = [];

    // Last ids handed out; ids only grow, even across deletes.
    public long LastCaseId { get; set; }
    public long LastCaseNumber { get; set; }
    public long LastActivityId { get; set; }
    public long LastContactId { get; set; }
    public long LastTagId { get; set; }
    public long LastOrganizationId { get; set; }
    public long LastContactGroupId { get; set; }
    public long LastUserId { get; set; }
    public long LastQueueId { get; set; }
    public long LastOrderId { get; set; }
    public long LastAssistantExecutionId { get; set; }
    public long LastCampaignId { get; set; }
    public long LastMessageId { get; set; }
    public long LastDeliveryNumber { get; set; }

    public long NextCaseId() => ++LastCaseId;
    public long NextCaseNumber() => ++LastCaseNumber;
    public long NextActivityId() => ++LastActivityId;
    public long NextContactId() => ++LastContactId;
    public long NextTagId() => ++LastTagId;
    public long NextOrganizationId() => ++LastOrganizationId;
    public long NextContactGroupId() => ++LastContactGroupId;
    public long NextUserId() => ++LastUserId;
    public long NextQueueId() => ++LastQueueId;
    public long NextOrderId() => ++LastOrderId;
    public long NextAssistantExecutionId() => ++LastAssistantExecutionId;
    public long NextCampaignId() => ++LastCampaignId;
    public long NextMessageId() => ++LastMessageId;
    public long NextDeliveryNumber() => ++LastDeliveryNumber;

    public NitroCampaignRecord? FindCampaign(long id) =>
        Campaigns.TryGetValue(id, out var found) && found.State != "deleted" ? found : null;

    /// <summary>The queues a user belongs to, by id: the other side of <see cref="QueueRecord.Members"/>.</summary>
    public IEnumerable<(QueueRecord Queue, bool AutoAssign)> QueuesOf(long userId) =>
        Queues.Values
            .Where(q => q.Members.ContainsKey(userId))
            .OrderBy(q => q.Id)
            .Select(q => (q, q.Members[userId]));

    public CaseRecord? FindCase(long id, bool includeDeleted = false) =>
        Cases.TryGetValue(id, out var found) && (includeDeleted || !found.Deleted) ? found : null;

    public ContactRecord? FindContact(long id) =>
        Contacts.TryGetValue(id, out var found) && !found.Deleted ? found : null;

    /// <summary>The contact an activity refers to (by id, else email, personal_id, phone), without creating one.</summary>
    public ContactRecord? FindContact(ContactInput input) =>
        input.Id is { } id
            ? FindContact(id)
            : Match(input.Email, c => c.Email) ?? Match(input.PersonalId, c => c.PersonalId) ?? Match(input.Phone, c => c.Phone);

    /// <summary>
    /// Finds the contact an activity refers to (by id, else email, personal_id, phone) or creates it, as the API
    /// does for contact_from/contacts_to. Returns null only for an id that does not exist.
    /// </summary>
    public ContactRecord? ResolveContact(ContactInput input, DateTime now)
    {
        if (input.Id is { } id) return FindContact(id);

        var existing = FindContact(input);
        if (existing is not null)
        {
            // Fill gaps only: an activity should not silently rename a known contact.
            var changed = false;
            if (existing.Email.Length == 0 && !string.IsNullOrWhiteSpace(input.Email)) { existing.Email = input.Email.Trim(); changed = true; }
            if (existing.PersonalId.Length == 0 && !string.IsNullOrWhiteSpace(input.PersonalId)) { existing.PersonalId = input.PersonalId.Trim(); changed = true; }
            if (existing.Phone.Length == 0 && !string.IsNullOrWhiteSpace(input.Phone)) { existing.Phone = input.Phone.Trim(); changed = true; }
            if (existing.Name.Length == 0 && !string.IsNullOrWhiteSpace(input.Name)) { existing.Name = input.Name.Trim(); changed = true; }
            if (changed) existing.LastUpdate = now;
            return existing;
        }

        var created = new ContactRecord
        {
            Id = NextContactId(),
            Email = input.Email?.Trim() ?? "",
            PersonalId = input.PersonalId?.Trim() ?? "",
            Phone = input.Phone?.Trim() ?? "",
            Name = input.Name?.Trim() ?? "",
            CustomFields = input.CustomFields?.ToList() ?? [],
            LastUpdate = now,
        };
        Contacts.Add(created.Id, created);
        return created;
    }

    private ContactRecord? Match(string? value, Func<ContactRecord, string> key)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var wanted = value.Trim();
        return Contacts.Values
            .Where(c => !c.Deleted && string.Equals(key(c), wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Id)
            .FirstOrDefault();
    }
}
