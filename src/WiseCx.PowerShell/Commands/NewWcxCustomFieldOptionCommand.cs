namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Adds options (allowed values) to a custom field.</para></summary>
    [Cmdlet(VerbsCommon.New, "WcxCustomFieldOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CustomFieldOption))]
    public sealed class NewWcxCustomFieldOptionCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The custom field to add the options to, by its name (e.g. plan).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomFieldNameCompleter))]
        public string FieldName { get; set; } = "";

        /// <summary><para type="description">The values of the new options; one request per value. From the pipeline it takes strings or objects with a Value property.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Value { get; set; } = Array.Empty<string>();

        protected override void ProcessWcxRecord() =>
            EachItem(Value, value =>
            {
                ErrorTarget = value;
                if (!ShouldProcess("custom field '" + FieldName + "'", "Add option '" + value + "'"))
                    return;
                WriteApiObject(Await(Client.CustomFieldOptions.AddAsync(FieldName, value, StopToken)));
            });
    }
}
