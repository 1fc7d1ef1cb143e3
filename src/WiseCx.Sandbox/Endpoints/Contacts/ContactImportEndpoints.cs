using System.Text.Json;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// Bulk contact imports, as the vendor's Spanish documentation is summarised (shapes assumed, no example answer known):
/// POST /contacts/import starts one (<c>{"id","status":"created"}</c>), POST /contacts/import/{id}/add queues up to
/// <see cref="MaxPerAdd"/> contacts (<c>{"received","rejected":[{"index","error"}]}</c>; a row without the identifier or
/// with a malformed e-mail is rejected), GET /contacts/import/{id}/status applies up to <see cref="RowsPerStep"/> queued
/// rows per request (pending → processing → completed) and answers the counts and the rows that failed.
/// </summary>
internal static class ContactImportEndpoints
{
    public const int MaxPerAdd = 50;
    public const int MaxPerImport = 10_000;

    /// <summary>Queued rows applied by each status request: the import's "background" work, one step per request.</summary>
    public const int RowsPerStep = 500;

    private static readonly string[] Identifiers = ["email", "personal_id", "phone"];
    private static readonly string[] Actions = ["add_update", "add_only", "update_only"];
    private static readonly string[] ContactFields = ["email", "phone", "name", "personal_id", "address"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/contacts/import", StartAsync).FromSpanishDocs();
        api.MapPost("/contacts/import/{id}/add", AddAsync).FromSpanishDocs();
        api.MapGet("/contacts/import/{id}/status", Status).FromSpanishDocs();
    }

    private static async Task<IResult> StartAsync(HttpContext http, SandboxStore store)
    {
        var body = await JsonBody.ReadObjectAsync(http.Request);
        var groups = JsonBody.OptionalIdArray(body, "group_ids", "group_ids");
        if (groups is null || groups.Count == 0) throw ApiException.BadRequest("group_ids is required: at least one contact group.");
        var identifier = JsonBody.OptionalEnum(body, "identifier", "identifier", Identifiers)
            ?? throw ApiException.BadRequest("identifier is required: one of " + string.Join(", ", Identifiers) + ".");
        var action = JsonBody.OptionalEnum(body, "action", "action", Actions) ?? "add_update";
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (JsonBody.OptionalObject(body, "fields_mapping", "fields_mapping") is { } map)
        {
            foreach (var pair in map.EnumerateObject())
            {
                if (pair.Value.ValueKind != JsonValueKind.String)
                    throw ApiException.BadRequest($"fields_mapping.{pair.Name} must be a string (a contact field or a custom field name).");
                mapping[pair.Name] = pair.Value.GetString()!;
            }
        }
        var id = store.Write(state =>
        {
            foreach (var group in groups)
            {
                if (!state.ContactGroups.ContainsKey(group)) throw ApiException.BadRequest($"group_ids: contact group {group} not found.");
            }
            var import = new ContactImportRecord
            {
                Id = state.NextContactImportId(), GroupIds = groups.Distinct().ToArray(), Identifier = identifier, Action = action, FieldsMapping = mapping,
            };
            state.ContactImports.Add(import.Id, import);
            return import.Id;
        });
        return SandboxJson.Ok(new JsonObject { ["id"] = id, ["status"] = "created" });
    }

