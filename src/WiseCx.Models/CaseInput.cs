namespace WiseCx
{
    /// <summary>The body of POST /cases. Null members are left out of the request.</summary>
    public sealed class CaseCreateRequest
    {
        /// <summary>Required: the service group (queue) the new case is assigned to.</summary>
        public long GroupId { get; set; }

        /// <summary>The user (agent) to assign the case to; null leaves it unassigned.</summary>
        public long? UserId { get; set; }

        /// <summary>Required: where the case comes from: web, app, phone, whatsapp, email or internal.</summary>
        public string SourceChannel { get; set; } = "";

        /// <summary>Tags to put on the case, by name.</summary>
        public string[]? Tags { get; set; }

        /// <summary>The case type (see Get-WcxCaseType).</summary>
        public long? TypeId { get; set; }

        /// <summary>Required: the case subject.</summary>
        public string Subject { get; set; } = "";

        /// <summary>none, low, medium, high or very-high.</summary>
        public string? Priority { get; set; }

        /// <summary>When the case is due, in local time (sent as UTC).</summary>
        public DateTime? DueAt { get; set; }

        /// <summary>Custom fields to set, as name/value pairs.</summary>
        public List<CustomField>? CustomFields { get; set; }

        /// <summary>Required: the first activities of the case (at least one).</summary>
        public List<ActivityInput> Activities { get; set; } = new List<ActivityInput>();
    }

    /// <summary>The body of PUT /cases/{id}: only the members that are set are sent.</summary>
    public sealed class CaseUpdateRequest
    {
        /// <summary>The service group (queue) to move the case to.</summary>
        public long? GroupId { get; set; }

        /// <summary>The user (agent) to assign the case to.</summary>
        public long? UserId { get; set; }

        /// <summary>The new status: opened, solved, pending, hold or closed.</summary>
        public string? Status { get; set; }

        /// <summary>The case's tags after the update, by name (the whole list: it replaces the current one).</summary>
        public string[]? Tags { get; set; }

        /// <summary>The new case type.</summary>
        public long? TypeId { get; set; }

        /// <summary>The new subject.</summary>
        public string? Subject { get; set; }

        /// <summary>none, low, medium, high or very-high.</summary>
        public string? Priority { get; set; }

        /// <summary>The new due date, in local time (sent as UTC).</summary>
        public DateTime? DueAt { get; set; }

        /// <summary>Custom fields to set, as name/value pairs.</summary>
        public List<CustomField>? CustomFields { get; set; }

        /// <summary>Activities to add to the case (replies, notes, contact messages).</summary>
        public List<ActivityInput>? Activities { get; set; }

        /// <summary>True marks the case as spam; false takes a spam case back.</summary>
        public bool? Spam { get; set; }

        /// <summary>True deletes the case; false recovers a deleted one.</summary>
        public bool? Deleted { get; set; }

        /// <summary>True when nothing would be sent: an update that changes nothing is refused before any request.</summary>
        public bool IsEmpty() =>
            GroupId is null && UserId is null && Status is null && Tags is null && TypeId is null && Subject is null &&
            Priority is null && DueAt is null && CustomFields is null && Activities is null && Spam is null && Deleted is null;
    }

    /// <summary>An activity to add to a case (a contact message, a user reply or an internal note).</summary>
    public sealed class ActivityInput
    {
        /// <summary>user_reply, contact_message or note.</summary>
        public string Type { get; set; } = "";

        /// <summary>The user (agent) who writes it: required for user_reply and note.</summary>
        public long? UserId { get; set; }

        /// <summary>The channel it goes through: web, app, phone, whatsapp, email or internal.</summary>
        public string? Channel { get; set; }

        /// <summary>The message text; required unless there are attachments.</summary>
        public string? Content { get; set; }

        /// <summary>The contact who wrote it: required for contact_message.</summary>
        public ContactInput? ContactFrom { get; set; }

        /// <summary>The contacts a user_reply goes to (on WhatsApp only the first one counts): required for user_reply.</summary>
        public List<ContactInput>? ContactsTo { get; set; }

        /// <summary>Files to attach; required when there is no content.</summary>
        public List<AttachmentInput>? Attachments { get; set; }

        /// <summary>The type and content, e.g. <c>note: Call back tomorrow</c>.</summary>
        public override string ToString() => Type + ": " + Content;
    }

    /// <summary>A contact as a case activity names it: by id, e-mail, personal id or phone.</summary>
    public sealed class ContactInput
    {
        /// <summary>The contact id; one of id, e-mail, personal id or phone is required.</summary>
        public long? Id { get; set; }

        /// <summary>The contact's e-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's personal id (DNI, CUIT, …).</summary>
        public string? PersonalId { get; set; }

        /// <summary>The contact's phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>The contact's name, for a contact WiseCX creates from this activity.</summary>
        public string? Name { get; set; }

        /// <summary>Custom fields of the contact, as name/value pairs.</summary>
        public List<CustomField>? CustomFields { get; set; }

        /// <summary>The first of e-mail, phone, personal id, id and name that is set.</summary>
        public override string ToString() => Email ?? Phone ?? PersonalId ?? Id?.ToString() ?? Name ?? "";
    }

    /// <summary>A file attached to an activity: a URL, or the content inline as base64.</summary>
    public sealed class AttachmentInput
    {
        /// <summary>Required: the file's name, e.g. file.jpg.</summary>
        public string Filename { get; set; } = "";

        /// <summary>Where WiseCX downloads the file from; required when there is no content.</summary>
        public string? Url { get; set; }

        /// <summary>The file itself, base64-encoded; required when there is no URL. Inline files of one request total at most 5 MB.</summary>
        public string? Content { get; set; }
    }
}
