namespace WiseCx.Sandbox.Data;

// Case types and tags, organizations, contact groups, users, queues, channels, WhatsApp templates and assistant nodes.
// The collection's example objects are part of the seed (same ids and names), so its example requests work as written.
internal static partial class Seed
{
    // Ids continue from the collection's creation examples: the first organization created answers 50053, the first group 8798,
    // the first user 7890, as in the examples.
    private const long LastSeededOrganizationId = 50_052;
    private const long LastSeededContactGroupId = 8_797;
    private const long LastSeededUserId = 7_889;

    /// <summary>The queue that is always open (every day, all day) and the one that never is: stable answers for is_open.</summary>
    public const long AlwaysOpenQueueId = 6472;
    public const long NeverOpenQueueId = 90;

    private static void SeedDirectory(Random rng, SandboxState state, DateTime now)
    {
        foreach (var type in new CaseTypeRecord[]
                 {
                     new(1, "Atención al cliente", 0), new(5, "Prensa", 0), new(6, "Comercial", 5), new(10, "Consulta", 1),
                     new(11, "Reclamo", 1), new(12, "Sugerencia", 1), new(13, "Facturación", 6),
                 })
            state.CaseTypes.Add(type.Id, type);

        foreach (var tag in new TagRecord[]
                 {
                     new(1, "Setting Problem"), new(63, "Cliente Mensual"), new(131, "App Mobile"), new(150, "Bug"),
                     new(151, "tag-1"), new(152, "tag-2"), new(153, "refund"), new(154, "vip"), new(155, "billing"),
                 })
            state.Tags.Add(tag.Id, tag);
        state.LastTagId = 155;

        SeedOrganizations(rng, state);
        SeedContactGroups(rng, state);
        SeedUsers(rng, state, now);
        SeedQueues(rng, state, now);

        foreach (var channel in new ChannelRecord[]
                 {
                     new("596", "QA Wise CX", "incoming_whatsapp"), new("11330", "Chat Online phonebar", "chat"),
                     new("17029", "tk.qaphonebar@wcentrix.net", "email"), new("17030", "soporte@acme.example", "email"),
                     new("18201", "+541148880000", "phone"), new("19044", "acme-app", "app"),
                 })
            state.Channels.Add(channel);

        foreach (var template in new WhatsAppTemplateRecord[]
                 {
                     new(1, "Cita", "Your appointment is coming up on {{1}} at {{2}}", "5493514544", "Consultas", "en"),
                     new(2, "Orden", "Your {{1}} order of {{2}} has shipped and should be delivered on {{3}}. Details: {{4}}", "5493514544", "Ventas", "en"),
                     new(7, "inicio_gestion", "WebCentrix le envía el siguiente mensaje para que pueda iniciar su gestión, por favor envié respuesta para iniciar el contacto.", "54911564654", "WebCentrix", "es"),
                     new(8, "pago_reserva", "Para realizar el pago de su reserva código ${codigo_reserva} con destino a ${nombre_destino}, por favor responda sobre este canal con la palabra PAGO", "54911564654", "WebCentrix", "es"),
                     new(123, "recordatorio_pago", "Hola {{1}}, le recordamos que su factura {{2}} vence el {{3}}.", "5491155550000", "Facturación", "es"),
                     new(40184, "winter_promo", "Hi {{1}}! Our winter promotion is on: up to 40% off until Sunday.", "5491155550000", "Marketing", "en"),
                     new(40200, "bienvenida", "¡Hola {{1}}! Gracias por sumarte. ¿En qué podemos ayudarte?", "5491155550000", "Marketing", "es"),
                 })
            state.WhatsAppTemplates.Add(template);

        state.AssistantNodes.Add(420, "inicio");
        state.AssistantNodes.Add(421, "consulta_pedido");
        state.AssistantNodes.Add(422, "derivar_agente");
        state.AssistantNodes.Add(430, "encuesta_satisfaccion");
        // POST /assistans/{assistantID}/{nodeName}/execute: assistant 7 holds the nodes above, by name.
        state.Assistants.Add(7, [420, 421, 422, 430]);

        // Options of case custom fields (GET /cases/fields/{field_name}/options); "store" is the field seeded cases carry.
        foreach (var (field, values) in new (string, string[])[]
                 {
                     ("plan", ["Básico", "Pro", "Empresa"]),
                     ("motivo", ["Facturación", "Envío", "Devolución", "Otro"]),
                     ("store", ["Palermo", "Córdoba", "Online"]),
                 })
            state.CustomFieldOptions.Add(field, values.Select(v => new CustomFieldOptionRecord(state.NextCustomFieldOptionId(), v)).ToList());
    }

