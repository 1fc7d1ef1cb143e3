using System.Globalization;

namespace WiseCx.Client.Services
{
    /// <summary>Case activities (/cases/{id}/activities, and adding them with PUT /cases/{id}), case types and tags.</summary>
    public sealed partial class CaseService
    {
        /// <summary>The API's limit on the files sent inline (base64 <c>content</c>) in one request, summed.</summary>
        public const long MaxInlineAttachmentBytes = 5L * 1024 * 1024;

        /// <summary>The activities of a case, oldest first as the API sends them, streamed page by page.</summary>
        public IEnumerable<CaseActivity> ListActivities(long caseId, ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null)
        {
            RequireId(caseId, "case", "CaseId");
            return List<CaseActivity>(Endpoints.CaseActivities, query, cancellationToken, onPage, "cases/" + caseId + "/activities");
        }

        /// <summary>One activity of a case, optionally with only <paramref name="fields"/>.</summary>
        public Task<CaseActivity> GetActivityAsync(long caseId, long activityId, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
        {
            RequireId(caseId, "case", "CaseId");
            RequireId(activityId, "activity", "ActivityId");
            return GetObjectAsync<CaseActivity>("cases/" + caseId + "/activities/" + activityId, wrapped: false, cancellationToken,
                Endpoints.CaseActivities, fields);
        }

        /// <summary>Adds activities to an existing case (PUT /cases/{id} with only <c>activities</c>); never retried once sent.</summary>
        public Task<CaseWriteResult> AddActivitiesAsync(long caseId, IReadOnlyList<ActivityInput> activities, CancellationToken cancellationToken)
        {
            RequireId(caseId, "case", "CaseId");
            if (activities is null || activities.Count == 0)
                throw new WcxInputException("Give at least one activity to add.", "Activity");
            return UpdateAsync(caseId, new CaseUpdateRequest { Activities = activities.ToList() }, cancellationToken);
        }

        /// <summary>Case tags, one page in <c>{"data": […]}</c>.</summary>
        public IEnumerable<CaseTag> ListTags(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<CaseTag>(Endpoints.CaseTags, query, cancellationToken, onPage);

        /// <summary>
        /// Checks one activity as a request would (type, who writes it, to whom, content or attachments, the inline size
        /// limit) and normalises its type and channel, so that an activity built ahead of time fails where it is built.
        /// </summary>
        public static void CheckActivity(ActivityInput activity) => CheckActivities(new[] { activity });

        /// <summary>As <see cref="CheckActivity"/>, for the activities of one request: the 5 MB limit applies to their sum.</summary>
        public static void CheckActivities(IReadOnlyList<ActivityInput> activities)
        {
            if (activities is null || activities.Count == 0)
                throw new WcxInputException("Give at least one activity.", "Activity");
            foreach (var activity in activities)
                ValidateActivity(activity);
            ValidateChannelsAndAttachments(activities);
        }

        /// <summary>
        /// Channels are normalised (known ones in the API's spelling, others as given); each attachment names a file and a URL or base64 content; inline content sums to at
        /// most 5 MB per request (the collection: "the sum of the files sent in the same request must not exceed 5MB").
        /// </summary>
        internal static void ValidateChannelsAndAttachments(IEnumerable<ActivityInput>? activities)
        {
            long inline = 0;
            foreach (var activity in activities ?? Enumerable.Empty<ActivityInput>())
            {
                activity.Channel = Suggested(activity.Channel, Vocabulary.ActivityChannel, "Channel");
                foreach (var attachment in activity.Attachments ?? Enumerable.Empty<AttachmentInput>())
                {
                    if (attachment is null)
                        throw new WcxInputException("An attachment is null.", "Attachment");
                    if (string.IsNullOrWhiteSpace(attachment.Filename))
                        throw new WcxInputException("An attachment needs a filename.", "Attachment");
                    if (string.IsNullOrEmpty(attachment.Url) && string.IsNullOrEmpty(attachment.Content))
                        throw new WcxInputException("The attachment '" + attachment.Filename + "' needs a url or base64 content.", "Attachment");
                    if (!string.IsNullOrEmpty(attachment.Url) && !string.IsNullOrEmpty(attachment.Content))
                        throw new WcxInputException("The attachment '" + attachment.Filename + "' has both a url and content; give one.", "Attachment");
                    inline += DecodedLength(attachment.Content);
                }
            }
            if (inline > MaxInlineAttachmentBytes)
                throw new WcxInputException(
                    "The files sent inline total " + Megabytes(inline) + " MB; the API accepts at most 5 MB of attachment content per request. " +
                    "Send large files by URL, or in separate requests.", "Attachment");
        }

        /// <summary>The size of the file a base64 text encodes, without decoding it.</summary>
        internal static long DecodedLength(string? base64)
        {
            if (string.IsNullOrEmpty(base64))
                return 0;
            long chars = 0, padding = 0;
            foreach (var c in base64!)
            {
                if (char.IsWhiteSpace(c))
                    continue;
                chars++;
                if (c == '=')
                    padding++;
            }
            // Four characters carry three bytes; an unpadded tail of two or three characters carries one or two.
            return chars / 4 * 3 + chars % 4 * 3 / 4 - padding;
        }

        internal static string Megabytes(long bytes) =>
            (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
