namespace WiseCx.Sandbox.Data;

/// <summary>The buyer of an order.</summary>
internal sealed class OrderCustomer
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PersonalId { get; set; } = "";

    public JsonObject ToJson() => new() { ["name"] = Name, ["email"] = Email, ["phone"] = Phone, ["personal_id"] = PersonalId };
}

/// <summary>An e-commerce order (POST/PUT/GET /orders).</summary>
internal sealed class OrderRecord
{
    public long Id { get; init; }
    public string StoreId { get; set; } = "";
    public string Platform { get; set; } = "custom";
    public string ExternalOrderId { get; set; } = "";
    public string Status { get; set; } = "pending";
    public string RejectReason { get; set; } = "";
    public decimal TotalAmount { get; set; }
    public bool SalesRecovery { get; set; }
    public OrderCustomer Customer { get; init; } = new();
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The raw payload as JSON text, parsed afresh for every answer.</summary>
    public string OrderData { get; set; } = "{}";
}

/// <summary>A Mercado Libre order as WiseCX stores it (GET /meli/orders/{id}); the ids from Mercado Libre are strings.</summary>
internal sealed record MeliOrderRecord(
    long Id, string MeliOrderId, string ProductId, string PackId, string BuyerId, string OrderData, DateTime CreatedAt);

/// <summary>A WhatsApp template; <see cref="Language"/> is not an API field of the list but shows in Nitro message configs.</summary>
internal sealed record WhatsAppTemplateRecord(
    long TemplateId, string Name, string Content, string WhatsAppNumber, string WhatsAppDescription, string Language);

/// <summary>An integrated channel; its id is a string in the API.</summary>
internal sealed record ChannelRecord(string Id, string Name, string Source);