    private static void SeedOrganizations(Random rng, SandboxState state)
    {
        foreach (var (id, customId, name) in new (long, string, string)[]
                 {
                     (14, "1234", "Test Organización 01"), (15, "1431", "Test Organización 02"), (16, "6789", "Test Organización 03"),
                     (17, "30-71234567-8", "Acme Argentina S.A."), (18, "30-70000001-2", "Distribuidora Núñez"), (19, "20-30111222-3", "O'Connor & Hijos"),
                 })
            state.Organizations.Add(id, new OrganizationRecord { Id = id, CustomId = customId, Name = name });
        state.LastOrganizationId = LastSeededOrganizationId;

        var organizationIds = state.Organizations.Keys.ToArray();
        foreach (var contact in state.Contacts.Values)
        {
            if (rng.Next(10) < 3) contact.OrganizationId = Pick(rng, organizationIds);
            if (rng.Next(5) == 0) contact.Guid = HexId(rng);
            if (rng.Next(10) < 3) contact.Address = $"{Pick(rng, Streets)} {rng.Next(100, 9999)}, {Pick(rng, Cities)}";
        }
    }

    private static readonly string[] Streets = ["Av. Corrientes", "Calle Falsa", "Av. Colón", "San Martín", "O'Higgins", "Bv. San Juan"];
    private static readonly string[] Cities = ["CABA", "Córdoba", "Rosario", "Mendoza", "La Plata"];

    private static void SeedContactGroups(Random rng, SandboxState state)
    {
        var withPhone = state.Contacts.Values.Where(c => c.Phone.Length > 0).Select(c => c.Id).ToArray();
        var withEmail = state.Contacts.Values.Where(c => c.Email.Length > 0).Select(c => c.Id).ToArray();
        var all = state.Contacts.Keys.ToArray();

        void Add(long id, string name, IEnumerable<long> members, string? code = null)
        {
            var group = new ContactGroupRecord { Id = id, Code = code ?? ContactGroupRecord.MakeCode(id), Name = name };
            group.ContactIds.UnionWith(members);
            state.ContactGroups.Add(id, group);
        }

        Add(389, "Group 01", withPhone.Where(_ => rng.Next(2) == 0), "BKA0389");
        Add(390, "Group 02", withPhone.Where(_ => rng.Next(3) == 0), "SRI0390");
        Add(391, "Group 03", all.Where(_ => rng.Next(12) == 0), "OXC0391");
        Add(392, "Clientes VIP", all.Where(_ => rng.Next(8) == 0));
        Add(393, "Newsletter", withEmail);
        state.LastContactGroupId = LastSeededContactGroupId;
    }

