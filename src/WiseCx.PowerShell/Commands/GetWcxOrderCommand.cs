namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets e-commerce orders: a filtered, sorted list streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxOrder", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Order))]
    public sealed class GetWcxOrderCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Orders;

        /// <summary><para type="description">The fields to return (the API's fields parameter). Tab completes the documented names; any other name is sent as given, with a warning.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        protected override void ProcessWcxRecord() => WriteList((query, onPage) => Client.Orders.List(query, StopToken, onPage), Property);
    }
}
