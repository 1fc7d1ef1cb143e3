namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Removes an option from a custom field.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "WcxCustomFieldOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWcxCustomFieldOptionCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The custom field the option belongs to, by its name. From the pipeline it is taken from the options Get-WcxCustomFieldOption writes (or any object with FieldName and Id properties).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomFieldNameCompleter))]
        public string FieldName { get; set; } = "";

        /// <summary><para type="description">The option to remove. From the pipeline it takes options (WiseCx.CustomFieldOption) and objects with FieldName and Id (or OptionId) properties; an object of another of the module's kinds is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OptionId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(CustomFieldOptionIdCompleter))]
        [PipelineId(typeof(CustomFieldOption), "OptionId")]
        public long Id { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (!ShouldProcess("option " + Id + " of custom field '" + FieldName + "'", "Remove custom-field option"))
                return;
            var message = Await(Client.CustomFieldOptions.RemoveAsync(FieldName, Id, StopToken));
            WriteVerbose("Option " + Id + " of '" + FieldName + "': " + (message ?? "removed"));
        }
    }
}
