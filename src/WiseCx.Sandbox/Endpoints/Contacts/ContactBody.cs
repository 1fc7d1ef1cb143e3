using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>A validated POST or PUT /contacts body; null = not sent. <see cref="OrganizationId"/> -1 unlinks (PUT only).</summary>
internal sealed record ContactWriteInput(
    string? Email, string? PersonalId, string? Phone, string? Name, string? Guid, string? Password, long? OrganizationId,
    string? Address, IReadOnlyList<CustomField>? CustomFields);

/// <summary>Validation of POST/PUT /contacts bodies per the collection's tables.</summary>
internal static class ContactBody
{
    public const string IdentifierRequired = "email, personal_id or phone is required: send at least one of them.";

    public static ContactWriteInput ParseCreate(JsonElement body)
    {
        var input = Parse(body);
        if (IsBlank(input.Email) && IsBlank(input.PersonalId) && IsBlank(input.Phone))
            throw ApiException.BadRequest(IdentifierRequired);
        if (input.OrganizationId is <= 0)
            throw ApiException.BadRequest("organization_id must be greater than 0.");
        return input;
    }

    /// <summary>
    /// PUT marks email/personal_id/phone "yes*" like POST; read here as "the contact must keep at least one of them", so a
    /// PUT of only a name is fine and the endpoint refuses an update that would blank all three.
    /// </summary>
    public static ContactWriteInput ParseUpdate(JsonElement body)
    {
        var input = Parse(body);
        if (input.OrganizationId is { } org && org != -1 && org <= 0)
            throw ApiException.BadRequest("organization_id must be greater than 0, or -1 to unlink the organization.");
        return input;
    }

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    private static ContactWriteInput Parse(JsonElement body) => new(
        OptionalString(body, "email", "email")?.Trim(),
        OptionalScalarText(body, "personal_id", "personal_id")?.Trim(),
        OptionalScalarText(body, "phone", "phone")?.Trim(),
        OptionalString(body, "name", "name")?.Trim(),
        OptionalString(body, "guid", "guid")?.Trim(),
        OptionalString(body, "password", "password"),
        OptionalLong(body, "organization_id", "organization_id"),
        OptionalString(body, "address", "address")?.Trim(),
        CaseInput.ParseCustomFields(body, "custom_fields", "custom_fields"));
}
