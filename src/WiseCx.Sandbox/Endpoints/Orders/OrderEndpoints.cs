namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /orders: list as a bare array; create and update answer <c>{"id", "message"}</c> where message is the same id again as
/// JSON inside a string, as the collection shows.
/// </summary>
internal static class OrderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/orders", List);
        api.MapPost("/orders", CreateAsync);
        api.MapPut("/orders/{id}", UpdateAsync);
    }

    private static IResult List(HttpContext http, SandboxStore store)
    {
        var request = ListRequest<OrderRecord>.Parse(http.Request.Query, OrderSchema.Fields, OrderSchema.Filter, "orders", "id", false);
        return SandboxJson.Ok(store.Read(state => ListShapes.Bare(request.Page(state.Views, "orders", () => state.Orders.Values, o => o.Id))));
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SandboxStore store, SandboxOptions options)
    {
        var input = OrderInput.ParseCreate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        var id = store.Write(state =>
        {
            var order = new OrderRecord { Id = state.NextOrderId(), CreatedAt = now, UpdatedAt = now };
            Apply(order, input);
            state.Orders.Add(order.Id, order);
            return order.Id;
        });
        return SandboxJson.Ok(Answer(id));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, SandboxStore store, SandboxOptions options)
    {
        var orderId = PathIds.Parse(id, "Order");
        var input = OrderInput.ParseUpdate(await JsonBody.ReadObjectAsync(http.Request));
        var now = ApiDate.Now(options.TimeProvider);
        store.Write(state =>
        {
            var order = state.Orders.GetValueOrDefault(orderId) ?? throw PathIds.NotFound("Order", id);
            Apply(order, input);
            order.UpdatedAt = now;
            return order;
        });
        return SandboxJson.Ok(Answer(orderId));
    }

    private static JsonObject Answer(long id) => new()
    {
        ["id"] = id,
        ["message"] = new JsonObject { ["id"] = id }.ToJsonString(),
    };

    private static void Apply(OrderRecord order, OrderWriteInput input)
    {
        if (input.StoreId is { } store) order.StoreId = store;
        if (input.Platform is { } platform) order.Platform = platform;
        if (input.ExternalOrderId is { } external) order.ExternalOrderId = external;
        if (input.Status is { Length: > 0 } status) order.Status = status.ToLower(CultureInfo.InvariantCulture);
        if (input.RejectReason is { } reason) order.RejectReason = reason;
        if (input.TotalAmount is { } total) order.TotalAmount = total;
        if (input.SalesRecovery is { } recovery) order.SalesRecovery = recovery;
        if (input.OrderData is { } data) order.OrderData = data;
        if (input.Customer is { } customer)
        {
            if (customer.Name is { } name) order.Customer.Name = name;
            if (customer.Email is { } email) order.Customer.Email = email;
            if (customer.Phone is { } phone) order.Customer.Phone = phone;
            if (customer.PersonalId is { } personalId) order.Customer.PersonalId = personalId;
        }
    }
}
