namespace WiseCx.Client.Services
{
    /// <summary>Cases: list, get, create, update, delete (/cases).</summary>
    public sealed partial class CaseService : ApiService
    {
        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public CaseService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>
        /// Cases of the last three months (the API shows no older ones), streamed page by page. Sorted by priority, they
        /// come in severity order (none, low, medium, high, very-high; -Descending reverses), not in the API's text
        /// order: see <see cref="ListBySeverity"/>.
        /// </summary>
        public IEnumerable<Case> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            SortsByPriority(query ?? throw new ArgumentNullException(nameof(query)))
                ? ListBySeverity(query, cancellationToken, onPage)
                : List<Case>(Endpoints.Cases, query, cancellationToken, onPage);

        /// <summary>One case, optionally with only <paramref name="fields"/>.</summary>
        public Task<Case> GetAsync(long id, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            return GetObjectAsync<Case>("cases/" + id, wrapped: false, cancellationToken, Endpoints.Cases, fields);
        }

        /// <summary>Creates a case (POST /cases); never retried once it may have been applied.</summary>
        public Task<CaseWriteResult> CreateAsync(CaseCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            return SendAsync<CaseWriteResult>(HttpMethod.Post, "cases", request, wrapped: false, cancellationToken);
        }

        /// <summary>
        /// Creates a case. When the API refuses it because the contact already has an open case (OPEN_CASES_EXIST,
        /// <see cref="WcxOpenCasesExistException"/>) and <paramref name="addToOpenCase"/> is set, the request's activities
        /// are added to that case instead (the newest, when the API names several). One POST, then at most one PUT:
        /// nothing is ever sent twice, since the refused POST created nothing.
        /// </summary>
        public async Task<CaseCreateOutcome> CreateAsync(CaseCreateRequest request, bool addToOpenCase, CancellationToken cancellationToken)
        {
            try
            {
                return new CaseCreateOutcome(await CreateAsync(request, cancellationToken).ConfigureAwait(false), null);
            }
            catch (WcxOpenCasesExistException refused) when (addToOpenCase && refused.OpenCaseIds.Length > 0)
            {
                var openCase = refused.OpenCaseIds.Max();
                var added = await AddActivitiesAsync(openCase, request.Activities!, cancellationToken).ConfigureAwait(false);
                if (added.CaseId == 0)
                    added.CaseId = openCase;
                return new CaseCreateOutcome(added, refused.OpenCaseIds);
            }
        }

        /// <summary>Changes a case (PUT /cases/{id}); not retried when it adds activities, which would add them twice.</summary>
        public Task<CaseWriteResult> UpdateAsync(long id, CaseUpdateRequest request, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            ValidateUpdate(request ?? throw new ArgumentNullException(nameof(request)));
            // Each PUT that carries activities adds them again: never resend it after the server may have applied it.
            return SendAsync<CaseWriteResult>(HttpMethod.Put, "cases/" + id, request, wrapped: false,
                idempotent: request.Activities is null || request.Activities.Count == 0, cancellationToken);
        }

