using System.Collections.Concurrent;
using System.Globalization;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using WiseCx.Client.Http;

namespace WiseCx.Client.Sandbox
{
    /// <summary>A process given to Stop-WcxSandbox by id that is not a sandbox.</summary>
    public sealed class SandboxNotFoundException : Exception
    {
        /// <summary>Creates the exception with its message.</summary>
        public SandboxNotFoundException(string message) : base(message) { }
    }

    /// <summary>What to start: the sandbox found by <see cref="SandboxLauncher.Find"/> and its switches.</summary>
    public sealed class SandboxStartInfo
    {
        /// <summary>The wisecx-sandbox executable or a WiseCx.Sandbox.dll (run with dotnet).</summary>
        public string Path { get; set; } = "";

        /// <summary>--profile (live or collection); null for the sandbox's default.</summary>
        public string? Profile { get; set; }

        /// <summary>--latency-ms; null to leave the default (0).</summary>
        public int? LatencyMs { get; set; }

        /// <summary>--rate-limit-per-minute; null to leave the default (off).</summary>
        public int? RateLimitPerMinute { get; set; }

        /// <summary>The user name /authenticate accepts; null for the sandbox's default (sandbox).</summary>
        public string? User { get; set; }

        /// <summary>The API key /authenticate accepts; null for the sandbox's default. Passed in the environment, never on the command line.</summary>
        public SecureString? ApiKey { get; set; }

        /// <summary>Further command-line switches, passed as they are.</summary>
        public IList<string> ArgumentList { get; } = new List<string>();
    }

    /// <summary>
    /// Finds, starts and stops the local sandbox (the WiseCx.Sandbox .NET tool) for Start-WcxSandbox and Stop-WcxSandbox.
    /// A sandbox started here leaves the console's process group (--detach), so a Ctrl+C in the console does not stop it.
    /// </summary>
    public static class SandboxLauncher
    {
        /// <summary>The command the WiseCx.Sandbox tool installs.</summary>
        public const string ToolCommand = "wisecx-sandbox";

        /// <summary>The environment variable naming the sandbox when -Path is not given (the tool's executable or a WiseCx.Sandbox.dll).</summary>
        public const string PathVariable = "WISECX_SANDBOX_PATH";

        /// <summary>The environment variable the sandbox reads its API key from (kept off the command line).</summary>
        public const string ApiKeyVariable = "WISECX_SANDBOX_API_KEY";

        /// <summary>The sandbox's defaults (docs/sandbox.md): the account /authenticate accepts when none is given.</summary>
        public const string DefaultUser = "sandbox";

        /// <summary>The sandbox's default API key: a local, documented test key, not a secret.</summary>
        public const string DefaultApiKey = "wcx-sandbox-key";

        private static readonly Regex Listening = new Regex(@"WiseCx sandbox listening on (http://\S+)(?: \(profile ([^)\s]+)\))?", RegexOptions.CultureInvariant);

        // The processes started here, kept so that their output keeps being drained (a full pipe would block the sandbox).
        private static readonly ConcurrentDictionary<int, Process> Started = new ConcurrentDictionary<int, Process>();

