namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the case tags defined in WiseCX.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxCaseTag", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(CaseTag))]
    public sealed class GetWcxCaseTagCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.CaseTags;

        /// <summary><para type="description">Only tags whose name matches one of these wildcard patterns (matched here: the API filters no field of this list).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CaseTagCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessWcxRecord() =>
            WriteListMatchingNames(Name, "name", t => t.Name, Property, (query, onPage) => Client.Cases.ListTags(query, StopToken, onPage));
    }
}
