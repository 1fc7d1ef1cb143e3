using System.Management.Automation;
using WiseCx.Client.Services;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds a WhatsApp, e-mail or call message to a Nitro campaign.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxNitroCampaignMessage", DefaultParameterSetName = WhatsAppSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(NitroCampaignMessage))]
    public sealed class NewWcxNitroCampaignMessageCommand : NitroCampaignMessageCmdlet
    {
        /// <summary><para type="description">The campaign. Binds from the pipeline by property name: campaigns from Get-WcxNitroCampaign (Id) or objects with CampaignId.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string CampaignId { get; set; } = "";

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = CampaignId;
            var request = new NitroMessageCreateRequest
            {
                Channel = Channel,
                ScheduledAt = ParameterSetName == EmailSet ? ScheduledAt : null,
                ChannelConfig = BuildConfig(),
            };
            NitroService.ValidateChannelConfig(request.Channel, request.ChannelConfig);
            if (!ShouldProcess("campaign " + CampaignId, "Add " + ParameterSetName + " message"))
                return;
            WriteApiObject(Await(Client.Nitro.CreateMessageAsync(CampaignId, request, StopToken)));
        }
    }
}
