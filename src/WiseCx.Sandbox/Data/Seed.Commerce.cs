namespace WiseCx.Sandbox.Data;

// Orders and Mercado Libre orders.
internal static partial class Seed
{
    // The first order created answers 7387492, as in the collection's example.
    private const long LastSeededOrderId = 7_387_491;

    public static readonly IReadOnlyList<string> OrderPlatforms = ["vtex", "shopify", "woocommerce", "fenicio", "phoenician", "custom"];

    private static readonly string[] Stores = ["store-08wc10clz4", "store-acme-ar", "store-acme-uy", "tienda-nunez"];

    private static void SeedCommerce(Random rng, SandboxState state, DateTime now)
    {
        // The two orders of the collection's GET /orders example, as shown there.
        AddOrder(state, 1001, "store-08wc10clz4", "custom", "A1001", "pending", "", 1250.00m, false,
            new OrderCustomer { Name = "John Doe", Email = "johndoe@example.com", Phone = "+1234567890", PersonalId = "12345678" },
            new DateTime(2024, 3, 15, 10, 30, 0, DateTimeKind.Utc), rng);
        AddOrder(state, 1002, "store-08wc10clz4", "custom", "A1002", "confirmed", "", 89.90m, false,
            new OrderCustomer { Name = "Jane Smith", Email = "janesmith@example.com", Phone = "+0987654321", PersonalId = "87654321" },
            new DateTime(2024, 3, 14, 8, 15, 0, DateTimeKind.Utc), rng);

        var buyers = state.Contacts.Values.Where(c => c.Email.Length > 0 && c.Name.Length > 0).ToArray();
        for (var id = 1003L; id <= 1030; id++)
        {
            var buyer = Pick(rng, buyers);
            var status = Weighted(rng, ("pending", 20), ("confirmed", 30), ("invoiced", 15), ("shipped", 15), ("cancelled", 10), ("failed", 10));
            var reason = status switch
            {
                "cancelled" => Pick(rng, new[] { "Sin Stock", "Cancelado por el cliente" }),
                "failed" => "Tarjeta sin fondos",
                _ => "",
            };
            AddOrder(state, id, Pick(rng, Stores), Pick(rng, OrderPlatforms), $"{rng.Next(100_000, 999_999):D6}-{(char)('a' + rng.Next(26))}",
                status, reason, Math.Round((decimal)(rng.NextDouble() * 2000 + 10), 2), status is "failed" or "cancelled" && rng.Next(2) == 0,
                new OrderCustomer { Name = buyer.Name, Email = buyer.Email, Phone = buyer.Phone, PersonalId = buyer.PersonalId },
                now.AddMinutes(-rng.Next(60, 90 * 24 * 60)), rng);
        }
        state.LastOrderId = LastSeededOrderId;

        state.MeliOrders.Add(12990000, new MeliOrderRecord(12990000, "200000111111450", "MLA111231321", "200000111111450", "1368454654", "{}",
            new DateTime(2023, 11, 1, 14, 48, 3, DateTimeKind.Utc)));
        for (var id = 12990001L; id <= 12990005; id++)
        {
            var meliId = $"2000001{rng.Next(10_000_000, 99_999_999)}";
            var data = new JsonObject
            {
                ["status"] = Pick(rng, new[] { "paid", "confirmed", "cancelled" }),
                ["total_amount"] = rng.Next(1_000, 90_000),
                ["currency_id"] = "ARS",
            };
            state.MeliOrders.Add(id, new MeliOrderRecord(id, meliId, $"MLA{rng.Next(100_000_000, 999_999_999)}",
                rng.Next(2) == 0 ? meliId : "", rng.Next(100_000_000, 2_000_000_000).ToString(CultureInfo.InvariantCulture),
                data.ToJsonString(), now.AddMinutes(-rng.Next(60, 60 * 24 * 60))));
        }
    }

    private static void AddOrder(
        SandboxState state, long id, string store, string platform, string externalId, string status, string reason, decimal total,
        bool recovery, OrderCustomer customer, DateTime created, Random rng)
    {
        var items = new JsonArray();
        for (var i = rng.Next(1, 4); i > 0; i--)
            items.Add(new JsonObject { ["sku"] = $"SKU-{rng.Next(1000, 9999)}", ["quantity"] = rng.Next(1, 4) });
        state.Orders.Add(id, new OrderRecord
        {
            Id = id, StoreId = store, Platform = platform, ExternalOrderId = externalId, Status = status, RejectReason = reason,
            TotalAmount = total, SalesRecovery = recovery, Customer = customer, CreatedAt = created,
            UpdatedAt = created.AddMinutes(rng.Next(0, 600)),
            OrderData = new JsonObject { ["items"] = items, ["currency"] = "ARS" }.ToJsonString(),
        });
    }
}
