namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the API's summary of cases.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxCaseSummary")]
    [OutputType(typeof(CaseSummary))]
    public sealed class GetWcxCaseSummaryCommand : WcxSessionCmdlet
    {
        /// <summary><para type="description">The case to summarise. From the pipeline it takes case ids, cases (also deserialized ones from a job or remoting, or read back from a CSV that kept the type) and objects with a CaseId property. Any other object is refused (error WcxWrongInputType) and nothing is sent for it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ValueFromPipeline = true)]
        [Alias("CaseId")]
        [ValidateRange(1, long.MaxValue)]
        [PipelineId(typeof(Case), "CaseId")]
        public long Id { get; set; }

        protected override void ProcessWcxRecord()
        {
            ErrorTarget = Id;
            WriteApiObject(Await(Client.Cases.SummarizeAsync(Id, StopToken)));
        }
    }
}
