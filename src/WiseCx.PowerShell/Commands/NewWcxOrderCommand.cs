namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Registers an e-commerce order, for example a failed one to recover by WhatsApp.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Order))]
    public sealed class NewWcxOrderCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The store's id on the e-commerce platform.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("StoreId")]
        [ValidateNotNullOrEmpty]
        public string EcommerceStoreId { get; set; } = "";

        /// <summary><para type="description">Where the order comes from. Tab completes vtex, shopify, woocommerce, fenicio and custom. Any other value is sent as given, for the API to judge.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Platform")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrderPlatformCompleter))]
        public string EcommercePlatform { get; set; } = "";

        /// <summary><para type="description">The order's id on the e-commerce platform.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EcommerceOrderId { get; set; } = "";

        /// <summary><para type="description">The order's total amount.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public decimal TotalAmount { get; set; }

        /// <summary><para type="description">The buyer: a hashtable such as @{ name = 'Ana'; email = 'ana@example.com'; phone = '5491155550000'; personal_id = '123' } (name and email required).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object? Customer { get; set; }

        /// <summary><para type="description">The order's status on the platform, e.g. cancelled.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? Status { get; set; }

        /// <summary><para type="description">Why the order was rejected or cancelled.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsAbsent]
        public string? RejectReason { get; set; }

        /// <summary><para type="description">Mark the order as recoverable: WiseCX opens a case with the buyer (by WhatsApp when the customer has a phone).</para></summary>
        [Parameter]
        public SwitchParameter SalesRecovery { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = EcommerceOrderId;
            var request = new OrderCreateRequest
            {
                EcommerceStoreId = EcommerceStoreId,
                EcommercePlatform = EcommercePlatform,
                EcommerceOrderId = EcommerceOrderId,
                TotalAmount = TotalAmount,
                Customer = InputBinder.Customer(Customer!),
                Status = Status,
                RejectReason = RejectReason,
                SalesRecovery = MyInvocation.BoundParameters.ContainsKey(nameof(SalesRecovery)) ? SalesRecovery.IsPresent : (bool?)null,
            };
            OrderService.ValidateCreate(request);
            if (!ShouldProcess(request.EcommercePlatform + " order " + EcommerceOrderId + " of store " + EcommerceStoreId, "Create order"))
                return;
            var created = Await(Client.Orders.CreateAsync(request, StopToken));
            // The API has no GET /orders/{id} to read the order back: report it from its id and what was sent.
            WriteApiObject(new Order
            {
                Id = created.Id,
                EcommerceStoreId = request.EcommerceStoreId,
                EcommercePlatform = request.EcommercePlatform,
                EcommerceOrderId = request.EcommerceOrderId,
                Status = request.Status,
                RejectReason = request.RejectReason,
                TotalAmount = request.TotalAmount,
                SalesRecovery = request.SalesRecovery,
                Customer = new OrderCustomer
                {
                    Name = request.Customer!.Name, Email = request.Customer.Email, Phone = request.Customer.Phone, PersonalId = request.Customer.PersonalId,
                },
            });
        }
    }
}
