namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets contacts: one by id, or a filtered, sorted list streamed page by page.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Contact))]
    public sealed class GetWcxContactCommand : WcxListCmdlet
    {
        internal override EndpointSpec Endpoint => Endpoints.Contacts;

        /// <summary><para type="description">Ids of the contacts to get. From the pipeline it takes contact ids, contacts (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a ContactId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it. A case gives its ContactId.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Contact), "ContactId")]
        public long[] Id { get; set; } = new long[0];

        protected override void ProcessWcxRecord() => WriteByIdOrList(Id, id => Client.Contacts.GetAsync(id, Property, StopToken),
            (query, onPage) => Client.Contacts.List(query, StopToken, onPage), Property);
    }
}
