namespace WiseCx
{
    /// <summary>An e-commerce order (Vtex, Shopify, WooCommerce, Fenicio or a custom store) as GET /orders lists it.</summary>
    public sealed class Order : WcxObject
    {
        public long Id { get; set; }
        public string? EcommerceStoreId { get; set; }

        /// <summary>vtex, shopify, woocommerce, fenicio or custom.</summary>
        public string? EcommercePlatform { get; set; }

        public string? EcommerceOrderId { get; set; }
        public string? Status { get; set; }
        public string? RejectReason { get; set; }
        public decimal? TotalAmount { get; set; }
        public bool? SalesRecovery { get; set; }
        public OrderCustomer? Customer { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        /// <summary>The raw order payload of the platform, as plain values (dictionaries and arrays).</summary>
        public object? OrderData { get; set; }

        public override string ToString() => "Order " + Id + (Status is null ? "" : " (" + Status + ")");
    }

    /// <summary>The buyer of an order.</summary>
    public sealed class OrderCustomer : WcxObject
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? PersonalId { get; set; }

        public override string ToString() => Name ?? Email ?? Phone ?? PersonalId ?? "";
    }

    /// <summary>
    /// What POST and PUT /orders answer: <c>{"id": 7387492, "message": "{\"id\":7387492}"}</c>, the id once more as JSON
    /// inside a string. The client takes the id from the message when the top-level one is missing.
    /// </summary>
    public sealed class OrderWriteResult : WcxObject
    {
        public long Id { get; set; }
        public string? Message { get; set; }

        public override string ToString() => "Order " + Id;
    }

    /// <summary>A Mercado Libre order (GET /meli/orders/{id}); <see cref="OrderData"/> holds what Mercado Libre sent.</summary>
    public sealed class MeliOrder : WcxObject
    {
        /// <summary>The WiseCX order id.</summary>
        public long Id { get; set; }

        public string? MeliOrderId { get; set; }
        public string? ProductId { get; set; }
        public string? PackId { get; set; }
        public string? BuyerId { get; set; }

        /// <summary>The order as Mercado Libre describes it, as plain values (dictionaries and arrays).</summary>
        public object? OrderData { get; set; }

        public DateTime? CreatedAt { get; set; }

        public override string ToString() => "Mercado Libre order " + Id + (MeliOrderId is null ? "" : " (" + MeliOrderId + ")");
    }

    /// <summary>The body of POST /orders. Null members are left out of the request.</summary>
    public sealed class OrderCreateRequest
    {
        public string EcommerceStoreId { get; set; } = "";
        public string EcommercePlatform { get; set; } = "";
        public string EcommerceOrderId { get; set; } = "";

        /// <summary>Not in the field table, but sent by the collection's own example.</summary>
        public string? Status { get; set; }

        public string? RejectReason { get; set; }
        public decimal? TotalAmount { get; set; }
        public bool? SalesRecovery { get; set; }
        public OrderCustomerInput? Customer { get; set; }
    }

    /// <summary>The body of PUT /orders/{id}: only the members that are set are sent.</summary>
    public sealed class OrderUpdateRequest
    {
        public string? EcommerceStoreId { get; set; }
        public string? EcommercePlatform { get; set; }
        public string? EcommerceOrderId { get; set; }
        public string? Status { get; set; }
        public string? RejectReason { get; set; }
        public decimal? TotalAmount { get; set; }
        public bool? SalesRecovery { get; set; }
        public OrderCustomerInput? Customer { get; set; }

        /// <summary>True when nothing would be sent: an update that changes nothing is refused before any request.</summary>
        public bool IsEmpty() =>
            EcommerceStoreId is null && EcommercePlatform is null && EcommerceOrderId is null && Status is null &&
            RejectReason is null && TotalAmount is null && SalesRecovery is null && Customer is null;
    }

    /// <summary>The buyer, as an order write sends it.</summary>
    public sealed class OrderCustomerInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? PersonalId { get; set; }

        public override string ToString() => Name ?? Email ?? Phone ?? PersonalId ?? "";
    }
}
