using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using WiseCx.PowerShell.Loader;
using WiseCx.Tests.Unit.Support;
using Xunit.Abstractions;

namespace WiseCx.Tests.Unit;

/// <summary>
/// What PowerShell reflects over (the cmdlet and model assemblies at the module root) must not name a type that lives
/// in WiseCx.Client, in Dependencies/ or in System.Runtime.Loader: on PowerShell 7 those sit in a private load context
/// PowerShell cannot see, and on .NET Framework System.Runtime.Loader does not exist. Parameter binding, Get-Member,
/// formatting and help all walk public signatures; one such type there breaks them.
/// </summary>
public class TypeSurfaceTests
{
    private readonly ITestOutputHelper _output;

    public TypeSurfaceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void No_public_signature_of_the_root_assemblies_exposes_a_private_dependency()
    {
        var forbidden = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "WiseCx.Client", "System.Runtime.Loader" };
        foreach (var file in Directory.GetFiles(Path.Combine(BuiltLayout.ModuleDirectory, "Dependencies"), "*.dll"))
            forbidden.Add(Path.GetFileNameWithoutExtension(file));

        var found = new List<string>();
        foreach (var assembly in new[] { typeof(ModuleInitializer).Assembly, typeof(WcxObject).Assembly })
        {
            var built = Path.Combine(BuiltLayout.ModuleDirectory, assembly.GetName().Name + ".dll");
            found.AddRange(TypeSurface.Exposures(assembly, TypeSurface.ReferencedOwners(built), forbidden));
        }

        foreach (var line in found)
            _output.WriteLine(line);
        Assert.True(found.Count == 0, "Public signatures expose private dependencies:\n" + string.Join("\n", found));
    }

    /// <summary>
    /// The JIT compiles a method with everything inlined into it; on .NET Framework, compiling a caller that has
    /// CoreLoader.Register inlined would need System.Runtime.Loader, which is absent, and fail the import. So every
    /// call from outside CoreLoader into it goes from a NoInlining method to a NoInlining method.
    /// </summary>
    [Fact]
    public void Calls_into_the_PowerShell_7_loader_cross_NoInlining_methods_only()
    {
        var module = typeof(ModuleInitializer).Module;
        var coreOnly = new[] { typeof(CoreLoader), typeof(DependencyLoadContext) };
        var calls = new List<(MethodBase Caller, MethodBase Callee)>();
        foreach (var type in module.GetTypes().Where(t => !coreOnly.Contains(t)))
        {
            foreach (var caller in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
            {
                var il = caller.GetMethodBody()?.GetILAsByteArray();
                if (il is null)
                    continue;
                // call, callvirt, newobj: an opcode byte followed by a method token.
                for (var i = 0; i + 4 < il.Length; i++)
                {
                    if (il[i] != 0x28 && il[i] != 0x6F && il[i] != 0x73)
                        continue;
                    MethodBase? callee;
                    try { callee = module.ResolveMethod(BitConverter.ToInt32(il, i + 1)); }
                    catch (ArgumentException) { continue; }
                    if (callee?.DeclaringType is { } declaring && coreOnly.Contains(declaring))
                        calls.Add((caller, callee));
                }
            }
        }
        static bool NoInlining(MethodBase m) => (m.MethodImplementationFlags & MethodImplAttributes.NoInlining) != 0;
        Assert.NotEmpty(calls);
        foreach (var (caller, callee) in calls)
        {
            _output.WriteLine($"{caller.DeclaringType!.Name}.{caller.Name} -> {callee.DeclaringType!.Name}.{callee.Name}");
            Assert.True(NoInlining(caller), $"{caller.DeclaringType.Name}.{caller.Name} calls {callee.DeclaringType.Name}.{callee.Name} and can have it inlined: mark it NoInlining.");
            Assert.True(NoInlining(callee), $"{callee.DeclaringType.Name}.{callee.Name} is called from {caller.DeclaringType.Name}.{caller.Name} and can be inlined there: mark it NoInlining.");
        }
    }
}

