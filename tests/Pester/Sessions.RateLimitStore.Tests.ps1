# Issue 14: one rate limit and one daily budget shared by separate pwsh processes through a Redis-compatible store
# (Garnet by default, redis-server with WISECX_TEST_STORE=redis), against the sandbox enforcing the limit. Each
# scenario starts its own child processes (not runspaces) and asserts on the sandbox's request log and on error ids.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $RepoRoot 'tools/Store.psm1') -Force
    Import-Module $ModulePath -Force
    $engine = Get-WcxTestStoreEngine
    $sandbox = Start-TestSandbox
    $apiKey = 'wcx-sandbox-key'
    $storePassword = 's3cret'
    # A case to read: the cheap GET every child repeats.
    Connect-TestSandbox -Sandbox $sandbox
    $caseId = [long](Get-WcxCase -First 1).Id
    Disconnect-WcxAccount
    # The scenarios' store, in a table so that a test can replace it after a restart (same port, same URI).
    $shared = @{ Store = (Start-WcxStore -Engine $engine) }

    # The child: connects as told, then runs its steps (GETs, signals to and from this process, snapshots of
    # Get-WcxContext, a timed loop in parallel runspaces that is stopped at its deadline) and writes what happened.
    $childScript = Join-Path ([IO.Path]::GetTempPath()) "wcx-store-child-$([guid]::NewGuid()).ps1"
    Set-Content -Path $childScript -Encoding utf8NoBOM -Value @'
param([Parameter(Mandatory)] [string] $ConfigPath)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$c = Get-Content $ConfigPath -Raw | ConvertFrom-Json
$result = [ordered]@{ connected = $false; calls = 0; served = 0; errors = [Collections.Generic.List[object]]::new()
    warnings = [Collections.Generic.List[string]]::new(); contexts = [Collections.Generic.List[object]]::new(); failure = $null; token = $null }

function Send-Signal([string] $Name) { Set-Content -Path (Join-Path $c.SignalDir $Name) -Value '' }
function Wait-Signal([string] $Name) {
    $deadline = [datetime]::UtcNow.AddSeconds(180)
    while (-not (Test-Path (Join-Path $c.SignalDir $Name))) {
        if ([datetime]::UtcNow -gt $deadline) { throw "timed out waiting for the signal '$Name'" }
        Start-Sleep -Milliseconds 50
    }
}
function Add-Warning($Records) { foreach ($w in @($Records)) { if ($null -ne $w) { $result.warnings.Add("$w") } } }
function Save-Context([string] $Label) {
    $x = Get-WcxContext -WarningAction SilentlyContinue -WarningVariable w
    Add-Warning $w
    $result.contexts.Add([ordered]@{ label = $Label; store = $x.RateLimitStore; status = $x.RateLimitStoreStatus
        minute = $x.RequestsThisMinute; today = $x.RequestsToday; text = ($x | Format-List * | Out-String) + ($x | ConvertTo-Json -Depth 3) })
    $x
}
function Invoke-Get {
    $w = $null
    try {
        $null = Get-WcxCase -Id $c.CaseId -ErrorAction Stop -WarningAction SilentlyContinue -WarningVariable w
        $result.served++
        $true
    }
    catch {
        $result.errors.Add([ordered]@{ id = $_.FullyQualifiedErrorId; message = $_.Exception.Message })
        $false
    }
    finally { $result.calls++; Add-Warning $w }
}

