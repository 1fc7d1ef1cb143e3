namespace WiseCx
{
    /// <summary>The body of POST /cases. Null members are left out of the request.</summary>
    public sealed class CaseCreateRequest
    {
        public long GroupId { get; set; }
        public long? UserId { get; set; }
        public string SourceChannel { get; set; } = "";
        public string[]? Tags { get; set; }
        public long? TypeId { get; set; }
        public string Subject { get; set; } = "";
        public string? Priority { get; set; }
        public DateTime? DueAt { get; set; }
        public List<CustomField>? CustomFields { get; set; }
        public List<ActivityInput> Activities { get; set; } = new List<ActivityInput>();
    }

    /// <summary>The body of PUT /cases/{id}: only the members that are set are sent.</summary>
    public sealed class CaseUpdateRequest
    {
        public long? GroupId { get; set; }
        public long? UserId { get; set; }
        public string? Status { get; set; }
        public string[]? Tags { get; set; }
        public long? TypeId { get; set; }
        public string? Subject { get; set; }
        public string? Priority { get; set; }
        public DateTime? DueAt { get; set; }
        public List<CustomField>? CustomFields { get; set; }
        public List<ActivityInput>? Activities { get; set; }
        public bool? Spam { get; set; }
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
        public long? UserId { get; set; }
        public string? Channel { get; set; }
        public string? Content { get; set; }
        public ContactInput? ContactFrom { get; set; }
        public List<ContactInput>? ContactsTo { get; set; }
        public List<AttachmentInput>? Attachments { get; set; }

        public override string ToString() => Type + ": " + Content;
    }

    /// <summary>A contact as a case activity names it: by id, e-mail, personal id or phone.</summary>
    public sealed class ContactInput
    {
        public long? Id { get; set; }
        public string? Email { get; set; }
        public string? PersonalId { get; set; }
        public string? Phone { get; set; }
        public string? Name { get; set; }
        public List<CustomField>? CustomFields { get; set; }

        public override string ToString() => Email ?? Phone ?? PersonalId ?? Id?.ToString() ?? Name ?? "";
    }

    /// <summary>A file attached to an activity: a URL, or the content inline as base64.</summary>
    public sealed class AttachmentInput
    {
        public string Filename { get; set; } = "";
        public string? Url { get; set; }
        public string? Content { get; set; }
    }
}
