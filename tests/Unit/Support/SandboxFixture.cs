using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WiseCx.Client;
using WiseCx.Sandbox;

namespace WiseCx.Tests.Unit.Support;

/// <summary>The sandbox started in-process on a free loopback port: the client is tested over real HTTP.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = null!;

    public RequestLog Log => _app!.Services.GetRequiredService<RequestLog>();

    public SandboxRuntimeConfig Config => _app!.Services.GetRequiredService<SandboxRuntimeConfig>();

    public async Task InitializeAsync()
    {
        _app = SandboxApp.Create(new SandboxOptions());
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/core/v1/");
    }

    public async Task DisposeAsync()
    {
        if (_app != null)
            await _app.DisposeAsync();
    }

    public WcxClient Connect(Action<WcxClientOptions>? configure = null)
    {
        var options = Clients.Options(BaseUri);
        configure?.Invoke(options);
        return WcxClient.ConnectAsync(options, CancellationToken.None).GetAwaiter().GetResult();
    }

    public List<RequestLogEntry> Requests(string method, string pathSuffix) =>
        Log.Snapshot().Where(e => e.Method == method && e.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();
}
