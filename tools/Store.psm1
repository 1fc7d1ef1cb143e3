# Starts and stops the Redis-compatible store the rate-limit store tests, the bench and the demo share a limit through:
# Garnet (the garnet-server dotnet tool of the repository's tool manifest) or, where installed, redis-server.
# Loopback only (127.0.0.1); a free port unless one is given (a restart on the same port keeps the store's URI).
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Get-WcxFreePort {
    # A port the OS calls free on 127.0.0.1 now (taken back at once: another process could still take it first).
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port } finally { $listener.Stop() }
}

function Test-WcxStoreEngine {
    <#
    .SYNOPSIS
    $true when the engine can be started here: Redis needs redis-server on PATH; Garnet always comes from the tool
    manifest (dotnet tool restore).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] [ValidateSet('Garnet', 'Redis')] [string] $Engine)
    if ($Engine -eq 'Garnet') { return $true }
    [bool](Get-Command redis-server -CommandType Application -ErrorAction SilentlyContinue)
}

function Get-WcxTestStoreEngine {
    <# The engine the tests use: $env:WISECX_TEST_STORE 'redis' → Redis, unset or 'garnet' → Garnet. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    switch ("$env:WISECX_TEST_STORE".Trim().ToLowerInvariant()) {
        '' { 'Garnet' }
        'garnet' { 'Garnet' }
        'redis' { 'Redis' }
        default { throw "WISECX_TEST_STORE='$env:WISECX_TEST_STORE' is not a store engine: use 'garnet' (default) or 'redis'." }
    }
}

function Start-WcxStore {
    <#
    .SYNOPSIS
    Starts a Garnet or Redis store on 127.0.0.1 and returns its Engine, Port, Uri (redis://127.0.0.1:<port>, never with a
    password) and Process.
    .DESCRIPTION
    Garnet runs as `dotnet garnet-server --bind 127.0.0.1 --port <p> --lua --lua-transaction-mode` from the repository
    root (its tool manifest); --lua-transaction-mode makes a script run atomically. Redis runs as `redis-server --bind
    127.0.0.1 --port <p> --save '' --appendonly no` in a temporary folder. Both are ready when they print "Ready to accept
    connections"; their output is drained from then on. -Password starts the store with password authentication
    (Garnet: --auth Password --password; Redis: --requirepass).
    .EXAMPLE
    $store = Start-WcxStore; Connect-WcxAccount ... -RateLimitStore $store.Uri; $store | Stop-WcxStore
    #>
    [CmdletBinding()]
    param(
        [ValidateSet('Garnet', 'Redis')] [string] $Engine = 'Garnet',
        [ValidateRange(0, 65535)] [int] $Port = 0,
        [ValidateRange(1, 600)] [int] $TimeoutSeconds = 60,
        [string] $Password
    )
    if (-not (Test-WcxStoreEngine -Engine $Engine)) { throw "Start-WcxStore: redis-server is not on PATH (apt-get install redis-server)." }
    if ($Port -eq 0) { $Port = Get-WcxFreePort }

    $workDir = $null
    if ($Engine -eq 'Garnet') {
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $arguments = @('garnet-server', '--bind', '127.0.0.1', '--port', "$Port", '--lua', '--lua-transaction-mode')
        if ($Password) { $arguments += @('--auth', 'Password', '--password', $Password) }
        # The tool manifest is found from the working folder.
        $psi.WorkingDirectory = $script:RepoRoot
    }
    else {
        $psi = [System.Diagnostics.ProcessStartInfo]::new('redis-server')
        $arguments = @('--bind', '127.0.0.1', '--port', "$Port", '--save', '', '--appendonly', 'no', '--protected-mode', 'yes')
        if ($Password) { $arguments += @('--requirepass', $Password) }
        # Nothing is persisted (--save '', no AOF), but any file redis-server would write lands here, not in the repository.
        $workDir = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "wcx-redis-$([guid]::NewGuid())")).FullName
        $arguments += @('--dir', $workDir)
        $psi.WorkingDirectory = $workDir
    }
    foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $seen = [System.Collections.Generic.List[string]]::new()
    $ready = $false
    while (-not $ready) {
        $read = $process.StandardOutput.ReadLineAsync()
        while (-not $read.Wait(200)) {
            if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) { break }
        }
        if (-not $read.IsCompleted -or $null -eq $read.Result) {
            $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
            if (-not $process.HasExited) { $process.Kill($true); $null = $process.WaitForExit(10000) }
            if ($workDir) { Remove-Item $workDir -Recurse -Force -ErrorAction SilentlyContinue }
            $tail = ($seen | Select-Object -Last 10) -join "`n"
            throw "Start-WcxStore: $Engine did not become ready on 127.0.0.1:$Port within $TimeoutSeconds s.`n$tail`n$err"
        }
        $seen.Add($read.Result)
        if ($read.Result -match 'Ready to accept connections') { $ready = $true }
    }
    # Keep draining both streams so the store never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    [pscustomobject]@{
        PSTypeName = 'WiseCx.StoreInstance'
        Engine     = $Engine
        Port       = $Port
        Uri        = "redis://127.0.0.1:$Port"
        Process    = $process
        Password   = $Password
        WorkDir    = $workDir
    }
}