    private static void SeedUsers(Random rng, SandboxState state, DateTime now)
    {
        void Add(long id, string userName, string nick, string first, string last, bool bot, DateTime created, DateTime? lastLogin) =>
            state.Users.Add(id, new UserRecord
            {
                Id = id, UserName = userName, Nick = nick, FirstName = first, LastName = last, IsBot = bot, CreatedAt = created, LastLogin = lastLogin,
            });

        DateTime Recent() => now.AddMinutes(-rng.Next(5, 60 * 24 * 20));

        // The collection's examples first, then the agents the seeded cases are assigned to.
        Add(10, "juan.perez@acme.example", "Juan", "Juan", "Pérez", false, new DateTime(2018, 6, 4, 13, 2, 0, DateTimeKind.Utc), Recent());
        Add(11, "maria.garcia@acme.example", "María", "María", "García", false, new DateTime(2018, 6, 4, 13, 5, 0, DateTimeKind.Utc), Recent());
        Add(5846, "webcentrix@hotmail.com", "Web", "Web", "Centrix", false,
            new DateTime(2019, 3, 19, 1, 28, 0, DateTimeKind.Utc), new DateTime(2021, 1, 19, 15, 54, 17, DateTimeKind.Utc));
        Add(5852, "lukedemo", "Luke", "Luke", "Skywalker", true,
            new DateTime(2019, 7, 24, 1, 28, 0, DateTimeKind.Utc), new DateTime(2021, 1, 19, 15, 54, 17, DateTimeKind.Utc));
        var agentLastNames = new Dictionary<long, string> { [6405] = "Martínez", [6406] = "López", [6410] = "Gómez", [7021] = "Fernández", [7188] = "O'Brien" };
        foreach (var (id, name) in Agents)
            Add(id, $"{Ascii(name)}.{Ascii(agentLastNames[id])}@acme.example", name, name, agentLastNames[id], false,
                now.AddDays(-rng.Next(400, 1500)).Date.AddMinutes(rng.Next(0, 1440)), Recent());

        Add(7200, "bot.whatsapp@acme.example", "WhatsApp Bot", "Bot", "WhatsApp", true, now.AddDays(-700).Date, null);
        Add(7201, "bot.web@acme.example", "Web Bot", "Bot", "Web", true, now.AddDays(-650).Date, null);
        Add(7202, "assistant@acme.example", "Asistente", "Asistente", "Virtual", true, now.AddDays(-300).Date, null);

        var nextId = 7210L;
        for (var i = 0; i < 28; i++)
        {
            var first = Pick(rng, FirstNames);
            var last = Pick(rng, LastNames);
            Add(nextId, $"{Ascii(first)}.{Ascii(last)}{nextId % 100}@acme.example", first.Split(' ')[0], first, last, false,
                now.AddDays(-rng.Next(30, 1500)).Date.AddMinutes(rng.Next(0, 1440)), rng.Next(6) == 0 ? null : Recent());
            nextId += rng.Next(1, 4);
        }
        state.LastUserId = LastSeededUserId;
    }

