namespace WiseCx
{
    /// <summary>A channel integrated into the WiseCX account (GET /channels). Its id arrives as a string.</summary>
    public sealed class Channel : WcxObject
    {
        /// <summary>The channel id, e.g. "11330" (text, as the API sends it).</summary>
        public string? Id { get; set; }

        /// <summary>The channel's name: a chat's title, a mailbox address, a WhatsApp line's name, …</summary>
        public string? Name { get; set; }

        /// <summary>What kind of channel it is: chat, email, incoming_whatsapp, …</summary>
        public string? Source { get; set; }

        /// <summary>The name and kind, e.g. <c>Support mailbox (email)</c>.</summary>
        public override string ToString() => Name is null ? "Channel " + Id : Name + " (" + Source + ")";
    }

    /// <summary>A WhatsApp template loaded in the account (GET /whatsapp_templates).</summary>
    public sealed class WhatsAppTemplate : WcxObject
    {
        /// <summary>The template id, as Nitro messages and case replies name it.</summary>
        public long TemplateId { get; set; }

        /// <summary>The template's name.</summary>
        public string? Name { get; set; }

        /// <summary>The template text, with its placeholders ({{1}}, ${name}, …).</summary>
        public string? Content { get; set; }

        // "Whatsapp", not "WhatsApp": the snake_case mapping must give whatsapp_number, not whats_app_number.
        /// <summary>The WhatsApp number the template is registered on.</summary>
        public string? WhatsappNumber { get; set; }

        /// <summary>The description of that WhatsApp line.</summary>
        public string? WhatsappDescription { get; set; }

        /// <summary>The name, or "Template" and the id when it has none.</summary>
        public override string ToString() => Name ?? "Template " + TemplateId;
    }
}
