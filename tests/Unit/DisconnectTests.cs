using System.Management.Automation;
using System.Net;
using WiseCx.Client;
using WiseCx.Client.Filtering;
using WiseCx.Client.Paging;
using WiseCx.PowerShell.Internal;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// A session closed while a command runs (Disconnect-WcxAccount in another runspace, or the client disposed) is reported
/// as WcxNotConnected, a terminating error, like a command started without a session; never as whatever the HTTP stack
/// threw on the way (ObjectDisposedException, a cancelled request, a retried "no answer").
/// </summary>
public class DisconnectTests
{
    private static void AssertNotConnected(Exception error)
    {
        Assert.True(ErrorTranslator.IsReported(error), error.GetType() + ": " + error.Message);
        Assert.True(ErrorTranslator.IsTerminating(error));
        var record = ErrorTranslator.ToErrorRecord(error, null);
        Assert.Equal("WcxNotConnected", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
    }

    [Fact]
    public void A_list_whose_session_is_disconnected_while_a_page_is_in_flight_reports_WcxNotConnected()
    {
        var handler = new DisconnectingHandler();
        var client = WcxClient.ConnectAsync(Clients.Options(new Uri("http://127.0.0.1:9/core/v1/"), handler: handler), CancellationToken.None).GetAwaiter().GetResult();
        handler.Client = client;
        var read = new List<long>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            foreach (var item in new Pager(client.Connection, 0).List<Case>(Endpoints.Cases, "cases", new ListQuery { PageSize = 2 }, CancellationToken.None))
                read.Add(item.Id);
        });
        AssertNotConnected(error);
        Assert.Equal(new long[] { 1, 2 }, read);
        // Reported at once, not after retrying a transport that is gone.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
    }

    [Fact]
    public void A_request_sent_after_the_session_was_disconnected_reports_WcxNotConnected()
    {
        var handler = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"id\":5}"));
        var client = Clients.Stubbed(handler);
        // The command resolved its client while connected; Disconnect-WcxAccount ran before its first request.
        client.Dispose();
        AssertNotConnected(Assert.ThrowsAny<Exception>(() => client.Cases.GetAsync(5, null, default).GetAwaiter().GetResult()));
        Assert.Equal(0, handler.ApiRequests("GET"));
    }

    /// <summary>Answers the first page in full; on the second, closes the session and waits, as a request cut off by it does.</summary>
    private sealed class DisconnectingHandler : HttpMessageHandler
    {
        private int _pages;

        public WcxClient? Client { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal))
                return StubHandler.Json(HttpStatusCode.OK, "{\"status\":\"ok\",\"token\":\"t0k3n\"}");
            if (Interlocked.Increment(ref _pages) == 1)
                return StubHandler.Json(HttpStatusCode.OK, "[{\"id\":1,\"subject\":\"a\"},{\"id\":2,\"subject\":\"b\"}]");
            Client!.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
            return StubHandler.Json(HttpStatusCode.OK, "[]");
        }
    }
}
