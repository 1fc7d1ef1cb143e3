using WiseCx.Sandbox.Http;

namespace WiseCx.Sandbox.Auth;

/// <summary>
/// Guards every /core/v1 route except /authenticate. Runs before routing so unknown routes are refused
/// without a token too, and answers 403 (never 401) as the API documents.
/// </summary>
internal sealed class BearerAuthMiddleware(RequestDelegate next, TokenService tokens)
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
            TokenStatus.Expired => throw ApiException.Forbidden(ExpiredToken),
            _ => throw ApiException.Forbidden(InvalidToken),
        };
    }

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
