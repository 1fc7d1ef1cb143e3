namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Creates a case with its first activity, and returns the new case.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxCase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Case))]
    public sealed class NewWcxCaseCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The service group (queue) the case is assigned to. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("QueueId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long GroupId { get; set; }

        /// <summary><para type="description">Where the case comes from. Tab completes the documented channels web, app, phone, whatsapp, email and internal, and incoming_call, new_email and outgoing_whatsapp (WhatsApp template cases), which the live API also uses. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CaseSourceChannelCompleter))]
        public string SourceChannel { get; set; } = "";

        /// <summary><para type="description">The case subject.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; } = "";

        /// <summary><para type="description">The first activities: hashtables such as @{ type = 'contact_message'; content = 'Hi'; contact_from = @{ email = 'ana@example.com' } }. Types: contact_message, user_reply, note.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public object[] Activity { get; set; } = new object[0];

        /// <summary><para type="description">The agent the case is assigned to. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateAtLeast(0)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        [EmptyAsAbsent]
        public long? UserId { get; set; }

        /// <summary><para type="description">Tags for the case. Tab completes the session's tags.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Tags")]
        [ArgumentCompleter(typeof(CaseTagCompleter))]
        [EmptyAsAbsent]
        public string[]? Tag { get; set; }

        /// <summary><para type="description">The case type id (see Get-WcxCaseType). Tab completes the ids of the session's case types, showing their names.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateAtLeast(0)]
        [ArgumentCompleter(typeof(CaseTypeIdCompleter))]
        [EmptyAsAbsent]
        public long? TypeId { get; set; }

        /// <summary><para type="description">The priority. Tab completes none, low, medium, high and very-high. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CasePriorityCompleter))]
        [EmptyAsAbsent]
        public string? Priority { get; set; }

        /// <summary><para type="description">When the case is due; sent to the API in UTC.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public DateTime? DueAt { get; set; }

        /// <summary><para type="description">Custom fields as a hashtable: @{ order_number = '1234' }.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        [ArgumentCompleter(typeof(CustomFieldValueCompleter))]
        public Hashtable? CustomField { get; set; }

        /// <summary><para type="description">When the API refuses the case because the contact already has an open case (error WcxOpenCasesExist), add the activities to that case instead (the newest, if there are several) and return it, with a warning. Without it the refusal is reported and nothing is sent again.</para></summary>
        [Parameter]
        public SwitchParameter AddToOpenCase { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Subject;
            var request = new CaseCreateRequest
            {
                GroupId = GroupId,
                SourceChannel = SourceChannel,
                Subject = Subject,
                Activities = InputBinder.Activities(Activity),
                UserId = UserId,
                Tags = Tag,
                TypeId = TypeId,
                Priority = Priority,
                DueAt = DueAt,
                CustomFields = CustomField is null ? null : InputBinder.CustomFields(CustomField),
            };
            if (!ShouldProcess("group " + GroupId + ": '" + Subject + "'", AddToOpenCase ? "Create case, or add to the contact's open case" : "Create case"))
                return;
            var outcome = Await(Client.Cases.CreateAsync(request, AddToOpenCase, StopToken));
            var created = outcome.Result;
            if (outcome.AddedToOpenCase)
                WriteWarning("The contact already has an open case (" + string.Join(", ", outcome.OpenCaseIds!) + "): no case was created; the activities were added to case " + created.CaseId + ".");
            WriteReadBack(created.CaseId, "Case " + created.CaseId + (outcome.AddedToOpenCase ? " was added to" : " was created"),
                () => Await(Client.Cases.GetAsync(created.CaseId, null, StopToken)), () => new Case
                {
                    Id = created.CaseId, GroupId = GroupId, SourceChannel = request.SourceChannel, Subject = Subject,
                    Tags = Tag, TypeId = TypeId, Priority = request.Priority, UserId = UserId, DueAt = DueAt,
                });
        }
    }
}