try {
    Import-Module $c.ModulePath
    $connect = @{ User = $c.User; ApiKey = (ConvertTo-SecureString $c.ApiKey -AsPlainText -Force); BaseUri = $c.BaseUri; PassThru = $true }
    foreach ($p in $c.Connect.PSObject.Properties) { $connect[$p.Name] = $p.Value }
    if ($c.PSObject.Properties['StorePassword'] -and $c.StorePassword) {
        $connect.RateLimitStoreCredential = [pscredential]::new('default', (ConvertTo-SecureString $c.StorePassword -AsPlainText -Force))
    }
    $session = Connect-WcxAccount @connect -WarningAction SilentlyContinue -WarningVariable w
    Add-Warning $w
    $result.connected = $true
    $null = Save-Context 'connected'
    foreach ($step in $c.Steps) {
        switch ($step.do) {
            'gets' { for ($i = 0; $i -lt $step.n; $i++) { $null = Invoke-Get } }
            'getsUntilError' { for ($i = 0; $i -lt $step.n; $i++) { if (-not (Invoke-Get)) { break } } }
            'signal' { Send-Signal $step.name }
            'wait' { Wait-Signal $step.name }
            'context' { $null = Save-Context $step.name }
            'getsUntilShared' {
                # GETs (each one served) until the session is back on the store, at most n.
                for ($i = 0; $i -lt $step.n; $i++) {
                    $null = Invoke-Get
                    if ((Save-Context "rejoin-$i").RateLimitStoreStatus -eq 'Shared') { break }
                    Start-Sleep -Milliseconds 250
                }
            }
            'loop' {
                # As many GETs as the limit allows for n seconds, from several runspaces sharing the session; the ones
                # still waiting for a slot at the deadline are stopped (their request was never sent).
                $state = [initialsessionstate]::CreateDefault2()
                $state.ImportPSModule([string[]]@($c.ModulePath))
                $pool = [runspacefactory]::CreateRunspacePool($step.runspaces, $step.runspaces, $state, $Host)
                $pool.Open()
                $counts = [hashtable]::Synchronized(@{})
                $deadline = [datetime]::UtcNow.AddSeconds($step.n)
                $runs = foreach ($slot in 1..$step.runspaces) {
                    $ps = [powershell]::Create()
                    $ps.RunspacePool = $pool
                    $null = $ps.AddScript({
                        param($Session, $Id, $Deadline, $Counts, $Slot)
                        $served = 0
                        while ([datetime]::UtcNow -lt $Deadline) {
                            $null = Get-WcxCase -Id $Id -Session $Session -ErrorAction Stop
                            $served++
                            $Counts[$Slot] = $served
                        }
                    }).AddParameters(@{ Session = $session; Id = [long]$c.CaseId; Deadline = $deadline; Counts = $counts; Slot = $slot })
                    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
                }
                $wait = $deadline - [datetime]::UtcNow
                if ($wait -gt [timespan]::Zero) { Start-Sleep -Milliseconds ([int]$wait.TotalMilliseconds) }
                foreach ($run in $runs) {
                    $run.PowerShell.Stop()
                    foreach ($e in $run.PowerShell.Streams.Error) {
                        if ($e.FullyQualifiedErrorId -notmatch 'PipelineStopped|OperationStopped') {
                            $result.errors.Add([ordered]@{ id = $e.FullyQualifiedErrorId; message = $e.Exception.Message })
                        }
                    }
                    Add-Warning $run.PowerShell.Streams.Warning
                    $run.PowerShell.Dispose()
                }
                $pool.Close()
                foreach ($v in $counts.Values) { $result.served += $v; $result.calls += $v }
            }
            'token' {
                # Test-only reflection (as Secrets.Tests.ps1): the token is unreachable through any public member.
                $flags = [Reflection.BindingFlags]'NonPublic,Instance'
                $state = $session.GetType().GetProperty('State', $flags).GetValue($session)
                $tokens = $state.Connection.GetType().GetField('_tokens', $flags).GetValue($state.Connection)
                $token = $tokens.GetType().GetField('_token', $flags).GetValue($tokens)
                $result.token = $token.GetType().GetField('_bearer', $flags).GetValue($token)
            }
            default { throw "unknown step '$($step.do)'" }
        }
    }
    $null = Save-Context 'end'
    Disconnect-WcxAccount
}
catch { $result.failure = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)`n$($_.ScriptStackTrace)" }
finally { $result | ConvertTo-Json -Depth 6 | Set-Content -Path $c.ResultPath -Encoding utf8NoBOM }
'@

    function Start-StoreChild {
        <# Starts one child pwsh running $childScript with the given connection parameters and steps. #>
        param(
            [Parameter(Mandatory)] [string] $Name,
            [hashtable] $Connect = @{},
            [object[]] $Steps = @(),
            [string] $SignalDir,
            [string] $StorePassword,
            # Environment variables for the child ($null removes one); WISECX_RATE_LIMIT_STORE is removed unless given.
            [hashtable] $Environment = @{}
        )
        $dir = if ($SignalDir) { $SignalDir } else { (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "wcx-store-$([guid]::NewGuid())")).FullName }
        $config = [ordered]@{
            ModulePath = $ModulePath; BaseUri = $sandbox.BaseUri; User = $sandbox.User; ApiKey = $apiKey; CaseId = $caseId
            Connect = $Connect; Steps = $Steps; SignalDir = $dir; StorePassword = $StorePassword
            ResultPath = Join-Path $dir "$Name.result.json"
        }
        $configPath = Join-Path $dir "$Name.config.json"
        $config | ConvertTo-Json -Depth 6 | Set-Content -Path $configPath -Encoding utf8NoBOM
        $pwsh = Get-WcxPwshCommand
        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $childScript, '-ConfigPath', $configPath)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.WorkingDirectory = $dir
        $null = $psi.Environment.Remove('WISECX_RATE_LIMIT_STORE')
        foreach ($k in $Environment.Keys) {
            if ($null -eq $Environment[$k]) { $null = $psi.Environment.Remove($k) } else { $psi.Environment[$k] = $Environment[$k] }
        }
        $process = [Diagnostics.Process]::Start($psi)
        [pscustomobject]@{
            Name = $Name; Process = $process; ResultPath = $config.ResultPath; SignalDir = $dir
            Stdout = $process.StandardOutput.ReadToEndAsync(); Stderr = $process.StandardError.ReadToEndAsync()
        }
    }

    function Wait-StoreChild {
        <# Waits for a child and returns what it wrote (its connection, calls, errors, warnings, contexts). #>
        param([Parameter(Mandatory)] $Child, [int] $TimeoutSeconds = 240)
        if (-not $Child.Process.WaitForExit($TimeoutSeconds * 1000)) {
            $Child.Process.Kill($true)
            $null = $Child.Process.WaitForExit(10000)
            throw "The child '$($Child.Name)' did not finish within $TimeoutSeconds s."
        }
        $output = "$($Child.Stdout.Result)`n$($Child.Stderr.Result)"
        if (-not (Test-Path $Child.ResultPath)) { throw "The child '$($Child.Name)' wrote no result (exit $($Child.Process.ExitCode)):`n$output" }
        $result = Get-Content $Child.ResultPath -Raw | ConvertFrom-Json
        $result | Add-Member -NotePropertyName Output -NotePropertyValue $output
        if ($result.failure) { throw "The child '$($Child.Name)' failed: $($result.failure)`n$output" }
        $result
    }

    function Send-Signal([string] $SignalDir, [string] $Name) { Set-Content -Path (Join-Path $SignalDir $Name) -Value '' }
    function Wait-Signal([string] $SignalDir, [string] $Name, $Child, [int] $TimeoutSeconds = 120) {
        $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (Test-Path (Join-Path $SignalDir $Name))) {
            if ($Child -and $Child.Process.HasExited) { throw "The child '$($Child.Name)' ended before the signal '$Name':`n$($Child.Stdout.Result)$($Child.Stderr.Result)" }
            if ([datetime]::UtcNow -gt $deadline) { throw "No signal '$Name' within $TimeoutSeconds s." }
            Start-Sleep -Milliseconds 50
        }
    }

    function ConvertTo-UtcTime($Value) {
        if ($Value -is [datetime]) { return $Value.ToUniversalTime() }
        [datetime]::Parse([string]$Value, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime()
    }

    function Get-CoreRequest {
        <# Every /core/v1 request the sandbox saw since the log was cleared, sign-ins included, with its arrival time. #>
        @(Get-WcxSandboxRequestLog -Sandbox $sandbox | Where-Object { $_.path -like '*/core/v1/*' } | ForEach-Object {
            $_ | Add-Member -NotePropertyName At -NotePropertyValue (ConvertTo-UtcTime $_.time) -PassThru
        } | Sort-Object At)
    }

    function Get-MaxInWindow([datetime[]] $Times, [timespan] $Window) {
        <# The most arrivals in any span of $Window (sliding): what a server counting arrivals sees at its fullest. #>
        $sorted = @($Times | Sort-Object)
        $max = 0; $first = 0
        for ($last = 0; $last -lt $sorted.Count; $last++) {
            while ($sorted[$last] - $sorted[$first] -ge $Window) { $first++ }
            $max = [math]::Max($max, $last - $first + 1)
        }
        $max
    }

    function Reset-Store {
        <# A fresh key space: the store key is derived from base URI and user, which every scenario shares. #>
        $null = Invoke-WcxStoreCommand -Store $shared.Store -Command FLUSHALL
    }
}
AfterAll {
    Disconnect-WcxAccount -ErrorAction SilentlyContinue
    if (Get-Variable -Name shared -ErrorAction SilentlyContinue) { $shared.Store | Stop-WcxStore }
    $sandbox | Stop-WcxDevSandbox
    Remove-Item $childScript -ErrorAction SilentlyContinue
}

