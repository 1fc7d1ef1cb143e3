namespace WiseCx.Client.Filtering
{
    // The collection documents the "case." prefix only; for contacts, organizations and contact groups the prefix is
    // a guess kept here, in one place, so that it can be corrected without touching anything else. Their operator
    // tables spell EQUAL as "EQUALS", as the case table does, yet the collection's only working example (on /cases)
    // sends "EQUAL": the one spelling seen to work is used throughout.
    public static partial class Endpoints
    {
        /// <summary>GET /contacts.</summary>
        public static EndpointSpec Contacts { get; } = new EndpointSpec(
            path: "contacts",
            fieldPrefix: "contact.",
            fields: new[]
            {
                "id", "email", "personal_id", "phone", "name", "guid", "password", "custom_fields", "last_update",
                "organization_id", "address",
            },
            filterable: new Dictionary<string, FilterOperator[]>
            {
                ["id"] = InEq, ["email"] = InEq, ["personal_id"] = InEq, ["phone"] = InEq, ["last_update"] = InEq,
                ["organization_id"] = InEq,
            },
            equalSpelling: "EQUAL",
            singleObjectFields: new[]
            {
                "id", "email", "personal_id", "phone", "name", "guid", "password", "custom_fields", "last_update",
            });

        /// <summary>GET /contacts/organizations: one page in <c>{"data": […]}</c>, no paging object.</summary>
        public static EndpointSpec Organizations { get; } = new EndpointSpec(
            path: "contacts/organizations",
            fieldPrefix: "organization.",
            fields: new[] { "id", "custom_id", "name" },
            filterable: new Dictionary<string, FilterOperator[]> { ["id"] = InEq, ["custom_id"] = InEq, ["name"] = InEq },
            equalSpelling: "EQUAL");

        /// <summary>GET /contacts/groups.</summary>
        public static EndpointSpec ContactGroups { get; } = new EndpointSpec(
            path: "contacts/groups",
            fieldPrefix: "group.",
            fields: new[] { "id", "code", "name" },
            filterable: new Dictionary<string, FilterOperator[]> { ["id"] = InEq, ["code"] = InEq, ["name"] = InEq },
            equalSpelling: "EQUAL");
    }
}
