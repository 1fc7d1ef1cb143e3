namespace WiseCx.Sandbox.Data;

/// <summary>
/// Generates the initial data. Deterministic for a given seed: only "now" moves, and every date is an offset from it,
/// so the same cases fall inside the API's 3-month window on every run.
/// </summary>
internal static partial class Seed
{
    public const long FirstCaseId = 1_270_001;
    public const long FirstCaseNumber = 48_001;
    public const long FirstActivityId = 4_050_001;
    public const long FirstContactId = 6_579_001;

    public static readonly IReadOnlyList<string> Statuses = ["opened", "solved", "pending", "hold", "closed"];
    public static readonly IReadOnlyList<string> Priorities = ["none", "low", "medium", "high", "very-high"];
    public static readonly IReadOnlyList<string> Channels = ["web", "app", "phone", "whatsapp", "email", "internal"];
    public static readonly IReadOnlyList<long> GroupIds = [1234, 6486, 53, 77];
    public static readonly IReadOnlyList<long> TypeIds = [0, 5, 6, 10];

    // Agents by user id; 0 means "unassigned" in cases and "system/contact" in activities.
    public static readonly IReadOnlyDictionary<long, string> Agents = new Dictionary<long, string>
    {
        [6405] = "Juan", [6406] = "María", [6410] = "Pedro", [7021] = "Lucía", [7188] = "Sean",
    };

    private static readonly string[] Tags =
        ["tag-1", "tag-2", "Setting Problem", "Cliente Mensual", "App Mobile", "Bug", "refund", "vip", "billing"];

    private const int SpanDays = 150;

    private static readonly string[] FirstNames =
        ["Julio", "Ana", "Seán", "María José", "Liam", "Zoë", "Björn", "Lucía", "Chloé", "Mateo", "Aoife", "Ignacio", "Renée", "Kenji", "Olga", "Tomás"];

    private static readonly string[] LastNames =
        ["Pailler", "O'Brien", "Núñez", "García", "Müller", "D'Angelo", "Smith", "Fernández", "O'Connor", "Peña", "Lefèvre", "Kowalski", "Ibáñez", "Tanaka"];

    // {0} = an order number. Some mention refunds, some carry apostrophes or non-ASCII text, as real subjects do.
    private static readonly string[] Subjects =
    [
        "Refund request for order #{0}", "Where is my refund?", "Partial refund not received", "Reembolso pendiente – señora Núñez",
        "O'Brien's order", "O'Brien's order arrived damaged", "Can't log in to the app", "Password reset link expired",
        "Cambio de domicilio de entrega", "Factura duplicada", "Delivery delayed – order #{0}", "Question about invoice {0}",
        "Cancel my subscription", "App crashes on startup", "Producto defectuoso", "Consulta sobre garantía",
        "Wrong item shipped (order #{0})", "Upgrade plan", "Solicitud de devolución", "Problema con el pago",
        "Nuevo caso desde API", "Feedback on the new website", "Can't download my invoice", "Pedido incompleto #{0}",
        "Atención: cliente VIP", "¿Dónde está mi pedido?", "Refund of shipping costs", "Don't charge me twice",
    ];

    private static readonly string[] Summaries =
    [
        "Customer asked about the status of the order; agent shared the tracking link.",
        "Refund approved and processed to the original payment method.",
        "Password reset after identity check.",
        "Se coordinó una nueva fecha de entrega con el cliente.",
        "Duplicate invoice voided; customer confirmed.",
        "Bot answered the FAQ and the customer did not reply.",
    ];

