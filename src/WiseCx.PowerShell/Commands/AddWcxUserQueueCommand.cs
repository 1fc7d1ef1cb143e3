using System.Linq;
using System.Management.Automation;
using WiseCx.PowerShell.Internal;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds a user to service groups (queues), one request per user for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Add, "WcxUserQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(QueueMembershipSummary))]
    public sealed class AddWcxUserQueueCommand : WcxSessionCmdlet
    {
        private const int ProgressId = 0x5743514D;
        private readonly MembershipCollector _pending = new MembershipCollector();

        /// <summary><para type="description">The users to change. Binds by property name from users (Get-WcxUser) and from objects with a UserId property. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">The service groups to add them to: numbers from the pipeline, or queue objects (Get-WcxQueue), which bind by their QueueId property. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long[] QueueId { get; set; } = new long[0];

        /// <summary><para type="description">Turn automatic case assignment on for the user in these groups (off when omitted; existing memberships are updated to match).</para></summary>
        [Parameter]
        public SwitchParameter AutoAssign { get; set; }

        protected override void ProcessWcxRecord() => _pending.Add(UserId, QueueId);

        protected override void EndWcxProcessing()
        {
            var progress = new BatchProgress(this, ProgressId, "Adding users to service groups", _pending.Owners.Count,
                _pending.Owners.Sum(o => (long)_pending.MembersOf(o).Count), "memberships");
            try
            {
                EachItem(_pending.Owners, userId =>
                {
                    var queues = _pending.MembersOf(userId);
                    if (!ShouldProcess("user " + userId, "Add to " + MembershipCollector.Describe(queues, "queue") + (AutoAssign ? " with auto-assign" : "")))
                        return;
                    progress.Next(queues.Count, "user " + userId);
                    var assignments = queues.Select(id => new QueueAssignment(id, AutoAssign.IsPresent));
                    WriteApiObject(Await(Client.Users.AddQueuesAsync(userId, assignments, StopToken)));
                });
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
