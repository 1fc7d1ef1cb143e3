namespace WiseCx.Sandbox.Http;

/// <summary>Turns exceptions into the API's JSON error shape, so no request ever ends with an HTML or empty error page.</summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            if (ex.EmptyBody) context.Response.StatusCode = ex.StatusCode;
            else if (ex.Body is { } body) await SandboxJson.WriteAsync(context, ex.StatusCode, body);
            else await SandboxJson.WriteErrorAsync(context, ex.StatusCode, ex.Message);
        }
        catch (FilterException ex) when (!context.Response.HasStarted)
        {
            await SandboxJson.WriteErrorAsync(context, StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await SandboxJson.WriteErrorAsync(context, ex.StatusCode, ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled sandbox error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await SandboxJson.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                $"Internal sandbox error: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
