using System;
using System.Collections;
using System.Management.Automation;
using WiseCx.PowerShell.Internal;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Changes a case: status, assignment, tags, priority, custom fields; or adds activities to it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxCase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Case))]
    public sealed class SetWcxCaseCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case to change. Binds from the pipeline by property name (Id or CaseId).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary><para type="description">The new status. Tab completes the documented values opened, solved, pending, hold and closed, and open and onhold, which the live API also uses. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CaseStatusCompleter))]
        public string? Status { get; set; }

        /// <summary><para type="description">The priority. Tab completes none, low, medium, high and very-high. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CasePriorityCompleter))]
        public string? Priority { get; set; }

        /// <summary><para type="description">Replaces the case's tags. Tab completes the session's tags.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(CaseTagCompleter))]
        public string[]? Tag { get; set; }

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
            if (request.IsEmpty())
                throw new WcxInputException("Nothing to change: give at least one of -Status, -Priority, -Tag, -GroupId, -UserId, -TypeId, -Subject, -DueAt, -CustomField, -Spam or -Activity.");
            if (!ShouldProcess("case " + Id, "Update case"))
                return;
            Await(Client.Cases.UpdateAsync(Id, request, StopToken));
            if (PassThru)
                WriteApiObject(Await(Client.Cases.GetAsync(Id, null, StopToken)));
        }
    }
}
