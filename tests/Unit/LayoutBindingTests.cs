using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using WiseCx.PowerShell.Loader;
using WiseCx.Tests.Unit.Support;
using Xunit.Abstractions;

namespace WiseCx.Tests.Unit;

/// <summary>
/// Replays, over the built layout, how Windows PowerShell 5.1 on .NET Framework 4.7.2 binds each assembly reference of
/// every shipped DLL: the framework's own assemblies (the net472 reference assemblies, Facades included, stand for it),
/// then the host's System.Management.Automation, then the module's resolver rule (DependencyResolver.Choose, the
/// function the AssemblyResolve handler calls). No Windows is needed to see a missing file or a downgrade.
/// </summary>
public class LayoutBindingTests
{
    private readonly ITestOutputHelper _output;

    public LayoutBindingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_reference_of_every_shipped_DLL_binds_on_NET_Framework_4_7_2()
    {
        var rows = NetFrameworkBinding.Replay(BuiltLayout.ModuleDirectory, BuiltLayout.NetFramework472ReferenceAssemblies);
        foreach (var row in rows)
            _output.WriteLine(row.ToString());
        Assert.True(rows.Count > 20, "Too few references read: is the layout complete?");
        var failures = rows.Where(r => r.Failure != null).ToList();
        Assert.True(failures.Count == 0, "References that would not bind on .NET Framework 4.7.2:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("Dependencies/System.Memory.dll", "System.Memory")]
    [InlineData("Dependencies/WiseCx.Client.dll", "WiseCx.Client")]
    public void A_layout_with_one_DLL_removed_fails(string removed, string missingName)
    {
        var copy = Directory.CreateTempSubdirectory("wcx-layout-").FullName;
        try
        {
            CopyFolder(BuiltLayout.ModuleDirectory, copy);
            File.Delete(Path.Combine(copy, removed));
            var failures = NetFrameworkBinding.Replay(copy, BuiltLayout.NetFramework472ReferenceAssemblies).Where(r => r.Failure != null).ToList();
            foreach (var row in failures)
                _output.WriteLine(row.ToString());
            Assert.NotEmpty(failures);
            Assert.All(failures, f => Assert.Equal(missingName, f.Reference.Name));
            Assert.All(failures, f => Assert.Contains("unresolved", f.Failure));
        }
        finally
        {
            Directory.Delete(copy, true);
        }
    }

    [Fact]
    public void A_reference_above_the_shipped_version_is_a_downgrade()
    {
        var shipped = new[] { new ShippedAssembly("System.Memory", new Version(4, 0, 1, 2), "/m/Dependencies/System.Memory.dll") };
        var row = NetFrameworkBinding.Bind("System.Text.Json.dll", new AssemblyName("System.Memory, Version=4.0.5.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"),
            NetFrameworkBinding.ReadFramework(BuiltLayout.NetFramework472ReferenceAssemblies), shipped);
        Assert.Contains("downgrade", row.Failure);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

/// <summary>One reference and how it binds (or why not).</summary>
public sealed record BindingRow(string Referrer, AssemblyName Reference, string? Resolution, string? Failure)
{
    public override string ToString() =>
        $"{Referrer} -> {Reference.Name} {Reference.Version}: " + (Failure is null ? Resolution : "FAIL " + Failure);
}

internal static class NetFrameworkBinding
{
    /// <summary>
    /// Windows PowerShell 5.1 has System.Management.Automation 3.0.0.0 in the GAC; the cmdlet assembly is compiled
    /// against PowerShellStandard.Library, which references that version.
    /// </summary>
    private static readonly Dictionary<string, Version> HostProvided = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Management.Automation"] = new Version(3, 0, 0, 0),
    };

    /// <summary>
    /// Referenced only by CoreLoader, which runs on PowerShell 7 alone; its callers are NoInlining and no public
    /// signature names its types (TypeSurfaceTests), so .NET Framework never asks for it.
    /// </summary>
    private const string PowerShell7Only = "System.Runtime.Loader";

    public static IReadOnlyList<BindingRow> Replay(string moduleDirectory, string referenceAssemblies)
    {
        var framework = ReadFramework(referenceAssemblies);
        var shipped = DependencyResolver.Scan(Path.Combine(moduleDirectory, "Dependencies"));
        var rows = new List<BindingRow>();
        var files = Directory.GetFiles(moduleDirectory, "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(moduleDirectory, "Dependencies"), "*.dll"))
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var referrer = Path.GetRelativePath(moduleDirectory, file);
            foreach (var reference in References(file))
                rows.Add(Bind(referrer, reference, framework, shipped));
        }
        return rows;
    }

    /// <summary>
    /// .NET Framework's order: an assembly of the framework unifies to the framework's version when the reference asks
    /// for that version or lower (with the same public key token); a higher version is not the framework's, and like any
    /// other name it is looked for in the GAC and the application's folder (powershell.exe's, where the module is not),
    /// then AssemblyResolve asks the module's handler.
    /// </summary>
    public static BindingRow Bind(string referrer, AssemblyName reference, IReadOnlyDictionary<string, AssemblyName> framework, IReadOnlyList<ShippedAssembly> shipped)
    {
        var name = reference.Name!;
        if (framework.TryGetValue(name, out var inBox) && SameToken(reference, inBox) && NotAbove(reference.Version, inBox.Version))
            return new BindingRow(referrer, reference, $"framework {inBox.Version}", null);
        if (HostProvided.TryGetValue(name, out var hostVersion) && NotAbove(reference.Version, hostVersion))
            return new BindingRow(referrer, reference, $"Windows PowerShell 5.1 (GAC) {hostVersion}", null);
        if (string.Equals(name, PowerShell7Only, StringComparison.OrdinalIgnoreCase) && referrer == "WiseCx.PowerShell.dll")
            return new BindingRow(referrer, reference, "never asked for on .NET Framework (PowerShell 7 loader only)", null);
        var chosen = DependencyResolver.Choose(reference, shipped);
        if (chosen != null)
        {
            var where = string.Equals(name, typeof(WcxObject).Assembly.GetName().Name, StringComparison.OrdinalIgnoreCase)
                ? "module root (the loaded WiseCx.Models)"
                : "Dependencies/" + Path.GetFileName(chosen.Path);
            return new BindingRow(referrer, reference, $"resolver: {where} {chosen.Version}", null);
        }
        var candidate = shipped.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (candidate != null)
            return new BindingRow(referrer, reference, null, $"downgrade: asks for {reference.Version}, Dependencies/ ships {candidate.Version}");
        if (framework.TryGetValue(name, out inBox))
            return new BindingRow(referrer, reference, null, $"downgrade: asks for {reference.Version}, .NET Framework 4.7.2 has {inBox.Version} and the module ships none");
        return new BindingRow(referrer, reference, null, "unresolved: not in .NET Framework 4.7.2, the host or Dependencies/");
    }

    /// <summary>The framework's assemblies by name: the reference assemblies and their Facades folder.</summary>
    public static IReadOnlyDictionary<string, AssemblyName> ReadFramework(string referenceAssemblies)
    {
        var names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(referenceAssemblies, "*.dll").Concat(Directory.GetFiles(Path.Combine(referenceAssemblies, "Facades"), "*.dll")))
        {
            AssemblyName name;
            try { name = AssemblyName.GetAssemblyName(file); }
            catch (BadImageFormatException) { continue; } // a module without an assembly manifest (e.g. sysglobl's companions)
            names[name.Name!] = name;
        }
        return names;
    }

    private static IEnumerable<AssemblyName> References(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var md = pe.GetMetadataReader();
        return md.AssemblyReferences.Select(h => md.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }

    private static bool NotAbove(Version? requested, Version? available) => requested is null || (available != null && requested <= available);

    private static bool SameToken(AssemblyName reference, AssemblyName framework)
    {
        var wanted = reference.GetPublicKeyToken() ?? Array.Empty<byte>();
        return wanted.Length == 0 || wanted.AsSpan().SequenceEqual(framework.GetPublicKeyToken() ?? Array.Empty<byte>());
    }
}
