namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the WhatsApp templates loaded in the account.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxWhatsAppTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(WhatsAppTemplate))]
    public sealed class GetWcxWhatsAppTemplateCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.WhatsAppTemplates;

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Channels.ListWhatsAppTemplates(query, StopToken, onPage), Property);
    }
}
