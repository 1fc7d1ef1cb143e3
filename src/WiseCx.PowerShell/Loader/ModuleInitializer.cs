using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace WiseCx.PowerShell.Loader
{
    /// <summary>
    /// Makes WiseCx.Client and its dependencies (Polly, System.Text.Json, …) load from the module's <c>Dependencies</c>
    /// folder without colliding with what other modules or PowerShell itself have loaded. On PowerShell 7 they go into
    /// a private AssemblyLoadContext; Windows PowerShell has none, so there they are resolved from the folder on demand.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The assemblies the cmdlets reach directly; their own dependencies follow inside the private context.</summary>
        internal const string EngineAssemblyName = "WiseCx.Client";

        private static readonly string DependencyFolder = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (IsNetFramework)
                AppDomain.CurrentDomain.AssemblyResolve += ResolveOnNetFramework;
            else
                CoreLoader.Register(DependencyFolder);
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (IsNetFramework)
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnNetFramework;
            else
                CoreLoader.Unregister();
        }

        private static Assembly? ResolveOnNetFramework(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var candidate = Path.Combine(DependencyFolder, name.Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
