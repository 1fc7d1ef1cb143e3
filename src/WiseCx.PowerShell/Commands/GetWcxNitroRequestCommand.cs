namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets what became of transactional Nitro requests: the case, contact, variables and metadata.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxNitroRequest")]
    [OutputType(typeof(NitroRequest))]
    public sealed class GetWcxNitroRequestCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">Tracking ids, as Send-WcxNitroMessage returns them. From the pipeline it takes tracking ids, the receipts of Send-WcxNitroMessage and objects with a TrackingId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [PipelineId(typeof(NitroSendResult), "TrackingId", IdProperty = "TrackingId", TextIds = true)]
        public string[] TrackingId { get; set; } = new string[0];

        protected override void ProcessWcxRecord() =>
            EachItem(TrackingId, id => WriteApiObject(Await(Client.Nitro.GetRequestAsync(id, StopToken))));
    }
}
