using WiseCx.Client;
using WiseCx.Client.Http;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Shows the last HTTP exchanges of a WiseCX session: what was sent and what came back, secrets masked.</para></summary>
    /// <remarks>
    /// Like Get-History: oldest first, newest last, so that -Last 1 is the exchange just made. The session keeps the last
    /// <see cref="ExchangeHistory.Capacity"/> exchanges in memory; no request is sent to show them.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "WcxRequestHistory")]
    [OutputType(typeof(WcxRequestRecord))]
    public sealed class GetWcxRequestHistoryCommand : WcxCmdlet
    {
        /// <summary><para type="description">How many of the most recent exchanges to show. All those kept (at most 50) when omitted.</para></summary>
        [Parameter(Position = 0)]
        [ValidateRange(1, int.MaxValue)]
        public int Last { get; set; }

        /// <summary>
        /// <para type="description">The session whose exchanges to show. Defaults to the current one; a disconnected session's history can still be read.</para>
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [SessionArgument]
        [ValidateNotNull]
        public WcxSession? Session { get; set; }

        protected override void ProcessWcxRecord()
        {
            var session = Session ?? SessionStore.Get();
            if (session is null)
            {
                // Like Get-History in a new session: nothing to show is not an error.
                WriteVerbose("No WiseCX session is current in this runspace, so there is no request history; Connect-WcxAccount makes one.");
                return;
            }
            foreach (var record in ((WcxClient)session.State).History.Last(MyInvocation.BoundParameters.ContainsKey(nameof(Last)) ? Last : (int?)null))
                WriteObject(record);
        }
    }
}
