using System.Net;
using System.Runtime.InteropServices;

namespace WiseCx.PowerShell.Loader
{
    /// <summary>
    /// What Windows PowerShell's .NET Framework needs before the module can talk to the API. The rules are pure
    /// functions (tested on any runtime); <see cref="ApplyOnce"/> applies them in the running process.
    /// </summary>
    internal static class NetFrameworkSetup
    {
        /// <summary>The registry Release value of .NET Framework 4.7.2, the first that loads netstandard2.0 libraries reliably.</summary>
        internal const int Release472 = 461808;

        private const SecurityProtocolType SystemDefault = 0;
        private static readonly object Gate = new object();
        private static bool _applied;

        /// <summary>
        /// The protocols to set, given those set now: Tls12 added to the flags already there, so a script that enabled
        /// Tls13 (or a company that still needs Tls11 elsewhere in the session) keeps it. SystemDefault (0) means the
        /// OS chooses, which includes TLS 1.2 wherever it is allowed at all: left alone.
        /// </summary>
        internal static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
            current == SystemDefault ? current : current | SecurityProtocolType.Tls12;

        /// <summary>
        /// Null when the installed .NET Framework (its registry Release value) is 4.7.2 or later, else the message to
        /// fail the import with. Earlier versions (4.6.2 on Server 2016) load netstandard2.0 assemblies through
        /// facades that break at run time, and Windows PowerShell does not enforce DotNetFrameworkVersion above 4.5.
        /// </summary>
        internal static string? CheckFrameworkRelease(int release)
        {
            if (release >= Release472)
                return null;
            return "WiseCx needs .NET Framework 4.7.2 or later; this computer has " + DescribeRelease(release) +
                ". Install .NET Framework 4.7.2 or later (https://dotnet.microsoft.com/download/dotnet-framework, or Windows " +
                "Update), restart Windows PowerShell and import the module again. PowerShell 7.4+ is an alternative.";
        }

        private static string DescribeRelease(int release)
        {
            var version =
                release >= 461308 ? "4.7.1" :
                release >= 460798 ? "4.7" :
                release >= 394802 ? "4.6.2" :
                release >= 394254 ? "4.6.1" :
                release >= 393295 ? "4.6" :
                release >= 379893 ? "4.5.2" :
                release >= 378675 ? "4.5.1" :
                release >= 378389 ? "4.5" : null;
            return version is null ? ".NET Framework release " + release : ".NET Framework " + version + " (release " + release + ")";
        }

        /// <summary>
        /// On .NET Framework, once per process: fail with <see cref="CheckFrameworkRelease"/>'s message on a framework
        /// that is too old, then make sure TLS 1.2 is offered (powershell.exe offers SSL3/TLS 1.0 only unless the
        /// strong-crypto registry keys are set, and the API accepts TLS 1.2 and later).
        /// </summary>
        internal static void ApplyOnce()
        {
            lock (Gate)
            {
                if (_applied)
                    return;
                var release = ReadFrameworkRelease();
                var problem = release is null ? null : CheckFrameworkRelease(release.Value);
                if (problem != null)
                    throw new PlatformNotSupportedException(problem);
                ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
                _applied = true;
            }
        }

        /// <summary>
        /// HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full, value Release; null off Windows (Mono) or when it
        /// cannot be read. Microsoft.Win32.Registry is not part of netstandard2.0 but lives in mscorlib on .NET
        /// Framework, so it is reached by reflection rather than by shipping a package that would itself need binding.
        /// </summary>
        internal static int? ReadFrameworkRelease()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return null;
            try
            {
                var registry = Type.GetType("Microsoft.Win32.Registry, mscorlib", throwOnError: false);
                var localMachine = registry?.GetField("LocalMachine")?.GetValue(null);
                if (localMachine is null)
                    return null;
                var key = localMachine.GetType().GetMethod("OpenSubKey", new[] { typeof(string) })
                    ?.Invoke(localMachine, new object[] { @"SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full" });
                if (key is null)
                    return null;
                using (key as IDisposable)
                {
                    var value = key.GetType().GetMethod("GetValue", new[] { typeof(string) })?.Invoke(key, new object[] { "Release" });
                    return value is int release ? release : (int?)null;
                }
            }
            catch (Exception)
            {
                // Unreadable (locked-down registry): do not block the import on a check that could not be made.
                return null;
            }
        }
    }
}
