using Microsoft.Extensions.Logging.Console;
using WiseCx.Sandbox.Auth;
using WiseCx.Sandbox.Endpoints;
using WiseCx.Sandbox.Resilience;
using WiseCx.Sandbox.Storage;

namespace WiseCx.Sandbox;

/// <summary>Builds the sandbox web application; used by <c>Program</c> and by tests that host it in-process.</summary>
public static class SandboxApp
{
    /// <summary>Prefix of every emulated API route.</summary>
    public const string ApiPrefix = "/core/v1";

    /// <summary>Prefix of the test-control routes.</summary>
    public const string AdminPrefix = "/_sandbox";

    /// <summary>Prefix of the downloads served by the storage listener (the stand-in for the export bucket).</summary>
    public const string StoragePrefix = "/storage";

    // Adding a resource: write Endpoints/<Resource>/<Resource>Endpoints.cs (beside its input and schema) with a
    // Map(RouteGroupBuilder) and list it here.
    private static readonly Action<RouteGroupBuilder>[] ApiModules =
    [
        AuthEndpoints.Map,
        CaseCatalogEndpoints.Map,
        CaseEndpoints.Map,
        CaseSpanishEndpoints.Map,
        ContactEndpoints.Map,
        OrganizationEndpoints.Map,
        ContactGroupEndpoints.Map,
        ContactImportEndpoints.Map,
        QueueEndpoints.Map,
        UserEndpoints.Map,
        AnalyticsEndpoints.Map,
        SurveyEndpoints.Map,
        AssistantEndpoints.Map,
        CustomFieldOptionEndpoints.Map,
        TypesEndpoints.Map,
        OrderEndpoints.Map,
        MeliEndpoints.Map,
        WhatsAppTemplateEndpoints.Map,
        ChannelEndpoints.Map,
        NitroCampaignEndpoints.Map,
        NitroActionEndpoints.Map,
        NitroTransactionalEndpoints.Map,
    ];

    /// <summary>
    /// Builds (does not start) the app. Add URLs with <c>app.Urls.Add("http://127.0.0.1:0")</c> before starting;
    /// only loopback http addresses are accepted. The bound addresses are then in
    /// <c>IServer.Features.Get&lt;IServerAddressesFeature&gt;()</c>.
    /// </summary>
    /// <param name="options">Start-up settings; copied, so later changes to the instance are ignored.</param>
    /// <param name="args">Extra ASP.NET Core configuration arguments (rarely needed).</param>
    public static WebApplication Create(SandboxOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Logs go to stderr so stdout carries only the "listening on" line that scripts wait for.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new SandboxRuntimeConfig(SandboxConfig.FromOptions(options)));
        builder.Services.AddSingleton(new SandboxStore(options));
        builder.Services.AddSingleton(new TokenService(options.TimeProvider));
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<FaultPicker>();
        builder.Services.AddTransient<IStartupFilter, LoopbackGuard>();
        // The export bucket's stand-in: a second listener on its own port, up and down with this app.
        builder.Services.AddHostedService<StorageServer>();

        var app = builder.Build();

        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        // Latency, rate limiting and fault injection: inside logging and error handling (so their answers are logged
        // and well-formed), before auth (the real API throttles before it looks at tokens).
        app.UseMiddleware<ResilienceMiddleware>();
        // Again inside, so that an endpoint's error (403, 400, 404…) becomes an answer an "after" fault can buffer and spoil.
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<BearerAuthMiddleware>();
        app.UseRouting();

        var api = app.MapGroup(ApiPrefix);
        foreach (var map in ApiModules) map(api);
        app.MapFallback(ApiPrefix + "/{**path}", NotFound);

        AdminEndpoints.Map(app.MapGroup(AdminPrefix));
        app.MapFallback(AdminPrefix + "/{**path}", NotFound);

        return app;
    }

    internal static IResult NotFound(HttpContext http) =>
        SandboxJson.Error(StatusCodes.Status404NotFound, $"No route matches {http.Request.Method} {http.Request.Path}.");
}
