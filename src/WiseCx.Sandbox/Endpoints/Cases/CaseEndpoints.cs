namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /cases: list (bare array, last 3 months only), get, create, update, delete, and activities.
/// Shapes follow the collection's examples exactly, including its inconsistencies (api/NOTES.md C1-C9), or the live API's
/// where the profile says so (docs/sandbox.md).
/// </summary>
internal static class CaseEndpoints
{
    /// <summary>The live API's message for an empty page of /cases.</summary>
    public const string NoCases = "Cases not found.";

    /// <summary>The live API's error when the contact of a new case has an open case.</summary>
    public const string OpenCasesExist = "OPEN_CASES_EXIST";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases", List);
        api.MapPost("/cases", CreateAsync);
        api.MapGet("/cases/{id}", Get);
        api.MapPut("/cases/{id}", UpdateAsync);
        api.MapDelete("/cases/{id}", Delete);
        api.MapGet("/cases/{id}/activities", ListActivities);
        api.MapGet("/cases/{id}/activities/{activityId}", GetActivity);
    }

    private static IResult List(HttpContext http, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var query = http.Request.Query;
        var fields = CaseSchema.ListFields.Select(query["fields"]);
        var filter = FilterEvaluator.Compile(query["filtering"].ToString(), CaseSchema.Filter, FilterRules.From(settings));
        var paging = ListQuery.Parse(query, CaseSchema.ListFields, defaultSortField: "id", defaultDescending: true);
        // The API only serves the last 3 months through this endpoint; older cases stay reachable by id.
        var cutoff = ApiDate.Now(options.TimeProvider).AddMonths(-3);

        var page = store.Read(state =>
        {
            // The sorted view holds every case not deleted; the 3 months depend on the time, so they filter it.
            var sorted = state.Views.Get("cases", paging, CaseSchema.ListFields, () => state.Cases.Values.Where(c => !c.Deleted), c => c.Id);
            return paging.Slice(sorted, c => c.CreatedAt >= cutoff && filter(c))
                .Select(c => (JsonNode)CaseSchema.ListFields.Project(c, fields))
                .ToArray();
        });
        if (page.Length == 0 && settings.EmptyListNotFound) throw ListShapes.NotFound(NoCases);
        if (!settings.CasesListWrapped) return SandboxJson.Ok(new JsonArray(page));
        // Live: the next page's link while pages are full, "" after a short one (never null, unlike /queues).
        var next = ListShapes.NextLink(http.Request, $"{SandboxApp.ApiPrefix}/cases", paging, page.Length) ?? "";
        return SandboxJson.Ok(ListShapes.Paging(page, next, paging.Page, paging.Limit));
    }

    private static IResult Get(HttpContext http, string id, SandboxStore store)
    {
        var fields = CaseSchema.ByIdFields.Select(http.Request.Query["fields"]);
        var caseId = ParseCaseId(id);
        var json = store.Read(state =>
            CaseSchema.ByIdFields.Project(state.FindCase(caseId) ?? throw CaseNotFound(id), fields));
        return SandboxJson.Ok(json);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var input = CaseInput.ParseCreate(await JsonBody.ReadObjectAsync(http.Request), settings.StrictVocabularies);
        var now = ApiDate.Now(options.TimeProvider);

        var result = store.Write(state =>
        {
            CheckContactIds(state, input.Activities);
            if (settings.OpenCaseConflict) CheckNoOpenCase(state, input.Activities);
            var record = new CaseRecord
            {
                Id = state.NextCaseId(),
                Number = state.NextCaseNumber(),
                GroupId = input.GroupId,
                UserId = input.UserId ?? 0,
                Status = "opened",
                SourceChannel = input.SourceChannel,
                Tags = input.Tags.ToList(),
                TypeId = input.TypeId ?? 0,
                Subject = input.Subject,
                Priority = input.Priority ?? "none",
                DueAt = input.DueAt,
                CustomFields = input.CustomFields.ToList(),
                CreatedAt = now,
                LastUpdate = now,
                LastAssignment = input.UserId is > 0 ? now : null,
                ChannelAccount = Seed.ChannelAccount(input.SourceChannel),
                CreatedByRequest = true,
            };
            state.Cases.Add(record.Id, record);
            if (record.Tags.Count > 0) AddSystemActivity(state, record, $"[added_tag] {string.Join(", ", record.Tags)}", now);
            var added = input.Activities.Select(a => AddActivity(state, record, a, now)).ToArray();
            return WriteResult(record.Id, added);
        });
        return SandboxJson.Ok(result);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config)
    {
        var caseId = ParseCaseId(id);
        var input = CaseInput.ParseUpdate(await JsonBody.ReadObjectAsync(http.Request), config.Current.StrictVocabularies);
        var now = ApiDate.Now(options.TimeProvider);

        var result = store.Write(state =>
        {
            // Deleted cases are still found: PUT {"deleted": false} is how the API restores them.
            var record = state.FindCase(caseId, includeDeleted: true) ?? throw CaseNotFound(id);
            CheckContactIds(state, input.Activities);

            Assign(record, input.GroupId, input.UserId, now);
            if (input.Status is { } status) SetStatus(record, status, now);
            if (input.Tags is { } tags)
            {
                var addedTags = tags.Except(record.Tags).ToArray();
                var removedTags = record.Tags.Except(tags).ToArray();
                record.Tags = tags.ToList();
                if (addedTags.Length > 0) AddSystemActivity(state, record, $"[added_tag] {string.Join(", ", addedTags)}", now);
                if (removedTags.Length > 0) AddSystemActivity(state, record, $"[removed_tag] {string.Join(", ", removedTags)}", now);
            }
            if (input.TypeId is { } typeId) record.TypeId = typeId;
            if (input.Subject is { } subject) record.Subject = subject;
            if (input.Priority is { } priority) record.Priority = priority;
            if (input.DueAtSent) record.DueAt = input.DueAt;
            if (input.CustomFields is { } customFields)
            {
                // Sent fields replace their namesakes; others stay, as one would update a form.
                foreach (var field in customFields)
                {
                    var at = record.CustomFields.FindIndex(f => string.Equals(f.Field, field.Field, StringComparison.OrdinalIgnoreCase));
                    if (at >= 0) record.CustomFields[at] = field;
                    else record.CustomFields.Add(field);
                }
            }
            if (input.Spam is { } spam) record.Spam = spam;
            if (input.Deleted is { } deleted) record.Deleted = deleted;

            var added = input.Activities.Select(a => AddActivity(state, record, a, now)).ToArray();
            record.LastUpdate = now;
            return WriteResult(record.Id, added);
        });
        return SandboxJson.Ok(result);
    }

    private static IResult Delete(string id, SandboxStore store, SandboxOptions options)
    {
        var caseId = ParseCaseId(id);
        var now = ApiDate.Now(options.TimeProvider);
        store.Write(state =>
        {
            // A soft delete, like PUT {"deleted": true}: gone from GET, restorable by PUT {"deleted": false}.
            var record = state.FindCase(caseId) ?? throw CaseNotFound(id);
            record.Deleted = true;
            record.LastUpdate = now;
            return record;
        });
        return SandboxJson.Ok(new JsonObject { ["message"] = "Case removed." });
    }

    private static IResult ListActivities(HttpContext http, string id, SandboxStore store, SandboxRuntimeConfig config)
    {
        var settings = config.Current;
        var query = http.Request.Query;
        var fields = CaseSchema.ActivityFields.Select(query["fields"]);
        // The collection documents no filter here; live scripts send case.<field> filters and get answers (docs/sandbox.md).
        Func<ActivityRecord, bool> filter = settings.LooseFilterFields
            ? FilterEvaluator.Compile(query["filtering"].ToString(), CaseSchema.ActivityFilter, FilterRules.From(settings))
            : string.IsNullOrWhiteSpace(query["filtering"])
                ? _ => true
                : throw ApiException.BadRequest("filtering is not supported on case activities.");
        // Oldest first by default, as in the collection's example.
        var paging = ListQuery.Parse(query, CaseSchema.ActivityFields, defaultSortField: "id", defaultDescending: false);
        var caseId = ParseCaseId(id);

        var page = store.Read(state =>
        {
            var record = state.FindCase(caseId) ?? throw CaseNotFound(id);
            return paging.Apply(record.Activities.Where(filter), CaseSchema.ActivityFields, a => a.Id)
                .Select(a => (JsonNode)CaseSchema.ActivityFields.Project(a, fields))
                .ToArray();
        });
        return SandboxJson.Ok(new JsonArray(page));
    }

    private static IResult GetActivity(HttpContext http, string id, string activityId, SandboxStore store)
    {
        var fields = CaseSchema.ActivityFields.Select(http.Request.Query["fields"]);
        var caseId = ParseCaseId(id);
        var json = store.Read(state =>
        {
            var record = state.FindCase(caseId) ?? throw CaseNotFound(id);
            var activity = long.TryParse(activityId, NumberStyles.None, CultureInfo.InvariantCulture, out var aid)
                ? record.Activities.Find(a => a.Id == aid)
                : null;
            if (activity is null) throw ApiException.NotFound($"Activity {activityId} not found in case {caseId}.");
            return CaseSchema.ActivityFields.Project(activity, fields);
        });
        return SandboxJson.Ok(json);
    }

    /// <summary>Moves the case to <paramref name="groupId"/> and/or <paramref name="userId"/> (null: unchanged), as PUT /cases/{id} does.</summary>
    internal static void Assign(CaseRecord record, long? groupId, long? userId, DateTime now)
    {
        if (groupId is { } group && group != record.GroupId)
        {
            record.GroupId = group;
            record.LastAssignment = now;
        }
        if (userId is { } user && user != record.UserId)
        {
            record.UserId = user;
            record.LastAssignment = now;
        }
    }

    /// <summary>Sets the status as PUT /cases/{id} does (solved and closed stamp their dates).</summary>
    internal static void SetStatus(CaseRecord record, string status, DateTime now)
    {
        if (status == record.Status) return;
        record.Status = status;
        if (CaseVocabulary.Is(status, "solved")) record.SolvedAt = now;
        if (CaseVocabulary.Is(status, "closed"))
        {
            record.SolvedAt ??= now;
            record.ClosedAt = now;
        }
    }

    internal static long ParseCaseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw CaseNotFound(id);

    internal static ApiException CaseNotFound(string id) => ApiException.NotFound($"Case {id} not found.");

    internal static JsonObject WriteResult(long caseId, IEnumerable<JsonObject> activities) => new()
    {
        ["case_id"] = caseId,
        ["activities"] = new JsonArray(activities.Cast<JsonNode>().ToArray()),
    };

    private static void CheckContactIds(SandboxState state, IEnumerable<ActivityInput> activities)
    {
        foreach (var (contact, label) in activities.SelectMany(a => a.ContactRefs()))
        {
            if (contact.Id is { } contactId && state.FindContact(contactId) is null)
                throw ApiException.BadRequest($"{label}.id: contact {contactId} not found.");
        }
    }

    /// <summary>
    /// Live: the API refuses a new case while its contact (the first contact_from, or the first recipient of a reply, the
    /// one the case would be linked to) has an open case, and names those cases. A contact not known yet has none.
    /// </summary>
    private static void CheckNoOpenCase(SandboxState state, IEnumerable<ActivityInput> activities)
    {
        var input = activities
            .Select(a => a.Type switch
            {
                "contact_message" => a.ContactFrom,
                "user_reply" => a.ContactsTo?.FirstOrDefault(),
                _ => null,
            })
            .FirstOrDefault(c => c is not null);
        if (input is null || state.FindContact(input) is not { } contact) return;
        var open = state.Cases.Values
            .Where(c => !c.Deleted && c.ContactId == contact.Id && CaseVocabulary.IsOpen(c.Status))
            .Select(c => c.Id)
            .Order()
            .ToArray();
        if (open.Length == 0) return;
        throw ApiException.WithBody(StatusCodes.Status400BadRequest, OpenCasesExist, new JsonObject
        {
            ["error"] = OpenCasesExist,
            ["opened_cases"] = new JsonArray(open.Select(i => (JsonNode)i).ToArray()),
        });
    }

    internal static void AddSystemActivity(SandboxState state, CaseRecord record, string content, DateTime now) =>
        record.Activities.Add(new ActivityRecord
        {
            Id = state.NextActivityId(),
            CaseId = record.Id,
            Type = "system",
            UserId = 0,
            Channel = record.SourceChannel,
            Content = content,
            CreatedAt = now,
        });

    /// <summary>Stores one activity and returns its <c>{"id", "contacts_ids"}</c> entry for the answer.</summary>
    private static JsonObject AddActivity(SandboxState state, CaseRecord record, ActivityInput input, DateTime now)
    {
        var channel = input.Channel ?? record.SourceChannel;
        ContactSnapshot? from = null;
        List<ContactSnapshot>? to = null;
        var contactIds = new List<long>();

        if (input.Type == "contact_message" && input.ContactFrom is not null)
        {
            from = state.ResolveContact(input.ContactFrom, now)!.Snapshot();
            contactIds.Add(from.Id);
            if (record.ContactId == 0) record.ContactId = from.Id;
        }
        if (input.Type == "user_reply" && input.ContactsTo is not null)
        {
            // WhatsApp sends to the first contact only; the docs say the rest are ignored.
            var recipients = CaseVocabulary.IsWhatsApp(channel) ? input.ContactsTo.Take(1) : input.ContactsTo;
            to = recipients.Select(c => state.ResolveContact(c, now)!.Snapshot()).ToList();
            contactIds.AddRange(to.Select(c => c.Id));
            if (record.ContactId == 0 && to.Count > 0) record.ContactId = to[0].Id;
            record.FirstResponse ??= now;
            record.LastResponse = now;
        }

        var attachments = input.Attachments?
            .Select(a => new Attachment(a.FileName, 0, Seed.DownloadUrl(Random.Shared, Path.GetExtension(a.FileName))))
            .ToList();
        var content = input.Content;
        if (string.IsNullOrEmpty(content) && input.Template is { } template)
            content = $"[template {template.TemplateId}] " + string.Join(", ", template.Parameters.Select(p => $"{p.Key}={p.Value}"));

        var activity = new ActivityRecord
        {
            Id = state.NextActivityId(),
            CaseId = record.Id,
            Type = input.Type,
            UserId = input.UserId ?? 0,
            Channel = channel,
            Content = content ?? "",
            ContactFrom = from,
            ContactsTo = to,
            Attachments = attachments is { Count: > 0 } ? attachments : null,
            TemplateId = input.Template?.TemplateId,
            CreatedAt = now,
        };
        record.Activities.Add(activity);
        return new JsonObject
        {
            ["id"] = activity.Id,
            ["contacts_ids"] = new JsonArray(contactIds.Select(c => (JsonNode)c).ToArray()),
        };
    }
}
