using System.Linq;
using System.Management.Automation;
using WiseCx.PowerShell.Internal;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Takes a user out of service groups (queues), one request per user for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxUserQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxUserQueueCommand : WcxSessionCmdlet
    {
        private const int ProgressId = 0x5743514D;
        private readonly MembershipCollector _pending = new MembershipCollector();

        /// <summary><para type="description">The users to change. Binds by property name from users and from objects with a UserId property. Tab completes the ids of the session's users, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(UserIdCompleter))]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">The service groups to take them out of: numbers from the pipeline, or queue objects, which bind by their QueueId property. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        public long[] QueueId { get; set; } = new long[0];

        protected override void ProcessWcxRecord() => _pending.Add(UserId, QueueId);

        protected override void EndWcxProcessing()
        {
            var progress = new BatchProgress(this, ProgressId, "Removing users from service groups", _pending.Owners.Count,
                _pending.Owners.Sum(o => (long)_pending.MembersOf(o).Count), "memberships");
            try
            {
                EachItem(_pending.Owners, userId =>
                {
                    var queues = _pending.MembersOf(userId);
                    if (!ShouldProcess("user " + userId, "Remove from " + MembershipCollector.Describe(queues, "queue")))
                        return;
                    progress.Next(queues.Count, "user " + userId);
                    var result = Await(Client.Users.RemoveQueuesAsync(userId, queues, StopToken));
                    WriteVerbose("User " + userId + ": removed from " + result.Removed + " of " + queues.Count + " queue(s).");
                });
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
