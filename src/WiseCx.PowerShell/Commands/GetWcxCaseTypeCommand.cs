namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the case types (their ids are what -TypeId of New-WcxCase and Set-WcxCase take).</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxCaseType", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CaseType))]
    public sealed class GetWcxCaseTypeCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.CaseTypes;

        /// <summary><para type="description">Only types whose name matches one of these wildcard patterns (matched here: the API filters no field of this list).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CaseTypeNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary><para type="description">The fields to return (the API's fields parameter). Tab completes the documented names; any other name is sent as given, with a warning.</para></summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        protected override void ProcessWcxRecord() =>
            WriteListMatchingNames(Name, "name", t => t.Name, Property, (query, onPage) => Client.Cases.ListTypes(query, StopToken, onPage));
    }
}
