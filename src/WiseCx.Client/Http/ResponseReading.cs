using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// Reads what an answer says before any model does: whether a body is complete JSON, the API's message, the open
    /// cases of OPEN_CASES_EXIST, the server's Retry-After.
    /// </summary>
    internal static class ResponseReading
    {
        private static readonly string[] MessageProperties = { "message", "error" };

        /// <summary>A complete JSON value and nothing after it; scanned without building a document.</summary>
        internal static bool IsCompleteJson(byte[] body)
        {
            try
            {
                var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
                while (reader.Read()) { }
                return reader.BytesConsumed > 0;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>
        /// The API's message: <c>message</c> when the body is JSON that has one, else <c>error</c> (the live API's
        /// <c>{"error":"Cases not found.","code":400}</c>); a short text body otherwise.
        /// </summary>
        internal static string? ApiMessageOf(byte[] body)
        {
            if (body.Length == 0)
                return null;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                        return null;
                    foreach (var name in MessageProperties)
                    {
                        if (doc.RootElement.TryGetProperty(name, out var message) && message.ValueKind == JsonValueKind.String)
                            return message.GetString();
                    }
                    return null;
                }
            }
            catch (JsonException)
            {
                var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).Trim();
                return text.Length == 0 ? null : text;
            }
        }

        /// <summary>
        /// The API's message says that what was asked for is not there: "Cases not found.", "Survey Responses Not Found",
        /// EXPORT_NOT_FOUND. The callers decide what that means where they are (an empty list, an export not shown yet).
        /// </summary>
        internal static bool SaysNotFound(string? apiMessage) =>
            apiMessage != null && (apiMessage.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0 ||
                                   apiMessage.IndexOf("not_found", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>The ids of <c>{"error":"OPEN_CASES_EXIST","opened_cases":[…]}</c>, or null for any other body.</summary>
        internal static long[]? OpenCaseIdsOf(byte[] body)
        {
            if (body.Length == 0 || body.Length > 64 * 1024)
                return null;
            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) ||
                        error.ValueKind != JsonValueKind.String || !string.Equals(error.GetString(), "OPEN_CASES_EXIST", StringComparison.OrdinalIgnoreCase))
                        return null;
                    var ids = new List<long>();
                    if (root.TryGetProperty("opened_cases", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        // Ids may come as numbers or as strings; anything else in the list is passed over.
                        foreach (var item in list.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var n))
                                ids.Add(n);
                            else if (item.ValueKind == JsonValueKind.String && long.TryParse(item.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                                ids.Add(parsed);
                        }
                    }
                    return ids.ToArray();
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The server's Retry-After as a delay from now (a date in the past is no wait), or null without one.</summary>
        internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header is null)
                return null;
            if (header.Delta.HasValue)
                return header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }
    }

    /// <summary>
    /// A 2xx answer whose body is not the complete JSON the API always sends. Kept as the inner exception, with the
    /// body, so a service that knows its endpoint may answer in plain text can tell that from a cut-off answer.
    /// </summary>
    internal sealed class MalformedAnswerException : HttpRequestException
    {
        public MalformedAnswerException(int statusCode, string message, byte[] body) : base(message)
        {
            StatusCode = statusCode;
            Body = body;
        }

        public int StatusCode { get; }

        public byte[] Body { get; }
    }
}
