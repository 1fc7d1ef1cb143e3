namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the channels integrated into the account (chat, e-mail, WhatsApp, …).</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxChannel", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Channel))]
    public sealed class GetWcxChannelCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Channels;

        /// <summary><para type="description">The fields to return (the API's fields parameter). Tab completes the documented names; any other name is sent as given, with a warning.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Channels.List(query, StopToken, onPage), Property);
    }
}
