namespace WiseCx.PowerShell.Commands
{
    /// <summary>
    /// Base of New-/Set-WcxNitroCampaignMessage: one parameter set per channel (WhatsApp, Email, Call) with the fields the
    /// collection's table for that channel lists, turned into one channel configuration.
    /// </summary>
    public abstract class NitroCampaignMessageCmdlet : WcxSessionCmdlet
    {
        protected const string WhatsAppSet = "WhatsApp";
        protected const string EmailSet = "Email";
        protected const string CallSet = "Call";

        /// <summary><para type="description">WhatsApp: the id of the WhatsApp template to send (see Get-WcxWhatsAppTemplate). Tab completes the ids of the session's WhatsApp templates, showing their names.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = WhatsAppSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WhatsAppTemplateIdCompleter))]
        public string TemplateId { get; set; } = "";

        /// <summary><para type="description">WhatsApp: template variables, one hashtable per placeholder: @{ name = '{1}'; value_from = 'name'; value_default = 'Customer' }.</para></summary>
        [Parameter(ParameterSetName = WhatsAppSet)]
        [ValidateNotNullOrEmpty]
        public object[]? Variable { get; set; }

        /// <summary><para type="description">WhatsApp: the assistant node where replies start; required with -ReplyType assistant.</para></summary>
        [Parameter(ParameterSetName = WhatsAppSet)]
        [ValidateNotNullOrEmpty]
        public string? ReplyNode { get; set; }

        /// <summary><para type="description">E-mail: the sender address.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = EmailSet)]
        [ValidateNotNullOrEmpty]
        public string FromEmail { get; set; } = "";

        /// <summary><para type="description">E-mail: the subject.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = EmailSet)]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; } = "";

        /// <summary><para type="description">E-mail: the HTML body; {{contact_name}} and similar placeholders are filled per contact.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = EmailSet)]
        [ValidateNotNullOrEmpty]
        public string EmailContent { get; set; } = "";

        /// <summary><para type="description">E-mail: extra SMTP headers as a hashtable: @{ 'X-Custom-Source' = 'api' }.</para></summary>
        [Parameter(ParameterSetName = EmailSet)]
        [ValidateNotNullOrEmpty]
        public Hashtable? Header { get; set; }

        /// <summary><para type="description">E-mail: when the message is sent. A local time is converted; Nitro is sent the account's time (UTC-3).</para></summary>
        [Parameter(ParameterSetName = EmailSet)]
        public DateTime? ScheduledAt { get; set; }

        /// <summary><para type="description">Call: the id of the number the calls are made from.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = CallSet)]
        [ValidateRange(1, long.MaxValue)]
        public long CallNumberId { get; set; }

        /// <summary><para type="description">Call: the audio to play; required with -ReplyType audio.</para></summary>
        [Parameter(ParameterSetName = CallSet)]
        [ValidateNotNullOrEmpty]
        public string? ReplyUrl { get; set; }

        /// <summary><para type="description">Call: only call while agents are available.</para></summary>
        [Parameter(ParameterSetName = CallSet)]
        public SwitchParameter OnlyWhenAvailable { get; set; }

        /// <summary><para type="description">Call: only call during business hours.</para></summary>
        [Parameter(ParameterSetName = CallSet)]
        public SwitchParameter OnlyBusinessHours { get; set; }

        /// <summary><para type="description">Call: at most this many calls at once, 1 to 7 (the API's default is 1).</para></summary>
        [Parameter(ParameterSetName = CallSet)]
        [ValidateRange(1, 7)]
        public int? SimultaneousCalls { get; set; }

        /// <summary><para type="description">Where replies go. Tab completes the values of the channel being typed: WhatsApp: group (default), user or assistant. E-mail: group. Call: group, user, ivr, audio or survey. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NitroReplyTypeCompleter))]
        public string? ReplyType { get; set; }

        /// <summary><para type="description">The target of -ReplyType: the service group, agent, assistant, IVR or survey id.</para></summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? ReplyId { get; set; }

        /// <summary>The API's name of the channel the parameter set stands for.</summary>
        protected string Channel => ParameterSetName.ToLowerInvariant();

        /// <summary>The channel configuration from the parameters of the set in use.</summary>
        protected NitroChannelConfigInput BuildConfig()
        {
            var config = new NitroChannelConfigInput { ReplyType = ReplyType, ReplyId = ReplyId };
            switch (ParameterSetName)
            {
                case WhatsAppSet:
                    config.TemplateId = TemplateId;
                    config.Variables = Variable is null ? null : InputBinder.TemplateVariables(Variable);
                    config.ReplyNode = ReplyNode;
                    break;
                case EmailSet:
                    config.FromEmail = FromEmail;
                    config.Subject = Subject;
                    config.EmailContent = EmailContent;
                    config.Headers = Header is null ? null : InputBinder.Headers(Header);
                    break;
                case CallSet:
                    config.CallNumberId = CallNumberId;
                    config.ReplyUrl = ReplyUrl;
                    // The API's defaults are false: send the switches only when given.
                    config.OnlyWhenAvailable = MyInvocation.BoundParameters.ContainsKey(nameof(OnlyWhenAvailable)) ? OnlyWhenAvailable.IsPresent : (bool?)null;
                    config.OnlyBusinessHours = MyInvocation.BoundParameters.ContainsKey(nameof(OnlyBusinessHours)) ? OnlyBusinessHours.IsPresent : (bool?)null;
                    config.SimultaneousCalls = SimultaneousCalls;
                    break;
            }
            return config;
        }
    }
}