function Stop-WcxStore {
    <#
    .SYNOPSIS
    Kills a store started by Start-WcxStore (the whole process tree) and waits until it is gone and its port is free.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Store)
    process {
        if ($Store -and $Store.Process -and -not $Store.Process.HasExited) {
            $Store.Process.Kill($true)
            $null = $Store.Process.WaitForExit(10000)
        }
        # The port is free again once nothing answers on it (a restart on the same port follows at once in the tests).
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        while ([DateTime]::UtcNow -lt $deadline -and (Test-WcxPortOpen -Port $Store.Port)) { Start-Sleep -Milliseconds 100 }
        if ($Store.PSObject.Properties['WorkDir'] -and $Store.WorkDir) { Remove-Item $Store.WorkDir -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

function Test-WcxPortOpen {
    param([int] $Port)
    $client = [System.Net.Sockets.TcpClient]::new()
    try { $client.ConnectAsync('127.0.0.1', $Port).Wait(500) -and $client.Connected }
    catch { $false }
    finally { $client.Dispose() }
}

function Invoke-WcxStoreCommand {
    <#
    .SYNOPSIS
    Sends one command to the store (a minimal RESP client, so the tests need no redis-cli) and returns its answer:
    strings, integers, arrays (as object[]), $null for a nil; an error answer throws.
    .EXAMPLE
    Invoke-WcxStoreCommand -Store $store -Command SCAN, 0, COUNT, 1000
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Store,
        [Parameter(Mandatory)] [string[]] $Command,
        # Defaults to the password the store was started with.
        [string] $Password = $Store.Password
    )
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        $client.Connect('127.0.0.1', [int]$Store.Port)
        $stream = $client.GetStream()
        $stream.ReadTimeout = 10000
        $reader = [System.IO.BinaryReader]::new($stream)
        if ($Password) {
            Send-WcxResp -Stream $stream -Command @('AUTH', $Password)
            $null = Read-WcxResp -Reader $reader
        }
        Send-WcxResp -Stream $stream -Command $Command
        , (Read-WcxResp -Reader $reader)
    }
    finally { $client.Dispose() }
}

function Send-WcxResp {
    param($Stream, [string[]] $Command)
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $builder = [System.Text.StringBuilder]::new()
    $null = $builder.Append("*$($Command.Count)`r`n")
    foreach ($part in $Command) { $null = $builder.Append("`$$($utf8.GetByteCount($part))`r`n$part`r`n") }
    $bytes = $utf8.GetBytes($builder.ToString())
    $Stream.Write($bytes, 0, $bytes.Length)
    $Stream.Flush()
}

function Read-WcxRespLine {
    param($Reader)
    $bytes = [System.Collections.Generic.List[byte]]::new()
    while ($true) {
        $b = $Reader.ReadByte()
        if ($b -eq 13) { $null = $Reader.ReadByte(); break }
        $bytes.Add($b)
    }
    [System.Text.Encoding]::UTF8.GetString($bytes.ToArray())
}

function Read-WcxResp {
    param($Reader)
    $line = Read-WcxRespLine -Reader $Reader
    $rest = $line.Substring(1)
    switch ($line[0]) {
        '+' { return $rest }
        '-' { throw "Store error: $rest" }
        ':' { return [long]$rest }
        '$' {
            $length = [int]$rest
            if ($length -lt 0) { return $null }
            $data = $Reader.ReadBytes($length)
            $null = $Reader.ReadBytes(2)
            return [System.Text.Encoding]::UTF8.GetString($data)
        }
        '*' {
            $count = [int]$rest
            if ($count -lt 0) { return $null }
            $items = [object[]]::new($count)
            for ($i = 0; $i -lt $count; $i++) { $items[$i] = Read-WcxResp -Reader $Reader }
            return , $items
        }
        default { throw "Store answer not understood: $line" }
    }
}

function Get-WcxStoreContent {
    <#
    .SYNOPSIS
    Every key of the store with its type and its whole value as text (SCAN, TYPE, then GET/HGETALL/ZRANGE/LRANGE/
    SMEMBERS): what a test reads to prove that nothing secret was written.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Store)
    $cursor = '0'
    $keys = [System.Collections.Generic.List[string]]::new()
    do {
        $answer = Invoke-WcxStoreCommand -Store $Store -Command SCAN, $cursor, COUNT, 1000
        $cursor = "$($answer[0])"
        foreach ($k in @($answer[1])) { if ($null -ne $k) { $keys.Add($k) } }
    } while ($cursor -ne '0')
    foreach ($key in ($keys | Sort-Object -Unique)) {
        $type = Invoke-WcxStoreCommand -Store $Store -Command TYPE, $key
        $value = switch ($type) {
            'string' { Invoke-WcxStoreCommand -Store $Store -Command GET, $key }
            'hash' { Invoke-WcxStoreCommand -Store $Store -Command HGETALL, $key }
            'zset' { Invoke-WcxStoreCommand -Store $Store -Command ZRANGE, $key, 0, -1, WITHSCORES }
            'list' { Invoke-WcxStoreCommand -Store $Store -Command LRANGE, $key, 0, -1 }
            'set' { Invoke-WcxStoreCommand -Store $Store -Command SMEMBERS, $key }
            default { $null }
        }
        [pscustomobject]@{ Key = $key; Type = $type; Value = (@($value) -join "`n") }
    }
}

Export-ModuleMember -Function Test-WcxStoreEngine, Get-WcxTestStoreEngine, Start-WcxStore, Stop-WcxStore, Invoke-WcxStoreCommand, Get-WcxStoreContent