Describe 'Connect-WcxAccount -RateLimitStore: four processes share one minute' -Tag 'Store' {
    It 'keeps 4 processes at a shared 300/min for 70 s with zero 429s and at least 95% of the minute served' {
        Reset-Store
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ rateLimitPerMinute = 300; latencyMs = 0 }
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $dir = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "wcx-store-$([guid]::NewGuid())")).FullName
        $connect = @{ RequestsPerMinute = 300; RateLimitStore = $shared.Store.Uri }
        $children = foreach ($n in 1..4) {
            Start-StoreChild -Name "p$n" -SignalDir $dir -Connect $connect -Steps @(
                @{ do = 'signal'; name = "ready-p$n" }, @{ do = 'wait'; name = 'go' }, @{ do = 'loop'; n = 70; runspaces = 2 })
        }
        try {
            foreach ($child in $children) { Wait-Signal -SignalDir $dir -Name "ready-$($child.Name)" -Child $child -TimeoutSeconds 180 }
            $go = [datetime]::UtcNow
            Send-Signal $dir 'go'
            $results = foreach ($child in $children) { Wait-StoreChild -Child $child -TimeoutSeconds 200 }
        }
        finally {
            foreach ($child in $children) { if (-not $child.Process.HasExited) { $child.Process.Kill($true) } }
            $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ rateLimitPerMinute = 0 }
        }
        $log = Get-CoreRequest
        $throttled = @($log | Where-Object { $_.status -eq 429 -or $_.throttled })
        $admitted = @($log | Where-Object { -not ($_.status -eq 429 -or $_.throttled) })
        # The sandbox's sign-in is a GET too (/authenticate): the loops' GETs are the others.
        $gets = @($admitted | Where-Object { $_.path -notlike '*/authenticate' -and $_.At -ge $go })
        $first = ($gets | Select-Object -First 1).At
        $firstMinute = @($admitted | Where-Object { $_.At -ge $first -and $_.At -lt $first.AddSeconds(60) })
        $maxInMinute = Get-MaxInWindow -Times @($log.At) -Window ([timespan]::FromSeconds(60))
        $summary = "served in the first 60 s: $($firstMinute.Count); 429s: $($throttled.Count); most arrivals in any 60 s: $maxInMinute; per process: $(($results | ForEach-Object { $_.served }) -join ', ')"
        Write-Host "        $summary"

        foreach ($r in $results) {
            @($r.errors).Count | Should -Be 0 -Because "$summary; errors: $(($r.errors | ConvertTo-Json -Compress))"
            ($r.contexts | Where-Object label -eq 'end').status | Should -Be 'Shared' -Because 'each process counted through the store to the end'
            $r.served | Should -BeGreaterThan 0 -Because 'every process had its share of the minute'
        }
        $throttled.Count | Should -Be 0 -Because $summary
        $maxInMinute | Should -BeLessOrEqual 300 -Because $summary
        $firstMinute.Count | Should -BeGreaterOrEqual 285 -Because "at least 95% of the shared minute is used; $summary"
        # What the children counted is what the sandbox served (sign-ins aside), give or take the few requests in flight
        # when the loops were stopped at their deadline (2 runspaces a process).
        $unanswered = @($admitted | Where-Object path -notlike '*/authenticate').Count - ($results | Measure-Object -Property served -Sum).Sum
        $unanswered | Should -BeIn (0..8) -Because "the sandbox's GETs and the children's count agree; $summary"
    }
}

