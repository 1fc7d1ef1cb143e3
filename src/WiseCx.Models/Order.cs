namespace WiseCx
{
    /// <summary>An e-commerce order (Vtex, Shopify, WooCommerce, Fenicio or a custom store) as GET /orders lists it.</summary>
    public sealed class Order : WcxObject
    {
        /// <summary>The WiseCX order id.</summary>
        public long Id { get; set; }

        /// <summary>The store's id on the e-commerce platform.</summary>
        public string? EcommerceStoreId { get; set; }

        /// <summary>vtex, shopify, woocommerce, fenicio or custom.</summary>
        public string? EcommercePlatform { get; set; }

        /// <summary>The order's id on the e-commerce platform.</summary>
        public string? EcommerceOrderId { get; set; }

        /// <summary>The order's status, in the platform's words (pending, confirmed, cancelled, …).</summary>
        public string? Status { get; set; }

        /// <summary>Why the order was rejected or cancelled.</summary>
        public string? RejectReason { get; set; }

        /// <summary>The order's total, in the store's currency.</summary>
        public decimal? TotalAmount { get; set; }

        /// <summary>True when the order is marked for sales recovery (WiseCX may open a case with the buyer).</summary>
        public bool? SalesRecovery { get; set; }

        /// <summary>The buyer.</summary>
        public OrderCustomer? Customer { get; set; }

        /// <summary>When the order was created, in local time.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>When the order last changed, in local time.</summary>
        public DateTime? UpdatedAt { get; set; }

        /// <summary>The raw order payload of the platform, as plain values (dictionaries and arrays).</summary>
        public object? OrderData { get; set; }

        /// <summary>The id and status, e.g. <c>Order 1001 (pending)</c>.</summary>
        public override string ToString() => "Order " + Id + (Status is null ? "" : " (" + Status + ")");
    }

    /// <summary>The buyer of an order.</summary>
    public sealed class OrderCustomer : WcxObject
    {
        /// <summary>The buyer's name.</summary>
        public string? Name { get; set; }

        /// <summary>The buyer's e-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>The buyer's phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>The buyer's personal id (DNI, CUIT, …).</summary>
        public string? PersonalId { get; set; }

        /// <summary>The first of name, e-mail, phone and personal id that is set.</summary>
        public override string ToString() => Name ?? Email ?? Phone ?? PersonalId ?? "";
    }

    /// <summary>
    /// What POST and PUT /orders answer: <c>{"id": 7387492, "message": "{\"id\":7387492}"}</c>, the id once more as JSON
    /// inside a string. The client takes the id from the message when the top-level one is missing.
    /// </summary>
    public sealed class OrderWriteResult : WcxObject
    {
        /// <summary>The WiseCX id of the order written.</summary>
        public long Id { get; set; }

        /// <summary>The API's message: the id once more, as JSON text.</summary>
        public string? Message { get; set; }

        /// <summary>"Order" and the id.</summary>
        public override string ToString() => "Order " + Id;
    }

    /// <summary>A Mercado Libre order (GET /meli/orders/{id}); <see cref="OrderData"/> holds what Mercado Libre sent.</summary>
    public sealed class MeliOrder : WcxObject
    {
        /// <summary>The WiseCX order id.</summary>
        public long Id { get; set; }

        /// <summary>Mercado Libre's id of the order.</summary>
        public string? MeliOrderId { get; set; }

        /// <summary>Mercado Libre's id of the product sold, e.g. MLA111231321.</summary>
        public string? ProductId { get; set; }

        /// <summary>Mercado Libre's id of the pack (the orders bought together).</summary>
        public string? PackId { get; set; }

        /// <summary>Mercado Libre's id of the buyer.</summary>
        public string? BuyerId { get; set; }

        /// <summary>The order as Mercado Libre describes it, as plain values (dictionaries and arrays).</summary>
        public object? OrderData { get; set; }

        /// <summary>When the order reached WiseCX, in local time.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>The WiseCX id and Mercado Libre's, e.g. <c>Mercado Libre order 12990000 (200000111111450)</c>.</summary>
        public override string ToString() => "Mercado Libre order " + Id + (MeliOrderId is null ? "" : " (" + MeliOrderId + ")");
    }

    /// <summary>The body of POST /orders. Null members are left out of the request.</summary>
    public sealed class OrderCreateRequest
    {
        /// <summary>Required: the store's id on the e-commerce platform.</summary>
        public string EcommerceStoreId { get; set; } = "";

        /// <summary>Required: vtex, shopify, woocommerce, fenicio or custom.</summary>
        public string EcommercePlatform { get; set; } = "";

        /// <summary>Required: the order's id on the e-commerce platform.</summary>
        public string EcommerceOrderId { get; set; } = "";

        /// <summary>Not in the field table, but sent by the collection's own example.</summary>
        public string? Status { get; set; }

        /// <summary>Why the order was rejected or cancelled.</summary>
        public string? RejectReason { get; set; }

        /// <summary>The order's total, in the store's currency.</summary>
        public decimal? TotalAmount { get; set; }

        /// <summary>True marks the order for sales recovery: WiseCX opens a case with the buyer (on WhatsApp when a phone is given).</summary>
        public bool? SalesRecovery { get; set; }

        /// <summary>The buyer.</summary>
        public OrderCustomerInput? Customer { get; set; }
    }

    /// <summary>The body of PUT /orders/{id}: only the members that are set are sent.</summary>
    public sealed class OrderUpdateRequest
    {
        /// <summary>The store's id on the e-commerce platform.</summary>
        public string? EcommerceStoreId { get; set; }

        /// <summary>vtex, shopify, woocommerce, fenicio or custom.</summary>
        public string? EcommercePlatform { get; set; }

        /// <summary>The order's id on the e-commerce platform.</summary>
        public string? EcommerceOrderId { get; set; }

        /// <summary>The order's new status.</summary>
        public string? Status { get; set; }

        /// <summary>Why the order was rejected or cancelled.</summary>
        public string? RejectReason { get; set; }

        /// <summary>The order's total, in the store's currency.</summary>
        public decimal? TotalAmount { get; set; }

        /// <summary>True marks the order for sales recovery; false unmarks it.</summary>
        public bool? SalesRecovery { get; set; }

        /// <summary>The buyer's details to change.</summary>
        public OrderCustomerInput? Customer { get; set; }

        /// <summary>True when nothing would be sent: an update that changes nothing is refused before any request.</summary>
        public bool IsEmpty() =>
            EcommerceStoreId is null && EcommercePlatform is null && EcommerceOrderId is null && Status is null &&
            RejectReason is null && TotalAmount is null && SalesRecovery is null && Customer is null;
    }

    /// <summary>The buyer, as an order write sends it.</summary>
    public sealed class OrderCustomerInput
    {
        /// <summary>The buyer's name (required to create an order).</summary>
        public string? Name { get; set; }

        /// <summary>The buyer's e-mail address (required to create an order).</summary>
        public string? Email { get; set; }

        /// <summary>The buyer's phone number: with sales recovery, a WhatsApp case is opened only when it is given.</summary>
        public string? Phone { get; set; }

        /// <summary>The buyer's personal id (DNI, CUIT, …).</summary>
        public string? PersonalId { get; set; }

        /// <summary>The first of name, e-mail, phone and personal id that is set.</summary>
        public override string ToString() => Name ?? Email ?? Phone ?? PersonalId ?? "";
    }
}
