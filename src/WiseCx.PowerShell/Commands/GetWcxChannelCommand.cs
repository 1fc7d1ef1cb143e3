namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the channels integrated into the account (chat, e-mail, WhatsApp, …).</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxChannel", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Channel))]
    public sealed class GetWcxChannelCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Channels;

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Channels.List(query, StopToken, onPage), Property);
    }
}
