namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        // Declared before the row that uses it: within one file static initialisers run in order.
        private static readonly FilterOperator[] OrderDates =
            { FilterOperator.GreaterEqual, FilterOperator.LowerEqual, FilterOperator.Greater, FilterOperator.Lower, FilterOperator.Equal };

        /// <summary>GET /orders: a bare array; fields and filter as its tables document them.</summary>
        public static EndpointSpec Orders { get; } = new EndpointSpec(
            path: "orders",
            // Not documented (api/NOTES.md C11: only case. is); kept here so it can be corrected in one place.
            fieldPrefix: "order.",
            fields: new[]
            {
                "id", "ecommerce_store_id", "ecommerce_platform", "ecommerce_order_id", "status", "reject_reason", "total_amount",
                "sales_recovery", "customer", "created_at", "updated_at", "order_data",
            },
            filterable: new Dictionary<string, FilterOperator[]>
            {
                ["ecommerce_store_id"] = InEq,
                ["status"] = Text,
                ["created_at"] = OrderDates,
                ["updated_at"] = OrderDates,
            },
            equalSpelling: "EQUAL",
            // The collection's general notes give every list endpoint sort and sort_field.
            sortStyle: SortStyle.SortAndSortField);
    }
}
