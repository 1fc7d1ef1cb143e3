namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        /// <summary>GET /cases.</summary>
        public static EndpointSpec Cases { get; } = new EndpointSpec(
            path: "cases",
            fieldPrefix: "case.",
            fields: new[]
            {
                "id", "number", "group_id", "user_id", "contact_id", "status", "source_channel", "tags", "type_id", "subject",
                "priority", "due_at", "custom_fields", "created_at", "solved_at", "closed_at", "last_read", "last_update",
                "first_read", "last_assignment", "first_response", "last_response", "nps_value", "spam", "deleted",
                "channel_account", "bot_resolved", "bot_attended", "summary",
            },
            filterable: new Dictionary<string, FilterOperator[]>
            {
                ["number"] = InEq, ["user_id"] = InEq, ["contact_id"] = InEq,
                ["group_id"] = InNotInEqNe, ["status"] = InNotInEqNe, ["source_channel"] = InNotInEqNe, ["tags"] = InNotInEqNe,
                ["type_id"] = InNotInEqNe, ["priority"] = InNotInEqNe,
                ["subject"] = Text,
                ["due_at"] = Ordered, ["created_at"] = Ordered, ["solved_at"] = Ordered, ["closed_at"] = Ordered, ["last_read"] = Ordered,
                ["id"] = Ordered, ["first_read"] = Ordered, ["last_assignment"] = Ordered, ["first_response"] = Ordered,
                ["last_response"] = Ordered, ["last_update"] = Ordered,
            },
            // The operator table of GET /cases says EQUALS, but the collection's own example request sends EQUAL.
            equalSpelling: "EQUAL",
            singleObjectFields: new[]
            {
                "id", "number", "group_id", "user_id", "contact_id", "status", "source_channel", "tags", "type_id", "subject",
                "priority", "due_at", "custom_fields", "created_at", "solved_at", "closed_at", "last_update", "channel_account",
                "bot_resolved", "bot_attended", "summary",
            });

        /// <summary>GET /cases/{id}/activities: a bare array; no filter is documented.</summary>
        public static EndpointSpec CaseActivities { get; } = new EndpointSpec(
            path: "cases/{id}/activities",
            fieldPrefix: "activity.",
            fields: new[]
            {
                "id", "case_id", "type", "user_id", "channel", "content", "contact_from", "contacts_to", "attachments",
                "recordings", "created_at", "sending_status",
            },
            filterable: NoFilter);

        /// <summary>GET /cases/types.</summary>
        public static EndpointSpec CaseTypes { get; } = new EndpointSpec(
            path: "cases/types",
            fieldPrefix: "type.",
            fields: new[] { "id", "name", "parent_id" },
            filterable: NoFilter);

        /// <summary>GET /cases/tags.</summary>
        public static EndpointSpec CaseTags { get; } = new EndpointSpec(
            path: "cases/tags",
            fieldPrefix: "tag.",
            fields: new[] { "id", "name" },
            filterable: NoFilter);
    }
}
