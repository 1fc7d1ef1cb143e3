namespace WiseCx
{
    /// <summary>A WiseCX webhook notification. The payload only says what happened; -Expand fetches the object itself.</summary>
    public abstract class WebhookEvent : WcxObject
    {
        /// <summary>The event name as WiseCX sends it: activity_new, status_update, survey, meli_new_order, meli_order_updated.</summary>
        public string Event { get; set; } = "";

        /// <summary>When the module read the payload (the payload carries no time of its own), in local time like every date of the module.</summary>
        public DateTime ReceivedAt { get; set; } = DateTime.Now;
    }

    /// <summary>activity_new (any change of a case) and status_update (a WhatsApp message's delivery status).</summary>
    public sealed class CaseActivityWebhookEvent : WebhookEvent
    {
        /// <summary>The case that changed.</summary>
        public long CaseId { get; set; }

        /// <summary>The activity the change added.</summary>
        public long? ActivityId { get; set; }

        /// <summary>contact_message, user_reply, note, system, whatsapp_status or nitro_new_case.</summary>
        public string? ActivityType { get; set; }

        /// <summary>With -Expand: the case the event is about.</summary>
        public Case? Case { get; set; }

        /// <summary>With -Expand: the activity the event is about.</summary>
        public CaseActivity? Activity { get; set; }

        /// <summary>The event, case and activity, e.g. <c>activity_new case 12345 activity 6789</c>.</summary>
        public override string ToString() => Event + " case " + CaseId + (ActivityId.HasValue ? " activity " + ActivityId : "");
    }

    /// <summary>survey: a survey was sent to the case's contact.</summary>
    public sealed class SurveyWebhookEvent : WebhookEvent
    {
        /// <summary>The case whose contact was sent the survey.</summary>
        public long CaseId { get; set; }

        /// <summary>The link to the survey the contact received.</summary>
        public string? UrlSurvey { get; set; }

        /// <summary>With -Expand: the case.</summary>
        public Case? Case { get; set; }

        /// <summary>The event and case, e.g. <c>survey case 12345</c>.</summary>
        public override string ToString() => Event + " case " + CaseId;
    }

    /// <summary>meli_new_order / meli_order_updated: a Mercado Libre order was created or changed in WiseCX.</summary>
    public sealed class MeliOrderWebhookEvent : WebhookEvent
    {
        /// <summary>The WiseCX order id (the payload's <c>id</c>).</summary>
        public long OrderId { get; set; }

        /// <summary>With -Expand: the Mercado Libre order.</summary>
        public MeliOrder? Order { get; set; }

        /// <summary>The event and order, e.g. <c>meli_new_order order 12990000</c>.</summary>
        public override string ToString() => Event + " order " + OrderId;
    }
}
