namespace WiseCx.Sandbox.Http;

/// <summary>
/// An error answer of the emulated API. Thrown from anywhere in a handler so validation code stays linear;
/// <see cref="ErrorMiddleware"/> turns it into <c>{"status":"error","message":…}</c> with <see cref="StatusCode"/>, or into
/// <see cref="Body"/> when the answer has a shape of its own (the live API's <c>{"error":…}</c> bodies, or no body at all).
/// </summary>
internal sealed class ApiException(int statusCode, string message, JsonNode? body = null, bool emptyBody = false) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The exact body to answer, or null for the usual error shape.</summary>
    public JsonNode? Body { get; } = body;

    /// <summary>True when the answer has no body at all (<see cref="Body"/> is then null).</summary>
    public bool EmptyBody { get; } = emptyBody;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    // The API documents auth failures as 403, never 401.
    public static ApiException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);

    /// <summary>An answer with exactly <paramref name="body"/>; <paramref name="message"/> only names it in logs.</summary>
    public static ApiException WithBody(int statusCode, string message, JsonNode body) => new(statusCode, message, body);

    /// <summary>An answer with a status line and no body.</summary>
    public static ApiException WithoutBody(int statusCode, string message) => new(statusCode, message, emptyBody: true);
}