    public static SandboxState Create(int seed, int caseCount, DateTime now)
    {
        var rng = new Random(seed);
        var state = new SandboxState
        {
            LastCaseId = FirstCaseId - 1,
            LastCaseNumber = FirstCaseNumber - 1,
            LastActivityId = FirstActivityId - 1,
            LastContactId = FirstContactId - 1,
        };

        var contacts = CreateContacts(rng, state, Math.Max(20, caseCount / 3), now);

        // Ages in seconds, oldest first, so ids and numbers grow with created_at as in the real API.
        var ages = Enumerable.Range(0, caseCount)
            .Select(_ => 600 + (long)(rng.NextDouble() * (SpanDays * 86400.0 - 600)))
            .OrderByDescending(a => a)
            .ToArray();

        for (var i = 0; i < caseCount; i++)
        {
            var created = now.AddSeconds(-ages[i]);
            CreateCase(rng, state, contacts, created, now, FixedSubject(i, caseCount));
        }

        // The other resources draw from their own generators, so adding to them never changes the cases above.
        SeedDirectory(new Random(unchecked(seed ^ 0x0D1EC7)), state, now);
        SeedCommerce(new Random(unchecked(seed ^ 0x0C0FFE)), state, now);
        SeedSurveys(new Random(unchecked(seed ^ 0x05E7E7)), state, now);
        SeedNitro(new Random(unchecked(seed ^ 0x0A17B0)), state, now);
        SeedAnalytics(state);
        return state;
    }

    // Pins a few subjects to recent cases so filter tests (apostrophes, non-ASCII, "refund") always have matches.
    private static string? FixedSubject(int index, int count) => (count - index) switch
    {
        3 => "O'Brien's order",
        6 => "Reembolso pendiente – señora Núñez",
        9 => "Refund request for order #100234",
        _ => null,
    };

    private static List<ContactRecord> CreateContacts(Random rng, SandboxState state, int count, DateTime now)
    {
        var list = new List<ContactRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var first = Pick(rng, FirstNames);
            var last = Pick(rng, LastNames);
            var contact = new ContactRecord
            {
                Id = state.NextContactId(),
                Name = rng.Next(10) == 0 ? "" : $"{first} {last}",
                Email = rng.Next(8) == 0 ? "" : $"{Ascii(first)}.{Ascii(last)}{rng.Next(1, 999)}@example.com",
                Phone = rng.Next(3) == 0 ? "" : $"+54911{rng.Next(10_000_000, 99_999_999)}",
                PersonalId = rng.Next(2) == 0 ? "" : rng.Next(10_000_000, 45_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CustomFields = rng.Next(3) == 0 ? [new CustomField("DNI_CUIL", rng.Next(20_000_000, 29_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture))] : [],
                LastUpdate = now.AddSeconds(-rng.Next(3600, SpanDays * 86400)),
            };
            if (contact.Email.Length == 0 && contact.Phone.Length == 0 && contact.PersonalId.Length == 0)
                contact.Email = $"contact{contact.Id}@example.com";
            state.Contacts.Add(contact.Id, contact);
            list.Add(contact);
        }
        return list;
    }

    private static void CreateCase(Random rng, SandboxState state, List<ContactRecord> contacts, DateTime created, DateTime now, string? fixedSubject)
    {
        var ageDays = (now - created).TotalDays;
        var status = ageDays > 30
            ? Weighted(rng, ("closed", 55), ("solved", 35), ("pending", 5), ("hold", 3), ("opened", 2))
            : Weighted(rng, ("opened", 35), ("pending", 20), ("hold", 10), ("solved", 25), ("closed", 10));
        var channel = Weighted(rng, ("web", 25), ("email", 25), ("whatsapp", 20), ("app", 10), ("phone", 10), ("internal", 10));
        var contact = channel == "internal" && rng.Next(3) != 0 ? null : Pick(rng, contacts);
        var userId = (status == "opened" && rng.Next(10) < 4) || rng.Next(10) == 0 ? 0 : Pick(rng, Agents.Keys.ToArray());
        var agentId = userId != 0 ? userId : 6405;
        var subject = fixedSubject ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(rng, Subjects), rng.Next(100_000, 999_999));
        var tags = rng.Next(10) < 4 ? new List<string>() : Tags.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList();
        if (subject.Contains("refund", StringComparison.OrdinalIgnoreCase) && !tags.Contains("refund") && rng.Next(2) == 0) tags.Add("refund");
        var solvedLike = status is "solved" or "closed";

