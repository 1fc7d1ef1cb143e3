using System.Net.Sockets;
using Polly;
using Polly.Retry;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// When an attempt may be sent again and how long to wait first: exponential backoff with jitter, or the server's
    /// Retry-After when it is at most <see cref="WcxClientOptions.MaxRetryAfter"/>.
    /// </summary>
    internal static class RetryPolicy
    {
        /// <summary>Whether the request of an attempt may be repeated (set per request: a method can misstate it).</summary>
        internal static readonly ResiliencePropertyKey<bool> IdempotentKey = new ResiliencePropertyKey<bool>("wcx.idempotent");

        internal static ResiliencePipeline<ApiResponse> Build(WcxClientOptions options)
        {
            if (options.MaxRetryAttempts == 0)
                return ResiliencePipeline<ApiResponse>.Empty;
            var maxRetryAfter = options.MaxRetryAfter;
            return new ResiliencePipelineBuilder<ApiResponse>()
                .AddRetry(new RetryStrategyOptions<ApiResponse>
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldHandle = args => new ValueTask<bool>(IsRetryable(args.Outcome, args.Context, maxRetryAfter)),
                    DelayGenerator = args =>
                    {
                        var retryAfter = args.Outcome.Result?.RetryAfter;
                        if (retryAfter.HasValue && retryAfter.Value <= maxRetryAfter)
                            return new ValueTask<TimeSpan?>(retryAfter.Value);
                        return new ValueTask<TimeSpan?>((TimeSpan?)null);
                    },
                })
                .Build();
        }

        /// <summary>
        /// What may be sent again. 429 was refused unprocessed, so always (unless the server asks for a longer wait than
        /// <paramref name="maxRetryAfter"/>). Reads and idempotent writes also on 5xx and transport failures. A POST
        /// otherwise only when the connection was refused, i.e. nothing was sent.
        /// </summary>
        private static bool IsRetryable(Outcome<ApiResponse> outcome, ResilienceContext context, TimeSpan maxRetryAfter)
        {
            context.Properties.TryGetValue(IdempotentKey, out var idempotent);
            if (outcome.Exception is OperationCanceledException)
                return false;
            if (outcome.Exception != null)
                return outcome.Exception is HttpRequestException && (idempotent || ConnectionWasRefused(outcome.Exception));
            var status = outcome.Result!.StatusCode;
            if (status == 429)
                return outcome.Result.RetryAfter is null || outcome.Result.RetryAfter.Value <= maxRetryAfter;
            return idempotent && (status == 500 || status == 502 || status == 503 || status == 504);
        }

        private static bool ConnectionWasRefused(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
                    return true;
            }
            return false;
        }
    }
}
