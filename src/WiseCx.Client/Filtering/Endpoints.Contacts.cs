namespace WiseCx.Client.Filtering
{
    // The collection documents the "case." prefix only; for contacts, organizations and contact groups the prefix is
    // a guess kept here, in one place, so that it can be corrected without touching anything else. Their operator
    // tables spell EQUAL as "EQUALS", as the case table does, yet the collection's only working example (on /cases)
    // sends "EQUAL": the one spelling seen to work is used throughout.
    public static partial class Endpoints
    {
        /// <summary>
        /// Operator sets of this file. A nested class, because static initializers of a partial class run in an order
        /// the language leaves open across files: the shared sets in EndpointSpec.cs may not exist yet when these rows are built.
        /// </summary>
        private static class Ops
        {
            public static readonly FilterOperator[] InEq = { FilterOperator.In, FilterOperator.Equal };
            public static readonly IDictionary<string, FilterOperator[]> None = new Dictionary<string, FilterOperator[]>();
        }

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
                ["id"] = Ops.InEq, ["email"] = Ops.InEq, ["personal_id"] = Ops.InEq, ["phone"] = Ops.InEq, ["last_update"] = Ops.InEq,
                ["organization_id"] = Ops.InEq,
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
            filterable: new Dictionary<string, FilterOperator[]> { ["id"] = Ops.InEq, ["custom_id"] = Ops.InEq, ["name"] = Ops.InEq },
            equalSpelling: "EQUAL");

        /// <summary>GET /contacts/groups.</summary>
        public static EndpointSpec ContactGroups { get; } = new EndpointSpec(
            path: "contacts/groups",
            fieldPrefix: "group.",
            fields: new[] { "id", "code", "name" },
            filterable: new Dictionary<string, FilterOperator[]> { ["id"] = Ops.InEq, ["code"] = Ops.InEq, ["name"] = Ops.InEq },
            equalSpelling: "EQUAL");

        /// <summary>GET /cases/{id}/activities: a bare array; no filter is documented.</summary>
        public static EndpointSpec CaseActivities { get; } = new EndpointSpec(
            path: "cases/{id}/activities",
            fieldPrefix: "activity.",
            fields: new[]
            {
                "id", "case_id", "type", "user_id", "channel", "content", "contact_from", "contacts_to", "attachments",
                "recordings", "created_at", "sending_status",
            },
            filterable: Ops.None);

        /// <summary>GET /cases/types.</summary>
        public static EndpointSpec CaseTypes { get; } = new EndpointSpec(
            path: "cases/types",
            fieldPrefix: "type.",
            fields: new[] { "id", "name", "parent_id" },
            filterable: Ops.None);

        /// <summary>GET /cases/tags.</summary>
        public static EndpointSpec CaseTags { get; } = new EndpointSpec(
            path: "cases/tags",
            fieldPrefix: "tag.",
            fields: new[] { "id", "name" },
            filterable: Ops.None);
    }
}
