using System.Management.Automation;
using WiseCx.PowerShell.Internal;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Takes a user out of service groups (queues), one request per user for the whole pipeline.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxUserQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxUserQueueCommand : WcxSessionCmdlet
    {
        private readonly MembershipCollector _pending = new MembershipCollector();

        /// <summary><para type="description">The users to change. Binds by property name from users and from objects with a UserId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] UserId { get; set; } = new long[0];

        /// <summary><para type="description">The service groups to take them out of: numbers from the pipeline, or queue objects, which bind by their QueueId property.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] QueueId { get; set; } = new long[0];

        protected override void ProcessWcxRecord() => _pending.Add(UserId, QueueId);

        protected override void EndWcxProcessing() => EachItem(_pending.Owners, userId =>
        {
            var queues = _pending.MembersOf(userId);
            if (!ShouldProcess("user " + userId, "Remove from " + MembershipCollector.Describe(queues, "queue")))
                return;
            var result = Await(Client.Users.RemoveQueuesAsync(userId, queues, StopToken));
            WriteVerbose("User " + userId + ": removed from " + result.Removed + " of " + queues.Count + " queue(s).");
        });
    }
}
