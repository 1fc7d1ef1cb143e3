using System.IO;
using System.Reflection;

namespace WiseCx.PowerShell.Loader
{
    /// <summary>An assembly the module ships in <c>Dependencies/</c>: its simple name, version and file.</summary>
    internal sealed class ShippedAssembly
    {
        public ShippedAssembly(string name, Version version, string path)
        {
            Name = name;
            Version = version;
            Path = path;
        }

        public string Name { get; }

        public Version Version { get; }

        public string Path { get; }

        public override string ToString() => Name + " " + Version + " (" + Path + ")";
    }

    /// <summary>
    /// The .NET Framework (Windows PowerShell, and Mono) side of the loader: an AppDomain.AssemblyResolve handler that
    /// answers for the assemblies in <c>Dependencies/</c> and nothing else. The process has one AppDomain shared with
    /// every other module, so the handler must not hand out its files for names it does not ship, nor an older file
    /// than the one asked for (that would only move the failure to a MissingMethodException later).
    /// Touches no type of System.Management.Automation or System.Runtime.Loader: a process without PowerShell (the
    /// Mono harness) loads WiseCx.PowerShell.dll and calls <see cref="Register"/> by reflection.
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static readonly ResolveEventHandler Handler = Resolve;
        private static IReadOnlyList<ShippedAssembly> _shipped = Array.Empty<ShippedAssembly>();
        private static bool _subscribed;

        /// <summary>
        /// The models sit at the module root, already loaded by the time anything asks for them (the manifest's
        /// RequiredAssemblies). A second copy would make the engine's objects a different type from the cmdlets'.
        /// </summary>
        internal static Assembly ModelsAssembly => typeof(WcxObject).Assembly;

        /// <summary>
        /// Remembers the folder's assemblies and subscribes the handler, once per process however often the module is
        /// imported (Import-Module -Force, a second runspace): a handler per import would answer every request twice
        /// and keep each import's state alive.
        /// </summary>
        internal static void Register(string dependencyFolder)
        {
            var shipped = Scan(dependencyFolder);
            lock (Gate)
            {
                _shipped = shipped;
                if (_subscribed)
                    return;
                AppDomain.CurrentDomain.AssemblyResolve += Handler;
                _subscribed = true;
            }
        }

        internal static void Unregister()
        {
            lock (Gate)
            {
                if (!_subscribed)
                    return;
                AppDomain.CurrentDomain.AssemblyResolve -= Handler;
                _subscribed = false;
            }
        }

        /// <summary>The handler. Never throws: an exception here would surface in whichever code asked for an assembly.</summary>
        internal static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            try
            {
                var requested = new AssemblyName(args.Name);
                var models = ModelsAssembly.GetName();
                if (string.Equals(requested.Name, models.Name, StringComparison.OrdinalIgnoreCase))
                    return IsNotAbove(requested.Version, models.Version) ? ModelsAssembly : null;
                var chosen = Choose(requested, _shipped);
                return chosen is null ? null : Assembly.LoadFrom(chosen.Path);
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// The rule, kept pure so tests (and the binding test's replay of .NET Framework binding) call exactly what the
        /// handler calls: a shipped assembly of the requested name whose version is not below the requested one (a
        /// request without a version takes what is shipped); WiseCx.Models is the loaded one; anything else is not ours.
        /// </summary>
        internal static ShippedAssembly? Choose(AssemblyName requested, IReadOnlyList<ShippedAssembly> shipped)
        {
            if (requested?.Name is null || shipped is null)
                return null;
            var models = ModelsAssembly.GetName();
            if (string.Equals(requested.Name, models.Name, StringComparison.OrdinalIgnoreCase))
            {
                return IsNotAbove(requested.Version, models.Version)
                    ? new ShippedAssembly(models.Name!, models.Version!, ModelsAssembly.Location)
                    : null;
            }
            foreach (var candidate in shipped)
            {
                if (string.Equals(candidate.Name, requested.Name, StringComparison.OrdinalIgnoreCase))
                    return IsNotAbove(requested.Version, candidate.Version) ? candidate : null;
            }
            return null;
        }

        /// <summary>The assemblies in <paramref name="folder"/>, read from their metadata without loading them.</summary>
        internal static IReadOnlyList<ShippedAssembly> Scan(string folder)
        {
            var found = new List<ShippedAssembly>();
            if (!Directory.Exists(folder))
                return found;
            foreach (var path in Directory.GetFiles(folder, "*.dll"))
            {
                try
                {
                    var name = AssemblyName.GetAssemblyName(path);
                    if (name.Name != null)
                        found.Add(new ShippedAssembly(name.Name, name.Version ?? new Version(0, 0, 0, 0), path));
                }
                catch (BadImageFormatException)
                {
                    // Not an assembly (a native library): nothing the handler could answer with.
                }
            }
            return found;
        }

        private static bool IsNotAbove(Version? requested, Version? available) =>
            requested is null || (available != null && requested <= available);
    }
}