    private static async Task<IResult> AddAsync(HttpContext http, string id, SandboxStore store)
    {
        var importId = PathIds.Parse(id, "Import");
        var body = await JsonBody.ReadObjectAsync(http.Request);
        var contacts = JsonBody.OptionalArray(body, "contacts", "contacts") ?? throw ApiException.BadRequest("contacts is required.");
        var rows = contacts.EnumerateArray().Select((item, i) => ParseRow(item, i)).ToList();
        if (rows.Count == 0) throw ApiException.BadRequest("contacts is empty.");
        if (rows.Count > MaxPerAdd) throw ApiException.BadRequest($"contacts: at most {MaxPerAdd} contacts per request; got {rows.Count}.");
        var answer = store.Write(state =>
        {
            var import = state.ContactImports.GetValueOrDefault(importId) ?? throw PathIds.NotFound("Import", id);
            if (import.Sent + rows.Count > MaxPerImport)
                throw ApiException.BadRequest($"An import takes at most {MaxPerImport} contacts; this one has {import.Sent} and {rows.Count} more were sent.");
            var rejected = new JsonArray();
            var received = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var position = import.Sent + i;
                var error = rows[i] is { } row ? Check(row, import.Identifier) : "not a contact object";
                if (error is null)
                {
                    import.Received.Add((position, rows[i]!));
                    received++;
                }
                else
                {
                    rejected.Add(new JsonObject { ["index"] = i, ["error"] = error });
                }
            }
            import.Sent += rows.Count;
            return new JsonObject { ["received"] = received, ["rejected"] = rejected };
        });
        return SandboxJson.Ok(answer);
    }

    private static IResult Status(string id, SandboxStore store, SandboxOptions options)
    {
        var importId = PathIds.Parse(id, "Import");
        var now = ApiDate.Now(options.TimeProvider);
        var json = store.Write(state =>
        {
            var import = state.ContactImports.GetValueOrDefault(importId) ?? throw PathIds.NotFound("Import", id);
            // One step of the import's work per request, then where it stands: pending (nothing received yet),
            // processing (rows still queued) or completed.
            var step = Math.Min(RowsPerStep, import.Received.Count - import.Processed);
            for (var i = 0; i < step; i++) Apply(state, import, import.Received[import.Processed + i], now);
            import.Processed += step;
            var status = import.Received.Count == 0 ? "pending" : import.Processed < import.Received.Count ? "processing" : "completed";
            return ToJson(import, status);
        });
        return SandboxJson.Ok(json);
    }

    private static JsonObject ToJson(ContactImportRecord import, string status) => new()
    {
        ["id"] = import.Id,
        ["status"] = status,
        ["total"] = import.Received.Count,
        ["processed"] = import.Processed,
        ["created"] = import.Created,
        ["updated"] = import.Updated,
        ["failed"] = import.Failed,
        // Each error names its row twice: by position among the rows the import received, and by the identifier's value.
        ["errors"] = new JsonArray(import.Errors.Select(e =>
            (JsonNode)new JsonObject { ["index"] = e.Position, [import.Identifier] = e.Key, ["error"] = e.Error }).ToArray()),
    };

    private static ContactImportRowInput? ParseRow(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        var label = $"contacts[{index}]";
        var metadata = new List<(string, string)>();
        if (JsonBody.OptionalObject(item, "metadata", label + ".metadata") is { } meta)
        {
            foreach (var pair in meta.EnumerateObject())
            {
                var text = pair.Value.ValueKind switch
                {
                    JsonValueKind.String => pair.Value.GetString() ?? "",
                    JsonValueKind.Null => null,
                    _ => pair.Value.GetRawText(),
                };
                if (text is not null) metadata.Add((pair.Name, text));
            }
        }
        return new ContactImportRowInput(
            JsonBody.OptionalScalarText(item, "email", label + ".email")?.Trim(),
            JsonBody.OptionalScalarText(item, "phone", label + ".phone")?.Trim(),
            JsonBody.OptionalScalarText(item, "name", label + ".name")?.Trim(),
            JsonBody.OptionalScalarText(item, "personal_id", label + ".personal_id")?.Trim(),
            metadata);
    }

    /// <summary>Why a row is refused when it arrives, or null.</summary>
    private static string? Check(ContactImportRowInput row, string identifier)
    {
        if (string.IsNullOrWhiteSpace(IdentifierOf(row, identifier))) return $"{identifier} is required (the import's identifier).";
        if (!string.IsNullOrEmpty(row.Email) && !IsEmail(row.Email)) return $"email '{row.Email}' is not a valid e-mail address.";
        return null;
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace);
    }

    private static string? IdentifierOf(ContactImportRowInput row, string identifier) =>
        identifier switch { "personal_id" => row.PersonalId, "phone" => row.Phone, _ => row.Email };

    private static string KeyOf(ContactRecord contact, string identifier) =>
        identifier switch { "personal_id" => contact.PersonalId, "phone" => contact.Phone, _ => contact.Email };

    private static void Apply(SandboxState state, ContactImportRecord import, (int Position, ContactImportRowInput Row) item, DateTime now)
    {
        var (position, row) = item;
        var key = IdentifierOf(row, import.Identifier)!;
        var existing = state.Contacts.Values
            .Where(c => !c.Deleted && string.Equals(KeyOf(c, import.Identifier), key, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Id)
            .FirstOrDefault();
        if (existing is not null && import.Action == "add_only")
        {
            import.Failed++;
            import.Errors.Add((position, key, $"a contact with {import.Identifier} '{key}' already exists (contact {existing.Id})."));
            return;
        }
        if (existing is null && import.Action == "update_only")
        {
            import.Failed++;
            import.Errors.Add((position, key, $"no contact with {import.Identifier} '{key}' to update."));
            return;
        }
        var contact = existing ?? new ContactRecord { Id = state.NextContactId() };
        if (existing is null)
        {
            state.Contacts.Add(contact.Id, contact);
            import.Created++;
        }
        else
        {
            import.Updated++;
        }
        if (!string.IsNullOrEmpty(row.Email)) contact.Email = row.Email;
        if (!string.IsNullOrEmpty(row.Phone)) contact.Phone = row.Phone;
        if (!string.IsNullOrEmpty(row.Name)) contact.Name = row.Name;
        if (!string.IsNullOrEmpty(row.PersonalId)) contact.PersonalId = row.PersonalId;
        foreach (var (metaKey, value) in row.Metadata)
        {
            var target = import.FieldsMapping.TryGetValue(metaKey, out var mapped) ? mapped : metaKey;
            switch (ContactFields.FirstOrDefault(f => string.Equals(f, target, StringComparison.OrdinalIgnoreCase)))
            {
                case "email": contact.Email = value; break;
                case "phone": contact.Phone = value; break;
                case "name": contact.Name = value; break;
                case "personal_id": contact.PersonalId = value; break;
                case "address": contact.Address = value; break;
                default:
                    var at = contact.CustomFields.FindIndex(f => string.Equals(f.Field, target, StringComparison.OrdinalIgnoreCase));
                    if (at >= 0) contact.CustomFields[at] = new CustomField(target, value);
                    else contact.CustomFields.Add(new CustomField(target, value));
                    break;
            }
        }
        contact.LastUpdate = now;
        foreach (var group in import.GroupIds)
        {
            if (state.ContactGroups.TryGetValue(group, out var record)) record.ContactIds.Add(contact.Id);
        }
    }
}
