namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Schedules, sends, activates, stops, deletes or cancels the send of a Nitro campaign.</para></summary>
    /// <remarks>
    /// ConfirmImpact is per cmdlet, but only Send, Delete and CancelSend are high impact (they send to, or drop, a whole
    /// audience). The cmdlet is Medium so Schedule/Activate/Stop do not prompt by default; the three destructive actions
    /// then ask once more through ShouldContinue exactly when a High cmdlet would have prompted: $ConfirmPreference is
    /// High, -Confirm was not given either way, and -Force was not used.
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "WcxNitroCampaignAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NitroCampaignActionResult))]
    public sealed class InvokeWcxNitroCampaignActionCommand : WcxSessionCmdlet
    {
        private bool _yesToAll;
        private bool _noToAll;

        /// <summary><para type="description">The campaign. From the pipeline it takes campaign ids, campaigns (Get-WcxNitroCampaign) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CampaignId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroCampaign), "CampaignId", TextIds = true)]
        public string Id { get; set; } = "";

        /// <summary><para type="description">Schedule or Send (simple campaigns in draft), Activate (transactional, draft or stopped), Stop (transactional, running), Delete (draft, or stopped transactional), CancelSend (simple, running or scheduled).</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("Schedule", "Send", "Activate", "Stop", "Delete", "CancelSend", IgnoreCase = true)]
        public string Action { get; set; } = "";

        /// <summary><para type="description">When a Schedule action sends the campaign. A local time is converted; Nitro is sent the account's time (UTC-3). Required for Schedule, refused for the other actions.</para></summary>
        [Parameter]
        public DateTime? ScheduledAt { get; set; }

        /// <summary><para type="description">Run Send, Delete and CancelSend without asking for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            var action = (NitroCampaignAction)Enum.Parse(typeof(NitroCampaignAction), Action, ignoreCase: true);
            NitroService.ValidateAction(action, ScheduledAt);
            var what = action == NitroCampaignAction.Schedule ? "Schedule for " + Utc(ScheduledAt!.Value).ToString("u") : action.ToString();
            if (!ShouldProcess("campaign " + Id, what))
                return;
            if (IsDestructive(action) && NeedsHighImpactConfirmation() &&
                !ShouldContinue(Describe(action), "Confirm Nitro campaign action", ref _yesToAll, ref _noToAll))
                return;
            var result = Await(Client.Nitro.InvokeActionAsync(Id, action, ScheduledAt, StopToken));
            if (action == NitroCampaignAction.Schedule && result.ScheduledAt is { } answered)
            {
                // Nitro reads scheduled_at in the account's time zone, assumed UTC-3: its answer (UTC) shows whether that held.
                // The answer is a local date like every date the module reads: compared and shown in UTC, as asked is.
                var asked = Utc(ScheduledAt!.Value);
                var answeredUtc = answered.ToUniversalTime();
                if (Math.Abs((answeredUtc - asked).TotalSeconds) >= 1)
                    WriteWarning("Campaign " + Id + " was scheduled for " + answeredUtc.ToString("u") + ", not " + asked.ToString("u") +
                                 " as asked: the account's time zone is not UTC" + NitroService.AccountUtcOffset.TotalHours.ToString("+0;-0") +
                                 ". Cancel the send (-Action CancelSend) and schedule it again, moved by the difference.");
            }
            WriteApiObject(result);
        }

        /// <summary>As the module sends dates (WcxJson.ToUtc): local and unspecified times are local, converted to UTC.</summary>
        private static DateTime Utc(DateTime value) => value.ToUniversalTime();

        private static bool IsDestructive(NitroCampaignAction action) =>
            action == NitroCampaignAction.Send || action == NitroCampaignAction.Delete || action == NitroCampaignAction.CancelSend;

        /// <summary>True when a ConfirmImpact High cmdlet would prompt but this Medium one has not.</summary>
        private bool NeedsHighImpactConfirmation()
        {
            if (Force || MyInvocation.BoundParameters.ContainsKey("Confirm"))
                return false;
            var preference = GetVariableValue("ConfirmPreference");
            var level = preference is ConfirmImpact impact ? impact
                : Enum.TryParse<ConfirmImpact>(Convert.ToString(preference), true, out var parsed) ? parsed
                : ConfirmImpact.High;
            // At Medium or Low, ShouldProcess has asked already; at None nothing asks.
            return level == ConfirmImpact.High;
        }

        private string Describe(NitroCampaignAction action) =>
            action == NitroCampaignAction.Send ? "Send campaign " + Id + " now to all its contacts?"
            : action == NitroCampaignAction.Delete ? "Delete campaign " + Id + "?"
            : "Cancel the ongoing send of campaign " + Id + "?";
    }
}
