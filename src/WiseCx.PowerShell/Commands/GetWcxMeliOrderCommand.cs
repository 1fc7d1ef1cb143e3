namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets Mercado Libre orders by their WiseCX order id, with what Mercado Libre reports about them.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxMeliOrder")]
    [OutputType(typeof(MeliOrder))]
    public sealed class GetWcxMeliOrderCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">WiseCX order ids. From the pipeline it takes order ids, orders (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with an OrderId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrderId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Order), "OrderId")]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessWcxRecord() =>
            EachItem(Id, id => WriteApiObject(Await(Client.Orders.GetMeliAsync(id, StopToken))));
    }
}
