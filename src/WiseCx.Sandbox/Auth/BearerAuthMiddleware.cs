namespace WiseCx.Sandbox.Auth;

/// <summary>
/// Guards every /core/v1 route except /authenticate. Runs before routing so unknown routes are refused
/// without a token too. A missing token is a 403, as the API documents auth failures; an expired or unknown token is
/// a 403 with a message too (collection), or a 401 with no body (<see cref="SandboxConfig.ExpiredTokenStatus"/>, live:
/// clients renew on 401, and no error body was ever captured).
/// </summary>
internal sealed class BearerAuthMiddleware(RequestDelegate next, TokenService tokens, SandboxRuntimeConfig config)
{
    public const string MissingToken = "Unauthorized: missing token.";
    public const string InvalidToken = "Unauthorized: invalid token.";
    public const string ExpiredToken = "Unauthorized: token expired.";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(SandboxApp.ApiPrefix, StringComparison.OrdinalIgnoreCase, out var rest)
            || IsAuthenticateRoute(rest))
            return next(context);

        var token = ReadBearerToken(context.Request);
        if (token is null) throw ApiException.Forbidden(MissingToken);
        return tokens.Check(token) switch
        {
            TokenStatus.Valid => next(context),
            TokenStatus.Expired => throw Refused(ExpiredToken),
            _ => throw Refused(InvalidToken),
        };
    }

    private ApiException Refused(string message) =>
        config.Current.ExpiredTokenStatus == StatusCodes.Status401Unauthorized
            ? ApiException.WithoutBody(StatusCodes.Status401Unauthorized, message)
            : ApiException.Forbidden(message);

    internal static bool IsAuthenticateRoute(PathString rest) =>
        string.Equals(rest.Value?.TrimEnd('/'), "/authenticate", StringComparison.OrdinalIgnoreCase);

    private static string? ReadBearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
