namespace WiseCx
{
    /// <summary>A channel integrated into the WiseCX account (GET /channels). Its id arrives as a string.</summary>
    public sealed class Channel : WcxObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }

        /// <summary>chat, email, incoming_whatsapp, …</summary>
        public string? Source { get; set; }

        public override string ToString() => Name is null ? "Channel " + Id : Name + " (" + Source + ")";
    }

    /// <summary>A WhatsApp template loaded in the account (GET /whatsapp_templates).</summary>
    public sealed class WhatsAppTemplate : WcxObject
    {
        public long TemplateId { get; set; }
        public string? Name { get; set; }

        /// <summary>The template text, with its placeholders ({{1}}, ${name}, …).</summary>
        public string? Content { get; set; }

        // "Whatsapp", not "WhatsApp": the snake_case mapping must give whatsapp_number, not whats_app_number.
        public string? WhatsappNumber { get; set; }
        public string? WhatsappDescription { get; set; }

        public override string ToString() => Name ?? "Template " + TemplateId;
    }
}