/// <summary>Every type named by an assembly's public surface: bases, interfaces, public and protected members.</summary>
public static class TypeSurface
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Which assembly the compiled file names for each type it uses (its TypeRefs). Reflection alone cannot tell:
    /// on .NET 10 AssemblyLoadContext, Span and ValueTask are forwarded to System.Private.CoreLib, while on .NET
    /// Framework the same references go to System.Runtime.Loader (absent) and to System.Memory and
    /// System.Threading.Tasks.Extensions in Dependencies/.
    /// </summary>
    public static Dictionary<string, string> ReferencedOwners(string dllPath)
    {
        using var pe = new PEReader(File.OpenRead(dllPath));
        var md = pe.GetMetadataReader();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
        {
            var (name, scope) = FullName(md, handle);
            if (scope is { } assemblyRef)
                owners[name] = md.GetString(md.GetAssemblyReference(assemblyRef).Name);
        }
        return owners;
    }

    private static (string Name, AssemblyReferenceHandle? Scope) FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var reference = md.GetTypeReference(handle);
        var simple = md.GetString(reference.Name);
        switch (reference.ResolutionScope.Kind)
        {
            case HandleKind.TypeReference:
                var (outer, scope) = FullName(md, (TypeReferenceHandle)reference.ResolutionScope);
                return (outer + "+" + simple, scope);
            case HandleKind.AssemblyReference:
                var ns = md.GetString(reference.Namespace);
                return ((ns.Length == 0 ? "" : ns + ".") + simple, (AssemblyReferenceHandle)reference.ResolutionScope);
            default:
                return (simple, null);
        }
    }

    public static IEnumerable<string> Exposures(Assembly assembly, IReadOnlyDictionary<string, string> referencedOwners, ISet<string> forbiddenAssemblies)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var (where, named) in Signature(type))
            {
                foreach (var part in Parts(named))
                {
                    var definition = part.IsGenericType ? part.GetGenericTypeDefinition() : part;
                    var owner = referencedOwners.TryGetValue(definition.FullName ?? "", out var referenced)
                        ? referenced
                        : part.Assembly.GetName().Name!;
                    if (forbiddenAssemblies.Contains(owner))
                        yield return $"{type.FullName}: {where} names {part.FullName ?? part.Name} from {owner}";
                }
            }
        }
    }

    private static IEnumerable<(string Where, Type Named)> Signature(Type type)
    {
        if (type.BaseType != null)
            yield return ("base type", type.BaseType);
        foreach (var i in type.GetInterfaces())
            yield return ("interface", i);
        foreach (var arg in type.IsGenericTypeDefinition ? type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()) : Type.EmptyTypes)
            yield return ("generic constraint", arg);
        foreach (var field in type.GetFields(Members).Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
            yield return ("field " + field.Name, field.FieldType);
        foreach (var property in type.GetProperties(Members))
        {
            var accessors = property.GetAccessors(nonPublic: true).Where(Visible).ToList();
            if (accessors.Count == 0)
                continue;
            yield return ("property " + property.Name, property.PropertyType);
            foreach (var p in property.GetIndexParameters())
                yield return ("property " + property.Name + " index", p.ParameterType);
        }
        foreach (var e in type.GetEvents(Members).Where(e => e.AddMethod != null && Visible(e.AddMethod)))
            yield return ("event " + e.Name, e.EventHandlerType!);
        foreach (var method in type.GetMethods(Members).Where(m => Visible(m) && !m.IsSpecialName))
        {
            yield return ("method " + method.Name + " return", method.ReturnType);
            foreach (var p in method.GetParameters())
                yield return ("method " + method.Name + " parameter " + p.Name, p.ParameterType);
        }
        foreach (var ctor in type.GetConstructors(Members).Where(Visible))
            foreach (var p in ctor.GetParameters())
                yield return ("constructor parameter " + p.Name, p.ParameterType);
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    /// <summary>A type and everything it is built from: element types, generic arguments, declaring types.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.IsGenericParameter)
            yield break;
        if (type.HasElementType)
        {
            foreach (var part in Parts(type.GetElementType()!))
                yield return part;
            yield break;
        }
        yield return type;
        if (type.IsGenericType)
            foreach (var arg in type.GetGenericArguments())
                foreach (var part in Parts(arg))
                    yield return part;
    }
}
