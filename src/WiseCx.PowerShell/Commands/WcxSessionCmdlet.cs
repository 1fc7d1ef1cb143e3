using WiseCx.Client;

namespace WiseCx.PowerShell.Commands
{
    /// <summary>Base of the cmdlets that talk to WiseCX: resolves -Session, or the runspace's current session.</summary>
    public abstract class WcxSessionCmdlet : WcxCmdlet
    {
        private WcxClient? _client;

        /// <summary>
        /// <para type="description">The session to use. Defaults to the one made by the last Connect-WcxAccount in this runspace.</para>
        /// </summary>
        [Parameter]
        [SessionArgument]
        [ValidateNotNull]
        public WcxSession? Session { get; set; }

        /// <summary>The client behind the session; throws a terminating "not connected" error when there is none.</summary>
        internal WcxClient Client => _client ??= Resolve();

        private WcxClient Resolve()
        {
            var session = Session ?? SessionStore.Get()
                ?? throw new NotConnectedException("Not connected to WiseCX. Run Connect-WcxAccount first, or pass -Session.");
            var client = (WcxClient)session.State;
            if (!client.IsConnected)
                throw new NotConnectedException("This WiseCX session was disconnected. Run Connect-WcxAccount again.");
            return client;
        }
    }
}
