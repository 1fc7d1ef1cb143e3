namespace WiseCx.Sandbox.Endpoints;

/// <summary>GET /meli/orders/{id}: one Mercado Libre order, bare; Mercado Libre's own ids are strings.</summary>
internal static class MeliEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/meli/orders/{id}", Get);
    }

    private static IResult Get(string id, SandboxStore store)
    {
        var orderId = PathIds.Parse(id, "Mercado Libre order");
        return SandboxJson.Ok(store.Read(state =>
        {
            var order = state.MeliOrders.GetValueOrDefault(orderId) ?? throw PathIds.NotFound("Mercado Libre order", id);
            return new JsonObject
            {
                ["id"] = order.Id,
                ["meli_order_id"] = order.MeliOrderId,
                ["product_id"] = order.ProductId,
                ["pack_id"] = order.PackId,
                ["buyer_id"] = order.BuyerId,
                ["order_data"] = JsonNode.Parse(order.OrderData),
                ["created_at"] = ApiDate.Format(order.CreatedAt),
            };
        }));
    }
}
