using System.Management.Automation;
using WiseCx.PowerShell.Internal;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Shows the current WiseCX session: user, API root, token expiry and requests sent.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxContext")]
    [OutputType(typeof(WcxSession))]
    public sealed class GetWcxContextCommand : WcxCmdlet
    {
        protected override void ProcessWcxRecord()
        {
            var session = SessionStore.Get()
                ?? throw new NotConnectedException("Not connected to WiseCX. Run Connect-WcxAccount first.");
            WriteObject(SessionView.Wrap(session));
        }
    }
}
