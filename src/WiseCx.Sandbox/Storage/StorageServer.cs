using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;

namespace WiseCx.Sandbox.Storage;

/// <summary>
/// The stand-in for the storage bucket that analytics report_url points at: a second Kestrel server on its own free
/// 127.0.0.1 port, started and stopped with the sandbox. A different host:port than the API, so a client that would send
/// its bearer token to any URL the API gives it is caught (the shared request log records <c>hadAuthorization</c>).
/// Serves <c>/storage/exports/{export_id}.csv</c> (or <c>.zip</c>, see <see cref="SandboxConfig.ExportReportFormat"/>)
/// without auth, once the export is completed.
/// </summary>
internal sealed class StorageServer(
    RequestLog log, SandboxStore store, SandboxOptions options, SandboxRuntimeConfig config) : IHostedService, IAsyncDisposable, IDisposable
{
    private WebApplication? _app;

    /// <summary>Binds the listener and records its root in <see cref="SandboxConfig.StorageBaseUri"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(StorageServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(options);

        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseMiddleware<RequestLogMiddleware>();
        app.MapMethods(SandboxApp.StoragePrefix + "/exports/{file}", [HttpMethods.Get, HttpMethods.Head], Download);

        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The storage listener did not report its address.");
        config.SetStorageBaseUri(address.TrimEnd('/'));
    }

    /// <summary>Stops the listener; the recorded address is cleared so nobody is sent to a closed port.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null) return;
        await _app.StopAsync(cancellationToken);
        config.SetStorageBaseUri(null);
    }

    /// <summary>Releases the listener even when the host is disposed without being stopped (in-process tests do that).</summary>
    public async ValueTask DisposeAsync()
    {
        var app = Interlocked.Exchange(ref _app, null);
        if (app is not null) await app.DisposeAsync();
    }

    /// <summary>Synchronous disposal, for a container disposed with Dispose rather than DisposeAsync.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private IResult Download(string file)
    {
        var now = options.TimeProvider.GetUtcNow();
        var export = store.Read(state =>
            state.Exports.TryGetValue(Path.GetFileNameWithoutExtension(file), out var found)
            && string.Equals(found.FileName, file, StringComparison.OrdinalIgnoreCase)
            && found.StateAt(now).Status == "completed" ? found : null);
        if (export is null) return NoSuchKey();
        return export.Format == ExportFormats.Zip
            ? Results.File(export.File, "application/zip", fileDownloadName: export.FileName)
            : Results.File(export.File, "text/csv; charset=utf-8", fileDownloadName: export.FileName);
    }

    // The bucket's own error, not the API's JSON shape: the storage host is not WiseCX.
    private static IResult NoSuchKey() =>
        Results.Text("NoSuchKey: The specified key does not exist.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
