using System.Net;

namespace WiseCx.Client.Http
{
    /// <summary>A whole HTTP answer, read into memory (pages are at most 100 records).</summary>
    public sealed class ApiResponse
    {
        public ApiResponse(HttpStatusCode status, byte[] body, TimeSpan? retryAfter)
        {
            Status = status;
            Body = body;
            RetryAfter = retryAfter;
        }

        public HttpStatusCode Status { get; }

        public int StatusCode => (int)Status;

        public byte[] Body { get; }

        /// <summary>The server's Retry-After, as a delay from now.</summary>
        public TimeSpan? RetryAfter { get; }

        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
    }
}
