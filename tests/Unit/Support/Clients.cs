using System.Security;
using WiseCx.Client;

namespace WiseCx.Tests.Unit.Support;

public static class Clients
{
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public static WcxClientOptions Options(Uri baseUri, string user = "sandbox", string key = "wcx-sandbox-key", HttpMessageHandler? handler = null) => new()
    {
        BaseUri = baseUri,
        User = user,
        ApiKey = Secure(key),
        Handler = handler,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        // Requests counted by tests are then exactly the pages asked for; PagerTests cover prefetching itself.
        PrefetchPages = 0,
    };

    /// <summary>A client over a stub handler, at a fake loopback address.</summary>
    public static WcxClient Stubbed(StubHandler handler) =>
        WcxClient.ConnectAsync(Options(new Uri("http://127.0.0.1:9/core/v1/"), handler: handler), CancellationToken.None).GetAwaiter().GetResult();
}
