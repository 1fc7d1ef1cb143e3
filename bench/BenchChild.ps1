<#
.SYNOPSIS
Runs one side (Module or Baseline) of one scenario, or both interleaved, in this process; writes the figures as JSON.

.DESCRIPTION
Started by Invoke-Bench.ps1 in a fresh pwsh for every measurement, so that the peak working set belongs to that one
measurement. Signing in happens before the clock starts, on both sides. The user code being measured is in
bench/module/<Scenario>.ps1 and bench/baselines/<Scenario>.ps1; this script only sets up, times and reports.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Stream', 'Provision', 'Onboard', 'ImportContacts', 'SingleCall', 'Materialise', 'Ceiling')] [string] $Scenario,
    [Parameter(Mandatory)] [ValidateSet('Module', 'Baseline', 'Both', 'Reference')] [string] $Side,
    [Parameter(Mandatory)] [string] $ConfigPath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$config = Get-Content $ConfigPath -Raw | ConvertFrom-Json
Import-Module $config.BenchTools
$isModule = $Side -in 'Module', 'Both'
if ($isModule) { Import-Module $config.ModulePath }
$code = Join-Path $PSScriptRoot "$(if ($isModule) { 'module' } else { 'baselines' })/$Scenario.ps1"
$result = [ordered]@{ scenario = $Scenario; side = $Side }

function Connect-Side {
    # Module: the environment variables WISECX_USER / WISECX_API_KEY (the unattended way). Baseline: its own sign-in.
    param([int] $RequestsPerMinute = 5000)
    if ($isModule) {
        $prefetch = if ($config.PSObject.Properties['PrefetchPages']) { @{ PrefetchPages = $config.PrefetchPages } } else { @{} }
        # The ceiling across processes: the limit is shared through the store (issue 14).
        $store = if ($config.PSObject.Properties['RateLimitStore']) { @{ RateLimitStore = $config.RateLimitStore } } else { @{} }
        Connect-WcxAccount -BaseUri $config.BaseUri -RequestsPerMinute $RequestsPerMinute -PassThru @prefetch @store
    } else {
        & (Join-Path $PSScriptRoot 'baselines/Connect.ps1') -BaseUri $config.ApiRoot -User $config.User
    }
}

$self = [Diagnostics.Process]::GetCurrentProcess()
$cpuAtStart = [timespan]::Zero

function Start-Measure {
    # The clock of the measured section, and this process's CPU time at its start.
    $self.Refresh()
    $script:cpuAtStart = $self.TotalProcessorTime
    [Diagnostics.Stopwatch]::StartNew()
}

function Stop-Measure([Diagnostics.Stopwatch] $Clock) {
    $Clock.Stop()
    $self.Refresh()
    $result.measuredSeconds = [math]::Round($Clock.Elapsed.TotalSeconds, 3)
    $result.measuredCpuSeconds = [math]::Round(($self.TotalProcessorTime - $cpuAtStart).TotalSeconds, 2)
    $Clock.Elapsed.TotalSeconds
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return $null }
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

