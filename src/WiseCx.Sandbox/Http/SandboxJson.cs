using System.Text.Encodings.Web;
using System.Text.Json;

namespace WiseCx.Sandbox.Http;

/// <summary>JSON writing shared by every endpoint, so all answers are encoded the same way.</summary>
internal static class SandboxJson
{
    // Relaxed escaping keeps "Núñez" and "O'Brien" readable in curl output; the JSON is equally valid either way.
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Ok(JsonNode? body) => Results.Json(body, Options, ContentType, StatusCodes.Status200OK);

    public static IResult Ok<T>(T body) => Results.Json(body, Options, ContentType, StatusCodes.Status200OK);

    public static JsonObject ErrorBody(string message) => new() { ["status"] = "error", ["message"] = message };

    public static IResult Error(int statusCode, string message) =>
        Results.Json(ErrorBody(message), Options, ContentType, statusCode);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message) =>
        WriteAsync(context, statusCode, ErrorBody(message));

    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(body.ToJsonString(Options));
    }
}
