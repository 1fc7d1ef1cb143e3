using System.Reflection;

namespace WiseCx.Tests.Unit.Support;

/// <summary>
/// The module as build.ps1 lays it out: out/WiseCx/&lt;version&gt;/ (root assemblies) and its Dependencies/ folder.
/// Tests that read it need `dotnet pwsh ./build.ps1 Build` first; build.ps1 Test does that before xunit.
/// </summary>
public static class BuiltLayout
{
    private static string Metadata(string key) =>
        typeof(BuiltLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    public static string ModuleDirectory
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(CollectionExamples.RepositoryRoot, "out", "WiseCx", Metadata("ModuleVersion")));
            if (!File.Exists(Path.Combine(folder, "WiseCx.PowerShell.dll")) || !Directory.Exists(Path.Combine(folder, "Dependencies")))
                throw new InvalidOperationException(
                    $"The built module was not found at {folder} (WiseCx.PowerShell.dll and Dependencies/). " +
                    "Run `dotnet pwsh ./build.ps1 Build` first; `build.ps1 Test` builds it before running xunit.");
            return folder;
        }
    }

    /// <summary>The .NET Framework 4.7.2 reference assemblies (with Facades/), from the PackageDownload in the test project.</summary>
    public static string NetFramework472ReferenceAssemblies
    {
        get
        {
            var folder = Metadata("NetFramework472ReferenceAssemblies");
            if (!File.Exists(Path.Combine(folder, "mscorlib.dll")))
                throw new InvalidOperationException(
                    $"The .NET Framework 4.7.2 reference assemblies were not found at {folder}: restore tests/Unit " +
                    "(PackageDownload Microsoft.NETFramework.ReferenceAssemblies.net472 1.0.3).");
            return folder;
        }
    }
}
