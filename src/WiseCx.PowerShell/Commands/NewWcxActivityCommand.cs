using System.Collections.ObjectModel;
using System.IO;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Builds an activity (a contact message, a user reply or an internal note) for New-WcxCase, Set-WcxCase and Add-WcxCaseActivity; sends nothing.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "WcxActivity")]
    [OutputType(typeof(ActivityInput))]
    public sealed class NewWcxActivityCommand : WcxCmdlet
    {
        /// <summary><para type="description">The type, tab completed: note (internal, needs -UserId), user_reply (an agent's answer, needs -UserId and -ContactsTo) or contact_message (from a contact, needs -ContactFrom). Any other type is sent as given, without those checks, for the API to judge.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ActivityTypeCompleter))]
        public string Type { get; set; } = "";

        /// <summary><para type="description">The message text. Required unless attachments are given.</para></summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Content { get; set; }

        /// <summary><para type="description">The agent who writes a note or a user reply. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        public long? UserId { get; set; }

        /// <summary><para type="description">The channel of the activity. Tab completes the documented channels web, app, phone, whatsapp, email and internal, and outgoing_whatsapp (WhatsApp template cases), which the live API also uses. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ActivityChannelCompleter))]
        public string? Channel { get; set; }

        /// <summary><para type="description">Who sent a contact message: an e-mail address, a hashtable (id, email, personal_id, phone, name), or a contact from Get-WcxContact.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public object? ContactFrom { get; set; }

        /// <summary><para type="description">The recipients of a user reply: e-mail addresses, hashtables, or contacts from Get-WcxContact.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public object[]? ContactsTo { get; set; }

        /// <summary><para type="description">Files to attach: paths (wildcards allowed), read now and sent inline as base64. The API takes at most 5 MB of files per request.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Attachment { get; set; }

        /// <summary><para type="description">Files to attach by URL (http or https); the file name is taken from the URL.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[]? AttachmentUrl { get; set; }

        protected override void ProcessWcxRecord()
        {
            var activity = new ActivityInput
            {
                Type = Type,
                Content = Content,
                UserId = UserId,
                Channel = Channel,
                ContactFrom = ContactFrom is null ? null : InputBinder.Contact(ContactFrom),
                ContactsTo = ContactsTo?.Select(InputBinder.Contact).ToList(),
            };
            var attachments = new List<AttachmentInput>();
            if (Attachment != null)
                attachments.AddRange(ReadFiles(Attachment));
            if (AttachmentUrl != null)
                attachments.AddRange(AttachmentUrl.Select(ByUrl));
            if (attachments.Count > 0)
                activity.Attachments = attachments;
            CaseService.CheckActivity(activity);
            WriteObject(activity);
        }

        /// <summary>Resolves the paths, checks the total size before reading anything, then reads and encodes.</summary>
        private List<AttachmentInput> ReadFiles(IEnumerable<string> paths)
        {
            var files = new List<FileInfo>();
            foreach (var path in paths)
            {
                ErrorTarget = path;
                Collection<string> resolved;
                ProviderInfo provider;
                try
                {
                    resolved = GetResolvedProviderPathFromPSPath(path, out provider);
                }
                catch (ItemNotFoundException)
                {
                    throw new WcxInputException("The attachment '" + path + "' was not found.", "Attachment");
                }
                if (provider.Name != "FileSystem")
                    throw new WcxInputException("The attachment '" + path + "' is not a file (provider " + provider.Name + ").", "Attachment");
                if (resolved.Count == 0)
                    throw new WcxInputException("No file matches '" + path + "'.", "Attachment");
                foreach (var file in resolved.Select(p => new FileInfo(p)))
                {
                    if (!file.Exists)
                        throw new WcxInputException("The attachment '" + file.FullName + "' is not a file.", "Attachment");
                    files.Add(file);
                }
            }
            var total = files.Sum(f => f.Length);
            if (total > CaseService.MaxInlineAttachmentBytes)
                throw new WcxInputException(
                    "The attachments total " + (total / (1024.0 * 1024.0)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) +
                    " MB; the API accepts at most 5 MB of files per request. Attach large files with -AttachmentUrl.", "Attachment");
            return files.Select(f =>
            {
                WriteVerbose("Attaching " + f.FullName + " (" + f.Length + " bytes).");
                return new AttachmentInput { Filename = f.Name, Content = Convert.ToBase64String(File.ReadAllBytes(f.FullName)) };
            }).ToList();
        }

        private static AttachmentInput ByUrl(Uri url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw new WcxInputException("An attachment URL is an absolute http or https address; got '" + url + "'.", "AttachmentUrl");
            var name = Uri.UnescapeDataString(url.Segments.LastOrDefault() ?? "").Trim('/');
            return new AttachmentInput { Filename = name.Length == 0 ? "attachment" : name, Url = url.AbsoluteUri };
        }
    }
}
