namespace WiseCx.Sandbox.Data;

// Nitro campaigns in each interesting state: a bulk draft (the collection's 414), a finished bulk send, a scheduled one,
// running transactional campaigns (1321 and 1322 of the bulk-send example, 2739 of the single-send example) and a stopped one.
// The WhatsApp message of 1321 has 270 sends, so its contacts need several pages.
internal static partial class Seed
{
    public const long DraftBulkCampaignId = 414;
    public const long FinishedBulkCampaignId = 415;
    public const long ScheduledBulkCampaignId = 417;
    public const long StoppedTransactionalCampaignId = 418;
    public const long BusyTransactionalCampaignId = 1321;
    public const long BusyTransactionalMessageId = 117302;

    private static void SeedNitro(Random rng, SandboxState state, DateTime now)
    {
        state.LastDeliveryNumber = 3199;
        var phones = state.Contacts.Values.Where(c => c.Phone.Length > 0).ToArray();
        var emails = state.Contacts.Values.Where(c => c.Email.Length > 0).ToArray();
        var cases = state.Cases.Values.OrderBy(c => c.Id).ToArray();

        NitroCampaignRecord Campaign(long id, string name, string type, string description, long[] groups, string stateName, DateTime created)
        {
            var campaign = new NitroCampaignRecord
            {
                Id = id, Name = name, Type = type, Description = description, GroupIds = groups.ToList(), State = stateName,
                CreatedAt = created, UpdatedAt = created.AddMinutes(rng.Next(1, 90)),
            };
            state.Campaigns.Add(id, campaign);
            return campaign;
        }

        NitroMessageRecord Message(NitroCampaignRecord campaign, long id, string channel, JsonObject config, string stateName = "draft")
        {
            var message = new NitroMessageRecord { Id = id, CampaignId = campaign.Id, Channel = channel, Config = config, State = stateName };
            campaign.Messages.Add(message);
            return message;
        }

        var winter = Campaign(DraftBulkCampaignId, "Winter Promotion Campaign", NitroCampaignRecord.Simple, "Winter promotion for all customers",
            [389], "draft", now.AddDays(-3));
        Message(winter, 685, "whatsapp", new JsonObject { ["template_id"] = "40184" });

        var blackFriday = Campaign(FinishedBulkCampaignId, "Black Friday", NitroCampaignRecord.Simple, "Descuentos de Black Friday",
            [390], "sending", now.AddDays(-12));
        blackFriday.SendStartsAt = now.AddDays(-10);
        Message(blackFriday, 690, "whatsapp", new JsonObject
        {
            ["template_id"] = "40200",
            ["variables"] = new JsonArray(new JsonObject { ["name"] = "{1}", ["value_from"] = "name", ["value_default"] = "Cliente" }),
            ["reply_type"] = "group",
            ["reply_id"] = 1234,
        });
        NitroSends.AddBulkDeliveries(state, blackFriday);

        var reminder = Campaign(ScheduledBulkCampaignId, "Recordatorio de pago", NitroCampaignRecord.Simple, "Llamadas de recordatorio de pago",
            [389], "sending", now.AddDays(-1));
        reminder.SendStartsAt = now.Date.AddDays(3).AddHours(13);
        Message(reminder, 700, "call", new JsonObject
        {
            ["call_number_id"] = 456, ["reply_type"] = "ivr", ["reply_id"] = 12, ["only_when_available"] = true,
            ["only_business_hours"] = true, ["simultaneous_calls"] = 3,
        });
        NitroSends.AddBulkDeliveries(state, reminder);

        var postSale = Campaign(StoppedTransactionalCampaignId, "Encuesta post-venta", NitroCampaignRecord.Transactional, "",
            [], "stopped", now.AddDays(-40));
        var postSaleEmail = Message(postSale, 117330, "email", EmailConfig("¿Cómo fue tu compra?", "<html><body><p>Hola {{contact_name}}, contanos cómo te fue.</p></body></html>"), "stopped");
        AddTransactionalHistory(rng, state, postSale, postSaleEmail, emails, cases, 12, now.AddDays(-39), now.AddDays(-20));

        var example = Campaign(BusyTransactionalCampaignId, "Transactional Campaign - Example", NitroCampaignRecord.Transactional,
            "Order notifications", [], "running", now.AddDays(-30));
        var exampleEmail = Message(example, 117301, "email", EmailConfig("Special promotion", "<html><body><h1>Hola {{contact_name}}</h1></body></html>"), "scheduled");
        exampleEmail.ScheduledAt = example.UpdatedAt.AddSeconds(3);
        var exampleWhatsApp = Message(example, BusyTransactionalMessageId, "whatsapp", new JsonObject
        {
            ["template_id"] = "2",
            ["variables"] = new JsonArray(
                new JsonObject { ["name"] = "{1}", ["value_from"] = "name", ["value_default"] = "Cliente" },
                new JsonObject { ["name"] = "{2}", ["value_from"] = "order_id", ["value_default"] = "" }),
            ["reply_type"] = "group",
            ["reply_id"] = 1234,
        }, "scheduled");
        exampleWhatsApp.ScheduledAt = exampleEmail.ScheduledAt;
        AddTransactionalHistory(rng, state, example, exampleEmail, emails, cases, 14, now.AddDays(-29), now.AddHours(-1));
        AddTransactionalHistory(rng, state, example, exampleWhatsApp, phones, cases, 270, now.AddDays(-29), now.AddMinutes(-10));

        var shipping = Campaign(1322, "Avisos de envío", NitroCampaignRecord.Transactional, "Aviso de pedido despachado", [], "running", now.AddDays(-25));
        var shippingWhatsApp = Message(shipping, 117310, "whatsapp", new JsonObject { ["template_id"] = "2", ["reply_type"] = "group", ["reply_id"] = 1234 }, "scheduled");
        shippingWhatsApp.ScheduledAt = shipping.UpdatedAt.AddSeconds(3);
        AddTransactionalHistory(rng, state, shipping, shippingWhatsApp, phones, cases, 25, now.AddDays(-24), now.AddHours(-2));

        var appointments = Campaign(2739, "Confirmación de turno", NitroCampaignRecord.Transactional, "Recordatorio de turnos", [], "running", now.AddDays(-20));
        var appointmentWhatsApp = Message(appointments, 117320, "whatsapp", new JsonObject { ["template_id"] = "1", ["reply_type"] = "assistant", ["reply_id"] = 38, ["reply_node"] = "inicio" }, "scheduled");
        appointmentWhatsApp.ScheduledAt = appointments.UpdatedAt.AddSeconds(3);
        var appointmentCall = Message(appointments, 117321, "call", new JsonObject
        {
            ["call_number_id"] = 456, ["reply_type"] = "group", ["reply_id"] = 53, ["only_when_available"] = false,
            ["only_business_hours"] = true, ["simultaneous_calls"] = 1,
        }, "scheduled");
        appointmentCall.ScheduledAt = appointmentWhatsApp.ScheduledAt;
        AddTransactionalHistory(rng, state, appointments, appointmentWhatsApp, phones, cases, 18, now.AddDays(-19), now.AddHours(-3));

        state.LastCampaignId = state.Campaigns.Keys.Max();
        state.LastMessageId = state.Campaigns.Values.SelectMany(c => c.Messages).Max(m => m.Id);
    }

