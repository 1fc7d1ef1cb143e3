using System.IO;
using System.Runtime.CompilerServices;

namespace WiseCx.PowerShell.Loader
{
    /// <summary>
    /// Makes WiseCx.Client and its dependencies (Polly, System.Text.Json, …) load from the module's <c>Dependencies</c>
    /// folder without colliding with what other modules or PowerShell itself have loaded. On PowerShell 7 they go into
    /// a private AssemblyLoadContext; Windows PowerShell has none, so there they are resolved from the folder on demand
    /// (<see cref="DependencyResolver"/>).
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The assemblies the cmdlets reach directly; their own dependencies follow inside the private context.</summary>
        internal const string EngineAssemblyName = "WiseCx.Client";

        private static readonly string DependencyFolder = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

        /// <summary>
        /// .NET Framework and Mono both have mscorlib as the core library; .NET Core/5+ has System.Private.CoreLib.
        /// (FrameworkDescription says "Mono …" on Mono, which has no AssemblyLoadContext either.)
        /// </summary>
        internal static bool IsNetFramework { get; } = typeof(object).Assembly.GetName().Name == "mscorlib";

        public void OnImport()
        {
            if (IsNetFramework)
            {
                NetFrameworkSetup.ApplyOnce();
                DependencyResolver.Register(DependencyFolder);
            }
            else
            {
                RegisterCoreLoader();
            }
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (IsNetFramework)
                DependencyResolver.Unregister();
            else
                UnregisterCoreLoader();
        }

        // Separate, never inlined: compiling OnImport on .NET Framework must not pull in CoreLoader and with it
        // System.Runtime.Loader, which does not exist there.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RegisterCoreLoader() => CoreLoader.Register(DependencyFolder);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnregisterCoreLoader() => CoreLoader.Unregister();
    }
}
