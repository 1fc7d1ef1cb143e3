namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Forgets the token and key of a session and closes its connection.</para></summary>
    [Cmdlet(VerbsCommunications.Disconnect, "WcxAccount")]
    [OutputType(typeof(void))]
    public sealed class DisconnectWcxAccountCommand : WcxCmdlet
    {
        /// <summary><para type="description">The session to close. Defaults to the current one.</para></summary>
        [Parameter(ValueFromPipeline = true)]
        [SessionArgument]
        [ValidateNotNull]
        public WcxSession? Session { get; set; }

        protected override void ProcessWcxRecord()
        {
            var session = Session ?? SessionStore.Get();
            if (session is null)
            {
                // Clean-up code calls this unconditionally; having nothing to close is not a failure.
                WriteVerbose("There is no current WiseCX session; nothing to disconnect.");
                return;
            }
            (session.State as IDisposable)?.Dispose();
            SessionStore.Clear(session);
            WriteVerbose("Disconnected " + session + ".");
        }
    }
}
