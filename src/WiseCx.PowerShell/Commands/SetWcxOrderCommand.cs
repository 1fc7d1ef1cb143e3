namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Changes an e-commerce order: its status, rejection reason, recovery mark, amount or buyer.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetWcxOrderCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The WiseCX order id. From the pipeline it takes order ids, orders (Get-WcxOrder, New-WcxOrder) (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with an OrderId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("OrderId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Order), "OrderId")]
        public long Id { get; set; }

        /// <summary><para type="description">The order's status on the platform.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Status { get; set; }

        /// <summary><para type="description">Why the order was rejected or cancelled.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RejectReason { get; set; }

        /// <summary><para type="description">$true marks the order as recoverable; $false removes the mark.</para></summary>
        [Parameter]
        public bool? SalesRecovery { get; set; }

        /// <summary><para type="description">A new total amount.</para></summary>
        [Parameter]
        public decimal? TotalAmount { get; set; }

        /// <summary><para type="description">The store's id on the e-commerce platform.</para></summary>
        [Parameter]
        [Alias("StoreId")]
        [ValidateNotNullOrEmpty]
        public string? EcommerceStoreId { get; set; }

        /// <summary><para type="description">The platform. Tab completes vtex, shopify, woocommerce, fenicio and custom. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter]
        [Alias("Platform")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrderPlatformCompleter))]
        public string? EcommercePlatform { get; set; }

        /// <summary><para type="description">The order's id on the e-commerce platform.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EcommerceOrderId { get; set; }

        /// <summary><para type="description">The buyer's details to change: a hashtable with name, email, phone or personal_id.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public object? Customer { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            var request = new OrderUpdateRequest
            {
                Status = Status,
                RejectReason = RejectReason,
                SalesRecovery = SalesRecovery,
                TotalAmount = TotalAmount,
                EcommerceStoreId = EcommerceStoreId,
                EcommercePlatform = EcommercePlatform,
                EcommerceOrderId = EcommerceOrderId,
                Customer = Customer is null ? null : InputBinder.Customer(Customer),
            };
            if (request.IsEmpty())
                throw new WcxInputException("Nothing to change: give at least one of -Status, -RejectReason, -SalesRecovery, -TotalAmount, -EcommerceStoreId, -EcommercePlatform, -EcommerceOrderId or -Customer.");
            var change = ChangeText.Describe("Set order",
                ("status", Status), ("reject reason", RejectReason), ("sales recovery", SalesRecovery), ("total", TotalAmount),
                ("store", EcommerceStoreId), ("platform", EcommercePlatform), ("platform order", EcommerceOrderId),
                ("customer", Customer is null ? null : "(changed)"));
            if (!ShouldProcess("order " + Id, change))
                return;
            Await(Client.Orders.UpdateAsync(Id, request, StopToken));
            WriteVerbose("Order " + Id + " updated.");
        }
    }
}
