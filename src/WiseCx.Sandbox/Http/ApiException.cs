namespace WiseCx.Sandbox.Http;

/// <summary>
/// An error answer of the emulated API. Thrown from anywhere in a handler so validation code stays linear;
/// <see cref="ErrorMiddleware"/> turns it into <c>{"status":"error","message":…}</c> with <see cref="StatusCode"/>.
/// </summary>
internal sealed class ApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    // The API documents auth failures as 403, never 401.
    public static ApiException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
}
