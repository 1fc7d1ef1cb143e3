namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// Nitro campaigns and their messages: list and message contacts in the <c>{"data","pagination"}</c> shape with
/// <c>sort_by</c>/<c>sort_order</c>; single objects wrapped in <c>{"data"}</c>; string ids.
/// </summary>
internal static class NitroCampaignEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/nitro/campaigns", List);
        api.MapPost("/nitro/campaigns", CreateAsync);
        api.MapGet("/nitro/campaigns/{id}", Get);
        api.MapPut("/nitro/campaigns/{id}", UpdateAsync);
        api.MapPost("/nitro/campaigns/{id}/messages", CreateMessageAsync);
        api.MapPut("/nitro/campaigns/{id}/messages/{messageId}", UpdateMessageAsync);
        api.MapGet("/nitro/campaigns/{id}/messages/{messageId}/contacts", ListMessageContacts);
    }

    /// <summary>Now with its fractions: Nitro statuses move in steps of a second or less.</summary>
    public static DateTime PreciseNow(SandboxOptions options) => options.TimeProvider.GetUtcNow().UtcDateTime;

    private static IResult List(HttpContext http, SandboxStore store, SandboxOptions options)
    {
        var request = ListRequest<CampaignView>.Parse(
            http.Request.Query, NitroSchema.CampaignFields, NitroSchema.CampaignFilter, "campaigns", "created_at", true, nitroSort: true);
        var now = PreciseNow(options);
        var (items, total) = store.Read(state => request.PageWithTotal(
            state.Campaigns.Values.Where(c => c.State != "deleted").Select(c => new CampaignView(c, state, now)), v => v.Campaign.Id));
        return SandboxJson.Ok(ListShapes.Pagination(items, request.Paging, total));
    }

    private static IResult Get(HttpContext http, string id, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var fields = NitroSchema.CampaignFields.Select(http.Request.Query["fields"]);
        var campaignId = PathIds.Parse(id, "Campaign");
        var now = PreciseNow(options);
        return SandboxJson.Ok(store.Read(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            return ListShapes.Single(NitroSchema.CampaignFields.Project(new CampaignView(campaign, state, now), fields), settings);
        }));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store, SandboxOptions options)
    {
        var input = NitroInput.ParseCampaignCreate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        var campaign = store.Write(state =>
        {
            CheckGroups(state, input.GroupIds);
            var campaign = new NitroCampaignRecord
            {
                Id = state.NextCampaignId(), Name = input.Name, Type = input.Type, Description = input.Description,
                GroupIds = input.GroupIds?.ToList() ?? [], CreatedAt = now, UpdatedAt = now,
            };
            state.Campaigns.Add(campaign.Id, campaign);
            return campaign;
        });
        return SandboxJson.Ok(ListShapes.Wrapped(new JsonObject
        {
            ["id"] = NitroSchema.Id(campaign.Id),
            ["name"] = campaign.Name,
            ["type"] = campaign.Type,
            ["description"] = campaign.Description,
        }));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options)
    {
        var campaignId = PathIds.Parse(id, "Campaign");
        var input = NitroInput.ParseCampaignUpdate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        var campaign = store.Write(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            if (campaign.IsSimple)
            {
                var groups = input.GroupIds ?? throw ApiException.BadRequest("groups_ids is required for simple campaigns (e.g. \"123,456\").");
                CheckGroups(state, groups);
                if (campaign.State != "draft" && !groups.SequenceEqual(campaign.GroupIds))
                    throw ApiException.BadRequest($"groups_ids can only change while the campaign is draft; campaign {campaignId} is {campaign.StatusAt(now)}.");
                campaign.GroupIds = groups.ToList();
            }
            campaign.Name = input.Name;
            if (input.Description is { } description) campaign.Description = description;
            campaign.UpdatedAt = now;
            return campaign;
        });
        return SandboxJson.Ok(ListShapes.Wrapped(new JsonObject
        {
            ["id"] = NitroSchema.Id(campaign.Id),
            ["name"] = campaign.Name,
            ["description"] = campaign.Description,
        }));
    }

    private static async Task<IResult> CreateMessageAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options)
    {
        var campaignId = PathIds.Parse(id, "Campaign");
        var input = NitroInput.ParseMessageCreate(await JsonBody.ReadObjectAsync(http.Request));
        var config = NitroInput.NormalizeConfig(input.Channel!, input.Config);
        var now = ApiDate.Now(options.TimeProvider);
        var message = store.Write(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            CheckEditable(campaign, now);
            CheckChannel(state, campaign, input.Channel!, config);
            var message = new NitroMessageRecord
            {
                Id = state.NextMessageId(), CampaignId = campaign.Id, Channel = input.Channel!, Config = config,
                ScheduledAt = input.ScheduledAt, State = campaign.State == "stopped" ? "stopped" : "draft",
            };
            campaign.Messages.Add(message);
            campaign.UpdatedAt = now;
            return message;
        });
        return SandboxJson.Ok(NitroSchema.MessageWriteAnswer(message));
    }

    private static async Task<IResult> UpdateMessageAsync(HttpContext http, string id, string messageId, SandboxStore store, SandboxOptions options)
    {
        var campaignId = PathIds.Parse(id, "Campaign");
        var input = NitroInput.ParseMessageUpdate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        var message = store.Write(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            var message = FindMessage(campaign, messageId);
            CheckEditable(campaign, now);
            var config = NitroInput.NormalizeConfig(message.Channel, input.Config);
            CheckChannel(state, campaign, message.Channel, config);
            message.Config = config;
            if (input.ScheduledAt is { } scheduledAt) message.ScheduledAt = scheduledAt;
            campaign.UpdatedAt = now;
            return message;
        });
        return SandboxJson.Ok(NitroSchema.MessageWriteAnswer(message));
    }

    private static IResult ListMessageContacts(HttpContext http, string id, string messageId, SandboxStore store, SandboxOptions options)
    {
        var request = ListRequest<DeliveryView>.Parse(http.Request.Query, NitroSchema.MessageContactFields, NitroSchema.MessageContactFilter,
            "message contacts", "created_at", false, nitroSort: true);
        var campaignId = PathIds.Parse(id, "Campaign");
        var now = PreciseNow(options);
        var (items, total) = store.Read(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            var message = FindMessage(campaign, messageId);
            // A scheduled send's recipients exist from the start of the send on, not before.
            return request.PageWithTotal(
                message.Deliveries.Where(d => d.CreatedAt <= now).Select(d => new DeliveryView(d, campaign, now)), v => v.Delivery.Number);
        });
        return SandboxJson.Ok(ListShapes.Pagination(items, request.Paging, total));
    }

    public static NitroMessageRecord FindMessage(NitroCampaignRecord campaign, string messageId) =>
        campaign.Messages.FirstOrDefault(m => NitroSchema.Id(m.Id) == messageId)
        ?? throw ApiException.NotFound($"Message {messageId} not found in campaign {campaign.Id}.");

    private static void CheckGroups(SandboxState state, IReadOnlyList<long>? groups)
    {
        foreach (var group in groups ?? [])
        {
            if (!state.ContactGroups.ContainsKey(group)) throw ApiException.BadRequest($"groups_ids: contact group {group} not found.");
        }
    }

    // A message belongs to what will be sent: it can change only before a send (or, transactional, while stopped).
    private static void CheckEditable(NitroCampaignRecord campaign, DateTime now)
    {
        var status = campaign.StatusAt(now);
        if (status == "draft" || (!campaign.IsSimple && status == "stopped")) return;
        throw ApiException.BadRequest(campaign.IsSimple
            ? $"Campaign {campaign.Id} is {status}: messages can only be added or changed while it is draft."
            : $"Campaign {campaign.Id} is {status}: messages can only be added or changed while it is draft or stopped.");
    }

    private static void CheckChannel(SandboxState state, NitroCampaignRecord campaign, string channel, JsonObject config)
    {
        if (channel == "email" && campaign.IsSimple)
            throw ApiException.BadRequest($"channel email is only valid for transactional campaigns; campaign {campaign.Id} is simple.");
        if (channel == "whatsapp")
        {
            var templateId = config["template_id"]!.GetValue<string>();
            if (!state.WhatsAppTemplates.Any(t => NitroSchema.Id(t.TemplateId) == templateId))
                throw ApiException.BadRequest($"channel_config.template_id: WhatsApp template {templateId} not found.");
        }
    }
}
