namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Changes a case: status, assignment, tags, priority, custom fields; or adds activities to it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxCase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Case))]
    public sealed class SetWcxCaseCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case to change. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long Id { get; set; }

        /// <summary><para type="description">The new status. Tab completes the documented values opened, solved, pending, hold and closed, and open and onhold, which the live API also uses. Any other value is sent as given, for the API to judge. When the status is the only change, it is sent to PUT /cases/{id}/status (an endpoint of the vendor's Spanish documentation), or to PUT /cases/{id} on an API without it.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CaseStatusCompleter))]
        public string? Status { get; set; }

        /// <summary><para type="description">The priority. Tab completes none, low, medium, high and very-high. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CasePriorityCompleter))]
        public string? Priority { get; set; }

        /// <summary><para type="description">Replaces the case's tags (an empty list removes them all). To add or remove some and keep the others, use -AddTag and -RemoveTag instead. Tab completes the session's tags.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(CaseTagCompleter))]
        public string[]? Tag { get; set; }

        /// <summary><para type="description">Tags to add; the case keeps the tags it has. The API only replaces the whole list, so the case's tags are read first and the merged list is sent in the one update. Not with -Tag. Tab completes the session's tags.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CaseTagCompleter))]
        public string[]? AddTag { get; set; }

        /// <summary><para type="description">Tags to take off the case; the others stay (read first, as for -AddTag). A tag the case does not have is ignored. Not with -Tag. Tab completes the session's tags.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CaseTagCompleter))]
        public string[]? RemoveTag { get; set; }

        /// <summary><para type="description">Moves the case to another service group (queue). Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter]
        [Alias("QueueId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long? GroupId { get; set; }

        /// <summary><para type="description">Assigns the case to this agent (0 unassigns). Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        public long? UserId { get; set; }

        /// <summary><para type="description">The case type id. Tab completes the ids of the session's case types, showing their names.</para></summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        [ArgumentCompleter(typeof(CaseTypeIdCompleter))]
        public long? TypeId { get; set; }

        /// <summary><para type="description">A new subject.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        /// <summary><para type="description">When the case is due; sent in UTC.</para></summary>
        [Parameter]
        public DateTime? DueAt { get; set; }

        /// <summary><para type="description">Custom fields to set, as a hashtable.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(CustomFieldValueCompleter))]
        public Hashtable? CustomField { get; set; }

        /// <summary><para type="description">$true marks the case as spam; $false recovers it.</para></summary>
        [Parameter]
        public bool? Spam { get; set; }

        /// <summary><para type="description">Activities to add (hashtables, as for New-WcxCase).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public object[]? Activity { get; set; }

        /// <summary><para type="description">Return the case as it is after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            var request = new CaseUpdateRequest
            {
                Status = Status,
                Priority = Priority,
                Tags = Tag,
                GroupId = GroupId,
                UserId = UserId,
                TypeId = TypeId,
                Subject = Subject,
                DueAt = DueAt,
                CustomFields = CustomField is null ? null : InputBinder.CustomFields(CustomField),
                Spam = Spam,
                Activities = Activity is null ? null : InputBinder.Activities(Activity),
            };
            if (Tag != null && (AddTag != null || RemoveTag != null))
                throw new WcxInputException("Give -Tag (replaces the tags) or -AddTag/-RemoveTag (change them), not both.", "Tag");
            if (request.IsEmpty() && AddTag is null && RemoveTag is null)
                throw new WcxInputException("Nothing to change: give at least one of -Status, -Priority, -Tag, -AddTag, -RemoveTag, -GroupId, -UserId, -TypeId, -Subject, -DueAt, -CustomField, -Spam or -Activity.");
            var change = ChangeText.Describe("Set case",
                ("status", Status), ("priority", Priority), ("tags", Tag), ("add tags", AddTag), ("remove tags", RemoveTag),
                ("group", GroupId), ("user", UserId), ("type", TypeId), ("subject", Subject), ("due", DueAt),
                ("custom fields", CustomField), ("spam", Spam), ("activities", Activity?.Length));
            if (!ShouldProcess("case " + Id, change))
                return;
            // A change of status alone goes to PUT /cases/{id}/status (Spanish docs), falling back to PUT /cases/{id}.
            Await(Client.Cases.UpdateAsync(Id, request, AddTag, RemoveTag, StopToken));
            if (PassThru)
                WriteApiObject(Await(Client.Cases.GetAsync(Id, null, StopToken)));
        }
    }
}