switch ($Scenario) {
    'Stream' {
        if ($Side -eq 'Reference') {
            # The reference client (BenchTools.cs): the same pages with as many requests in flight as the module's
            # prefetch allows, bodies read and dropped.
            $headers = Connect-Side
            $clock = Start-Measure
            $answer = [WiseCx.Bench.RawPageReader]::Read($config.ApiRoot, $headers.Authorization.Substring(7), 'contacts?limit=100&page={0}', $config.Pages, $config.InFlight)
            $seconds = Stop-Measure $clock
            $result.records = $config.Pages * 100
            $result.inFlight = $config.InFlight
            $result.recordsPerSecond = [math]::Round($result.records / $seconds, 0)
            $result.megabytes = [math]::Round($answer[1] / 1MB, 1)
            break
        }
        $connection = Connect-Side
        $arguments = if ($isModule) { @{ First = [long]$config.First } } else { @{ BaseUri = $config.ApiRoot; Headers = $connection } }
        $clock = Start-Measure
        $seen = & $code @arguments | Measure-BenchStream -Clock $clock
        $seconds = Stop-Measure $clock
        $result.records = $seen.Count
        $result.recordsPerSecond = [math]::Round($seen.Count / $seconds, 0)
        $result.firstObjectMs = [math]::Round($seen.FirstMs, 1)
        if ($isModule) {
            # The first object again, now that this process has compiled the module's list path: how much of the first
            # figure was one-off start-up work.
            $before = $connection.RequestCount
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $warm = & $code -First 100 | Measure-BenchStream -Clock $clock
            $result.warmFirstObjectMs = [math]::Round($warm.FirstMs, 1)
            # Not part of the measured read: left out of its request count.
            $result.extraRequests = $connection.RequestCount - $before
        }
    }
    'Provision' {
        $connection = Connect-Side
        $ids = [long[]](Get-Content $config.UserIdsPath)
        $arguments = if ($isModule) { @{} } else { @{ BaseUri = $config.ApiRoot; Headers = $connection } }
        $clock = Start-Measure
        $answers = @(& $code @arguments -QueueId $config.QueueId -UserId $ids)
        $null = Stop-Measure $clock
        $result.users = $ids.Count
        $result.answers = $answers.Count
    }
    'Onboard' {
        $connection = Connect-Side
        $arguments = if ($isModule) { @{} } else { @{ BaseUri = $config.ApiRoot; Headers = $connection } }
        $clock = Start-Measure
        $answers = @(& $code @arguments -CsvPath $config.CsvPath -QueueId $config.QueueId)
        $null = Stop-Measure $clock
        $result.users = @(Import-Csv $config.CsvPath).Count
        $result.answers = $answers.Count
    }
    'ImportContacts' {
        $connection = Connect-Side
        $arguments = if ($isModule) { @{} } else { @{ BaseUri = $config.ApiRoot; Headers = $connection } }
        $clock = Start-Measure
        $answers = @(& $code @arguments -CsvPath $config.CsvPath -GroupId $config.GroupId)
        $null = Stop-Measure $clock
        $result.contacts = @(Import-Csv $config.CsvPath).Count
        $result.answers = $answers.Count
        if ($isModule) {
            $result.importStatus = $answers[-1].Status
            $result.created = $answers[-1].Created
            $result.batches = $answers[-1].Batches
            $result.rejected = @($answers[-1].Rejected).Count
            $result.uncertain = @($answers[-1].Uncertain).Count
        }
    }
    'SingleCall' {
        # Both sides in this one process, call for call in alternating order, so that the load other work puts on the
        # machine falls on both alike.
        $moduleSession = Connect-WcxAccount -BaseUri $config.BaseUri -PassThru
        $headers = & (Join-Path $PSScriptRoot 'baselines/Connect.ps1') -BaseUri $config.ApiRoot -User $config.User
        $sides = @(
            @{ Name = 'module'; Code = Join-Path $PSScriptRoot 'module/SingleCall.ps1'; Arguments = @{ Id = [long]$config.CaseId }; Times = [Collections.Generic.List[double]]::new() }
            @{ Name = 'baseline'; Code = Join-Path $PSScriptRoot 'baselines/SingleCall.ps1'; Arguments = @{ BaseUri = $config.ApiRoot; Headers = $headers; Id = [long]$config.CaseId }; Times = [Collections.Generic.List[double]]::new() }
        )
        $clock = [Diagnostics.Stopwatch]::new()
        for ($i = -$config.Warmup; $i -lt $config.Calls; $i++) {
            foreach ($entry in $(if ($i % 2) { $sides[1], $sides[0] } else { $sides })) {
                $arguments = $entry.Arguments
                $clock.Restart()
                $null = & $entry.Code @arguments
                if ($i -ge 0) { $entry.Times.Add($clock.Elapsed.TotalMilliseconds) }
            }
        }
        foreach ($entry in $sides) {
            $sorted = @($entry.Times | Sort-Object)
            $result[$entry.Name] = [ordered]@{
                calls    = $sorted.Count
                medianMs = [math]::Round((Get-Median $sorted), 3)
                p90Ms    = [math]::Round($sorted[[int][math]::Floor($sorted.Count * 0.9)], 3)
                meanMs   = [math]::Round(($sorted | Measure-Object -Average).Average, 3)
            }
        }
        $result.moduleRequestCount = $moduleSession.RequestCount
    }
    'Materialise' {
        # Both sides in this one process, round for round in alternating order (see SingleCall). The first rounds warm
        # up (JIT tiering, metadata caches) and are not counted. Each round reads the page bodies Repeat times over.
        $lines = [IO.File]::ReadAllLines($config.BodiesPath)
        $pages = [byte[][]]::new($lines.Count)
        for ($i = 0; $i -lt $lines.Count; $i++) { $pages[$i] = [Text.Encoding]::UTF8.GetBytes($lines[$i]) }
        $handler = [WiseCx.Bench.CannedPagesHandler]::new($pages, $config.Repeat)
        # The client lives in the module's private load context; asking the default context for it goes through the
        # module's resolver, as a cmdlet would.
        $client = [Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName([Reflection.AssemblyName]::new('WiseCx.Client'))
        $options = $client.GetType('WiseCx.Client.WcxClientOptions', $true)::new()
        $options.BaseUri = [uri]'http://127.0.0.1:9/core/v1/'
        $options.User = 'bench'
        $options.ApiKey = [securestring]::new()
        $options.ApiKey.AppendChar('x')
        $options.Handler = $handler
        $options.RequestsPerMinute = 100000000
        $options.DailyRequestLimit = [long]::MaxValue
        $engine = $client.GetType('WiseCx.Client.WcxClient', $true)::ConnectAsync($options, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        $sides = @(
            @{ Name = 'module'; Code = Join-Path $PSScriptRoot 'module/Materialise.ps1'; Arguments = @{ Session = [WiseCx.WcxSession]::new($engine) }
                Rates = [Collections.Generic.List[double]]::new(); CpuRates = [Collections.Generic.List[double]]::new() }
            @{ Name = 'baseline'; Code = Join-Path $PSScriptRoot 'baselines/Materialise.ps1'; Arguments = @{ Body = [string[]]($lines * $config.Repeat) }
                Rates = [Collections.Generic.List[double]]::new(); CpuRates = [Collections.Generic.List[double]]::new() }
        )
        # Reading the JSON alone, as the module's client does it, with no pipeline objects: how much of the module's time
        # per object is JSON and how much is PowerShell's (wrapping, the pipeline), which the baseline pays too.
        $reader = $client.GetType('WiseCx.Client.Json.WcxJsonReader', $true).GetMethod('ReadPage').MakeGenericMethod([WiseCx.Contact])
        $responseType = $client.GetType('WiseCx.Client.Http.ApiResponse', $true)
        $responses = [object[]]::new($pages.Length)
        for ($i = 0; $i -lt $pages.Length; $i++) { $responses[$i] = $responseType::new([Net.HttpStatusCode]::OK, $pages[$i], $null) }
        $readArguments = [object[]]::new(3)
        $jsonRates = [Collections.Generic.List[double]]::new()
        $count = 0
        for ($round = -$config.WarmupRounds; $round -lt $config.Rounds; $round++) {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $records = 0
            for ($k = 0; $k -lt $config.Repeat; $k++) {
                foreach ($response in $responses) {
                    $readArguments[0] = $response; $readArguments[1] = 'GET'; $readArguments[2] = 'contacts'
                    $records += $reader.Invoke($null, $readArguments).Items.Count
                }
            }
            if ($round -ge 0) { $jsonRates.Add($records / $clock.Elapsed.TotalSeconds) }
            foreach ($entry in $(if ($round % 2) { $sides[1], $sides[0] } else { $sides })) {
                $arguments = $entry.Arguments
                [GC]::Collect()
                $self.Refresh()
                $cpu = $self.TotalProcessorTime
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $seen = & $entry.Code @arguments | Measure-BenchStream -Clock $clock
                $seconds = $clock.Elapsed.TotalSeconds
                $self.Refresh()
                if ($round -ge 0) {
                    $entry.Rates.Add($seen.Count / $seconds)
                    $entry.CpuRates.Add($seen.Count / ($self.TotalProcessorTime - $cpu).TotalSeconds)
                }
                $count = $seen.Count
            }
        }
        $result.recordsPerRound = $count
        foreach ($entry in $sides) {
            $result[$entry.Name] = [ordered]@{
                rounds              = $entry.Rates.Count
                objectsPerSecond    = [math]::Round((Get-Median $entry.Rates), 0)
                objectsPerCpuSecond = [math]::Round((Get-Median $entry.CpuRates), 0)
                roundRates          = @($entry.Rates | ForEach-Object { [math]::Round($_, 0) })
            }
        }
        $result.jsonOnlyObjectsPerSecond = [math]::Round((Get-Median $jsonRates), 0)
        $result.inMemoryRequests = $handler.Requests
    }
    'Ceiling' {
        if (-not $isModule) { throw 'The ceiling scenario has no baseline.' }
        $session = Connect-Side -RequestsPerMinute $config.RequestsPerMinute
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule([string[]]@($config.ModulePath))
        $pool = [runspacefactory]::CreateRunspacePool($config.Runspaces, $config.Runspaces, $state, $Host)
        $pool.Open()
        $progress = [hashtable]::Synchronized(@{})
        if ($config.PSObject.Properties['GoPath']) {
            # One of several processes (CeilingProcesses): signed in and ready, it starts when all the others are.
            Set-Content -Path $config.ReadyPath -Value ''
            $readyBy = [datetime]::UtcNow.AddSeconds(300)
            while (-not (Test-Path $config.GoPath)) {
                if ([datetime]::UtcNow -gt $readyBy) { throw 'No go signal within 300 s.' }
                Start-Sleep -Milliseconds 20
            }
        }
        $clock = Start-Measure
        $start = [datetime]::UtcNow
        $result.startUtc = $start.ToString('o')
        $deadline = $start.AddSeconds($config.Seconds)
        $runs = foreach ($slot in 1..$config.Runspaces) {
            $ps = [powershell]::Create()
            $ps.RunspacePool = $pool
            $null = $ps.AddCommand($code).AddParameters(@{ Session = $session; Id = [long]$config.CaseId; Deadline = $deadline; Progress = $progress; Slot = $slot })
            [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
        }
        $wait = $deadline - [datetime]::UtcNow
        if ($wait -gt [timespan]::Zero) { Start-Sleep -Milliseconds ([int]$wait.TotalMilliseconds) }
        # Runspaces still waiting for a slot of the rate limiter are stopped here: their demand was refused by the
        # client, not sent.
        $errors = 0
        foreach ($run in $runs) {
            $run.PowerShell.Stop()
            $errors += @($run.PowerShell.Streams.Error | Where-Object { $_.FullyQualifiedErrorId -notmatch 'PipelineStopped' }).Count
            $run.PowerShell.Dispose()
        }
        $null = Stop-Measure $clock
        $pool.Close()
        $calls = 0
        $lastAt = $start
        foreach ($entry in $progress.Values) {
            $calls += $entry.Calls
            if ($entry.LastAt -gt $lastAt) { $lastAt = $entry.LastAt }
        }
        $result.runspaces = $config.Runspaces
        $result.calls = $calls
        $result.errors = $errors
        $result.lastCallEndedAtSeconds = [math]::Round(($lastAt - $start).TotalSeconds, 2)
        if ($config.PSObject.Properties['RateLimitStore']) {
            # 'Shared' when this process counted through the store to the end ('Local' after an outage).
            $result.storeStatus = (Get-WcxContext).RateLimitStoreStatus
        }
    }
}

$self.Refresh()
$result.peakWorkingSetMB = [math]::Round($self.PeakWorkingSet64 / 1MB, 1)
$result.cpuSeconds = [math]::Round($self.TotalProcessorTime.TotalSeconds, 2)
$result | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath -Encoding utf8NoBOM