Describe 'Connect-WcxAccount -DailyRequestLimit with a store: one budget across processes' -Tag 'Store' {
    It 'admits at most 40 requests for two processes in turn, and stops the second with WcxDailyLimitReached' {
        Reset-Store
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $connect = @{ DailyRequestLimit = 40; RateLimitStore = $shared.Store.Uri }
        # A: 25 requests with its sign-in, then it exits (the budget it spent stays in the store).
        $a = Wait-StoreChild -Child (Start-StoreChild -Name 'a' -Connect $connect -Steps @(@{ do = 'gets'; n = 24 }))
        $a.served | Should -Be 24
        ($a.contexts | Where-Object label -eq 'end').today | Should -Be 25 -Because 'RequestsToday reads the shared day (sign-in included)'
        # B: loops until it is refused.
        $b = Wait-StoreChild -Child (Start-StoreChild -Name 'b' -Connect $connect -Steps @(@{ do = 'getsUntilError'; n = 100 }))
        $log = Get-CoreRequest
        $admitted = @($log | Where-Object { $_.status -ne 429 -and -not $_.throttled })

        $admitted.Count | Should -BeLessOrEqual 40 -Because "the day's budget is 40 for both processes together (A served $($a.served), B $($b.served))"
        $admitted.Count | Should -Be 40 -Because 'nothing of the budget is lost either: 25 by A, 15 by B (sign-ins included)'
        @($b.errors).Count | Should -Be 1
        $b.errors[0].id | Should -BeLike 'WcxDailyLimitReached*'
        $b.served | Should -Be 14 -Because 'B had 15 requests left: its sign-in and 14 GETs'
        ($b.contexts | Where-Object label -eq 'connected').today | Should -Be 26 -Because "B's day starts where A's ended"
    }
}

