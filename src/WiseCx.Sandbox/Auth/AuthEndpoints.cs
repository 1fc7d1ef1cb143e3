using System.Security.Cryptography;
using System.Text;

namespace WiseCx.Sandbox.Auth;

/// <summary>GET /core/v1/authenticate: the only API route that needs no bearer token.</summary>
internal static class AuthEndpoints
{
    public const string InvalidCredentials = "Invalid credentials: check the user and x-api-key.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/authenticate", Authenticate);
    }

    private static IResult Authenticate(HttpContext http, SandboxOptions options, SandboxRuntimeConfig config, TokenService tokens)
    {
        var user = http.Request.Query["user"].ToString();
        var apiKey = http.Request.Headers["x-api-key"].ToString();
        if (!SecretEquals(user, options.User) || !SecretEquals(apiKey, options.ApiKey))
            return SandboxJson.Error(StatusCodes.Status403Forbidden, InvalidCredentials);

        var token = tokens.Issue(TimeSpan.FromSeconds(config.Current.TokenLifetimeSeconds));
        return SandboxJson.Ok(new JsonObject
        {
            ["status"] = "ok",
            ["token"] = token,
            ["message"] = "Authentication success.",
        });
    }

    private static bool SecretEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
