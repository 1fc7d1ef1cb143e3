using System.Net;

namespace WiseCx.Client.Http
{
    /// <summary>A whole HTTP answer, read into memory (pages are at most 100 records).</summary>
    public sealed class ApiResponse
    {
        /// <summary>Keeps an answer as read.</summary>
        public ApiResponse(HttpStatusCode status, byte[] body, TimeSpan? retryAfter)
        {
            Status = status;
            Body = body;
            RetryAfter = retryAfter;
        }

        /// <summary>The HTTP status.</summary>
        public HttpStatusCode Status { get; }

        /// <summary>The HTTP status as a number.</summary>
        public int StatusCode => (int)Status;

        /// <summary>The whole body (empty when the answer had none).</summary>
        public byte[] Body { get; }

        /// <summary>The server's Retry-After, as a delay from now.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>A 2xx status.</summary>
        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
    }
}