Describe 'Connect-WcxAccount -RateLimitStoreFailure and Get-WcxContext: the store stopped mid-run' -Tag 'Store' {
    AfterEach {
        # Whatever a test did to the store, the next one finds it running on the same port.
        if ($shared.Store.Process.HasExited) { $shared.Store = Start-WcxStore -Engine $engine -Port $shared.Store.Port }
    }

    It 'Local (default): keeps going, warns once, serves every request exactly once and rejoins the store when it is back' {
        Reset-Store
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $connect = @{ RequestsPerMinute = 1000; RateLimitStore = $shared.Store.Uri }
        $child = Start-StoreChild -Name 'local' -Connect $connect -Steps @(
            @{ do = 'gets'; n = 10 }, @{ do = 'context'; name = 'before' }, @{ do = 'signal'; name = 'p1' }, @{ do = 'wait'; name = 'stopped' },
            @{ do = 'gets'; n = 10 }, @{ do = 'context'; name = 'down' }, @{ do = 'signal'; name = 'p2' }, @{ do = 'wait'; name = 'started' },
            @{ do = 'getsUntilShared'; n = 120 }, @{ do = 'context'; name = 'rejoined' }, @{ do = 'gets'; n = 5 }, @{ do = 'context'; name = 'after' })
        try {
            Wait-Signal -SignalDir $child.SignalDir -Name 'p1' -Child $child -TimeoutSeconds 120
            $shared.Store | Stop-WcxStore
            Send-Signal $child.SignalDir 'stopped'
            Wait-Signal -SignalDir $child.SignalDir -Name 'p2' -Child $child
            $shared.Store = Start-WcxStore -Engine $engine -Port $shared.Store.Port
            Send-Signal $child.SignalDir 'started'
            $r = Wait-StoreChild -Child $child
        }
        finally { if (-not $child.Process.HasExited) { $child.Process.Kill($true) } }
        $contexts = @{}; foreach ($x in $r.contexts) { $contexts[$x.label] = $x }
        $gets = @(Get-CoreRequest | Where-Object path -notlike '*/authenticate')
        $signIns = @(Get-CoreRequest | Where-Object path -like '*/authenticate')

        @($r.errors).Count | Should -Be 0 -Because "no command fails while the store is away: $($r.errors | ConvertTo-Json -Compress)"
        $r.served | Should -Be $r.calls
        $trace = "calls $($r.calls) (contexts: $(($r.contexts | ForEach-Object { "$($_.label)=$($_.status)/$($_.minute)" }) -join ', ')); sandbox GETs: $(($gets | ForEach-Object { "$($_.seq)@$($_.At.ToString('HH:mm:ss.fff'))=$($_.status)" }) -join ' ')"
        $gets.Count | Should -Be $r.calls -Because "every request reached the sandbox exactly once: none lost, none doubled; $trace"
        @($gets | Where-Object { $_.status -ne 200 }).Count | Should -Be 0
        $signIns.Count | Should -Be 1
        $contexts.before.status | Should -Be 'Shared'
        $contexts.down.status | Should -Be 'Local' -Because 'while the store is unreachable the process counts alone'
        $storeWarnings = @($r.warnings | Where-Object { $_ -like 'The rate-limit store*' })
        $storeWarnings.Count | Should -Be 1 -Because "one warning per outage; warnings: $($r.warnings -join ' | ')"
        $contexts.rejoined.status | Should -Be 'Shared' -Because 'the process rejoins the store when it answers again'
        $contexts.after.minute | Should -BeGreaterOrEqual ($contexts.rejoined.minute + 5) -Because 'the store counts this process again'
        @(Get-WcxStoreContent -Store $shared.Store | Where-Object Key -like 'wisecx:*').Count | Should -BeGreaterThan 0 -Because 'the restarted (empty) store holds the counts written after the rejoin'
    }

    It 'Stop: the next command fails with WcxRateLimitStoreUnavailable and its request never reaches the sandbox' {
        Reset-Store
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $connect = @{ RateLimitStore = $shared.Store.Uri; RateLimitStoreFailure = 'Stop' }
        $child = Start-StoreChild -Name 'stop' -Connect $connect -Steps @(
            @{ do = 'gets'; n = 3 }, @{ do = 'signal'; name = 'p1' }, @{ do = 'wait'; name = 'stopped' }, @{ do = 'gets'; n = 1 })
        try {
            Wait-Signal -SignalDir $child.SignalDir -Name 'p1' -Child $child -TimeoutSeconds 120
            $before = @(Get-CoreRequest).Count
            $shared.Store | Stop-WcxStore
            Send-Signal $child.SignalDir 'stopped'
            $r = Wait-StoreChild -Child $child
        }
        finally { if (-not $child.Process.HasExited) { $child.Process.Kill($true) } }
        $after = @(Get-CoreRequest)

        $r.served | Should -Be 3
        @($r.errors).Count | Should -Be 1
        $r.errors[0].id | Should -BeLike 'WcxRateLimitStoreUnavailable*'
        $after.Count | Should -Be $before -Because 'the refused command sent nothing'
        $before | Should -Be 4 -Because 'the sign-in and 3 GETs'
    }
}

