namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the WhatsApp templates loaded in the account.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxWhatsAppTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(WhatsAppTemplate))]
    public sealed class GetWcxWhatsAppTemplateCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.WhatsAppTemplates;

        /// <summary><para type="description">The fields to return (the API's fields parameter). Tab completes the documented names; any other name is sent as given, with a warning.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Channels.ListWhatsAppTemplates(query, StopToken, onPage), Property);
    }
}
