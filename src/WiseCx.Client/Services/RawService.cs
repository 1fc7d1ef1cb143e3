using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WiseCx.Client.Services
{
    /// <summary>A body that is already JSON text: sent as it is.</summary>
    public sealed class RawJson
    {
        /// <summary>Wraps JSON text to send as it is.</summary>
        public RawJson(string text)
        {
            try
            {
                using (JsonDocument.Parse(text)) { }
            }
            catch (JsonException ex)
            {
                throw new WcxInputException("The body is not valid JSON: " + ex.Message, "Body");
            }
            Text = text;
        }

        /// <summary>The JSON text.</summary>
        public string Text { get; }
    }

    /// <summary>
    /// Any path of the API with the session's auth, retries and paging: the escape hatch for what no service covers.
    /// Answers come back as plain values (dictionaries, arrays, strings, numbers, booleans).
    /// </summary>
    public sealed class RawService : ApiService
    {
        private static readonly HashSet<string> Methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "DELETE", "PATCH" };

        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public RawService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>Sends one request; returns the answer as plain values, or null for an empty body.</summary>
        public async Task<object?> SendAsync(string method, string path, IDictionary? query, object? body, CancellationToken cancellationToken)
        {
            var httpMethod = ToMethod(method);
            var relative = QueryString.Append(RelativePath(path), QueryParameters(query));
            var response = await Connection.SendAsync(httpMethod, relative, body, cancellationToken).ConfigureAwait(false);
            if (response.Body.Length == 0)
                return null;
            try
            {
                using (var document = JsonDocument.Parse(response.Body))
                    return WcxJson.ToPlainValue(document.RootElement);
            }
            catch (JsonException)
            {
                return Encoding.UTF8.GetString(response.Body);
            }
        }

        /// <summary>Reads every page of a list path, in any of the API's list shapes, streamed.</summary>
        public IEnumerable<object?> ListAll(string path, IDictionary? query, int pageSize,
            CancellationToken cancellationToken, Action<PageProgress>? onPage = null) =>
            Pager.ListRaw(RelativePath(path), QueryParameters(query), pageSize, cancellationToken, onPage);

        /// <summary>Query values as the API reads them: dates in its UTC form, lists comma-separated, booleans in lower case.</summary>
        internal static List<KeyValuePair<string, string>> QueryParameters(IDictionary? query)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (query is null)
                return result;
            foreach (DictionaryEntry entry in query)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                if (name.Length == 0)
                    throw new WcxInputException("A query parameter has an empty name.", "Query");
                result.Add(new KeyValuePair<string, string>(name, QueryValue(name, entry.Value)));
            }
            return result.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        }

        private static string QueryValue(string name, object? value)
        {
            switch (value)
            {
                case null:
                    return "";
                case string text:
                    return text;
                case DateTime date:
                    return WcxJson.FormatDate(date);
                case DateTimeOffset offset:
                    return WcxJson.FormatDate(offset.UtcDateTime);
                case bool flag:
                    return flag ? "true" : "false";
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable list:
                    return string.Join(",", list.Cast<object?>().Select(v => QueryValue(name, v)));
                default:
                    return value.ToString() ?? "";
            }
        }

        /// <summary>
        /// Accepts <c>cases/1</c>, <c>/cases/1</c>, <c>/core/v1/cases/1</c> or a full URL on the session's host, and
        /// returns the path relative to the API root. Any other host is refused: the session's token goes nowhere else.
        /// </summary>
        public string RelativePath(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
                throw new WcxInputException("A path is required, e.g. 'cases/123'.", "Path");
            var text = path.Trim();
            var root = Connection.BaseUri;
            if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                if (!string.Equals(absolute.GetLeftPart(UriPartial.Authority), root.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
                    throw new WcxInputException("The path points at another host (" + absolute.Host + "): the session's credentials are sent only to " + root.Host + ".", "Path");
                text = absolute.PathAndQuery;
            }
            if (text.IndexOf('?') >= 0)
                throw new WcxInputException("Give query parameters with -Query, not in the path: they are encoded for you.", "Path");
            var rootPath = root.AbsolutePath;
            if (text.StartsWith(rootPath, StringComparison.OrdinalIgnoreCase))
                text = text.Substring(rootPath.Length);
            text = text.TrimStart('/');
            if (text.Length == 0 || text.Contains(".."))
                throw new WcxInputException("'" + path + "' is not a path below the API root " + root.AbsolutePath + ".", "Path");
            return text;
        }

        private static HttpMethod ToMethod(string method)
        {
            if (method is null || !Methods.Contains(method))
                throw new WcxInputException("Method must be one of GET, POST, PUT, DELETE, PATCH.", "Method");
            return new HttpMethod(method.ToUpperInvariant());
        }
    }
}