        /// <summary>
        /// Updates the case, adding <paramref name="addTags"/> to and taking <paramref name="removeTags"/> from the tags it
        /// has. The API only replaces the whole list, so the case's tags are read first (one GET of its tags) and the
        /// merged list goes in the one PUT with the rest of <paramref name="request"/>. A request that changes only the
        /// status goes through <see cref="SetStatusAsync"/> (PUT /cases/{id}/status, or PUT /cases/{id} without it).
        /// </summary>
        public async Task<CaseWriteResult> UpdateAsync(long id, CaseUpdateRequest request, IReadOnlyCollection<string>? addTags,
            IReadOnlyCollection<string>? removeTags, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            if (request is null)
                throw new ArgumentNullException(nameof(request));
            if (IsStatusOnly(request) && (addTags?.Count ?? 0) == 0 && (removeTags?.Count ?? 0) == 0)
                return await SetStatusAsync(id, request.Status!, cancellationToken).ConfigureAwait(false);
            if ((addTags?.Count ?? 0) + (removeTags?.Count ?? 0) > 0)
            {
                if (request.Tags != null)
                    throw new WcxInputException("Give -Tag (replaces the tags) or -AddTag/-RemoveTag (change them), not both.", "Tag");
                var current = await GetAsync(id, new[] { "tags" }, cancellationToken).ConfigureAwait(false);
                request.Tags = MergeTags(current.Tags, addTags, removeTags);
            }
            return await UpdateAsync(id, request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The tags after a change: the current ones in their order without those removed, then those added that were not
        /// there. Tags compare without regard to case; a tag both added and removed is removed.
        /// </summary>
        public static string[] MergeTags(IEnumerable<string>? current, IEnumerable<string>? add, IEnumerable<string>? remove)
        {
            var removed = new HashSet<string>(remove ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var tag in (current ?? Enumerable.Empty<string>()).Concat(add ?? Enumerable.Empty<string>()))
            {
                if (!string.IsNullOrWhiteSpace(tag) && !removed.Contains(tag) && seen.Add(tag))
                    result.Add(tag);
            }
            return result.ToArray();
        }

        /// <summary>Deletes the case; returns the API's acknowledgement ("Case removed.").</summary>
        public Task<string?> RemoveAsync(long id, CancellationToken cancellationToken)
        {
            RequireId(id, "case");
            return AcknowledgeAsync(HttpMethod.Delete, "cases/" + id, null, cancellationToken);
        }

        internal static void ValidateCreate(CaseCreateRequest request)
        {
            if (request.GroupId <= 0)
                throw new WcxInputException("GroupId is required: the service group (queue) the case is assigned to.", "GroupId");
            request.SourceChannel = Suggested(request.SourceChannel, Vocabulary.CaseSourceChannel, "SourceChannel", required: true)!;
            if (string.IsNullOrWhiteSpace(request.Subject))
                throw new WcxInputException("Subject is required.", "Subject");
            request.Priority = Suggested(request.Priority, Vocabulary.CasePriority, "Priority");
            if (request.Activities is null || request.Activities.Count == 0)
                throw new WcxInputException("A case is created with at least one activity (-Activity): the first message or note.", "Activity");
            foreach (var activity in request.Activities)
                ValidateActivity(activity);
            ValidateChannelsAndAttachments(request.Activities);
        }

        internal static void ValidateUpdate(CaseUpdateRequest request)
        {
            if (request.IsEmpty())
                throw new WcxInputException("Nothing to change: give at least one property to set.");
            request.Status = Suggested(request.Status, Vocabulary.CaseStatus, "Status");
            request.Priority = Suggested(request.Priority, Vocabulary.CasePriority, "Priority");
            foreach (var activity in request.Activities ?? Enumerable.Empty<ActivityInput>())
                ValidateActivity(activity);
            ValidateChannelsAndAttachments(request.Activities);
        }

        internal static void ValidateActivity(ActivityInput activity)
        {
            if (activity is null)
                throw new WcxInputException("An activity is null.", "Activity");
            activity.Type = Suggested(activity.Type, Vocabulary.ActivityType, "Activity.Type", required: true)!;
            if ((activity.Type == "note" || activity.Type == "user_reply") && activity.UserId is null)
                throw new WcxInputException("A " + activity.Type + " activity needs the user_id of the agent who writes it.", "Activity");
            if (activity.Type == "contact_message" && !HasIdentity(activity.ContactFrom))
                throw new WcxInputException("A contact_message activity needs contact_from with an id, email, personal_id or phone.", "Activity");
            if (activity.Type == "user_reply" && (activity.ContactsTo is null || !activity.ContactsTo.Any(HasIdentity)))
                throw new WcxInputException("A user_reply activity needs contacts_to: at least one contact with an id, email, personal_id or phone.", "Activity");
            if (string.IsNullOrEmpty(activity.Content) && (activity.Attachments is null || activity.Attachments.Count == 0))
                throw new WcxInputException("An activity needs content or attachments.", "Activity");
        }

        private static bool HasIdentity(ContactInput? contact) =>
            contact != null && (contact.Id.HasValue || !string.IsNullOrEmpty(contact.Email) ||
                                !string.IsNullOrEmpty(contact.PersonalId) || !string.IsNullOrEmpty(contact.Phone));

    }

    /// <summary>What <see cref="CaseService.CreateAsync(CaseCreateRequest, bool, CancellationToken)"/> did: created a case, or added to an open one.</summary>
    public sealed class CaseCreateOutcome
    {
        /// <summary>Keeps the result of a create and the open cases it met, if any.</summary>
        public CaseCreateOutcome(CaseWriteResult result, long[]? openCaseIds)
        {
            Result = result;
            OpenCaseIds = openCaseIds;
        }

        /// <summary>The API's answer: the new case's id, or the open case the activities were added to.</summary>
        public CaseWriteResult Result { get; }

        /// <summary>The contact's open cases when the creation was refused and the activities went to one of them; null when a case was created.</summary>
        public long[]? OpenCaseIds { get; }

        /// <summary>True when no case was created and the activities were added to an open case.</summary>
        public bool AddedToOpenCase => OpenCaseIds != null;
    }
}
