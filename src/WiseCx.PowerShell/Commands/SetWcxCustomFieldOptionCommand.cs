namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Changes the value of a custom field's option.</para></summary>
    [Cmdlet(VerbsCommon.Set, "WcxCustomFieldOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CustomFieldOption))]
    public sealed class SetWcxCustomFieldOptionCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The custom field the option belongs to, by its name. From the pipeline it is taken from the options Get-WcxCustomFieldOption writes (or any object with FieldName and Id properties).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomFieldNameCompleter))]
        public string FieldName { get; set; } = "";

        /// <summary><para type="description">The option to change. From the pipeline it takes options (WiseCx.CustomFieldOption) and objects with FieldName and Id (or OptionId) properties; an object of another of the module's kinds is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OptionId")]
        [ValidateRange(1, long.MaxValue)]
        [ArgumentCompleter(typeof(CustomFieldOptionIdCompleter))]
        [PipelineId(typeof(CustomFieldOption), "OptionId")]
        public long Id { get; set; }

        /// <summary><para type="description">The option's new value.</para></summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Value { get; set; } = "";

        /// <summary><para type="description">Return the option as the API answers after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            if (!ShouldProcess("option " + Id + " of custom field '" + FieldName + "'", ChangeText.Describe("Set custom-field option", ("value", Value))))
                return;
            var option = Await(Client.CustomFieldOptions.SetAsync(FieldName, Id, Value, StopToken));
            if (PassThru)
                WriteApiObject(option);
        }
    }
}
