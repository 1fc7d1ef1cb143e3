using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>The documented fields and filter rules of contact organizations.</summary>
internal static class OrganizationSchema
{
    /// <summary>Resource prefix of filter fields (<c>organization.name</c>): not documented, so kept here as one line to change.</summary>
    public const string FilterPrefix = "organization";

    /// <summary>GET /contacts/organizations fields: id, custom_id, name.</summary>
    public static readonly FieldSet<OrganizationRecord> Fields = new FieldSet<OrganizationRecord>()
        .Add("id", o => o.Id, o => o.Id)
        .Add("custom_id", o => o.CustomId, o => o.CustomId)
        .Add("name", o => o.Name, o => o.Name);

    /// <summary>"ALLOWED OPERATORS": id, custom_id, name take IN and EQUALS.</summary>
    public static readonly FilterSchema<OrganizationRecord> Filter = new FilterSchema<OrganizationRecord>(FilterPrefix)
        .Number("id", o => o.Id, In, Equal)
        .Text("custom_id", o => o.CustomId, In, Equal)
        .Text("name", o => o.Name, In, Equal);
}
