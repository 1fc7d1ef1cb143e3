namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds activities to an existing case (a note, an agent's reply, a contact's message) and returns them.</para></summary>
    [Cmdlet(VerbsCommon.Add, "WcxCaseActivity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CaseActivity))]
    public sealed class AddWcxCaseActivityCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long CaseId { get; set; }

        /// <summary><para type="description">The activities to add: objects from New-WcxActivity, or hashtables such as @{ type = 'note'; user_id = 6405; content = 'Called back' }.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public object[] Activity { get; set; } = new object[0];

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = CaseId;
            var activities = InputBinder.Activities(Activity);
            CaseService.CheckActivities(activities);
            var what = string.Join(", ", activities.Select(a => a.Type));
            if (!ShouldProcess("case " + CaseId, "Add " + (activities.Count == 1 ? "activity" : activities.Count + " activities") + " (" + what + ")"))
                return;
            var result = Await(Client.Cases.AddActivitiesAsync(CaseId, activities, StopToken));
            for (var i = 0; i < result.Activities.Length; i++)
            {
                var added = result.Activities[i];
                var sent = i < activities.Count ? activities[i] : null;
                WriteReadBack(added.Id, "Activity " + added.Id + " was added to case " + CaseId,
                    () => Await(Client.Cases.GetActivityAsync(CaseId, added.Id, null, StopToken)), () => new CaseActivity
                    {
                        Id = added.Id, CaseId = CaseId, Type = sent?.Type, UserId = sent?.UserId, Channel = sent?.Channel, Content = sent?.Content,
                    });
            }
        }
    }
}
