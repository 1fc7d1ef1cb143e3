namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Shows the current WiseCX session: user, API root, token expiry and requests sent; nothing when not connected.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxContext")]
    [OutputType(typeof(WcxSession))]
    public sealed class GetWcxContextCommand : WcxCmdlet
    {
        protected override void ProcessWcxRecord()
        {
            // Like Get-AzContext and Get-MgContext: no session is an answer, not an error, so that
            // `if (-not (Get-WcxContext)) { Connect-WcxAccount ... }` works as written.
            var session = SessionStore.Get();
            if (session is null)
            {
                WriteVerbose("No WiseCX session is current in this runspace; Connect-WcxAccount makes one.");
                return;
            }
            WriteObject(SessionView.Wrap(session));
        }
    }
}
