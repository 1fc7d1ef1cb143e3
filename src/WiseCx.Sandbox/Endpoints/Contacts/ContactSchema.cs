using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>The documented fields and filter rules of contacts (the collection's "Contacts" folder in api/).</summary>
internal static class ContactSchema
{
    /// <summary>Resource prefix of filter fields (<c>contact.email</c>): not documented, so kept here as one line to change.</summary>
    public const string FilterPrefix = "contact";

    /// <summary>GET /contacts "possible fields", in the documented order.</summary>
    public static readonly FieldSet<ContactRecord> ListFields = new FieldSet<ContactRecord>()
        .Add("id", c => c.Id, c => c.Id)
        .Add("email", c => c.Email, c => c.Email)
        .Add("personal_id", c => c.PersonalId, c => c.PersonalId)
        .Add("phone", c => c.Phone, c => c.Phone)
        .Add("name", c => c.Name, c => c.Name)
        .Add("guid", c => c.Guid, c => c.Guid)
        .Add("password", c => c.Password)
        .Add("custom_fields", c => CustomField.ToJson(c.CustomFields))
        .Add("last_update", c => ApiDate.ToJson(c.LastUpdate), c => c.LastUpdate)
        .Add("organization_id", c => c.OrganizationId, c => c.OrganizationId)
        .Add("address", c => c.Address, c => c.Address);

    /// <summary>GET /contacts/{id} documents fewer fields than the list (no organization_id, no address).</summary>
    public static readonly FieldSet<ContactRecord> ByIdFields = ListFields.Subset(
        "id", "email", "personal_id", "phone", "name", "guid", "password", "custom_fields", "last_update");

    private static readonly FilterOperator[] InEquals = [In, Equal];

    /// <summary>GET /contacts "ALLOWED OPERATORS": every filterable field takes IN and EQUALS only.</summary>
    public static readonly FilterSchema<ContactRecord> Filter = new FilterSchema<ContactRecord>(FilterPrefix)
        .Number("id", c => c.Id, InEquals)
        .Text("email", c => c.Email, InEquals)
        .Text("personal_id", c => c.PersonalId, InEquals)
        .Text("phone", c => c.Phone, InEquals)
        .Date("last_update", c => c.LastUpdate, InEquals)
        .Number("organization_id", c => c.OrganizationId, InEquals);
}
