namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Tells whether the business, or one service group, is within its business hours now.</para></summary>
    [Cmdlet(VerbsDiagnostic.Test, "WcxBusinessHours")]
    [OutputType(typeof(bool))]
    public sealed class TestWcxBusinessHoursCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The service group whose hours to check; without it the business's own. Binds by property name from queues. Tab completes the ids of the session's service groups, showing their names.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateAtLeast(1)]
        [ArgumentCompleter(typeof(QueueIdCompleter))]
        [EmptyAsAbsent]
        public long? QueueId { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = QueueId;
            WriteObject(Await(Client.Queues.IsOpenAsync(QueueId, StopToken)));
        }
    }
}
