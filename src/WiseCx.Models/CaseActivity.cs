namespace WiseCx
{
    /// <summary>
    /// One activity of a case as GET /cases/{id}/activities shows it: a contact message, a user reply, a note, or a
    /// system event. The API's <c>recordings</c> has no documented shape: it is kept as an extra property.
    /// </summary>
    public sealed class CaseActivity : WcxObject
    {
        public long Id { get; set; }
        public long? CaseId { get; set; }

        /// <summary>contact_message, user_reply, note or system.</summary>
        public string? Type { get; set; }

        public long? UserId { get; set; }
        public string? Channel { get; set; }
        public string? Content { get; set; }
        public Contact? ContactFrom { get; set; }
        public WcxList<Contact>? ContactsTo { get; set; }
        public WcxList<Attachment>? Attachments { get; set; }
        public DateTime? CreatedAt { get; set; }
        public string? SendingStatus { get; set; }

        public override string ToString() => "Activity " + Id + (Type is null ? "" : " (" + Type + ")") + (Content is null ? "" : ": " + Content);
    }

    /// <summary>A file attached to an activity, as the API lists it.</summary>
    public sealed class Attachment : WcxObject
    {
        public string? Filename { get; set; }
        public long? AttachmentId { get; set; }

        /// <summary>Where WiseCX serves the file; often relative to the WiseCX web application, not to the API.</summary>
        public string? Url { get; set; }

        public override string ToString() => Filename ?? Url ?? "";
    }

    /// <summary>A case type (GET /cases/types); types nest through <see cref="ParentId"/> (0: top level).</summary>
    public sealed class CaseType : WcxObject
    {
        public long Id { get; set; }
        public string? Name { get; set; }
        public long? ParentId { get; set; }

        public override string ToString() => Name ?? ("Case type " + Id);
    }

    /// <summary>A case tag (GET /cases/tags).</summary>
    public sealed class CaseTag : WcxObject
    {
        public long Id { get; set; }
        public string? Name { get; set; }

        public override string ToString() => Name ?? ("Tag " + Id);
    }
}