        var c = new CaseRecord
        {
            Id = NextCaseIdWithGaps(rng, state),
            Number = state.NextCaseNumber(),
            GroupId = Pick(rng, GroupIds),
            UserId = userId,
            ContactId = contact?.Id ?? 0,
            Status = status,
            SourceChannel = channel,
            Tags = tags,
            TypeId = Pick(rng, TypeIds),
            Subject = subject,
            Priority = Weighted(rng, ("none", 40), ("low", 20), ("medium", 20), ("high", 15), ("very-high", 5)),
            CustomFields = rng.Next(2) == 0 ? [] : [new CustomField("order_id", $"A-{rng.Next(10_000, 99_999)}")],
            CreatedAt = created,
            ChannelAccount = ChannelAccount(channel),
            BotAttended = rng.Next(10) < 3,
        };
        if (rng.Next(10) < 3) c.DueAt = created.AddHours(rng.Next(24, 24 * 7));
        if (rng.Next(4) == 0) c.CustomFields.Add(new CustomField("store", Pick(rng, new[] { "Palermo", "Córdoba", "Online" })));
        c.BotResolved = c.BotAttended && solvedLike && rng.Next(10) < 4;

        // A consistent timeline: read → assigned → answered → solved → closed, never after now.
        DateTime Clamp(DateTime t) => t > now ? now : t;
        if (status != "opened" || rng.Next(10) >= 3) c.FirstRead = Clamp(created.AddMinutes(rng.Next(1, 120)));
        if (userId != 0) c.LastAssignment = Clamp(created.AddMinutes(rng.Next(0, 30)));
        if (c.FirstRead is { } read && contact is not null && (status != "opened" || rng.Next(2) == 0))
        {
            c.FirstResponse = Clamp(read.AddMinutes(rng.Next(1, 60)));
            c.LastResponse = rng.Next(3) == 0 ? c.FirstResponse : Clamp(c.FirstResponse.Value.AddMinutes(rng.Next(30, 3 * 24 * 60)));
        }
        if (solvedLike)
        {
            var after = c.LastResponse ?? c.FirstRead ?? created;
            c.SolvedAt = Clamp(after.AddMinutes(rng.Next(10, 600)));
            if (status == "closed") c.ClosedAt = Clamp(c.SolvedAt.Value.AddHours(rng.Next(24, 72)));
            if (rng.Next(10) < 4) c.NpsValue = rng.Next(0, 11);
            c.Summary = Pick(rng, Summaries);
        }
        else if (status != "opened")
        {
            c.Summary = Pick(rng, Summaries);
        }
        c.LastRead = Max(c.FirstRead, c.LastResponse, c.SolvedAt);

