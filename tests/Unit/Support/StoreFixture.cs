using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace WiseCx.Tests.Unit.Support;

/// <summary>The tests that need a Redis-compatible store share one (it takes a few seconds to start).</summary>
[CollectionDefinition("Store")]
public class StoreCollection : ICollectionFixture<StoreFixture>
{
}

/// <summary>
/// A Redis-compatible store on 127.0.0.1 for the shared rate-limit tests: Garnet (the repository's garnet-server tool,
/// with Lua run as a transaction) unless <c>WISECX_TEST_STORE=redis</c> asks for redis-server from PATH. The port is
/// chosen once and kept across <see cref="StopAsync"/> and <see cref="StartAsync"/>, so a test can take the store away
/// and bring it back at the same URI. The server is killed on dispose.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly object _gate = new();
    private Process? _process;
    private ConnectionMultiplexer? _admin;
    private string? _workDirectory;

    public StoreFixture()
    {
        var requested = (Environment.GetEnvironmentVariable("WISECX_TEST_STORE") ?? "").Trim().ToLowerInvariant();
        Engine = requested switch
        {
            "" or "garnet" => "garnet",
            "redis" => "redis-server",
            _ => throw new InvalidOperationException(
                $"WISECX_TEST_STORE='{requested}' is not a store engine: use 'garnet' (default) or 'redis'."),
        };
    }

    /// <summary>"garnet" or "redis-server".</summary>
    public string Engine { get; }

    /// <summary>The store's port on 127.0.0.1, the same after a restart.</summary>
    public int Port { get; private set; }

    /// <summary>redis://127.0.0.1:&lt;port&gt;.</summary>
    public Uri Uri => new($"redis://127.0.0.1:{Port}");

    /// <summary>Whether the server process is running (false between <see cref="StopAsync"/> and <see cref="StartAsync"/>).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// An admin connection (allowAdmin=true) to read keys and run SCRIPT FLUSH; it reconnects by itself after a restart.
    /// </summary>
    public IDatabase Admin => AdminConnection.GetDatabase();

    /// <summary>The server of <see cref="Admin"/>: SCRIPT FLUSH, FLUSHALL, KEYS, TIME.</summary>
    public IServer AdminServer => AdminConnection.GetServer("127.0.0.1", Port);

    private ConnectionMultiplexer AdminConnection
    {
        get
        {
            lock (_gate)
            {
                return _admin ??= ConnectionMultiplexer.Connect(AdminOptions());
            }
        }
    }

    public async Task InitializeAsync()
    {
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Starts the server on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
            return;
        var process = StartProcess();
        _process = process;
        try
        {
            await WaitUntilReady(process);
            await WaitForPing();
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Kills the server (the port is kept for <see cref="StartAsync"/>) and waits until the port is closed.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process != null)
            Kill(process);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && await PortAnswers())
            await Task.Delay(100);
    }

    /// <summary>Removes every key (FLUSHALL): a fresh key space for a test.</summary>
    public Task FlushAllAsync() => AdminServer.FlushAllDatabasesAsync();

    public async Task DisposeAsync()
    {
        ConnectionMultiplexer? admin;
        lock (_gate)
        {
            admin = _admin;
            _admin = null;
        }
        if (admin != null)
            await admin.DisposeAsync();
        await StopAsync();
        if (_workDirectory != null)
        {
            try { Directory.Delete(_workDirectory, recursive: true); }
            catch (IOException) { }
        }
    }

    private ConfigurationOptions AdminOptions()
    {
        var options = new ConfigurationOptions
        {
            AllowAdmin = true,
            AbortOnConnectFail = false,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            ConnectRetry = 3,
            ReconnectRetryPolicy = new LinearRetry(250),
        };
        options.EndPoints.Add(IPAddress.Loopback, Port);
        return options;
    }

    private Process StartProcess()
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Engine == "garnet")
        {
            // `dotnet garnet-server` finds the tool in the repository's manifest from the working folder.
            info.FileName = "dotnet";
            info.WorkingDirectory = RepositoryRoot();
            // --lua-transaction-mode: without it Garnet does not run a script atomically.
            foreach (var a in new[] { "garnet-server", "--bind", "127.0.0.1", "--port", Port.ToString(), "--lua", "--lua-transaction-mode" })
                info.ArgumentList.Add(a);
        }
        else
        {
            _workDirectory ??= Directory.CreateTempSubdirectory("wcx-redis-").FullName;
            info.FileName = "redis-server";
            info.WorkingDirectory = _workDirectory;
            foreach (var a in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--dir", _workDirectory })
                info.ArgumentList.Add(a);
        }
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"{Engine} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e) when (Engine == "redis-server")
        {
            throw new InvalidOperationException("WISECX_TEST_STORE=redis but redis-server is not on PATH (apt-get install redis-server).", e);
        }
    }

    private async Task WaitUntilReady(Process process)
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        var stderr = process.StandardError.ReadToEndAsync();
        var seen = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"{Engine} did not print 'Ready to accept connections' on 127.0.0.1:{Port} within {ReadyTimeout.TotalSeconds} s:\n{string.Join("\n", seen.TakeLast(10))}");
            }
            if (line == null)
            {
                throw new InvalidOperationException(
                    $"{Engine} exited before it was ready on 127.0.0.1:{Port}:\n{string.Join("\n", seen.TakeLast(10))}\n{await stderr}");
            }
            seen.Add(line);
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
                break;
        }
        // Keep draining stdout so the server never blocks on a full pipe (stderr is already being read).
        _ = process.StandardOutput.ReadToEndAsync();
    }

    private async Task WaitForPing()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await Admin.PingAsync();
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                last = e;
                await Task.Delay(200);
            }
        }
        throw new InvalidOperationException($"{Engine} on 127.0.0.1:{Port} did not answer PING within {ReadyTimeout.TotalSeconds} s.", last);
    }

    private async Task<bool> PortAnswers()
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>The folder holding WiseCx.slnx, found by walking up from the test assembly.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WiseCx.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No WiseCx.slnx above {AppContext.BaseDirectory}: cannot find the tool manifest for garnet-server.");
    }
}
