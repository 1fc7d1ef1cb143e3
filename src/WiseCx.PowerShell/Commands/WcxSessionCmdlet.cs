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

        /// <summary>
        /// Writes what was just created, read back from the API (<paramref name="readBack"/>). When only the read fails the
        /// object exists, so it is written from what was sent (<paramref name="fromSent"/>) with a warning saying
        /// <paramref name="done"/> ("User 7 was created"), rather than lost behind the failed read.
        /// </summary>
        private protected void WriteReadBack<T>(long id, string done, Func<T> readBack, Func<T> fromSent) where T : WcxObject
        {
            ErrorTarget = id;
            try
            {
                WriteApiObject(readBack());
            }
            catch (WcxApiException ex) when (!(ex is WcxAuthenticationException))
            {
                WriteWarning(done + ", but reading it back failed: " + ex.Message);
                WriteApiObject(fromSent());
            }
        }

        private WcxClient Resolve()
        {
            var session = Session ?? SessionStore.Get()
                ?? throw new NotConnectedException("Not connected to WiseCX. Run Connect-WcxAccount first, or pass -Session.");
            var client = (WcxClient)session.State;
            if (!client.IsConnected)
                throw new WiseCx.Client.Http.WcxDisconnectedException();
            return client;
        }
    }
}
