namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the options (the list of allowed values) of a custom field.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxCustomFieldOption")]
    [OutputType(typeof(CustomFieldOption))]
    public sealed class GetWcxCustomFieldOptionCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The custom field whose options to read, by its name (e.g. plan). From the pipeline it takes objects with a FieldName property, such as options.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomFieldNameCompleter))]
        public string FieldName { get; set; } = "";

        /// <summary><para type="description">Only the options with these ids; an id the field does not have is reported as not found (error WcxNotFound).</para></summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(CustomFieldOptionIdCompleter))]
        public long[]? Id { get; set; }

        /// <summary><para type="description">Only the options whose value matches one of these wildcard patterns (matched here, in any letter case).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CustomFieldOptionValueCompleter))]
        public string[]? Value { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = FieldName;
            var options = Await(Client.CustomFieldOptions.ListAsync(FieldName, StopToken));
            CustomFieldOptionsForCompletion.Remember(Client, FieldName);
            IEnumerable<CustomFieldOption> matches = WildcardNames.Where(options, o => o.Value, Value);
            if (Id != null)
            {
                matches = matches.Where(o => Id.Contains(o.Id));
                foreach (var missing in Id.Where(id => !options.Any(o => o.Id == id)).Distinct())
                    Fail(new WcxNotFoundException("GET", CustomFieldOptionService.OptionsPath(FieldName),
                        "the field '" + FieldName + "' has no option with the id " + missing + "."));
            }
            WriteApiObjects(matches);
        }
    }
}