Describe 'Connect-WcxAccount and Get-WcxContext: no secret in the store or in the context' -Tag 'Store' {
    BeforeAll {
        # In a table, so that a test can replace it after a restart (same port, same URI).
        $secured = @{ Store = (Start-WcxStore -Engine $engine -Password $storePassword) }
    }
    AfterAll { $secured.Store | Stop-WcxStore }

    It 'writes only wisecx: keys, none holding the API key, the token or the store password (password in the URI)' {
        $uri = "redis://:$storePassword@127.0.0.1:$($secured.Store.Port)"
        $r = Wait-StoreChild -Child (Start-StoreChild -Name 'secret' -Connect @{ RateLimitStore = $uri } -Steps @(
            @{ do = 'gets'; n = 5 }, @{ do = 'token' }, @{ do = 'context'; name = 'after' }))
        @($r.errors).Count | Should -Be 0
        $r.token | Should -Not -BeNullOrEmpty
        $r.token.Length | Should -BeGreaterThan 20
        $after = $r.contexts | Where-Object label -eq 'after'
        $after.status | Should -Be 'Shared'
        $after.store | Should -Be "redis://127.0.0.1:$($secured.Store.Port)" -Because 'the store is shown without its credentials'
        $after.text | Should -Not -BeLike "*$storePassword*"
        $r.Output | Should -Not -BeLike "*$storePassword*"

        $content = @(Get-WcxStoreContent -Store $secured.Store)
        $content.Count | Should -BeGreaterThan 0 -Because 'the shared counts are in the store'
        foreach ($entry in $content) {
            $entry.Key | Should -BeLike 'wisecx:*'
            foreach ($secret in $apiKey, $r.token, $storePassword) {
                $entry.Key | Should -Not -BeLike "*$secret*"
                $entry.Value | Should -Not -BeLike "*$secret*"
            }
            # Nothing token-shaped either (the sandbox's tokens are JWE: base64url parts joined by dots).
            "$($entry.Key) $($entry.Value)" | Should -Not -Match 'eyJ[A-Za-z0-9_-]{10,}'
        }
    }

    It 'keeps the store password out of the outage warning (Local) and the error (Stop) when the store goes away' {
        $uri = "redis://:$storePassword@127.0.0.1:$($secured.Store.Port)"
        $outcomes = foreach ($mode in 'Local', 'Stop') {
            $child = Start-StoreChild -Name "outage-$mode" -Connect @{ RateLimitStore = $uri; RateLimitStoreFailure = $mode } -Steps @(
                @{ do = 'gets'; n = 2 }, @{ do = 'signal'; name = 'p1' }, @{ do = 'wait'; name = 'stopped' }, @{ do = 'gets'; n = 1 }, @{ do = 'context'; name = 'down' })
            try {
                Wait-Signal -SignalDir $child.SignalDir -Name 'p1' -Child $child -TimeoutSeconds 120
                $secured.Store | Stop-WcxStore
                Send-Signal $child.SignalDir 'stopped'
                $r = Wait-StoreChild -Child $child
            }
            finally {
                if (-not $child.Process.HasExited) { $child.Process.Kill($true) }
                $secured.Store = Start-WcxStore -Engine $engine -Port $secured.Store.Port -Password $storePassword
            }
            [pscustomobject]@{ Mode = $mode; Result = $r }
        }
        $local = ($outcomes | Where-Object Mode -eq 'Local').Result
        $stop = ($outcomes | Where-Object Mode -eq 'Stop').Result
        @($local.warnings | Where-Object { $_ -like "The rate-limit store redis://127.0.0.1:$($secured.Store.Port)*" }).Count | Should -Be 1
        @($stop.errors).Count | Should -Be 1
        $stop.errors[0].id | Should -BeLike 'WcxRateLimitStoreUnavailable*'
        foreach ($r in $local, $stop) {
            $text = ($r.warnings -join "`n") + ($r.errors | ConvertTo-Json -Depth 3) + ($r.contexts.text -join "`n") + $r.Output
            $text | Should -Not -BeLike "*$storePassword*"
        }
    }

    It 'takes the store password from -RateLimitStoreCredential and shows none' {
        $r = Wait-StoreChild -Child (Start-StoreChild -Name 'credential' -StorePassword $storePassword -Connect @{ RateLimitStore = $secured.Store.Uri } -Steps @(
            @{ do = 'gets'; n = 2 }, @{ do = 'context'; name = 'after' }))
        @($r.errors).Count | Should -Be 0
        $after = $r.contexts | Where-Object label -eq 'after'
        $after.status | Should -Be 'Shared'
        $after.store | Should -Be $secured.Store.Uri
        $after.text | Should -Not -BeLike "*$storePassword*"
    }
}

