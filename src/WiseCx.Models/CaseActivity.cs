namespace WiseCx
{
    /// <summary>
    /// One activity of a case as GET /cases/{id}/activities shows it: a contact message, a user reply, a note, or a
    /// system event. The API's <c>recordings</c> has no documented shape: it is kept as an extra property.
    /// </summary>
    public sealed class CaseActivity : WcxObject
    {
        /// <summary>The activity id.</summary>
        public long Id { get; set; }

        /// <summary>The case the activity belongs to.</summary>
        public long? CaseId { get; set; }

        /// <summary>contact_message (from the contact), user_reply (an agent's answer), note (internal) or system (an event WiseCX logged).</summary>
        public string? Type { get; set; }

        /// <summary>The user (agent) who wrote the activity; 0 for the contact and for most system events.</summary>
        public long? UserId { get; set; }

        /// <summary>The channel the activity came or went through: web, app, phone, whatsapp, email, internal, …</summary>
        public string? Channel { get; set; }

        /// <summary>The message or note text; for system activities, WiseCX's description of the event.</summary>
        public string? Content { get; set; }

        /// <summary>The contact who wrote a contact_message; null for other types.</summary>
        public Contact? ContactFrom { get; set; }

        /// <summary>The contacts a user_reply was sent to; null for other types.</summary>
        public WcxList<Contact>? ContactsTo { get; set; }

        /// <summary>The files attached to the activity; null when none.</summary>
        public WcxList<Attachment>? Attachments { get; set; }

        /// <summary>When the activity happened, in local time.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>Whether the message went out, as WiseCX reports it ("ok" once sent).</summary>
        public string? SendingStatus { get; set; }

        /// <summary>The id, type and content, e.g. <c>Activity 4056881 (note): Call back tomorrow</c>.</summary>
        public override string ToString() => "Activity " + Id + (Type is null ? "" : " (" + Type + ")") + (Content is null ? "" : ": " + Content);
    }

    /// <summary>A file attached to an activity, as the API lists it.</summary>
    public sealed class Attachment : WcxObject
    {
        /// <summary>The file's name, e.g. file.jpg.</summary>
        public string? Filename { get; set; }

        /// <summary>The attachment's id in WiseCX (0 in the API's own examples).</summary>
        public long? AttachmentId { get; set; }

        /// <summary>Where WiseCX serves the file; often relative to the WiseCX web application, not to the API.</summary>
        public string? Url { get; set; }

        /// <summary>The file name, or the URL when there is none.</summary>
        public override string ToString() => Filename ?? Url ?? "";
    }

    /// <summary>A case type (GET /cases/types); types nest through <see cref="ParentId"/> (0: top level).</summary>
    public sealed class CaseType : WcxObject
    {
        /// <summary>The type id, as a case's <see cref="Case.TypeId"/> names it.</summary>
        public long Id { get; set; }

        /// <summary>The type's name.</summary>
        public string? Name { get; set; }

        /// <summary>The type this one is nested under; 0 for a top-level type.</summary>
        public long? ParentId { get; set; }

        /// <summary>The name, or "Case type" and the id when it has none.</summary>
        public override string ToString() => Name ?? ("Case type " + Id);
    }

    /// <summary>A case tag (GET /cases/tags).</summary>
    public sealed class CaseTag : WcxObject
    {
        /// <summary>The tag id.</summary>
        public long Id { get; set; }

        /// <summary>The tag's name, as it appears in a case's <see cref="Case.Tags"/>.</summary>
        public string? Name { get; set; }

        /// <summary>The name, or "Tag" and the id when it has none.</summary>
        public override string ToString() => Name ?? ("Tag " + Id);
    }
}
