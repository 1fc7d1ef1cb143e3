namespace WiseCx.Client.Services
{
    /// <summary>
    /// Base of the per-area services: the few request shapes the API has (list, get one, write, acknowledge), so that
    /// each service is a list of its endpoints and their checks, not HTTP code.
    /// </summary>
    public abstract class ApiService
    {
        /// <summary>Creates the service over the session's connection and pager (WcxClient registers it).</summary>
        protected ApiService(WcxConnection connection, Pager pager)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            Pager = pager ?? throw new ArgumentNullException(nameof(pager));
        }

        /// <summary>The session's HTTP pipeline.</summary>
        protected WcxConnection Connection { get; }

        /// <summary>Streams list endpoints.</summary>
        protected Pager Pager { get; }

        /// <summary>A list endpoint, streamed (validation happens now, requests as the caller reads).</summary>
        protected IEnumerable<T> List<T>(EndpointSpec endpoint, ListQuery query, CancellationToken cancellationToken,
            Action<PageProgress>? onPage = null, string? path = null) =>
            Pager.List<T>(endpoint, path ?? endpoint.Path, query, cancellationToken, onPage);

        /// <summary>GET one object, bare or wrapped in <c>{"data": …}</c>, optionally with <c>fields</c>.</summary>
        protected async Task<T> GetObjectAsync<T>(string path, bool wrapped, CancellationToken cancellationToken,
            EndpointSpec? fieldsOf = null, IReadOnlyList<string>? fields = null)
        {
            var parameters = new List<KeyValuePair<string, string>>();
            if (fields != null && fields.Count > 0)
            {
                var names = fieldsOf is null ? fields : fields.Select(f => ListQuery.CanonicalField(fieldsOf, f, "Property",
                    message => WcxTrace.Current?.Warning(message), singleObject: true)).ToList();
                parameters.Add(new KeyValuePair<string, string>("fields", string.Join(",", names)));
            }
            var response = await Connection.SendAsync(HttpMethod.Get, QueryString.Append(path, parameters), null, cancellationToken).ConfigureAwait(false);
            return WcxJsonReader.ReadObject<T>(response, "GET", path, wrapped);
        }

        /// <summary>A write (POST, PUT, DELETE with a body) whose answer is read as <typeparamref name="T"/>.</summary>
        protected Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool wrapped, CancellationToken cancellationToken) =>
            SendAsync<T>(method, path, body, wrapped, method != HttpMethod.Post, cancellationToken);

        /// <summary>A write that may or may not be repeated safely whatever its method says (see <see cref="WcxConnection"/>).</summary>
        protected async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool wrapped, bool idempotent, CancellationToken cancellationToken)
        {
            var response = await Connection.SendAsync(method, path, body, idempotent, cancellationToken).ConfigureAwait(false);
            return WcxJsonReader.ReadObject<T>(response, method.Method, QueryString.PathOnly(path), wrapped);
        }

        /// <summary>A call answered by <c>{"message": "…"}</c> or no body at all; returns the message, if any.</summary>
        protected async Task<string?> AcknowledgeAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        {
            var response = await Connection.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
            return ResponseReading.ApiMessageOf(response.Body);
        }

        /// <summary>
        /// Calls an endpoint that only the vendor's Spanish documentation lists (<paramref name="preferred"/>), and the
        /// documented way to do the same (<paramref name="fallback"/>) when it answers 404 or 501, as an API without it
        /// would. Once the fallback worked, the session remembers that <paramref name="endpoint"/> is absent and goes
        /// straight to the fallback. When the fallback fails too (a 404 that meant "no such case"), its error is the one
        /// reported and nothing is remembered. Only for calls that change nothing when refused, so that trying the other
        /// way cannot apply a change twice.
        /// </summary>
        protected async Task<T> PreferringAsync<T>(string endpoint, Func<Task<T>> preferred, Func<Task<T>> fallback)
        {
            if (Connection.IsEndpointAbsent(endpoint))
                return await fallback().ConfigureAwait(false);
            try
            {
                return await preferred().ConfigureAwait(false);
            }
            catch (WcxApiException absent) when (absent.StatusCode == 404 || absent.StatusCode == 501)
            {
                WcxTrace.Current?.Verbose(endpoint + " answered HTTP " + absent.StatusCode + ": using the documented endpoint instead.");
                var result = await fallback().ConfigureAwait(false);
                Connection.MarkEndpointAbsent(endpoint);
                return result;
            }
        }

        /// <summary>Refuses an id that is not a positive number, before anything is sent.</summary>
        protected static void RequireId(long id, string what, string parameter = "Id")
        {
            if (id <= 0)
                throw new WcxInputException("A " + what + " id is a positive number; got " + id + ".", parameter);
        }

        /// <summary>Refuses a missing or blank value, before anything is sent.</summary>
        protected static void RequireText(string? value, string parameter)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new WcxInputException(parameter + " is required.", parameter);
        }

        /// <summary>
        /// A value of one of the API's open vocabularies: a known value in any letter case becomes the API's spelling;
        /// any other value is sent as given, with a warning naming the known ones, for the API to judge (the live API
        /// accepts words the collection does not document). Only a missing required value is refused.
        /// </summary>
        protected static string? Suggested(string? value, OpenVocabulary vocabulary, string parameter, bool required = false)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                    throw new WcxInputException(parameter + " is required, for example " + vocabulary.Describe() + ".", parameter);
                return null;
            }
            if (!vocabulary.IsKnown(value))
                WcxTrace.Current?.Warning(
                    parameter + " '" + value + "' is not one of the values known for " + vocabulary.Description + " (" +
                    string.Join(", ", vocabulary.Values) + "); it is sent as given and the API decides.");
            return vocabulary.Normalize(value);
        }
    }
}
