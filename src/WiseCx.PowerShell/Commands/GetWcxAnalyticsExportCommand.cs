namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Gets the status of analytics exports; with -Wait, waits until they are completed.</para></summary>
    [Cmdlet(VerbsCommon.Get, "WcxAnalyticsExport")]
    [OutputType(typeof(AnalyticsExport))]
    public sealed class GetWcxAnalyticsExportCommand : AnalyticsExportCmdlet
    {
        /// <summary><para type="description">The export ids Start-WcxAnalyticsExport returned. Binds from the pipeline, also from objects with an ExportId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ExportId { get; set; } = new string[0];

        /// <summary><para type="description">Wait until each export is completed or failed, showing its progress; a failed export is reported as an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">Seconds between two status requests while waiting (default 2).</para></summary>
        [Parameter]
        [ValidateRange(0.1, 300.0)]
        public double PollIntervalSeconds { get; set; } = 2;

        /// <summary><para type="description">While waiting, how long to keep polling an export the API answers "not found" for, before it first appears (default 60): right after the start the live API does not show an export for a few seconds. 0 fails at the first "not found".</para></summary>
        [Parameter]
        [Alias("NotFoundTimeout")]
        [ValidateRange(0.0, 3600.0)]
        public double NotFoundTimeoutSeconds { get; set; } = 60;

        protected override void ProcessWcxRecord() => EachItem(ExportId, id =>
            WriteApiObject(Wait ? WaitForExport(id, null, PollIntervalSeconds, NotFoundTimeoutSeconds) : Await(Client.Analytics.GetAsync(id, StopToken))));
    }
}
