using Microsoft.AspNetCore.Http.Features;
using WiseCx.Sandbox.Auth;

namespace WiseCx.Sandbox.Resilience;

/// <summary>
/// Latency, the server rate limit and fault injection for /core/v1 requests, in that order: the delay hits every
/// request (a refused one too), the limiter counts only what it admits, and faults hit what the limiter let through.
/// /_sandbox and the storage host are never touched; /authenticate gets latency and rate limiting always, faults only
/// with <see cref="SandboxConfig.FaultAuthenticate"/>. Sits inside logging and error handling and before auth, with a
/// second <see cref="ErrorMiddleware"/> after it so that an "after" fault sees the endpoint's error answers too.
/// </summary>
internal sealed class ResilienceMiddleware(RequestDelegate next, SandboxRuntimeConfig runtime, RateLimiter limiter, FaultPicker picker)
{
    public const string UnavailableMessage = "Service unavailable (injected).";
    public const string InternalErrorMessage = "Internal error (injected).";
    public const string TooManyRequestsMessage = "Too many requests (injected).";
    public const string RateLimitMessage = "Rate limit exceeded.";
    public const string NotJsonBody = "<html>Bad gateway</html>";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(SandboxApp.ApiPrefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            await next(context);
            return;
        }

        // One read: the whole request works with one consistent set of switches.
        var state = runtime.CurrentState;
        var config = state.Config;
        var outcome = context.Features.Get<RequestOutcome>() ?? new RequestOutcome();

        var delay = config.LatencyMs + picker.Jitter(state);
        if (delay > 0) await Task.Delay(delay, context.RequestAborted);

        if (limiter.TryAcquire(state) is { } retryAfter)
        {
            outcome.Throttled = true;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await SandboxJson.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, RateLimitMessage);
            return;
        }

        var kind = BearerAuthMiddleware.IsAuthenticateRoute(rest) && !config.FaultAuthenticate ? null : picker.Fault(state);
        if (kind is null)
        {
            await next(context);
            return;
        }
        outcome.Fault = kind;

        switch (kind)
        {
            case FaultKinds.UnavailableBefore:
                await SandboxJson.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, UnavailableMessage);
                return;
            case FaultKinds.ThrottleRetryAfter:
                context.Response.Headers.RetryAfter = "1";
                await SandboxJson.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, TooManyRequestsMessage);
                return;
            case FaultKinds.Throttle:
                await SandboxJson.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, TooManyRequestsMessage);
                return;
            case FaultKinds.ResetBefore:
                outcome.Aborted = true;
                context.Abort();
                return;
        }

        // "After" kinds: the endpoint runs against a buffer, so nothing of its answer leaves before the fault decides.
        var body = await RunBufferedAsync(context);
        var response = context.Response;
        switch (kind)
        {
            case FaultKinds.ErrorAfter:
                response.Clear();
                await SandboxJson.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, InternalErrorMessage);
                break;
            case FaultKinds.ResetAfter:
                outcome.Aborted = true;
                context.Abort();
                break;
            case FaultKinds.Truncated:
                var contentType = response.ContentType;
                response.Clear();
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = contentType ?? SandboxJson.ContentType;
                var half = body.Length / 2;
                // A matching Content-Length: the response completes cleanly, its body is simply cut.
                response.ContentLength = half;
                await response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted);
                break;
            case FaultKinds.NotJson:
                response.Clear();
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(NotJsonBody, context.RequestAborted);
                break;
            default:
                throw new InvalidOperationException($"Fault kind '{kind}' has no implementation.");
        }
    }

    /// <summary>Runs the rest of the pipeline with the response body going to memory; returns what it wrote.</summary>
    private async Task<byte[]> RunBufferedAsync(HttpContext context)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await next(context);
            // Flushes whatever the endpoint left in the pipe writer into the buffer.
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
        return buffer.ToArray();
    }
}
