using System.Text.Json;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>A validated POST /analytics/export/{id} body. <see cref="Columns"/>: "all", "only_visible", a column list, or null.</summary>
internal sealed record ExportInput(string? Columns, string? GroupBy, DateTime? From, DateTime? To);

/// <summary>Validation of the optional export body per the collection's tables (both dates together, ordered, at most 12 months).</summary>
internal static class AnalyticsInput
{
    public static readonly IReadOnlyList<string> GroupByValues = ["d", "h", "m"];

    public static ExportInput Parse(JsonElement? body)
    {
        if (body is not { } root) return new ExportInput(null, null, null, null);
        if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("Request body must be a JSON object.");

        var columns = OptionalString(root, "columns", "columns")?.Trim();
        if (columns is { Length: 0 }) throw ApiException.BadRequest("columns must not be empty: send all, only_visible or a list of columns.");
        var groupBy = OptionalEnum(root, "group_by", "group_by", GroupByValues);

        DateTime? from = null, to = null;
        if (OptionalObject(root, "filter", "filter") is { } filter)
        {
            var fromText = OptionalString(filter, "date_from", "filter.date_from");
            var toText = OptionalString(filter, "date_to", "filter.date_to");
            if (string.IsNullOrWhiteSpace(fromText) || string.IsNullOrWhiteSpace(toText))
                throw ApiException.BadRequest("filter.date_from and filter.date_to are both required when filter is sent.");
            from = ParseDate(fromText, "filter.date_from", endOfDay: false);
            to = ParseDate(toText, "filter.date_to", endOfDay: true);
            if (to < from) throw ApiException.BadRequest("filter.date_to must be greater than or equal to filter.date_from.");
            // Counted in calendar days: 2024-01-15 to 2025-01-15 is 12 months and allowed, one day more is not.
            if (to.Value.Date > from.Value.Date.AddMonths(12))
                throw ApiException.BadRequest("The date range cannot exceed 12 months (filter.date_from to filter.date_to).");
        }
        return new ExportInput(columns, groupBy, from, to);
    }

    // A bare date as date_to means the whole day, so 2024-01-01..2024-01-31 covers January.
    private static DateTime ParseDate(string text, string label, bool endOfDay)
    {
        if (!ApiDate.TryParse(text, out var date))
            throw ApiException.BadRequest($"{label} must be a date as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, not '{text}'.");
        return endOfDay && text.Trim().Length == 10 ? date.AddDays(1).AddSeconds(-1) : date;
    }
}
