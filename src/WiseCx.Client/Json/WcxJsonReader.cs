using System.Text.Json;

namespace WiseCx.Client.Json
{
    /// <summary>Reads answers into models; a body that is not what the endpoint documents becomes a clear error naming it.</summary>
    public static class WcxJsonReader
    {
        /// <summary>Reads the whole body as <typeparamref name="T"/>; an unreadable body throws <see cref="WcxResponseFormatException"/> naming the request.</summary>
        public static T Read<T>(ApiResponse response, string method, string path)
        {
            try
            {
                var value = JsonSerializer.Deserialize<T>(response.Body, WcxJson.Options);
                if (value is null)
                    throw new WcxResponseFormatException(response.StatusCode, method, path, "the body is empty or null");
                return value;
            }
            catch (JsonException ex)
            {
                throw new WcxResponseFormatException(response.StatusCode, method, path, Describe(ex, response), ex);
            }
        }

        /// <summary>
        /// Reads a single object wrapped as <c>{"data": {...}}</c> or bare, whichever the answer is:
        /// <paramref name="wrapped"/> says which the collection documents, but the live API does not always agree with it.
        /// </summary>
        public static T ReadObject<T>(ApiResponse response, string method, string path, bool wrapped)
        {
            var inner = DataObjectRange(response.Body);
            if (inner is null)
            {
                if (wrapped && response.Body.Length > 0 && !HasPropertyOtherThanEnvelope(response.Body))
                    throw new WcxResponseFormatException(response.StatusCode, method, path, "the answer has no 'data' object");
                return Read<T>(response, method, path);
            }
            return ReadRange<T>(response, method, path, inner.Value);
        }

        /// <summary>Reads the object of <c>{"data": {...}}</c> from where <see cref="DataObjectRange"/> found it.</summary>
        private static T ReadRange<T>(ApiResponse response, string method, string path, (int Start, int Length) range)
        {
            try
            {
                var value = JsonSerializer.Deserialize<T>(new ReadOnlySpan<byte>(response.Body, range.Start, range.Length), WcxJson.Options);
                return value ?? throw new WcxResponseFormatException(response.StatusCode, method, path, "the 'data' object is null");
            }
            catch (JsonException ex)
            {
                throw new WcxResponseFormatException(response.StatusCode, method, path, Describe(ex, response), ex);
            }
        }

        /// <summary>
        /// Reads one page of a list in any of the API's shapes: a bare array, or an object with <c>data</c> (an array,
        /// null for none, or a lone object) and optionally <c>paging</c> or <c>pagination</c>.
        /// </summary>
        public static ListPage<T> ReadPage<T>(ApiResponse response, string method, string path)
        {
            var first = FirstSignificantByte(response.Body);
            if (first == (byte)'[')
                return new ListPage<T>(Read<List<T>>(response, method, path), null, null);
            if (first == (byte)'{')
            {
                var lone = DataObjectRange(response.Body);
                if (lone != null)
                    return new ListPage<T>(new[] { ReadRange<T>(response, method, path, lone.Value) }, null, null);
                var envelope = Read<ListEnvelope<T>>(response, method, path);
                if (envelope.Data is null && HasPropertyOtherThanEnvelope(response.Body))
                    throw new WcxResponseFormatException(response.StatusCode, method, path, "the answer has no 'data' list");
                return new ListPage<T>(envelope.Data ?? new List<T>(), envelope.Pagination?.TotalPages, envelope.Pagination?.TotalItems);
            }
            throw new WcxResponseFormatException(response.StatusCode, method, path,
                response.Body.Length == 0 ? "the body is empty" : "the body is not JSON");
        }

        /// <summary>Names an answer may carry around its <c>data</c> without being the object itself.</summary>
        private static readonly HashSet<string> EnvelopeNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "data", "message", "status", "code", "success", "paging", "pagination",
        };

        /// <summary>
        /// Where the object of <c>{"data": {...}}</c> lies in the body, when the body is such a wrapper (a top-level
        /// <c>data</c> object and nothing but envelope names beside it); null for any other body.
        /// </summary>
        private static (int Start, int Length)? DataObjectRange(byte[] body)
        {
            if (FirstSignificantByte(body) != (byte)'{')
                return null;
            try
            {
                var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
                reader.Read();
                (int Start, int Length)? range = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    if (!EnvelopeNames.Contains(name))
                        return null;
                    reader.Read();
                    // A list: stop here rather than walk a whole page a second time (the hot path of every list).
                    if (name == "data" && reader.TokenType == JsonTokenType.StartArray)
                        return null;
                    if (name == "data" && reader.TokenType == JsonTokenType.StartObject)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        range = (start, (int)reader.BytesConsumed - start);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                return range;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>True when a top-level object has a property that is not an envelope name (so it may be the object itself).</summary>
        private static bool HasPropertyOtherThanEnvelope(byte[] body)
        {
            try
            {
                var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    return true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (!EnvelopeNames.Contains(reader.GetString()!))
                        return true;
                    reader.Read();
                    reader.Skip();
                }
                return false;
            }
            catch (JsonException)
            {
                return true;
            }
        }

        private static int FirstSignificantByte(byte[] body)
        {
            var i = 0;
            if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
                i = 3;
            for (; i < body.Length; i++)
            {
                var b = body[i];
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n')
                    return b;
            }
            return -1;
        }

        private static string Describe(JsonException ex, ApiResponse response) =>
            (response.Body.Length == 0 ? "the body is empty" : "invalid or truncated JSON") +
            (ex.LineNumber.HasValue ? " at line " + (ex.LineNumber + 1) + ", byte " + (ex.BytePositionInLine + 1) : "") +
            " (" + response.Body.Length + " bytes)";

        /// <summary>The collection's wrapped single object; kept so that WcxJsonContext generates metadata for T.</summary>
        internal sealed class DataEnvelope<T>
        {
            public T? Data { get; set; }
        }

        internal sealed class ListEnvelope<T>
        {
            public List<T>? Data { get; set; }
            public PagingObject? Paging { get; set; }
            public PaginationObject? Pagination { get; set; }
        }

        /// <summary>Read but deliberately not trusted: its <c>next</c> and <c>page</c> are wrong in the API's own examples.</summary>
        internal sealed class PagingObject
        {
            public string? Next { get; set; }
            public long? Page { get; set; }
            public long? Limit { get; set; }
        }

        internal sealed class PaginationObject
        {
            public long? Page { get; set; }
            public long? PageSize { get; set; }
            public long? TotalItems { get; set; }
            public long? TotalPages { get; set; }
        }
    }

    /// <summary>One page of a list, with the totals where the endpoint reports them.</summary>
    public sealed class ListPage<T>
    {
        /// <summary>One page as read, with the totals the API reported, if any.</summary>
        public ListPage(IReadOnlyList<T> items, long? totalPages, long? totalItems)
        {
            Items = items;
            TotalPages = totalPages;
            TotalItems = totalItems;
        }

        /// <summary>The records of the page.</summary>
        public IReadOnlyList<T> Items { get; }
        /// <summary>The number of pages the API reported, or null.</summary>
        public long? TotalPages { get; }
        /// <summary>The number of records the API reported, or null.</summary>
        public long? TotalItems { get; }
    }
}
