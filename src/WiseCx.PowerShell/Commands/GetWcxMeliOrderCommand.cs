using System.Management.Automation;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets Mercado Libre orders by their WiseCX order id, with what Mercado Libre reports about them.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxMeliOrder")]
    [OutputType(typeof(MeliOrder))]
    public sealed class GetWcxMeliOrderCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">WiseCX order ids. Binds from the pipeline, also from objects with an Id or OrderId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OrderId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessWcxRecord() =>
            EachItem(Id, id => WriteApiObject(Await(Client.Orders.GetMeliAsync(id, StopToken))));
    }
}
