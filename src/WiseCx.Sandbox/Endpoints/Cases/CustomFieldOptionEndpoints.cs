using System.Text.Json;
using WiseCx.Sandbox.Http;
using static WiseCx.Sandbox.Http.JsonBody;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>
/// /cases/fields/{field_name}/options[/{option_id}], from the vendor's Spanish documentation (shapes assumed): the options
/// of a custom field. GET answers <c>{"data": [{"id", "value"}, …]}</c>, POST 201 <c>{"data": {"id", "value"}}</c>, PUT
/// the option the same way, DELETE <c>{"message": "Option removed."}</c>. An unknown field or option is 404, a value the
/// field already has (in any letter case) 400.
/// </summary>
internal static class CustomFieldOptionEndpoints
{
    public const string Removed = "Option removed.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases/fields/{fieldName}/options", List).FromSpanishDocs();
        api.MapPost("/cases/fields/{fieldName}/options", AddAsync).FromSpanishDocs();
        api.MapPut("/cases/fields/{fieldName}/options/{id}", SetAsync).FromSpanishDocs();
        api.MapDelete("/cases/fields/{fieldName}/options/{id}", Remove).FromSpanishDocs();
    }

    private static IResult List(string fieldName, SandboxStore store) =>
        SandboxJson.Ok(store.Read(state => ListShapes.Data(OptionsOf(state, fieldName).Select(Json).ToArray())));

    private static async Task<IResult> AddAsync(HttpContext http, string fieldName, SandboxStore store)
    {
        var value = ValueOf(await ReadObjectAsync(http.Request));
        var option = store.Write(state =>
        {
            var options = OptionsOf(state, fieldName);
            RefuseDuplicate(options, value, null);
            var created = new CustomFieldOptionRecord(state.NextCustomFieldOptionId(), value);
            options.Add(created);
            return Json(created);
        });
        return Results.Json(ListShapes.Wrapped(option), SandboxJson.Options, SandboxJson.ContentType, StatusCodes.Status201Created);
    }

    private static async Task<IResult> SetAsync(HttpContext http, string fieldName, string id, SandboxStore store)
    {
        var optionId = PathIds.Parse(id, "Option");
        var value = ValueOf(await ReadObjectAsync(http.Request));
        return SandboxJson.Ok(store.Write(state =>
        {
            var options = OptionsOf(state, fieldName);
            var option = options.FirstOrDefault(o => o.Id == optionId) ?? throw PathIds.NotFound("Option", id);
            RefuseDuplicate(options, value, option);
            option.Value = value;
            return ListShapes.Wrapped(Json(option));
        }));
    }

    private static IResult Remove(string fieldName, string id, SandboxStore store)
    {
        var optionId = PathIds.Parse(id, "Option");
        store.Write(state =>
        {
            var options = OptionsOf(state, fieldName);
            var option = options.FirstOrDefault(o => o.Id == optionId) ?? throw PathIds.NotFound("Option", id);
            options.Remove(option);
            return true;
        });
        return SandboxJson.Ok(new JsonObject { ["message"] = Removed });
    }

    private static List<CustomFieldOptionRecord> OptionsOf(SandboxState state, string fieldName) =>
        state.CustomFieldOptions.GetValueOrDefault(fieldName) ?? throw ApiException.NotFound($"Field {fieldName} not found.");

    private static string ValueOf(JsonElement body)
    {
        var value = RequiredString(body, "value", "value").Trim();
        return value.Length == 0 ? throw ApiException.BadRequest("value must not be empty.") : value;
    }

    private static void RefuseDuplicate(List<CustomFieldOptionRecord> options, string value, CustomFieldOptionRecord? except)
    {
        if (options.Any(o => o != except && string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase)))
            throw ApiException.BadRequest($"value: the option '{value}' already exists.");
    }

    private static JsonObject Json(CustomFieldOptionRecord option) => new() { ["id"] = option.Id, ["value"] = option.Value };
}
