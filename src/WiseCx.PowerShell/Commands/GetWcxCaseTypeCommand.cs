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

        protected override void ProcessWcxRecord() =>
            WriteListMatchingNames(Name, "name", t => t.Name, Property, (query, onPage) => Client.Cases.ListTypesOrTypesRoute(query, StopToken, onPage));
    }
}
