using System.Net;
using System.Text;

namespace WiseCx.Tests.Unit.Support;

/// <summary>
/// An HTTP handler that answers from a script, for logic that does not depend on a real server (paging arithmetic
/// over shapes the sandbox does not serve yet, error mapping). Records every request it saw.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;
    private int _count;

    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => _answer = answer;

    public List<string> Requests { get; } = new();

    public List<HttpRequestMessage> Messages { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Requests)
        {
            Requests.Add(request.Method + " " + request.RequestUri!.PathAndQuery);
            Messages.Add(request);
        }
        if (request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal))
            return Task.FromResult(Json(HttpStatusCode.OK, "{\"status\":\"ok\",\"token\":\"t0k3n\",\"message\":\"Authentication success.\"}"));
        return Task.FromResult(_answer(request, Interlocked.Increment(ref _count)));
    }

    /// <summary>Requests of the given method sent so far, authentication left out.</summary>
    public int ApiRequests(string method)
    {
        lock (Requests)
            return Requests.Count(r => r.StartsWith(method + " ", StringComparison.Ordinal) && !r.Contains("/authenticate"));
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
