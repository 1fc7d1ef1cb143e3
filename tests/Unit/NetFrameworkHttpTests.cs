using System.Net;
using WiseCx.Client;
using WiseCx.Client.Http;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

#pragma warning disable SYSLIB0014 // ServicePointManager: what .NET Framework's HttpClientHandler reads; here it is only inspected.

/// <summary>The HTTP settings .NET Framework needs (its handler allows 2 connections per host and sends Expect: 100-continue).</summary>
public class NetFrameworkHttpTests
{
    [Theory]
    [InlineData(0, 16)]
    [InlineData(8, 16)]
    [InlineData(12, 16)]
    [InlineData(13, 17)]
    [InlineData(32, 36)]
    public void The_connection_limit_covers_the_prefetch_window_and_the_writers(int prefetchPages, int limit)
    {
        Assert.Equal(limit, SendPipeline.NetFrameworkConnectionLimit(prefetchPages));
    }

    [Fact]
    public void The_API_service_point_gets_the_limit_and_no_100_continue_and_the_default_is_raised_not_lowered()
    {
        var uri = new Uri("https://wcx-servicepoint-test.invalid/core/v1/");
        var before = ServicePointManager.DefaultConnectionLimit;
        try
        {
            ServicePointManager.DefaultConnectionLimit = 2;
            SendPipeline.ApplyNetFrameworkServicePoint(uri, 20);
            var point = ServicePointManager.FindServicePoint(uri);
            Assert.Equal(24, point.ConnectionLimit);
            Assert.False(point.Expect100Continue);
            Assert.Equal(24, ServicePointManager.DefaultConnectionLimit);

            ServicePointManager.DefaultConnectionLimit = 100;
            SendPipeline.ApplyNetFrameworkServicePoint(uri, 8);
            Assert.Equal(100, ServicePointManager.DefaultConnectionLimit);
            Assert.Equal(24, point.ConnectionLimit);
        }
        finally
        {
            ServicePointManager.DefaultConnectionLimit = before;
        }
    }

    [Fact]
    public void Writes_are_sent_without_Expect_100_continue()
    {
        var handler = new StubHandler((request, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        using var connection = new WcxConnection(Clients.Options(new Uri("http://127.0.0.1:9/core/v1/"), handler: handler));
        connection.SendAsync(HttpMethod.Post, "tags", new { name = "x" }, CancellationToken.None).GetAwaiter().GetResult();
        var write = handler.Messages.Single(m => m.Method == HttpMethod.Post && !m.RequestUri!.AbsolutePath.EndsWith("/authenticate"));
        Assert.False(write.Headers.ExpectContinue);
    }
}
