namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets e-commerce orders: a filtered, sorted list streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxOrder", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Order))]
    public sealed class GetWcxOrderCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Orders;

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Orders.List(query, StopToken, onPage), Property);
    }
}
