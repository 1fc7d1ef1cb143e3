namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// POST /nitro/campaigns/{id}/actions/{action}, with the preconditions of the Actions table (campaign type and state);
/// a refused action is a 400 naming what is wrong. Answers are bare: <c>{"campaign_id": 1321, "status": …}</c>.
/// </summary>
internal static class NitroActionEndpoints
{
    public static readonly IReadOnlyList<string> Actions = ["schedule", "send", "activate", "stop", "delete", "cancel-send"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/nitro/campaigns/{id}/actions/{action}", RunAsync);
    }

    private static async Task<IResult> RunAsync(
        HttpContext http, string id, string action, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var campaignId = PathIds.Parse(id, "Campaign");
        action = action.ToLowerInvariant();
        if (!Actions.Contains(action))
            throw ApiException.NotFound($"Unknown action '{action}'. Valid actions: {string.Join(", ", Actions)}.");

        DateTime? scheduledAt = null;
        if (action == "schedule")
        {
            var body = await JsonBody.ReadObjectAsync(http.Request);
            var text = JsonBody.RequiredString(body, "scheduled_at", "scheduled_at");
            scheduledAt = NitroInput.ParseAccountTime(text, "scheduled_at");
        }
        var now = NitroCampaignEndpoints.PreciseNow(options);
        var stamp = ApiDate.Truncate(now);
        var step = TimeSpan.FromMilliseconds(config.Current.NitroStepMilliseconds);

        var answer = store.Write(state =>
        {
            var campaign = state.FindCampaign(campaignId) ?? throw PathIds.NotFound("Campaign", id);
            var status = campaign.StatusAt(now);
            var answer = new JsonObject { ["campaign_id"] = campaign.Id };
            switch (action)
            {
                case "schedule":
                    Require(campaign, action, simple: true, status, "draft");
                    RequireMessages(campaign);
                    if (scheduledAt <= now) throw ApiException.BadRequest("scheduled_at must be in the future.");
                    StartBulk(state, campaign, scheduledAt!.Value, step, stamp);
                    answer["status"] = "scheduled";
                    // Sent in account time (UTC-3), answered in UTC: the collection's example shows 10:00 coming back as 13:00.
                    answer["scheduled_at"] = ApiDate.Format(scheduledAt.Value);
                    break;
                case "send":
                    Require(campaign, action, simple: true, status, "draft");
                    RequireMessages(campaign);
                    StartBulk(state, campaign, now, step, stamp);
                    answer["status"] = "processing";
                    break;
                case "activate":
                    Require(campaign, action, simple: false, status, "draft", "stopped");
                    RequireMessages(campaign);
                    if (campaign.Messages.FirstOrDefault(m => m.State is not ("draft" or "stopped")) is { } busy)
                        throw ApiException.BadRequest($"Message {busy.Id} of campaign {campaign.Id} is {busy.State}: activate needs every message draft or stopped.");
                    campaign.State = "running";
                    foreach (var message in campaign.Messages)
                    {
                        message.State = "scheduled";
                        message.ScheduledAt = stamp.AddSeconds(3);
                    }
                    answer["status"] = "running";
                    break;
                case "stop":
                    Require(campaign, action, simple: false, status, "running");
                    campaign.State = "stopped";
                    foreach (var message in campaign.Messages) message.State = "stopped";
                    answer["status"] = "stopped";
                    break;
                case "delete":
                    if (campaign.IsSimple) Require(campaign, action, simple: true, status, "draft");
                    else Require(campaign, action, simple: false, status, "draft", "stopped");
                    campaign.State = "deleted";
                    answer["status"] = "deleted";
                    break;
                case "cancel-send":
                    Require(campaign, action, simple: true, status, "running", "scheduled");
                    if (!campaign.Messages.Any(m => m.StatusAt(campaign, now) is "preparing" or "sending" or "scheduled"))
                        throw ApiException.BadRequest($"Campaign {campaign.Id} has no message preparing, sending or scheduled: nothing to cancel.");
                    campaign.State = "cancelled";
                    campaign.CancelledAt = now;
                    answer["status"] = "cancelled";
                    break;
            }
            campaign.UpdatedAt = stamp;
            return answer;
        });
        return SandboxJson.Ok(answer);
    }

    private static void Require(NitroCampaignRecord campaign, string action, bool simple, string status, params string[] states)
    {
        if (campaign.IsSimple != simple)
        {
            var hint = action switch
            {
                "schedule" or "send" => " Use activate for transactional campaigns.",
                "activate" => " Use send or schedule for simple campaigns.",
                _ => "",
            };
            throw ApiException.BadRequest(
                $"The {action} action is only available for {(simple ? "simple (bulk)" : "transactional")} campaigns; campaign {campaign.Id} is {campaign.Type}.{hint}");
        }
        if (!states.Contains(status))
            throw ApiException.BadRequest($"Campaign {campaign.Id} is {status}: {action} needs a campaign in {string.Join(" or ", states)} state.");
    }

    private static void RequireMessages(NitroCampaignRecord campaign)
    {
        if (campaign.Messages.Count == 0) throw ApiException.BadRequest($"Campaign {campaign.Id} has no messages: add one first.");
    }

    private static void StartBulk(SandboxState state, NitroCampaignRecord campaign, DateTime start, TimeSpan step, DateTime stamp)
    {
        campaign.State = "sending";
        campaign.SendStartsAt = start;
        campaign.Step = step;
        NitroSends.AddBulkDeliveries(state, campaign);
        campaign.UpdatedAt = stamp;
    }
}
