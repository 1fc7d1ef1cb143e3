namespace WiseCx.Sandbox.Data;

/// <summary>
/// All mutable data of the sandbox. Only touched inside <see cref="SandboxStore"/>'s lock, so it needs no locking itself.
/// A new resource adds its collection and id counter here and its seed in <see cref="Seed"/>.
/// </summary>
internal sealed class SandboxState
{
    public Dictionary<long, CaseRecord> Cases { get; } = [];
    public Dictionary<long, ContactRecord> Contacts { get; } = [];

    // Last ids handed out; ids only grow, even across deletes.
    public long LastCaseId { get; set; }
    public long LastCaseNumber { get; set; }
    public long LastActivityId { get; set; }
    public long LastContactId { get; set; }

    public long NextCaseId() => ++LastCaseId;
    public long NextCaseNumber() => ++LastCaseNumber;
    public long NextActivityId() => ++LastActivityId;
    public long NextContactId() => ++LastContactId;

    public CaseRecord? FindCase(long id, bool includeDeleted = false) =>
        Cases.TryGetValue(id, out var found) && (includeDeleted || !found.Deleted) ? found : null;

    public ContactRecord? FindContact(long id) =>
        Contacts.TryGetValue(id, out var found) && !found.Deleted ? found : null;

    /// <summary>
    /// Finds the contact an activity refers to (by id, else email, personal_id, phone) or creates it, as the API
    /// does for contact_from/contacts_to. Returns null only for an id that does not exist.
    /// </summary>
    public ContactRecord? ResolveContact(ContactInput input, DateTime now)
    {
        if (input.Id is { } id) return FindContact(id);

        var existing =
            Match(input.Email, c => c.Email) ??
            Match(input.PersonalId, c => c.PersonalId) ??
            Match(input.Phone, c => c.Phone);
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
