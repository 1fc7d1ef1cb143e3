using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WiseCx.Sandbox.Http;

/// <summary>
/// Keeps the sandbox on loopback: it accepts a well-known API key, so it must never be reachable from the network.
/// Checked on the command line (for a friendly message) and again just before Kestrel binds (for in-process hosts).
/// </summary>
internal sealed class LoopbackGuard(IServer server) : IStartupFilter
{
    public const string Allowed = "127.0.0.1, localhost or [::1]";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        // Startup filters run after the server addresses are known and before Kestrel binds them.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { IsReadOnly: false })
        {
            var checkedAddresses = addresses.Select(a => Normalize(a, out var error) ?? throw new InvalidOperationException(error)).ToList();
            addresses.Clear();
            foreach (var address in checkedAddresses) addresses.Add(address);
        }
        return next;
    }

    /// <summary>
    /// Returns the address to bind (with <c>localhost:0</c> turned into <c>127.0.0.1:0</c>, since Kestrel refuses a dynamic
    /// port on "localhost"), or null with <paramref name="error"/> set when the address is not an http loopback address.
    /// </summary>
    public static string? Normalize(string url, out string error)
    {
        error = "";
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException ex)
        {
            error = $"Invalid URL '{url}': {ex.Message}";
            return null;
        }

        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            error = $"Refusing to bind to '{url}': the sandbox serves plain http only.";
            return null;
        }

        var host = address.Host;
        var isLocalhost = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        var isLoopbackIp = IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
        if (!isLocalhost && !isLoopbackIp)
        {
            error = $"Refusing to bind to '{url}': the sandbox only listens on loopback ({Allowed}).";
            return null;
        }

        if (isLocalhost && address.Port == 0) return $"{address.Scheme}://127.0.0.1:0{address.PathBase}";
        return url;
    }
}