        AddSeedActivities(rng, state, c, contact, agentId);
        c.LastUpdate = Max(created, c.FirstRead, c.LastAssignment, c.LastResponse, c.SolvedAt, c.ClosedAt, c.LastRead)!.Value;
        state.Cases.Add(c.Id, c);
    }

    private static void AddSeedActivities(Random rng, SandboxState state, CaseRecord c, ContactRecord? contact, long agentId)
    {
        var pending = new List<(DateTime At, Func<long, ActivityRecord> Make)>();
        var channel = c.SourceChannel;
        var snapshot = contact?.Snapshot();

        if (snapshot is not null)
        {
            var attachments = rng.Next(7) == 0
                ? new List<Attachment> { new("photo.jpg", 0, DownloadUrl(rng, ".jpg")) }
                : null;
            pending.Add((c.CreatedAt, id => new ActivityRecord
            {
                Id = id, CaseId = c.Id, Type = "contact_message", UserId = 0, Channel = channel,
                Content = $"Hola, les escribo por: {c.Subject}", ContactFrom = snapshot, Attachments = attachments, CreatedAt = c.CreatedAt,
            }));
        }
        else
        {
            pending.Add((c.CreatedAt, id => new ActivityRecord
            {
                Id = id, CaseId = c.Id, Type = "note", UserId = agentId, Channel = channel,
                Content = $"Caso interno: {c.Subject}", CreatedAt = c.CreatedAt,
            }));
        }
        if (c.Tags.Count > 0)
        {
            var at = c.CreatedAt.AddSeconds(1);
            pending.Add((at, id => SystemActivity(id, c, 0, $"[added_tag] {string.Join(", ", c.Tags)}", at)));
        }
        if (c.FirstRead is { } read)
        {
            pending.Add((read, id => SystemActivity(id, c, agentId, $"Ticket leído por el agente {Agents[agentId]}", read)));
            if (rng.Next(5) == 0)
            {
                var at = read.AddMinutes(2);
                pending.Add((at, id => new ActivityRecord
                {
                    Id = id, CaseId = c.Id, Type = "note", UserId = agentId, Channel = channel, Content = "Contenido nota interna.", CreatedAt = at,
                }));
            }
        }
        if (c.FirstResponse is { } first && snapshot is not null)
        {
            pending.Add((first, id => Reply(id, c, agentId, snapshot, "Gracias por escribirnos, ya estamos revisando su caso.", first)));
            if (c.LastResponse is { } last && last > first)
            {
                var asked = first.AddSeconds((last - first).TotalSeconds / 2);
                pending.Add((asked, id => new ActivityRecord
                {
                    Id = id, CaseId = c.Id, Type = "contact_message", UserId = 0, Channel = channel,
                    Content = "¿Alguna novedad?", ContactFrom = snapshot, CreatedAt = asked,
                }));
                pending.Add((last, id => Reply(id, c, agentId, snapshot, "Su caso fue resuelto. Saludos.", last)));
            }
        }

        foreach (var (_, make) in pending.OrderBy(p => p.At))
            c.Activities.Add(make(state.NextActivityId()));
    }

    private static ActivityRecord SystemActivity(long id, CaseRecord c, long userId, string content, DateTime at) => new()
    {
        Id = id, CaseId = c.Id, Type = "system", UserId = userId, Channel = c.SourceChannel, Content = content, CreatedAt = at,
    };

    private static ActivityRecord Reply(long id, CaseRecord c, long userId, ContactSnapshot to, string content, DateTime at) => new()
    {
        Id = id, CaseId = c.Id, Type = "user_reply", UserId = userId, Channel = c.SourceChannel, Content = content,
        ContactsTo = [to], CreatedAt = at,
    };

    /// <summary>The API re-hosts attachments and answers with a relative URL of this shape.</summary>
    public static string DownloadUrl(Random rng, string extension)
    {
        Span<byte> bytes = stackalloc byte[14];
        rng.NextBytes(bytes);
        return $"/FileAdm/DownloadFile.aspx?file={Convert.ToHexString(bytes).ToLowerInvariant()}{extension}&e=16&t=12711";
    }

    // The live spellings (kept as written when vocabularies are loose) reach the same accounts as the documented ones.
    public static string ChannelAccount(string channel) => channel.ToLowerInvariant() switch
    {
        "web" => "web-widget",
        "app" => "acme-app",
        "phone" or "incoming_call" => "+541148880000",
        "whatsapp" or "outgoing_whatsapp" => "+5491155550000",
        "email" or "new_email" => "soporte@acme.example",
        _ => "",
    };

    // Real case ids have gaps (ids are shared with drafts and deleted cases); numbers do not.
    private static long NextCaseIdWithGaps(Random rng, SandboxState state)
    {
        if (rng.Next(8) == 0) state.LastCaseId += rng.Next(1, 4);
        return state.NextCaseId();
    }

    private static DateTime? Max(params DateTime?[] values) => values.Where(v => v.HasValue).Max();

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Weighted(Random rng, params (string Value, int Weight)[] options)
    {
        var roll = rng.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return options[^1].Value;
    }

    // Spelled out because InvariantGlobalization leaves string.Normalize without decomposition data.
    private static string Ascii(string text)
    {
        const string from = "áàäâãåéèëêíìïîóòöôõøúùüûñçÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕØÚÙÜÛÑÇ";
        const string to = "aaaaaaeeeeiiiioooooouuuuncAAAAAAEEEEIIIIOOOOOOUUUUNC";
        var letters = text
            .Select(ch => from.IndexOf(ch) is var at and >= 0 ? to[at] : ch)
            .Where(ch => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            .ToArray();
        return new string(letters).ToLowerInvariant();
    }
}