        /// <summary>
        /// The sandbox to start: <paramref name="path"/> when given (a file, or a folder holding the tool or the dll);
        /// else $env:WISECX_SANDBOX_PATH; else wisecx-sandbox on PATH; else the global tools folder (~/.dotnet/tools).
        /// Null when none is found.
        /// </summary>
        public static string? Find(string? path)
        {
            if (!string.IsNullOrEmpty(path))
                return Resolve(path!);
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
                return Resolve(fromEnvironment!);
            var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(new[] { System.IO.Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries).ToList();
            var home = Environment.GetEnvironmentVariable(IsWindows ? "USERPROFILE" : "HOME");
            if (!string.IsNullOrEmpty(home))
                folders.Add(System.IO.Path.Combine(home, ".dotnet", "tools"));
            foreach (var folder in folders)
            {
                var candidate = ToolIn(folder);
                if (candidate != null)
                    return candidate;
            }
            return null;
        }

        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private static string? ToolIn(string folder)
        {
            try
            {
                var candidate = System.IO.Path.Combine(folder.Trim('"'), IsWindows ? ToolCommand + ".exe" : ToolCommand);
                return File.Exists(candidate) ? candidate : null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static string? Resolve(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (File.Exists(full))
                return full;
            if (Directory.Exists(full))
            {
                var dll = System.IO.Path.Combine(full, "WiseCx.Sandbox.dll");
                return ToolIn(full) ?? (File.Exists(dll) ? dll : null);
            }
            return null;
        }

        /// <summary>The command line that <see cref="Start"/> runs, without the API key (for -WhatIf and messages).</summary>
        public static string Describe(SandboxStartInfo info)
        {
            var (file, arguments) = CommandLine(info);
            return file + " " + string.Join(" ", arguments.Select(Quote));
        }

        private static (string File, List<string> Arguments) CommandLine(SandboxStartInfo info)
        {
            var arguments = new List<string>();
            string file;
            if (info.Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                // The dotnet that runs this process when there is one (pwsh as a dotnet tool), else dotnet on PATH.
                file = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
                arguments.Add(info.Path);
            }
            else
            {
                file = info.Path;
            }
            arguments.AddRange(new[] { "--urls", "http://127.0.0.1:0", "--detach" });
            if (info.Profile != null) arguments.AddRange(new[] { "--profile", info.Profile });
            if (info.LatencyMs != null) arguments.AddRange(new[] { "--latency-ms", info.LatencyMs.Value.ToString(CultureInfo.InvariantCulture) });
            if (info.RateLimitPerMinute != null) arguments.AddRange(new[] { "--rate-limit-per-minute", info.RateLimitPerMinute.Value.ToString(CultureInfo.InvariantCulture) });
            if (info.User != null) arguments.AddRange(new[] { "--user", info.User });
            arguments.AddRange(info.ArgumentList);
            return (file, arguments);
        }

        /// <summary>
        /// Starts the sandbox on a free loopback port and waits until it prints where it listens. Throws
        /// <see cref="InvalidOperationException"/> with the sandbox's own error text when it exits or does not start in time.
        /// </summary>
        public static WcxSandbox Start(SandboxStartInfo info, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var (file, arguments) = CommandLine(info);
            var psi = new ProcessStartInfo(file, string.Join(" ", arguments.Select(Quote)))
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var key = SecureText.Reveal(info.ApiKey);
            if (key != null)
                psi.Environment[ApiKeyVariable] = key;
            else
                psi.Environment.Remove(ApiKeyVariable);

            var started = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
            var errors = new StringBuilder();
            var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data != null && Listening.Match(e.Data) is { Success: true } match)
                    started.TrySetResult(match);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data == null) return;
                lock (errors)
                {
                    if (errors.Length < 4000) errors.AppendLine(e.Data);
                }
            };
            process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("exited"));
            if (!process.Start())
                throw new InvalidOperationException("The sandbox could not be started: " + Describe(info));
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            Match listening;
            try
            {
                if (!started.Task.Wait((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds), cancellationToken))
                {
                    Kill(process);
                    throw new InvalidOperationException($"The sandbox did not say where it listens within {timeout.TotalSeconds:0} s; it was stopped. {Text(errors)}".TrimEnd());
                }
                listening = started.Task.Result;
            }
            catch (AggregateException)
            {
                // Give the error reader a moment to take the last lines of a sandbox that refused its arguments.
                process.WaitForExit();
                throw new InvalidOperationException($"The sandbox exited with code {process.ExitCode} before it listened. {Text(errors)}".TrimEnd());
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                throw;
            }

            Started[process.Id] = process;
            var startedAt = process.StartTime;
            var apiKey = info.ApiKey?.Copy() ?? FromText(DefaultApiKey);
            apiKey.MakeReadOnly();
            // A sandbox started without -Profile names the one it uses; an older one without that says nothing.
            var profile = listening.Groups[2].Success ? listening.Groups[2].Value : info.Profile;
            return new WcxSandbox(new Uri(listening.Groups[1].Value.TrimEnd('/') + "/"), info.User ?? DefaultUser, apiKey, process.Id, startedAt, profile, info.Path);
        }

        /// <summary>
        /// Stops the sandbox with this process id, when the process running under that id is the one that started at
        /// <paramref name="startedAt"/> (ids are reused): SIGTERM first so that it stops cleanly, then a kill after
        /// <paramref name="grace"/>. Returns false when no such process runs any more.
        /// </summary>
        public static bool Stop(int processId, DateTime? startedAt, TimeSpan grace)
        {
            // kill(2) with 0 or a negative id signals a whole process group, -1 every process: never.
            if (processId <= 1)
                throw new SandboxNotFoundException($"Process {processId} is not a WiseCX sandbox; it was left alone.");
            Process process;
            try
            {
                process = Started.TryGetValue(processId, out var known) ? known : Process.GetProcessById(processId);
                if (process.HasExited)
                {
                    Started.TryRemove(processId, out _);
                    return false;
                }
                if (startedAt != null && Math.Abs((process.StartTime - startedAt.Value).TotalSeconds) > 1)
                    return false;
                // By id alone, only a sandbox: one started here, or the tool's own executable.
                if (startedAt == null && !Started.ContainsKey(processId) && !string.Equals(process.ProcessName, ToolCommand, StringComparison.OrdinalIgnoreCase))
                    throw new SandboxNotFoundException($"Process {processId} is not a WiseCX sandbox started by Start-WcxSandbox in this session; it was left running.");
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }

            if (!IsWindows && processId > 1 && kill(processId, SigTerm) == 0 && process.WaitForExit((int)grace.TotalMilliseconds))
            {
                Started.TryRemove(processId, out _);
                return true;
            }
            Kill(process);
            Started.TryRemove(processId, out _);
            return true;
        }

        private const int SigTerm = 15;

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited)
                    process.Kill();
                process.WaitForExit(10000);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }

        private static string Text(StringBuilder errors)
        {
            lock (errors)
                return errors.ToString().Trim();
        }

        private static SecureString FromText(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
                secure.AppendChar(c);
            return secure;
        }

        /// <summary>Quotes one argument for ProcessStartInfo.Arguments (the rules .NET and CommandLineToArgvW share).</summary>
        internal static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '"' }) < 0)
                return argument;
            var quoted = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\') { backslashes++; continue; }
                if (c == '"') quoted.Append('\\', backslashes * 2 + 1).Append('"');
                else quoted.Append('\\', backslashes).Append(c);
                backslashes = 0;
            }
            quoted.Append('\\', backslashes * 2).Append('"');
            return quoted.ToString();
        }
    }
}
