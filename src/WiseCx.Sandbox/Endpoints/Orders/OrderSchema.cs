using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>The documented fields and filter rules of orders (the collection's "Orders" folder in api/).</summary>
internal static class OrderSchema
{
    /// <summary>Resource prefix of filter fields (<c>order.status</c>): not documented, so kept here as one line to change.</summary>
    public const string FilterPrefix = "order";

    /// <summary>GET /orders "possible fields", in the documented order.</summary>
    public static readonly FieldSet<OrderRecord> Fields = new FieldSet<OrderRecord>()
        .Add("id", o => o.Id, o => o.Id)
        .Add("ecommerce_store_id", o => o.StoreId, o => o.StoreId)
        .Add("ecommerce_platform", o => o.Platform, o => o.Platform)
        .Add("ecommerce_order_id", o => o.ExternalOrderId, o => o.ExternalOrderId)
        .Add("status", o => o.Status, o => o.Status)
        .Add("reject_reason", o => o.RejectReason, o => o.RejectReason)
        .Add("total_amount", o => o.TotalAmount, o => o.TotalAmount)
        .Add("sales_recovery", o => o.SalesRecovery, o => o.SalesRecovery)
        .Add("customer", o => o.Customer.ToJson())
        .Add("created_at", o => ApiDate.ToJson(o.CreatedAt), o => o.CreatedAt)
        .Add("updated_at", o => ApiDate.ToJson(o.UpdatedAt), o => o.UpdatedAt)
        .Add("order_data", o => JsonNode.Parse(o.OrderData));

    private static readonly FilterOperator[] Dates = [GreaterEqual, LowerEqual, Greater, Lower, Equal];

    /// <summary>GET /orders "ALLOWED OPERATORS", row by row (spelled EQUAL there; EQUALS is accepted too).</summary>
    public static readonly FilterSchema<OrderRecord> Filter = new FilterSchema<OrderRecord>(FilterPrefix)
        .Text("ecommerce_store_id", o => o.StoreId, In, Equal)
        .Text("status", o => o.Status, In, NotIn, Equal, NotEqual, Contains)
        .Date("created_at", o => o.CreatedAt, Dates)
        .Date("updated_at", o => o.UpdatedAt, Dates);
}
