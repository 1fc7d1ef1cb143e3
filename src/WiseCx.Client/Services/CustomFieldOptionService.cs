namespace WiseCx.Client.Services
{
    /// <summary>
    /// The options of a custom field (/cases/fields/{field_name}/options[/{option_id}]), from the vendor's Spanish
    /// documentation: the paths and the <c>{"value": …}</c> body are as its summary gives them, the answers are read
    /// tolerantly (a bare list or object, or one wrapped in <c>data</c>; extra fields kept).
    /// </summary>
    public sealed class CustomFieldOptionService : ApiService
    {
        /// <summary>Creates the service over the session's connection (WcxClient registers it).</summary>
        public CustomFieldOptionService(WcxConnection connection, Pager pager) : base(connection, pager) { }

        /// <summary>The options of a field: GET /cases/fields/{field_name}/options (one answer, in any list shape).</summary>
        public async Task<IReadOnlyList<CustomFieldOption>> ListAsync(string fieldName, CancellationToken cancellationToken)
        {
            var path = OptionsPath(fieldName);
            var response = await Connection.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            var page = WcxJsonReader.ReadPage<CustomFieldOption>(response, "GET", path);
            var options = page.Items.ToList();
            foreach (var option in options)
                option.FieldName = fieldName.Trim();
            return options;
        }

        /// <summary>Adds an option: POST /cases/fields/{field_name}/options <c>{"value": …}</c>; never retried once sent.</summary>
        public async Task<CustomFieldOption> AddAsync(string fieldName, string value, CancellationToken cancellationToken)
        {
            var path = OptionsPath(fieldName);
            var body = new CustomFieldOptionRequest { Value = RequireValue(value) };
            var option = await SendAsync<CustomFieldOption>(HttpMethod.Post, path, body, wrapped: false, cancellationToken).ConfigureAwait(false);
            option.FieldName = fieldName.Trim();
            option.Value ??= body.Value;
            return option;
        }

        /// <summary>Changes an option's value: PUT /cases/fields/{field_name}/options/{id} <c>{"value": …}</c> (idempotent).</summary>
        public async Task<CustomFieldOption> SetAsync(string fieldName, long id, string value, CancellationToken cancellationToken)
        {
            RequireId(id, "custom-field option");
            var path = OptionsPath(fieldName) + "/" + id;
            var body = new CustomFieldOptionRequest { Value = RequireValue(value) };
            var option = await SendAsync<CustomFieldOption>(HttpMethod.Put, path, body, wrapped: false, cancellationToken).ConfigureAwait(false);
            option.FieldName = fieldName.Trim();
            if (option.Id == 0)
                option.Id = id;
            option.Value ??= body.Value;
            return option;
        }

        /// <summary>Removes an option: DELETE /cases/fields/{field_name}/options/{id}; returns the API's message, if any.</summary>
        public Task<string?> RemoveAsync(string fieldName, long id, CancellationToken cancellationToken)
        {
            RequireId(id, "custom-field option");
            return AcknowledgeAsync(HttpMethod.Delete, OptionsPath(fieldName) + "/" + id, null, cancellationToken);
        }

        /// <summary>The path of a field's options, the field name escaped as one path segment; a blank name is refused.</summary>
        public static string OptionsPath(string fieldName)
        {
            RequireText(fieldName, "FieldName");
            return "cases/fields/" + Uri.EscapeDataString(fieldName.Trim()) + "/options";
        }

        private static string RequireValue(string value)
        {
            RequireText(value, "Value");
            return value;
        }
    }
}
