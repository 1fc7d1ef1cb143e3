namespace WiseCx.Client.Filtering
{
    public static partial class Endpoints
    {
        /// <summary>GET /surveys: a bare array; no filter table. Fields and sort as the collection's general notes give every list.</summary>
        public static EndpointSpec Surveys { get; } = new EndpointSpec(
            path: "surveys",
            fieldPrefix: "survey.",
            fields: new[] { "id", "guid", "name", "title", "description", "color", "logo_url", "language", "completion", "active" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortAndSortField);

        /// <summary>GET /surveys/{id}/questions: <c>{data, paging}</c>; no filter table. Fields and sort as for every list.</summary>
        public static EndpointSpec SurveyQuestions { get; } = new EndpointSpec(
            path: "surveys/{id}/questions",
            fieldPrefix: "question.",
            fields: new[] { "id", "label", "type", "required", "is_primary", "position", "page", "nps_labels", "options" },
            filterable: NoFilter,
            sortStyle: SortStyle.SortAndSortField);

        /// <summary>GET /surveys/{id}/responses: <c>{data, paging}</c> with a paging object that lies; filterable.</summary>
        public static EndpointSpec SurveyResponses { get; } = new EndpointSpec(
            path: "surveys/{id}/responses",
            // Not documented (api/NOTES.md C11: only case. is); kept here so it can be corrected in one place.
            fieldPrefix: "response.",
            fields: new[] { "response_id", "survey_id", "case_id", "status", "answers", "contact_id", "sent_at", "responded_at" },
            filterable: new Dictionary<string, FilterOperator[]>
            {
                ["status"] = InNotInEqNe,
                ["responded_since"] = Ordered, ["responded_until"] = Ordered, ["sent_since"] = Ordered, ["sent_until"] = Ordered,
            },
            // The table spells EQUALS; the collection's general operator list and only filter example send EQUAL.
            equalSpelling: "EQUAL",
            sortStyle: SortStyle.SortAndSortField);
    }
}
