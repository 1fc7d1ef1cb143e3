using System.Security;
using WiseCx.Client.Sandbox;

namespace WiseCx.PowerShell.Commands
{
    /// <summary><para type="synopsis">Starts a local WiseCX sandbox (the WiseCx.Sandbox .NET tool) to run scripts against offline.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "WcxSandbox", SupportsShouldProcess = true)]
    [OutputType(typeof(WcxSandbox))]
    public sealed class StartWcxSandboxCommand : WcxCmdlet
    {
        /// <summary><para type="description">The sandbox to start: the wisecx-sandbox executable, a WiseCx.Sandbox.dll, or a folder holding one. Without it: $env:WISECX_SANDBOX_PATH, then wisecx-sandbox on PATH (dotnet tool install --global WiseCx.Sandbox), then the global tools folder (~/.dotnet/tools).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary><para type="description">The start-up profile: live (the API as its users meet it, the default) or collection (the vendor's Postman collection). See docs/sandbox.md.</para></summary>
        [Parameter]
        [ValidateSet("live", "collection")]
        public string? Profile { get; set; }

        /// <summary><para type="description">Milliseconds added to every API request, to try a script against a slow API.</para></summary>
        [Parameter]
        [ValidateRange(0, 120000)]
        public int? LatencyMs { get; set; }

        /// <summary><para type="description">The sandbox's own limit of requests per minute (429 with Retry-After beyond it), to try a script against throttling. 0 or absent: no limit.</para></summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? RateLimitPerMinute { get; set; }

        /// <summary><para type="description">The user name the sandbox accepts. Defaults to sandbox.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary><para type="description">The API key the sandbox accepts. Defaults to the sandbox's documented test key; either way the returned object's ApiKey holds it.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        /// <summary><para type="description">Further switches of the sandbox, passed as they are (e.g. '--fault-rate', '0.1', '--cases', '2000'; wisecx-sandbox --help lists them).</para></summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? ArgumentList { get; set; }

        /// <summary><para type="description">How long to wait for the sandbox to listen, in seconds. Defaults to 60.</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        protected override void EndWcxProcessing()
        {
            var path = SandboxLauncher.Find(Path == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path));
            if (path == null)
            {
                var message = Path != null
                    ? $"No sandbox at '{Path}': give the wisecx-sandbox executable, a WiseCx.Sandbox.dll or a folder holding one."
                    : $"The WiseCx sandbox was not found: neither ${SandboxLauncher.PathVariable} nor '{SandboxLauncher.ToolCommand}' on PATH or in ~/.dotnet/tools. " +
                      "Install it with: dotnet tool install --global WiseCx.Sandbox (or give -Path).";
                ThrowTerminatingError(new ErrorRecord(new System.IO.FileNotFoundException(message), ErrorTranslator.SandboxNotFound, ErrorCategory.ObjectNotFound, Path)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "dotnet tool install --global WiseCx.Sandbox" },
                });
                return;
            }

            var info = new SandboxStartInfo
            {
                Path = path,
                Profile = Profile,
                LatencyMs = LatencyMs,
                RateLimitPerMinute = RateLimitPerMinute,
                User = User,
                ApiKey = ApiKey,
            };
            foreach (var argument in ArgumentList ?? Array.Empty<string>())
                info.ArgumentList.Add(argument);
            if (!ShouldProcess(SandboxLauncher.Describe(info), "Start the WiseCX sandbox"))
                return;

            WriteVerbose("Starting " + SandboxLauncher.Describe(info) + ".");
            WcxSandbox sandbox;
            try
            {
                sandbox = SandboxLauncher.Start(info, TimeSpan.FromSeconds(TimeoutSec), StopToken);
            }
            catch (InvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorTranslator.SandboxStartFailed, ErrorCategory.OpenError, path));
                return;
            }
            WriteVerbose($"The sandbox listens on {sandbox.Uri} (process {sandbox.ProcessId}).");
            WriteObject(sandbox);
        }
    }
}
