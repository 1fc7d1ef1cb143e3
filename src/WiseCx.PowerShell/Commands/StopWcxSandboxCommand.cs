using WiseCx.Client.Sandbox;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Stops a local WiseCX sandbox started by Start-WcxSandbox.</para></summary>
    [Cmdlet(VerbsLifecycle.Stop, "WcxSandbox", SupportsShouldProcess = true, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(void))]
    public sealed class StopWcxSandboxCommand : WcxCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string ProcessIdSet = "ProcessId";

        /// <summary><para type="description">The sandbox to stop, as Start-WcxSandbox returned it.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        [ValidateNotNull]
        public WcxSandbox? InputObject { get; set; }

        /// <summary><para type="description">The process id of the sandbox to stop (the ProcessId property of Start-WcxSandbox's object).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ProcessIdSet)]
        public int[]? ProcessId { get; set; }

        protected override void ProcessWcxRecord()
        {
            if (InputObject != null)
            {
                Stop(InputObject.ProcessId, InputObject.StartedAt, InputObject.Uri.ToString());
                return;
            }
            foreach (var id in ProcessId ?? Array.Empty<int>())
                Stop(id, null, "process " + id);
        }

        private void Stop(int processId, DateTime? startedAt, string what)
        {
            if (!ShouldProcess($"WiseCX sandbox {what} (process {processId})", "Stop"))
                return;
            // SIGTERM first (a clean stop), then a kill after 10 s; a process that already ended is not an error.
            bool stopped;
            try
            {
                stopped = SandboxLauncher.Stop(processId, startedAt, TimeSpan.FromSeconds(10));
            }
            catch (SandboxNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorTranslator.SandboxNotFound, ErrorCategory.InvalidArgument, processId));
                return;
            }
            if (stopped)
                WriteVerbose($"Stopped the sandbox {what}.");
            else
                WriteVerbose($"The sandbox {what} was not running any more.");
        }
    }
}
