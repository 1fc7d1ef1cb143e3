using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace WiseCx.PowerShell.Loader
{
    /// <summary>
    /// PowerShell 7 only: answers the default context's request for the engine with the copy in the private context.
    /// Kept apart from <see cref="ModuleInitializer"/> so Windows PowerShell never touches AssemblyLoadContext.
    /// </summary>
    internal static class CoreLoader
    {
        private static DependencyLoadContext? _context;

        // NoInlining: these are the only entry points into AssemblyLoadContext; kept out of any caller's body so that
        // the JIT on .NET Framework never needs System.Runtime.Loader (see ModuleInitializer).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Register(string dependencyFolder)
        {
            _context ??= new DependencyLoadContext(dependencyFolder);
            // Once per process, like DependencyResolver: a second import must not add a second handler.
            AssemblyLoadContext.Default.Resolving -= ResolveEngine;
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Unregister() => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

        private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name) =>
            _context != null && string.Equals(name.Name, ModuleInitializer.EngineAssemblyName, StringComparison.OrdinalIgnoreCase)
                ? _context.LoadFromAssemblyName(name)
                : null;
    }

    /// <summary>
    /// The module's private load context. The engine and libraries no host provides (Polly, StackExchange.Redis) always load from
    /// <c>Dependencies</c>, so they never meet another module's copy. Everything else is first left to the default
    /// context, so that PowerShell's own System.Text.Json serves when it is new enough (one copy in the process), and
    /// taken from <c>Dependencies</c> only when the host lacks it.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly string[] AlwaysPrivate =
        {
            "WiseCx.Client", "Polly.Core", "Polly.RateLimiting",
            // The rate-limit store's client and what it brings that no PowerShell ships (other modules do: Az, for one).
            "StackExchange.Redis", "Pipelines.Sockets.Unofficial", "Microsoft.Extensions.Logging.Abstractions",
        };
        private static readonly string SharedModelsName = typeof(WiseCx.WcxObject).Assembly.GetName().Name!;

        private readonly string _folder;

        public DependencyLoadContext(string folder)
        {
            _folder = folder;
            Resolving += (context, name) => LoadFromFolder(name);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            // The models are what PowerShell sees: the engine must use the very copy the cmdlets use.
            if (string.Equals(name.Name, SharedModelsName, StringComparison.OrdinalIgnoreCase))
                return typeof(WiseCx.WcxObject).Assembly;
            foreach (var own in AlwaysPrivate)
            {
                if (string.Equals(name.Name, own, StringComparison.OrdinalIgnoreCase))
                    return LoadFromFolder(name);
            }
            return null;
        }

        private Assembly? LoadFromFolder(AssemblyName name)
        {
            var path = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
