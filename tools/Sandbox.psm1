# Starts and stops the local WiseCX sandbox for the demo and the tests. Loopback only; port chosen by the OS.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Start-WcxDevSandbox {
    <#
    .SYNOPSIS
    Starts the sandbox on a free loopback port and returns an object with its BaseUri, credentials and process.
    #>
    [CmdletBinding()]
    param(
        [string] $Configuration = 'Release',
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 60,
        # The start-up profile (--profile), which a reset returns to: live or collection. The sandbox's default when omitted.
        [ValidateSet('live', 'collection')] [string] $Profile
    )
    $dll = Join-Path $script:RepoRoot "src/WiseCx.Sandbox/bin/$Configuration/net10.0/WiseCx.Sandbox.dll"
    if (-not (Test-Path $dll)) { throw "The sandbox is not built: $dll is missing. Run ./build.ps1 Build first." }
    if ($Profile) { $ArgumentList = @('--profile', $Profile) + $ArgumentList }

    $user = 'sandbox'
    $apiKey = 'wcx-sandbox-key'
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--urls', 'http://127.0.0.1:0', '--user', $user, '--api-key', $apiKey) + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $uri = $null
    while (-not $uri) {
        $read = $process.StandardOutput.ReadLineAsync()
        while (-not $read.Wait(200)) {
            if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) { break }
        }
        if (-not $read.IsCompleted -or $null -eq $read.Result) {
            $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
            if (-not $process.HasExited) { $process.Kill($true) }
            throw "The sandbox did not start within $TimeoutSeconds s. $err"
        }
        if ($read.Result -match 'WiseCx sandbox listening on (http://\S+)') { $uri = $Matches[1] }
    }
    # Keep draining both streams so the sandbox never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    [pscustomobject]@{
        PSTypeName = 'WiseCx.SandboxInstance'
        Root       = $uri
        BaseUri    = "$uri/core/v1/"
        User       = $user
        ApiKey     = (ConvertTo-SecureString $apiKey -AsPlainText -Force)
        Process    = $process
    }
}

function Stop-WcxDevSandbox {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Sandbox)
    process {
        if ($Sandbox -and $Sandbox.Process -and -not $Sandbox.Process.HasExited) {
            $Sandbox.Process.Kill($true)
            $null = $Sandbox.Process.WaitForExit(10000)
        }
    }
}

function Get-WcxSandboxRequestLog {
    <# .SYNOPSIS The sandbox's own log of the API requests it answered (method, path, query, status). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)
    # Invoke-RestMethod writes a JSON array as one object: unroll it so each request is one pipeline item.
    $log = Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/requests" -Method Get
    foreach ($entry in $log) { $entry }
}

function Clear-WcxSandboxRequestLog {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)
    $null = Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/requests" -Method Delete
}

function Set-WcxSandboxConfig {
    <#
    .SYNOPSIS
    Changes run-time settings of the sandbox (PUT /_sandbox/config, camelCase names) and returns the resulting config.
    .DESCRIPTION
    -Profile live|collection applies the profile's whole bundle (docs/sandbox.md); settings given with -Config (alias
    -Settings) are applied after it, so they override the bundle. Reset-WcxSandbox returns to the start-up settings.
    .EXAMPLE
    Set-WcxSandboxConfig -Sandbox $s -Profile live
    .EXAMPLE
    Set-WcxSandboxConfig -Sandbox $s -Settings @{ profile = 'live'; openCaseConflict = $false }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Sandbox,
        [Alias('Settings')] [hashtable] $Config = @{},
        [ValidateSet('live', 'collection')] [string] $Profile
    )
    $body = @{} + $Config
    if ($Profile) { $body.profile = $Profile }
    if ($body.Count -eq 0) { throw 'Set-WcxSandboxConfig: give -Profile or at least one setting in -Config.' }
    Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/config" -Method Put -ContentType 'application/json' -Body (ConvertTo-Json -InputObject $body -Compress)
}

function Reset-WcxSandbox {
    <#
    .SYNOPSIS
    Restores the seed data and the start-up settings, profile included (POST /_sandbox/reset); tokens and the request log stay.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)
    $null = Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/reset" -Method Post
}

Export-ModuleMember -Function Start-WcxDevSandbox, Stop-WcxDevSandbox, Get-WcxSandboxRequestLog, Clear-WcxSandboxRequestLog, Set-WcxSandboxConfig, Reset-WcxSandbox

# Resilience switches (latency, injected faults, server rate limit) and the counters that show their effect.
$script:FaultKinds = 'unavailable-before', 'error-after', 'reset-before', 'reset-after', 'throttle-retry-after', 'throttle', 'truncated', 'not-json'

function Set-WcxSandboxFault {
    <#
    .SYNOPSIS
    Injects faults into a share (-Rate, 0.0-1.0) of the sandbox's /core/v1 requests, drawn uniformly from -Kind (all kinds
    when omitted), optionally with latency; returns the resulting sandbox config. -Rate 0 turns injection off.
    .EXAMPLE
    Set-WcxSandboxFault -Sandbox $s -Rate 0.2 -Kind error-after, reset-after -LatencyMs 50 -JitterMs 20
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Sandbox,
        [Parameter(Mandatory)] [ValidateRange(0.0, 1.0)] [double] $Rate,
        [ValidateSet('unavailable-before', 'error-after', 'reset-before', 'reset-after', 'throttle-retry-after', 'throttle', 'truncated', 'not-json')]
        [string[]] $Kind,
        [ValidateRange(0, 120000)] [int] $LatencyMs,
        [ValidateRange(0, 120000)] [int] $JitterMs,
        # Restarts the seeded draws: the same seed and request order give the same faults.
        [int] $Seed,
        # Lets faults hit /authenticate too (off unless given).
        [switch] $IncludeAuthenticate
    )
    $config = @{ faultRate = $Rate; faults = if ($PSBoundParameters.ContainsKey('Kind')) { @($Kind) } else { $script:FaultKinds } }
    if ($PSBoundParameters.ContainsKey('LatencyMs')) { $config.latencyMs = $LatencyMs }
    if ($PSBoundParameters.ContainsKey('JitterMs')) { $config.jitterMs = $JitterMs }
    if ($PSBoundParameters.ContainsKey('Seed')) { $config.faultSeed = $Seed }
    if ($PSBoundParameters.ContainsKey('IncludeAuthenticate')) { $config.faultAuthenticate = [bool]$IncludeAuthenticate }
    Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/config" -Method Put -ContentType 'application/json' -Body (ConvertTo-Json -InputObject $config -Compress)
}

function Get-WcxSandboxStats {
    <#
    .SYNOPSIS
    Totals over the sandbox's request log: requests, byStatus, faults (per kind), throttled, aborted, and casesBySubject.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)
    Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/stats" -Method Get
}

function Get-WcxSandboxCaseCount {
    <#
    .SYNOPSIS
    The number of (non-deleted) cases whose subject is exactly -Subject, whatever their age: proves a retried create made one case.
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [string] $Subject)
    $answer = Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/cases/count?subject=$([uri]::EscapeDataString($Subject))" -Method Get
    [int]$answer.count
}

Export-ModuleMember -Function Set-WcxSandboxFault, Get-WcxSandboxStats, Get-WcxSandboxCaseCount
