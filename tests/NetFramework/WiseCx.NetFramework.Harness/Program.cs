using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace WiseCx.NetFramework.Harness
{
    /// <summary>
    /// Drives the built module on a .NET Framework-shaped runtime (Mono, or .NET Framework itself) the way Windows
    /// PowerShell would: the root assemblies are loaded from the module folder with Assembly.LoadFrom, the module's own
    /// resolver is registered, and everything else (WiseCx.Client, System.Text.Json, Polly, …) must arrive through it.
    /// Nothing here is compiled against the module: every type is reached by name, so a missing or mis-versioned file
    /// fails here as it would in powershell.exe.
    /// Usage: harness.exe &lt;module folder&gt; &lt;base uri&gt; &lt;user&gt; &lt;api key&gt; &lt;rate-limit store uri&gt;
    /// Prints one line per check, "PASS name" or "FAIL name: reason", and exits 1 when any check failed.
    /// </summary>
    internal static class Program
    {
        private const int PageSize = 10;
        private const int SeededContacts = 45;

        /// <summary>Pages read ahead of the reader: the contacts list is paged by number, so pages are fetched concurrently.</summary>
        private const int Prefetch = 4;

        private static readonly List<string> Failed = new List<string>();
        private static string _failedStep;

        private static int Main(string[] args)
        {
            if (args.Length != 5)
            {
                Console.Error.WriteLine("usage: harness.exe <module folder> <base uri> <user> <api key> <rate-limit store uri>");
                return 2;
            }
            var moduleFolder = Path.GetFullPath(args[0]);
            var baseUri = new Uri(args[1]);
            var user = args[2];
            var key = args[3];
            var store = new Uri(args[4]);
            var dependencies = Path.Combine(moduleFolder, "Dependencies");
            var ct = CancellationToken.None;

            Check("runtime is .NET Framework-shaped (mscorlib)", () =>
            {
                var core = typeof(object).Assembly.GetName().Name;
                Require(core == "mscorlib", "the core library is " + core + ", so this is not a .NET Framework-shaped runtime");
                return Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET Framework";
            });

            Assembly models = null, cmdlets = null, client = null;
            Check("root assemblies load with Assembly.LoadFrom", () =>
            {
                // The manifest's RequiredAssemblies (models) first, then the RootModule, as powershell.exe does.
                models = Assembly.LoadFrom(Path.Combine(moduleFolder, "WiseCx.Models.dll"));
                cmdlets = Assembly.LoadFrom(Path.Combine(moduleFolder, "WiseCx.PowerShell.dll"));
                return models.GetName().Version + ", " + cmdlets.GetName().Version;
            });

            Check("module resolver registered", () =>
            {
                // The seam shared with the loader: internal static void Register(string dependencyFolder).
                var resolver = cmdlets.GetType("WiseCx.PowerShell.Loader.DependencyResolver", throwOnError: false);
                Require(resolver != null, "WiseCx.PowerShell.Loader.DependencyResolver is not in WiseCx.PowerShell.dll");
                var register = resolver.GetMethod("Register", BindingFlags.NonPublic | BindingFlags.Static, null, new[] { typeof(string) }, null);
                Require(register != null, "DependencyResolver has no internal static Register(string)");
                register.Invoke(null, new object[] { dependencies });
                return dependencies;
            });

            Check("WiseCx.Client resolves from Dependencies/", () =>
            {
                // Exactly the name the cmdlet assembly asks for, so the request is the one the CLR would make.
                var reference = cmdlets.GetReferencedAssemblies().Single(r => r.Name == "WiseCx.Client");
                client = Assembly.Load(reference);
                RequireFrom(client, dependencies);
                return reference.FullName;
            });

            object wcx = null;
            Func<Action<object>, object> connect = configure =>
            {
                var options = New(client, "WiseCx.Client.WcxClientOptions");
                Set(options, "BaseUri", baseUri);
                Set(options, "User", user);
                var secure = new SecureString();
                foreach (var c in key) secure.AppendChar(c);
                secure.MakeReadOnly();
                Set(options, "ApiKey", secure);
                // A sandbox on loopback answers at once; keep any retry short so a failure is reported, not waited for.
                Set(options, "RetryBaseDelay", TimeSpan.FromMilliseconds(10));
                Set(options, "PrefetchPages", Prefetch);
                configure?.Invoke(options);
                var type = client.GetType("WiseCx.Client.WcxClient", throwOnError: true);
                return Await(type.GetMethod("ConnectAsync", new[] { options.GetType(), typeof(CancellationToken) }).Invoke(null, new object[] { options, ct }));
            };
            Check("connect", () =>
            {
                wcx = connect(null);
                Require((bool)Get(wcx, "IsConnected"), "IsConnected is false after ConnectAsync");
                Require(!AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "StackExchange.Redis"), "StackExchange.Redis loaded without a store");
                return (string)Get(wcx, "User") + " at " + Get(wcx, "BaseUri");
            });

            Check("list contacts with prefetch (several pages)", () =>
            {
                var total = SeedContacts(baseUri, SeededContacts);
                var query = New(client, "WiseCx.Client.Paging.ListQuery");
                Set(query, "PageSize", PageSize);
                var contacts = Get(wcx, "Contacts");
                var before = (long)Get(wcx, "RequestCount");
                var list = (IEnumerable)contacts.GetType().GetMethod("List").Invoke(contacts, new object[] { query, ct, null });
                var ids = list.Cast<object>().Select(c => (long)Get(c, "Id")).ToList();
                var requests = (long)Get(wcx, "RequestCount") - before;
                var expectedPages = (total + PageSize - 1) / PageSize;
                Require(ids.Count == total, ids.Count + " contacts read, the sandbox holds " + total);
                Require(ids.Distinct().Count() == ids.Count, "a contact was read twice");
                Require(requests >= expectedPages, requests + " requests for " + expectedPages + " pages");
                return ids.Count + " contacts in " + requests + " requests (page size " + PageSize + ", prefetch " + Prefetch + ")";
            });

            long createdId = 0;
            var name = "NetFx Harness " + Guid.NewGuid().ToString("N").Substring(0, 8);
            var email = name.Replace(' ', '.').ToLowerInvariant() + "@example.com";
            Check("create a contact", () =>
            {
                var request = New(models, "WiseCx.ContactCreateRequest");
                Set(request, "Name", name);
                Set(request, "Email", email);
                var contacts = Get(wcx, "Contacts");
                var result = Await(contacts.GetType().GetMethod("CreateAsync").Invoke(contacts, new object[] { request, ct }));
                createdId = (long)Get(result, "Id");
                Require(createdId > 0, "the API answered id " + createdId);
                return "id " + createdId;
            });

            Check("read the contact back by id", () =>
            {
                var contacts = Get(wcx, "Contacts");
                var contact = Await(contacts.GetType().GetMethod("GetAsync").Invoke(contacts, new object[] { createdId, null, ct }));
                Require((long)Get(contact, "Id") == createdId, "read id " + Get(contact, "Id"));
                Require((string)Get(contact, "Name") == name, "name is '" + Get(contact, "Name") + "', sent '" + name + "'");
                Require((string)Get(contact, "Email") == email, "email is '" + Get(contact, "Email") + "', sent '" + email + "'");
                // The models are the very assembly loaded from the module root, not a second copy from elsewhere.
                Require(contact.GetType().Assembly == models, "the contact's type comes from " + contact.GetType().Assembly.Location);
                return name;
            });

            Check("two clients share one limit through a rate-limit store (StackExchange.Redis)", () =>
            {
                var first = connect(options => Set(options, "RateLimitStore", store));
                var second = connect(options => Set(options, "RateLimitStore", store));
                try
                {
                    var connection = Get(first, "Connection");
                    var send = connection.GetType().GetMethod("SendAsync", new[] { typeof(System.Net.Http.HttpMethod), typeof(string), typeof(object), typeof(CancellationToken) });
                    Await(send.Invoke(connection, new object[] { System.Net.Http.HttpMethod.Get, "users?limit=1", null, ct }));
                    Require((string)Get(first, "RateLimitStoreStatus") == "Shared", "the store's status is " + Get(first, "RateLimitStoreStatus"));
                    // Two sign-ins and one request, counted in the store whichever client reads it.
                    var today = (long)Get(second, "RequestsToday");
                    Require(today == 3, "the store counted " + today + " requests today, 3 were sent");
                    RequireFrom(AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "StackExchange.Redis"), dependencies);
                    RequireFrom(AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "Pipelines.Sockets.Unofficial"), dependencies);
                    return today + " requests shared through " + Get(first, "RateLimitStore");
                }
                finally
                {
                    ((IDisposable)first).Dispose();
                    ((IDisposable)second).Dispose();
                }
            });

            Check("module libraries loaded from Dependencies/", () =>
            {
                // The libraries no .NET Framework provides must be the module's own files: on Windows PowerShell nothing
                // else has them, so one found elsewhere here would hide a file missing from the layout. Names the
                // runtime itself also carries (System.Numerics.Vectors, System.Memory, … as framework facades) may be
                // served from the runtime's library: Mono's binder hands them out whatever the version asked, which is
                // the leniency the README names. They are listed, not failed.
                var shipped = new HashSet<string>(Directory.GetFiles(dependencies, "*.dll").Select(Path.GetFileNameWithoutExtension), StringComparer.OrdinalIgnoreCase);
                var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => shipped.Contains(a.GetName().Name)).ToList();
                foreach (var required in new[] { "WiseCx.Client", "System.Text.Json", "Polly.Core", "Microsoft.Bcl.AsyncInterfaces", "StackExchange.Redis", "Pipelines.Sockets.Unofficial" })
                {
                    var assembly = loaded.FirstOrDefault(a => a.GetName().Name == required);
                    Require(assembly != null, required + " was never loaded");
                    RequireFrom(assembly, dependencies);
                }
                var runtimeLibrary = Path.GetDirectoryName(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar)) + Path.DirectorySeparatorChar;
                var fromModule = new List<string>();
                var fromRuntime = new List<string>();
                foreach (var a in loaded)
                {
                    var label = a.GetName().Name + " " + a.GetName().Version;
                    if (IsIn(a, dependencies)) fromModule.Add(label);
                    else if (Path.GetFullPath(a.Location).StartsWith(runtimeLibrary, StringComparison.Ordinal)) fromRuntime.Add(label);
                    else throw new CheckFailed(a.GetName().Name + " came from " + a.Location + ", neither the module's Dependencies/ nor the runtime");
                }
                return "module: " + string.Join(", ", fromModule.OrderBy(x => x)) + "; runtime: " + (fromRuntime.Count == 0 ? "none" : string.Join(", ", fromRuntime.OrderBy(x => x)));
            });

            if (wcx is IDisposable disposable) disposable.Dispose();
            Console.WriteLine(Failed.Count == 0 ? "All checks passed." : Failed.Count + " check(s) failed.");
            return Failed.Count == 0 ? 0 : 1;
        }

        /// <summary>
        /// One reported check. After a failure the later checks still print (as FAIL) so every run reports the same
        /// number of checks and a broken layout never looks like fewer tests.
        /// </summary>
        private static void Check(string name, Func<string> body)
        {
            if (_failedStep != null)
            {
                Fail(name, "not run: '" + _failedStep + "' failed");
                return;
            }
            try
            {
                var detail = body();
                Console.WriteLine("PASS " + name + (string.IsNullOrEmpty(detail) ? "" : " (" + detail + ")"));
            }
            catch (Exception e)
            {
                _failedStep = name;
                Fail(name, Describe(e));
            }
        }

        private static void Fail(string name, string reason)
        {
            Failed.Add(name);
            Console.WriteLine("FAIL " + name + ": " + reason.Replace('\n', ' ').Replace('\r', ' '));
        }

        private static string Describe(Exception e)
        {
            while ((e is TargetInvocationException || e is AggregateException) && e.InnerException != null)
                e = e.InnerException;
            var text = e.GetType().Name + ": " + e.Message;
            if (e is ReflectionTypeLoadException rtle)
                text += " " + string.Join("; ", rtle.LoaderExceptions.Where(x => x != null).Select(x => x.Message).Distinct());
            if (e.InnerException != null)
                text += " <- " + Describe(e.InnerException);
            return text;
        }

        private static void Require(bool condition, string reason)
        {
            if (!condition) throw new CheckFailed(reason);
        }

        private static void RequireFrom(Assembly assembly, string folder) =>
            Require(IsIn(assembly, folder), assembly.GetName().Name + " came from " + assembly.Location + ", not from " + folder);

        private static bool IsIn(Assembly assembly, string folder)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(assembly.Location)) ?? "";
            return string.Equals(dir.TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        }

        private static object New(Assembly assembly, string typeName) =>
            Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true));

        private static object Get(object target, string property, bool optional = false, object fallback = null)
        {
            var p = target.GetType().GetProperty(property);
            if (p == null)
            {
                if (optional) return fallback;
                throw new CheckFailed(target.GetType().FullName + " has no property " + property);
            }
            return p.GetValue(target);
        }

        private static void Set(object target, string property, object value)
        {
            var p = target.GetType().GetProperty(property) ?? throw new CheckFailed(target.GetType().FullName + " has no property " + property);
            p.SetValue(target, value);
        }

        /// <summary>Waits for a Task&lt;T&gt; returned by reflection and gives its result.</summary>
        private static object Await(object task)
        {
            var t = (Task)task;
            t.GetAwaiter().GetResult();
            return t.GetType().GetProperty("Result").GetValue(t);
        }

        /// <summary>Adds synthetic contacts through the sandbox's admin API so the list spans several pages; returns the total.</summary>
        private static int SeedContacts(Uri baseUri, int count)
        {
            var root = new Uri(baseUri, "/");
            using (var web = new WebClient())
            {
                web.Headers[HttpRequestHeader.ContentType] = "application/json";
                var answer = web.UploadString(new Uri(root, "_sandbox/seed/contacts"), "{\"count\":" + count + "}");
                var match = Regex.Match(answer, "\"total\"\\s*:\\s*(\\d+)");
                Require(match.Success, "the sandbox's seed answer has no total: " + answer);
                return int.Parse(match.Groups[1].Value);
            }
        }

        private sealed class CheckFailed : Exception
        {
            public CheckFailed(string message) : base(message) { }
        }
    }
}