Describe 'Connect-WcxAccount: $env:WISECX_RATE_LIMIT_STORE' -Tag 'Store' {
    It 'uses the store named by the environment variable alone' {
        Reset-Store
        $r = Wait-StoreChild -Child (Start-StoreChild -Name 'env' -Environment @{ WISECX_RATE_LIMIT_STORE = $shared.Store.Uri } -Steps @(
            @{ do = 'gets'; n = 3 }, @{ do = 'context'; name = 'after' }))
        @($r.errors).Count | Should -Be 0
        $after = $r.contexts | Where-Object label -eq 'after'
        $after.store | Should -Be $shared.Store.Uri
        $after.status | Should -Be 'Shared'
        $after.today | Should -Be 4 -Because 'the sign-in and 3 GETs are counted in the store'
        @(Get-WcxStoreContent -Store $shared.Store | Where-Object Key -like 'wisecx:*').Count | Should -BeGreaterThan 0
    }

    It 'uses no store without the parameter or the variable' {
        Reset-Store
        $r = Wait-StoreChild -Child (Start-StoreChild -Name 'none' -Steps @(@{ do = 'gets'; n = 3 }, @{ do = 'context'; name = 'after' }))
        @($r.errors).Count | Should -Be 0
        $after = $r.contexts | Where-Object label -eq 'after'
        $after.store | Should -BeNullOrEmpty
        $after.status | Should -BeNullOrEmpty
        @(Get-WcxStoreContent -Store $shared.Store).Count | Should -Be 0 -Because 'nothing was written to a store nobody named'
    }
}
