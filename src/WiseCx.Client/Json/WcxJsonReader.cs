using System;
using System.Collections.Generic;
using System.Text.Json;
using WiseCx.Client.Http;

namespace WiseCx.Client.Json
{
    /// <summary>Reads answers into models; a body that is not what the endpoint documents becomes a clear error naming it.</summary>
    public static class WcxJsonReader
    {
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

        /// <summary>Reads a single object that some endpoints wrap as <c>{"data": {...}}</c> and others send bare.</summary>
        public static T ReadObject<T>(ApiResponse response, string method, string path, bool wrapped)
        {
            if (!wrapped)
                return Read<T>(response, method, path);
            var envelope = Read<DataEnvelope<T>>(response, method, path);
            if (envelope.Data is null)
                throw new WcxResponseFormatException(response.StatusCode, method, path, "the answer has no 'data' object");
            return envelope.Data;
        }

        /// <summary>
        /// Reads one page of a list in any of the API's four shapes: a bare array, or an object with <c>data</c> and
        /// optionally <c>paging</c> or <c>pagination</c>.
        /// </summary>
        public static ListPage<T> ReadPage<T>(ApiResponse response, string method, string path)
        {
            var first = FirstSignificantByte(response.Body);
            if (first == (byte)'[')
                return new ListPage<T>(Read<List<T>>(response, method, path), null, null);
            if (first == (byte)'{')
            {
                var envelope = Read<ListEnvelope<T>>(response, method, path);
                if (envelope.Data is null)
                    throw new WcxResponseFormatException(response.StatusCode, method, path, "the answer has no 'data' list");
                return new ListPage<T>(envelope.Data, envelope.Pagination?.TotalPages, envelope.Pagination?.TotalItems);
            }
            throw new WcxResponseFormatException(response.StatusCode, method, path,
                response.Body.Length == 0 ? "the body is empty" : "the body is not JSON");
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
        public ListPage(IReadOnlyList<T> items, long? totalPages, long? totalItems)
        {
            Items = items;
            TotalPages = totalPages;
            TotalItems = totalItems;
        }

        public IReadOnlyList<T> Items { get; }
        public long? TotalPages { get; }
        public long? TotalItems { get; }
    }
}