    private static void SeedQueues(Random rng, SandboxState state, DateTime now)
    {
        var arg = BusinessHours.ArgentinaTimezone;
        var argOffset = BusinessHours.ArgentinaOffset;
        var weekdays = new[] { 1, 2, 3, 4, 5 };
        var everyDay = new[] { 0, 1, 2, 3, 4, 5, 6 };
        var year = now.Year;
        var holidays = new[]
        {
            new DaySchedule((int)new DateOnly(year, 12, 25).DayOfWeek, false, new DateOnly(year, 12, 25), []),
            new DaySchedule((int)new DateOnly(year + 1, 1, 1).DayOfWeek, false, new DateOnly(year + 1, 1, 1), []),
        };

        void Add(long id, string name, BusinessHours hours, params (long User, bool AutoAssign)[] members)
        {
            var queue = new QueueRecord { Id = id, Name = name, Hours = hours };
            foreach (var (user, autoAssign) in members) queue.Members[user] = autoAssign;
            state.Queues.Add(id, queue);
        }

        // 53 and 122 are the collection's examples, 1234, 6486 and 77 the groups of the seeded cases, 159/6059/6472/6690 the
        // queues of the users example.
        Add(53, "Soporte", BusinessHours.Weekdays(arg, argOffset, weekdays, [new("08:00", "17:00")]), (10, true), (11, false));
        Add(122, "Sugerencias", BusinessHours.Weekdays(arg, argOffset, weekdays, [new("09:00", "18:00")]));
        Add(1234, "Ventas", new BusinessHours(arg, argOffset,
        [
            new(0, false, null, []),
            .. Enumerable.Range(1, 5).Select(d => new DaySchedule(d, true, null, [new("09:00", "20:00")])),
            new(6, true, null, [new("10:00", "14:00")]),
        ]));
        Add(6486, "Facturación", BusinessHours.Weekdays(arg, argOffset, weekdays, [new("09:00", "13:00"), new("14:00", "18:00")], holidays));
        Add(77, "Reclamos", BusinessHours.Weekdays("Central Standard Time (Mexico)", TimeSpan.FromHours(-6), weekdays, [new("09:00", "17:00")]));
        Add(159, "Support", BusinessHours.Weekdays("Romance Standard Time", TimeSpan.FromHours(1), weekdays, [new("08:00", "16:00")]),
            (5846, true), (5852, false));
        Add(6059, "Sales", BusinessHours.Weekdays(arg, argOffset, weekdays, [new("09:00", "18:00")]), (5846, false));
        Add(AlwaysOpenQueueId, "Bots", BusinessHours.Weekdays(arg, argOffset, everyDay, [new("00:00", "23:59")]), (5852, true), (7200, true), (7201, true));
        Add(6690, "WhatsApp", BusinessHours.Weekdays(arg, argOffset, everyDay, [new("00:00", "23:59")]), (5852, true), (7200, true));
        Add(NeverOpenQueueId, "Mantenimiento", BusinessHours.Weekdays(arg, argOffset, [], []));

        // The agents of the seeded cases work the queues their cases are in; the generated users are spread over the rest.
        foreach (var agent in Agents.Keys)
        {
            foreach (var queueId in new long[] { 1234, 6486, 77 }.Where(_ => rng.Next(3) != 0))
                state.Queues[queueId].Members[agent] = rng.Next(2) == 0;
        }
        var spread = new long[] { 1234, 6486, 77, 159, 6059, 6690, 122 };
        foreach (var user in state.Users.Values.Where(u => u.Id >= 7210))
        {
            foreach (var queueId in spread.Where(_ => rng.Next(4) == 0))
                state.Queues[queueId].Members[user.Id] = rng.Next(3) != 0;
        }
        state.LastQueueId = state.Queues.Keys.Max();
    }

    /// <summary>Adds <paramref name="count"/> generated contacts (POST /_sandbox/seed/contacts); deterministic for a given state.</summary>
    public static void AddSyntheticContacts(SandboxState state, int count, DateTime now)
    {
        var rng = new Random(unchecked((int)state.LastContactId));
        for (var i = 0; i < count; i++)
        {
            var first = Pick(rng, FirstNames);
            var last = Pick(rng, LastNames);
            var id = state.NextContactId();
            state.Contacts.Add(id, new ContactRecord
            {
                Id = id,
                Name = $"{first} {last}",
                Email = $"{Ascii(first)}.{Ascii(last)}.{id}@bulk.example.com",
                Phone = rng.Next(3) == 0 ? "" : $"+54911{rng.Next(10_000_000, 99_999_999)}",
                PersonalId = rng.Next(2) == 0 ? "" : rng.Next(10_000_000, 45_000_000).ToString(CultureInfo.InvariantCulture),
                LastUpdate = now.AddSeconds(-rng.Next(60, SpanDays * 86400)),
            });
        }
    }

    /// <summary>Adds <paramref name="count"/> generated users (POST /_sandbox/seed/users).</summary>
    public static void AddSyntheticUsers(SandboxState state, int count, DateTime now)
    {
        var rng = new Random(unchecked((int)state.LastUserId));
        for (var i = 0; i < count; i++)
        {
            var first = Pick(rng, FirstNames);
            var last = Pick(rng, LastNames);
            var id = state.NextUserId();
            state.Users.Add(id, new UserRecord
            {
                Id = id,
                UserName = $"{Ascii(first)}.{Ascii(last)}.{id}@bulk.example.com",
                Nick = first.Split(' ')[0],
                FirstName = first,
                LastName = last,
                IsBot = rng.Next(20) == 0,
                CreatedAt = now.AddDays(-rng.Next(1, 1500)),
                LastLogin = rng.Next(4) == 0 ? null : now.AddMinutes(-rng.Next(5, 60 * 24 * 30)),
            });
        }
    }

    /// <summary>A 32-digit lower-case hex id, the form of export ids, survey guids and question ids.</summary>
    public static string HexId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
