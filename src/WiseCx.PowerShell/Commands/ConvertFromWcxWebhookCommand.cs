using WiseCx.Client.Json;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Turns a WiseCX webhook payload into a typed event object; -Expand fetches what it points at.</para></summary>
    [Cmdlet(VerbsData.ConvertFrom, "WcxWebhook")]
    [OutputType(typeof(CaseActivityWebhookEvent), typeof(SurveyWebhookEvent), typeof(MeliOrderWebhookEvent))]
    public sealed class ConvertFromWcxWebhookCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The payload: the JSON text WiseCX posted, an object already parsed from it, or the $WebhookData object an Azure Automation runbook receives (its RequestBody is read).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("WebhookData", "RequestBody")]
        [ValidateNotNull]
        public object InputObject { get; set; } = "";

        /// <summary><para type="description">Also fetch the case, activity or order the event points at (needs a session).</para></summary>
        [Parameter]
        public SwitchParameter Expand { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = InputObject;
            foreach (var webhookEvent in WebhookReader.ReadValue(Payload(InputObject)))
            {
                if (Expand)
                    ExpandEvent(webhookEvent);
                WriteApiObject(webhookEvent);
            }
        }

        /// <summary>A WebhookData object carries the payload as text in RequestBody; anything else is the payload itself.</summary>
        private static object? Payload(object input)
        {
            var wrapped = PSObject.AsPSObject(input);
            if (!(wrapped.BaseObject is string) && wrapped.Properties["RequestBody"]?.Value is object body)
                return PowerShellValues.Unwrap(body);
            var value = PowerShellValues.Unwrap(input);
            return value is string ? value : PowerShellValues.ToRequestBody(input);
        }

        private void ExpandEvent(WebhookEvent webhookEvent)
        {
            switch (webhookEvent)
            {
                case CaseActivityWebhookEvent activity:
                    activity.Case = Await(Client.Cases.GetAsync(activity.CaseId, null, StopToken));
                    if (activity.ActivityId.HasValue)
                        activity.Activity = Await(Client.Cases.GetActivityAsync(activity.CaseId, activity.ActivityId.Value, null, StopToken));
                    break;
                case SurveyWebhookEvent survey:
                    survey.Case = Await(Client.Cases.GetAsync(survey.CaseId, null, StopToken));
                    break;
                case MeliOrderWebhookEvent order:
                    order.Order = Await(Client.Orders.GetMeliAsync(order.OrderId, StopToken));
                    break;
            }
        }
    }
}
