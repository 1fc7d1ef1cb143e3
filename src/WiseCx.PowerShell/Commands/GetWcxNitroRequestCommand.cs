using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets what became of transactional Nitro requests: the case, contact, variables and metadata.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxNitroRequest")]
    [OutputType(typeof(NitroRequest))]
    public sealed class GetWcxNitroRequestCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">Tracking ids, as Send-WcxNitroMessage returns them. Binds from the pipeline, also from objects with a TrackingId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] TrackingId { get; set; } = new string[0];

        protected override void ProcessWcxRecord() =>
            EachItem(TrackingId, id => WriteApiObject(Await(Client.Nitro.GetRequestAsync(id, StopToken))));
    }
}
