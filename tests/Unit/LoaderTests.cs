using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using WiseCx.PowerShell.Loader;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The .NET Framework loader's rules, run here as pure functions: which shipped file answers a request
/// (DependencyResolver.Choose, the function the AssemblyResolve handler calls), TLS 1.2, the framework version.
/// </summary>
[Collection(LoaderCollection.Name)]
public class DependencyResolverTests
{
    private static readonly ShippedAssembly[] Shipped =
    {
        new("Polly.Core", new Version(8, 0, 0, 0), "/m/Dependencies/Polly.Core.dll"),
        new("System.Text.Json", new Version(8, 0, 0, 5), "/m/Dependencies/System.Text.Json.dll"),
    };

    [Fact]
    public void Choose_answers_nothing_for_a_name_it_does_not_ship()
    {
        Assert.Null(DependencyResolver.Choose(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), Shipped));
        Assert.Null(DependencyResolver.Choose(new AssemblyName("System.Text.Json.resources, Version=8.0.0.0, Culture=de"), Shipped));
    }

    [Fact]
    public void Choose_refuses_a_version_above_the_shipped_one()
    {
        // Another module (or the host) asking for a newer System.Text.Json must not be handed the module's older copy.
        Assert.Null(DependencyResolver.Choose(new AssemblyName("System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"), Shipped));
        Assert.Null(DependencyResolver.Choose(new AssemblyName("Polly.Core, Version=8.0.0.1"), Shipped));
    }

    [Theory]
    [InlineData("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc", "/m/Dependencies/Polly.Core.dll")]
    [InlineData("System.Text.Json, Version=6.0.0.0", "/m/Dependencies/System.Text.Json.dll")]
    [InlineData("system.text.json", "/m/Dependencies/System.Text.Json.dll")]
    public void Choose_answers_an_equal_or_lower_version_with_the_shipped_file(string requested, string path)
    {
        Assert.Equal(path, DependencyResolver.Choose(new AssemblyName(requested), Shipped)?.Path);
    }

    [Fact]
    public void Choose_answers_WiseCx_Models_with_the_loaded_assembly_not_a_second_copy()
    {
        var models = typeof(WcxObject).Assembly;
        var withModelsFile = Shipped.Append(new ShippedAssembly("WiseCx.Models", new Version(99, 0), "/elsewhere/WiseCx.Models.dll")).ToArray();
        var chosen = DependencyResolver.Choose(new AssemblyName(models.FullName!), withModelsFile);
        Assert.Equal(models.Location, chosen?.Path);
        var handled = DependencyResolver.Resolve(null, new ResolveEventArgs(models.FullName!));
        Assert.Same(models, handled);
    }

    [Fact]
    public void The_handler_never_throws_and_answers_nothing_it_does_not_ship()
    {
        Assert.Null(DependencyResolver.Resolve(null, new ResolveEventArgs("not a valid, assembly=name=")));
        Assert.Null(DependencyResolver.Resolve(null, new ResolveEventArgs("Newtonsoft.Json, Version=13.0.0.0")));
    }

    [Fact]
    public void Register_subscribes_once_however_often_the_module_is_imported()
    {
        var folder = Directory.CreateTempSubdirectory("wcx-deps-").FullName;
        try
        {
            DependencyResolver.Register(folder);
            DependencyResolver.Register(folder);
            DependencyResolver.Register(folder);
            Assert.Equal(1, SubscriptionsOfTheHandler());
            DependencyResolver.Unregister();
            Assert.Equal(0, SubscriptionsOfTheHandler());
            DependencyResolver.Unregister();
            Assert.Equal(0, SubscriptionsOfTheHandler());
        }
        finally
        {
            DependencyResolver.Unregister();
            Directory.Delete(folder, true);
        }
    }

    /// <summary>
    /// How many times the resolver's handler is in the process's AssemblyResolve list. On .NET Core AppDomain's event
    /// forwards to AssemblyLoadContext's static event; its backing field is the only place the list can be read.
    /// </summary>
    private static int SubscriptionsOfTheHandler()
    {
        var field = typeof(AssemblyLoadContext).GetField("AssemblyResolve", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("AssemblyLoadContext has no AssemblyResolve field on this runtime: the test needs another way to read the subscriptions.");
        var list = (field.GetValue(null) as Delegate)?.GetInvocationList() ?? Array.Empty<Delegate>();
        return list.Count(d => d.Method.DeclaringType == typeof(DependencyResolver) && d.Method.Name == nameof(DependencyResolver.Resolve));
    }
}

public class NetFrameworkSetupTests
{
    [Fact]
    public void Tls12_is_added_to_the_flags_already_set()
    {
        Assert.Equal(SecurityProtocolType.Tls | SecurityProtocolType.Tls12,
            NetFrameworkSetup.WithTls12(SecurityProtocolType.Tls));
#pragma warning disable SYSLIB0039 // Tls11: the rule must keep what a script enabled, old or not.
        Assert.Equal(SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13,
            NetFrameworkSetup.WithTls12(SecurityProtocolType.Tls11 | SecurityProtocolType.Tls13));
#pragma warning restore SYSLIB0039
        Assert.Equal(SecurityProtocolType.Tls12, NetFrameworkSetup.WithTls12(SecurityProtocolType.Tls12));
    }

    [Fact]
    public void SystemDefault_is_left_alone()
    {
        Assert.Equal(SecurityProtocolType.SystemDefault, NetFrameworkSetup.WithTls12(SecurityProtocolType.SystemDefault));
    }

    [Theory]
    [InlineData(461808)] // 4.7.2
    [InlineData(461814)] // 4.7.2 on other Windows versions
    [InlineData(528040)] // 4.8
    [InlineData(533320)] // 4.8.1
    public void Framework_4_7_2_and_later_pass(int release)
    {
        Assert.Null(NetFrameworkSetup.CheckFrameworkRelease(release));
    }

    [Theory]
    [InlineData(394802, "4.6.2")] // Server 2016, Windows 10 1607
    [InlineData(461308, "4.7.1")]
    [InlineData(461807, "4.7.1")]
    public void Older_frameworks_fail_with_what_to_install(int release, string installed)
    {
        var message = NetFrameworkSetup.CheckFrameworkRelease(release);
        Assert.NotNull(message);
        Assert.Contains("Install .NET Framework 4.7.2", message);
        Assert.Contains(".NET Framework " + installed, message);
    }

    [Fact]
    public void The_registry_is_not_read_off_Windows()
    {
        if (OperatingSystem.IsWindows())
            return;
        Assert.Null(NetFrameworkSetup.ReadFrameworkRelease());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public class LoaderCollection
{
    public const string Name = "Process-wide assembly resolution";
}
