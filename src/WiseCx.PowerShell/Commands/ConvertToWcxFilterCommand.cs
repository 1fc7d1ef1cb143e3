namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Shows the API's filtering value that a -Filter compiles to for a list command.</para></summary>
    [Cmdlet(VerbsData.ConvertTo, "WcxFilter")]
    [OutputType(typeof(string))]
    public sealed class ConvertToWcxFilterCommand : WcxCmdlet
    {
        /// <summary><para type="description">The filter, a hashtable or a scriptblock, as you would give it to the list command.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(FilterFieldCompleter))]
        [ValidateNotNull]
        public object Filter { get; set; } = "";

        /// <summary><para type="description">The list command whose endpoint rules apply, such as Get-WcxCase. Tab completes.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(ListCommandCompleter))]
        [ValidateNotNullOrEmpty]
        public string Command { get; set; } = "";

        /// <summary><para type="description">Percent-encode the value, ready for a URL; without it, the value is what Invoke-WcxRequest -Query @{ filtering = … } takes.</para></summary>
        [Parameter]
        public SwitchParameter UrlEncoded { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Filter;
            var endpoint = EndpointRegistry.ForCommand(Command) ?? throw new WcxInputException(
                "'" + Command + "' is not a WiseCx list command. List commands: " + string.Join(", ", EndpointRegistry.ListCommands) + ".", "Command");
            // The warnings a list command would give for fields its endpoint does not document.
            var compiled = FilterCompiler.Compile(FilterInput.ToConditions(Filter, FilterInput.VariablesOf(SessionState)), endpoint, WriteWarning);
            WriteObject(UrlEncoded ? System.Uri.EscapeDataString(compiled) : compiled);
        }
    }
}
