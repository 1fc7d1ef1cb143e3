using static WiseCx.Sandbox.Filtering.FilterOperator;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>The documented fields and filter rules of contact groups.</summary>
internal static class ContactGroupSchema
{
    /// <summary>Resource prefix of filter fields (<c>group.code</c>): not documented, so kept here as one line to change.</summary>
    public const string FilterPrefix = "group";

    /// <summary>GET /contacts/groups fields: id, code, name.</summary>
    public static readonly FieldSet<ContactGroupRecord> Fields = new FieldSet<ContactGroupRecord>()
        .Add("id", g => g.Id, g => g.Id)
        .Add("code", g => g.Code, g => g.Code)
        .Add("name", g => g.Name, g => g.Name);

    /// <summary>"ALLOWED OPERATORS": id, code, name take IN and EQUALS.</summary>
    public static readonly FilterSchema<ContactGroupRecord> Filter = new FilterSchema<ContactGroupRecord>(FilterPrefix)
        .Number("id", g => g.Id, In, Equal)
        .Text("code", g => g.Code, In, Equal)
        .Text("name", g => g.Name, In, Equal);
}
