using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>A customer object as sent; null = not sent.</summary>
internal sealed record CustomerInput(string? Name, string? Email, string? Phone, string? PersonalId);

/// <summary>A validated POST or PUT /orders body; null = not sent. <see cref="OrderData"/> is JSON text.</summary>
internal sealed record OrderWriteInput(
    string? StoreId, string? Platform, string? ExternalOrderId, string? Status, string? RejectReason, decimal? TotalAmount,
    bool? SalesRecovery, CustomerInput? Customer, string? OrderData);

/// <summary>Validation of order bodies per the collection's tables.</summary>
internal static class OrderInput
{
    public static OrderWriteInput ParseCreate(JsonElement body)
    {
        var input = Parse(body);
        Require(input.StoreId, "ecommerce_store_id");
        if (input.Platform is null) throw ApiException.BadRequest("ecommerce_platform is required.");
        Require(input.ExternalOrderId, "ecommerce_order_id");
        if (input.TotalAmount is null) throw ApiException.BadRequest("total_amount is required.");
        var customer = input.Customer ?? throw ApiException.BadRequest("customer is required.");
        Require(customer.Name, "customer.name");
        Require(customer.Email, "customer.email");
        // Without order_data the raw payload is the request itself, which is what the field holds for pushed orders.
        return input with { OrderData = input.OrderData ?? body.GetRawText() };
    }

    public static OrderWriteInput ParseUpdate(JsonElement body)
    {
        var input = Parse(body);
        if (input.StoreId is { Length: 0 }) throw ApiException.BadRequest("ecommerce_store_id must not be empty.");
        if (input.ExternalOrderId is { Length: 0 }) throw ApiException.BadRequest("ecommerce_order_id must not be empty.");
        return input;
    }

    private static OrderWriteInput Parse(JsonElement body)
    {
        var total = OptionalDecimal(body, "total_amount", "total_amount");
        if (total < 0) throw ApiException.BadRequest("total_amount must not be negative.");
        CustomerInput? customer = null;
        if (OptionalObject(body, "customer", "customer") is { } c)
        {
            customer = new CustomerInput(
                OptionalString(c, "name", "customer.name")?.Trim(),
                OptionalString(c, "email", "customer.email")?.Trim(),
                OptionalScalarText(c, "phone", "customer.phone")?.Trim(),
                OptionalScalarText(c, "personal_id", "customer.personal_id")?.Trim());
        }
        return new OrderWriteInput(
            OptionalScalarText(body, "ecommerce_store_id", "ecommerce_store_id")?.Trim(),
            OptionalEnum(body, "ecommerce_platform", "ecommerce_platform", Seed.OrderPlatforms),
            OptionalScalarText(body, "ecommerce_order_id", "ecommerce_order_id")?.Trim(),
            OptionalString(body, "status", "status")?.Trim(),
            OptionalString(body, "reject_reason", "reject_reason"),
            total,
            OptionalBool(body, "sales_recovery", "sales_recovery"),
            customer,
            OptionalObject(body, "order_data", "order_data")?.GetRawText());
    }

    private static void Require(string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) throw ApiException.BadRequest($"{label} is required.");
    }
}
