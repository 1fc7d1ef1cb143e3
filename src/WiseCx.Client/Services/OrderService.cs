using System.Text.Json;

namespace WiseCx.Client.Services
{
    /// <summary>E-commerce orders (/orders) and Mercado Libre orders (/meli/orders).</summary>
    public sealed class OrderService : ApiService
    {
        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public OrderService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>Orders, filtered and streamed (the API documents no GET by id).</summary>
        public IEnumerable<Order> List(ListQuery query, CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            List<Order>(Endpoints.Orders, query, cancellationToken, onPage).Select(o =>
            {
                o.OrderData = Plain(o.OrderData);
                return o;
            });

        /// <summary>Creates an order (POST /orders); never retried once it may have been applied.</summary>
        public async Task<OrderWriteResult> CreateAsync(OrderCreateRequest request, CancellationToken cancellationToken)
        {
            ValidateCreate(request ?? throw new ArgumentNullException(nameof(request)));
            var result = await SendAsync<OrderWriteResult>(HttpMethod.Post, "orders", request, wrapped: false, cancellationToken).ConfigureAwait(false);
            return WithId(result, "POST", "orders");
        }

        /// <summary>Changes an order (PUT /orders/{id}).</summary>
        public async Task<OrderWriteResult> UpdateAsync(long id, OrderUpdateRequest request, CancellationToken cancellationToken)
        {
            RequireId(id, "order");
            ValidateUpdate(request ?? throw new ArgumentNullException(nameof(request)));
            var result = await SendAsync<OrderWriteResult>(HttpMethod.Put, "orders/" + id, request, wrapped: false, cancellationToken).ConfigureAwait(false);
            if (result.Id == 0)
                result.Id = IdInMessage(result.Message) ?? id;
            return result;
        }

        /// <summary>A Mercado Libre order by its WiseCX order id (answered bare).</summary>
        public async Task<MeliOrder> GetMeliAsync(long id, CancellationToken cancellationToken)
        {
            RequireId(id, "order");
            var order = await GetObjectAsync<MeliOrder>("meli/orders/" + id, wrapped: false, cancellationToken).ConfigureAwait(false);
            order.OrderData = Plain(order.OrderData);
            return order;
        }

        /// <summary>Checks a create request against the collection's required fields; normalises the platform name.</summary>
        public static void ValidateCreate(OrderCreateRequest request)
        {
            RequireText(request.EcommerceStoreId, "EcommerceStoreId");
            request.EcommercePlatform = Suggested(request.EcommercePlatform, Vocabulary.OrderPlatform, "EcommercePlatform", required: true)!;
            RequireText(request.EcommerceOrderId, "EcommerceOrderId");
            if (request.TotalAmount is null)
                throw new WcxInputException("TotalAmount is required: the order's total.", "TotalAmount");
            if (request.TotalAmount < 0)
                throw new WcxInputException("TotalAmount cannot be negative; got " + request.TotalAmount + ".", "TotalAmount");
            if (request.Customer is null)
                throw new WcxInputException("Customer is required: the buyer's name and e-mail at least.", "Customer");
            if (string.IsNullOrWhiteSpace(request.Customer.Name) || string.IsNullOrWhiteSpace(request.Customer.Email))
                throw new WcxInputException("The customer needs a name and an e-mail address.", "Customer");
        }

        internal static void ValidateUpdate(OrderUpdateRequest request)
        {
            if (request.IsEmpty())
                throw new WcxInputException("Nothing to change: give at least one property to set.");
            request.EcommercePlatform = Suggested(request.EcommercePlatform, Vocabulary.OrderPlatform, "EcommercePlatform");
            if (request.TotalAmount < 0)
                throw new WcxInputException("TotalAmount cannot be negative; got " + request.TotalAmount + ".", "TotalAmount");
        }

        private static OrderWriteResult WithId(OrderWriteResult result, string method, string path)
        {
            if (result.Id == 0)
                result.Id = IdInMessage(result.Message)
                    ?? throw new WcxResponseFormatException(200, method, path, "the answer names no order id");
            return result;
        }

        /// <summary>The id inside the answer's message, which is JSON in a string: "{\"id\":7387492}".</summary>
        internal static long? IdInMessage(string? message)
        {
            if (string.IsNullOrWhiteSpace(message) || message!.TrimStart()[0] != '{')
                return null;
            try
            {
                using (var doc = JsonDocument.Parse(message))
                {
                    if (doc.RootElement.TryGetProperty("id", out var id))
                    {
                        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number))
                            return number;
                        if (id.ValueKind == JsonValueKind.String && long.TryParse(id.GetString(), out number))
                            return number;
                    }
                    return null;
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static object? Plain(object? value) => value is JsonElement element ? WcxJson.ToPlainValue(element) : value;
    }
}