    private static JsonObject EmailConfig(string subject, string html) => new()
    {
        ["from_email"] = "no-reply@wcx.cloud",
        ["from_name"] = "Wcx",
        ["subject"] = subject,
        ["email_content"] = html,
    };

    // Transactional sends over a period: repeat recipients are normal (one customer, several orders); about one in ten replied
    // and so has a case.
    private static void AddTransactionalHistory(
        Random rng, SandboxState state, NitroCampaignRecord campaign, NitroMessageRecord message, ContactRecord[] pool,
        CaseRecord[] cases, int count, DateTime from, DateTime to)
    {
        if (pool.Length == 0) return;
        var span = (to - from).TotalSeconds;
        var times = Enumerable.Range(0, count).Select(_ => from.AddSeconds(rng.NextDouble() * span)).Order().ToArray();
        foreach (var at in times)
        {
            var contact = pool[rng.Next(pool.Length)];
            var created = ApiDate.Truncate(at);
            var variables = new Dictionary<string, string>
            {
                ["{1}"] = contact.Name.Length > 0 ? contact.Name.Split(' ')[0] : "Cliente",
                ["{2}"] = $"CU{rng.Next(100_000_000, 999_999_999)}AR",
            };
            var metadata = new Dictionary<string, string>
            {
                ["id_mensaje"] = rng.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["project_area"] = Pick(rng, new[] { "Logística", "Marketing", "Finance" }),
            };
            var replyCase = cases.Length > 0 && rng.Next(10) == 0 ? cases[rng.Next(cases.Length)] : null;
            NitroSends.Add(state, campaign, message, contact, created, created.AddSeconds(2), transactional: true, variables, metadata, replyCase);
        }
    }
}
