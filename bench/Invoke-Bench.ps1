<#
.SYNOPSIS
Runs the benchmark suite (issue 7) against a local sandbox and writes results.md and results.json.

.DESCRIPTION
Called by `build.ps1 Bench` after a Release build. Starts the sandbox on loopback with the API's documented limits
(5,000 requests a minute, 150,000 a day) and the stated latency, seeds the data, and runs every scenario's module
side and baseline side in the same run, each in a fresh child pwsh (bench/BenchChild.ps1) so that the peak working
set is that measurement's own. Request counts come from the sandbox's request log; CPU figures from the child, the
sandbox process and /proc/stat, so that a target missed can be explained by what was measured.
Benchmarks report figures; nothing here is a test, and nothing fails on a target not met.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [ValidateSet('Import', 'Stream', 'Provision', 'Onboard', 'ImportContacts', 'SingleCall', 'Materialise', 'Ceiling', 'CeilingProcesses')]
    [string[]] $Scenario = @('Import', 'Stream', 'Provision', 'Onboard', 'ImportContacts', 'SingleCall', 'Materialise', 'Ceiling', 'CeilingProcesses'),
    [string] $Configuration = 'Release',
    [string] $OutputDirectory = $PSScriptRoot,
    [string] $WorkDirectory = (Join-Path ([IO.Path]::GetTempPath()) "wcx-bench-$PID"),
    [int] $LatencyMs = 80,
    [int] $Contacts = 50000,
    [int] $SmallContacts = 5000,
    [int] $Users = 1000,
    # Onboard: this many new users from a CSV, created and added to one queue (issue 15).
    [int] $OnboardUsers = 1000,
    # ImportContacts: this many new contacts from a CSV, imported into one contact group (issue 17).
    [int] $ImportContactRows = 1000,
    [ValidateRange(1, 9)] [int] $StreamRuns = 3,
    [ValidateRange(10, 99)] [int] $ImportRuns = 11,
    [int] $Calls = 300,
    # Connect-WcxAccount -PrefetchPages for the stream: the bound of the module's window (its default, 32).
    [ValidateRange(0, 32)] [int] $PrefetchPages = 32,
    # The reference client's requests in flight: the window the module's own sizing reaches here (a page's round trip
    # of ~120 ms at 80 ms latency × 83 pages a second ≈ 10).
    [ValidateRange(1, 64)] [int] $ReferenceInFlight = 10,
    [int] $MaterialisePages = 100,
    [int] $MaterialiseRepeat = 3,
    [int] $MaterialiseRounds = 7,
    [int] $CeilingSeconds = 65,
    [int] $CeilingWindowSeconds = 30,
    [int] $CeilingRequestsPerMinute = 1200,
    [int] $CeilingRunspaces = 4,
    # CeilingProcesses: this many pwsh processes (one runspace each) share the limit through one store (issue 14).
    [ValidateRange(2, 16)] [int] $CeilingProcesses = 4,
    [ValidateSet('Garnet', 'Redis')] [string] $CeilingStoreEngine = 'Garnet'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = Split-Path -Parent $PSScriptRoot
$ModulePath = (Resolve-Path $ModulePath).Path
$PerMinute = 5000
$PerDay = 150000
$PageSize = 100
$Ceiling = $PerMinute * $PageSize / 60   # 8,333 records/s: the API's limit times a full page
$null = New-Item -ItemType Directory -Force $WorkDirectory
$overall = [Diagnostics.Stopwatch]::StartNew()

# ---------------------------------------------------------------- helpers

# The PowerShell running this script, as a command array: timed children start exactly as build.ps1's do.
. (Join-Path $RepoRoot 'tools/Build.Common.ps1')
$Pwsh = Get-WcxPwshCommand

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

function Get-CpuSnapshot {
    # Machine-wide busy and total jiffies (Linux), to tell how busy the 2 cores were with everything, other work included.
    if (-not (Test-Path /proc/stat)) { return $null }
    $fields = ((Get-Content /proc/stat -TotalCount 1) -split '\s+')[1..8] | ForEach-Object { [double]$_ }
    $idle = $fields[3] + $fields[4]
    $total = ($fields | Measure-Object -Sum).Sum
    [pscustomobject]@{ Busy = $total - $idle; Total = $total }
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { [double]((Get-Content /proc/loadavg -Raw) -split ' ')[0] } else { $null }
}

function ConvertTo-UtcTime($Value) {
    # The request log's times: ISO strings, or DateTimes once ConvertFrom-Json has read them.
    if ($Value -is [datetime]) { return $Value.ToUniversalTime() }
    [datetime]::Parse([string]$Value, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime()
}

function Write-Step([string] $Text) { Write-Host ("[{0,5:0}s] {1}" -f $overall.Elapsed.TotalSeconds, $Text) -ForegroundColor Cyan }

function Invoke-Admin([string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "$($sandbox.Root)/_sandbox/$Path" }
    if ($null -ne $Body) { $arguments.ContentType = 'application/json'; $arguments.Body = ConvertTo-Json -InputObject $Body -Compress }
    Invoke-RestMethod @arguments
}

function Invoke-Api([string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "$ApiRoot/$Path"; Headers = $ApiHeaders }
    if ($null -ne $Body) { $arguments.ContentType = 'application/json'; $arguments.Body = ConvertTo-Json -InputObject $Body -Compress -Depth 5 }
    Invoke-RestMethod @arguments
}

function Get-SandboxCpuSeconds {
    $sandbox.Process.Refresh()
    $sandbox.Process.TotalProcessorTime.TotalSeconds
}

function New-ChildFiles([string] $Scenario, [string] $Side, [hashtable] $Settings) {
    <# Writes one measurement's config (the sandbox and module, plus its settings); returns its name and file paths. #>
    $config = @{
        ModulePath = $ModulePath; BenchTools = $BenchTools; BaseUri = $sandbox.BaseUri; ApiRoot = $ApiRoot; User = $sandbox.User
    }
    foreach ($key in $Settings.Keys) { $config[$key] = $Settings[$key] }
    $name = "$Scenario-$Side-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    $files = [pscustomobject]@{
        Name = $name; ConfigPath = Join-Path $WorkDirectory "$name.config.json"; ResultPath = Join-Path $WorkDirectory "$name.result.json"
    }
    $config | ConvertTo-Json -Depth 5 | Set-Content $files.ConfigPath -Encoding utf8NoBOM
    $files
}

function Invoke-Child {
    <# Runs one measurement in a fresh pwsh; returns its figures with the sandbox's view of the run added. #>
    param([string] $Scenario, [string] $Side, [hashtable] $Settings = @{}, [switch] $NoNetwork)
    $files = New-ChildFiles $Scenario $Side $Settings
    $name = $files.Name; $configPath = $files.ConfigPath; $resultPath = $files.ResultPath

    Invoke-Admin Delete requests $null | Out-Null
    $cpuBefore = Get-CpuSnapshot
    $sandboxCpuBefore = Get-SandboxCpuSeconds
    $load = Get-LoadAverage
    & $Pwsh[0] @($Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'BenchChild.ps1') -Scenario $Scenario -Side $Side -ConfigPath $configPath -ResultPath $resultPath
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $resultPath)) { throw "$Scenario ($Side) failed (exit code $LASTEXITCODE)." }
    $cpuAfter = Get-CpuSnapshot
    $result = Get-Content $resultPath -Raw | ConvertFrom-Json -AsHashtable

    $result.sandboxCpuSeconds = [math]::Round((Get-SandboxCpuSeconds) - $sandboxCpuBefore, 2)
    $result.loadAverageBefore = $load
    if ($cpuBefore -and $cpuAfter -and $cpuAfter.Total -gt $cpuBefore.Total) {
        $result.machineBusyPercent = [math]::Round(100 * ($cpuAfter.Busy - $cpuBefore.Busy) / ($cpuAfter.Total - $cpuBefore.Total), 0)
    }
    if (-not $NoNetwork) {
        $log = @(Invoke-Admin Get requests $null | ForEach-Object { $_ })
        $result.requests = $log.Count
        $result.authenticateRequests = @($log | Where-Object { $_.path -like '*/authenticate' }).Count
        $result.throttled = @($log | Where-Object { $_.throttled }).Count
        $result.failed = @($log | Where-Object { $_.status -ge 400 -and -not $_.throttled }).Count
    }
    if ($result.ContainsKey('measuredSeconds') -and $result.measuredSeconds -gt 0) {
        # Cores the client and the sandbox kept busy while the clock ran (the sandbox is idle outside it).
        $result.coresUsed = [math]::Round(($result.measuredCpuSeconds + $result.sandboxCpuSeconds) / $result.measuredSeconds, 2)
    }
    Write-Host ("        {0} {1}: {2}" -f $Scenario, $Side, (($result.GetEnumerator() | Where-Object { $_.Key -notin 'scenario', 'side', 'roundRates' } |
        ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' '))
    $result
}

function Start-Child {
    <# Starts one measurement in a fresh pwsh without waiting (for several processes at once); see Invoke-Child. #>
    param([string] $Scenario, [string] $Side, [hashtable] $Settings = @{})
    $files = New-ChildFiles $Scenario $Side $Settings
    $name = $files.Name; $configPath = $files.ConfigPath; $resultPath = $files.ResultPath
    $psi = [Diagnostics.ProcessStartInfo]::new($Pwsh[0])
    foreach ($a in @($Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'BenchChild.ps1'),
            '-Scenario', $Scenario, '-Side', $Side, '-ConfigPath', $configPath, '-ResultPath', $resultPath)) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($psi)
    [pscustomobject]@{ Name = $name; Process = $process; ResultPath = $resultPath
        Stdout = $process.StandardOutput.ReadToEndAsync(); Stderr = $process.StandardError.ReadToEndAsync() }
}

function Measure-Launch([string] $Command) {
    $launcher = @($Pwsh | Select-Object -Skip 1)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $null = & $Pwsh[0] @launcher -NoProfile -c $Command
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' failed (exit code $LASTEXITCODE)." }
    $clock.Elapsed.TotalMilliseconds
}

# ---------------------------------------------------------------- set-up

Write-Step 'Compiling the measuring aids (bench/BenchTools.cs)'
$BenchTools = Join-Path $WorkDirectory 'WiseCx.Bench.dll'
Add-Type -Path (Join-Path $PSScriptRoot 'BenchTools.cs') -OutputAssembly $BenchTools -OutputType Library

$results = [ordered]@{
    date        = [datetime]::UtcNow.ToString('yyyy-MM-dd HH:mm:ss') + ' UTC'
    environment = [ordered]@{
        os              = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        cores           = [Environment]::ProcessorCount
        powershell      = $PSVersionTable.PSVersion.ToString()
        dotnet          = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        module          = $ModulePath.Replace($RepoRoot, '.').Replace('\', '/')
        loadAverageAtStart = Get-LoadAverage
    }
    sandbox     = [ordered]@{ latencyMs = $LatencyMs; rateLimitPerMinute = $PerMinute; rateLimitPerDay = $PerDay; listen = '127.0.0.1' }
    scenarios   = [ordered]@{}
}

# ---------------------------------------------------------------- scenarios

function Measure-Import {
    Write-Step "import: $ImportRuns runs each of 'pwsh -NoProfile -c 1' and 'pwsh -NoProfile -c Import-Module', interleaved"
    $null = Measure-Launch '1'; $null = Measure-Launch "Import-Module '$ModulePath'"   # warms the disk cache; not counted
    $bare = [Collections.Generic.List[double]]::new()
    $imported = [Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        $bare.Add((Measure-Launch '1'))
        $imported.Add((Measure-Launch "Import-Module '$ModulePath'"))
    }
    # The import timed inside a fresh process, which is free of the launch's own noise, for three manifests: an empty
    # module (what PowerShell's first Import-Module costs whatever the module), this module without its format file,
    # and this module. The differences are the module's own share and its format file's.
    $variants = [ordered]@{ empty = Join-Path $WorkDirectory 'Empty/Empty.psd1'; noFormat = Join-Path $WorkDirectory 'NoFormat/WiseCx.psd1'; module = $ModulePath }
    $null = New-Item -ItemType Directory -Force (Split-Path $variants.empty)
    Set-Content $variants.empty "@{ ModuleVersion = '1.0'; GUID = '$([guid]::NewGuid())'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }"
    Copy-Item (Split-Path $ModulePath) (Split-Path $variants.noFormat) -Recurse
    (Get-Content $variants.noFormat -Raw) -replace '(?m)^\s*FormatsToProcess\s*=.*$', '' | Set-Content $variants.noFormat
    $inside = [ordered]@{}
    foreach ($key in $variants.Keys) { $inside[$key] = [Collections.Generic.List[double]]::new() }
    $launcher = @($Pwsh | Select-Object -Skip 1)
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        foreach ($key in $variants.Keys) {
            $ms = & $Pwsh[0] @launcher -NoProfile -c "`$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$($variants[$key])'; `$c.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)"
            if ($LASTEXITCODE -ne 0) { throw "The in-process import timing ($key) failed (exit code $LASTEXITCODE)." }
            $inside[$key].Add([double]::Parse(@($ms)[-1], [Globalization.CultureInfo]::InvariantCulture))
        }
    }
    $result = [ordered]@{
        runs           = $ImportRuns
        bareMedianMs   = [math]::Round((Get-Median $bare), 0)
        importMedianMs = [math]::Round((Get-Median $imported), 0)
        addedMs        = [math]::Round((Get-Median $imported) - (Get-Median $bare), 0)
        bareMs         = @($bare | ForEach-Object { [math]::Round($_, 0) })
        importMs       = @($imported | ForEach-Object { [math]::Round($_, 0) })
        inProcessMedianMs = [math]::Round((Get-Median $inside.module), 0)
        inProcessMs    = @($inside.module | ForEach-Object { [math]::Round($_, 0) })
        emptyModuleMedianMs = [math]::Round((Get-Median $inside.empty), 0)
        emptyModuleMs  = @($inside.empty | ForEach-Object { [math]::Round($_, 0) })
        noFormatMedianMs = [math]::Round((Get-Median $inside.noFormat), 0)
        noFormatMs     = @($inside.noFormat | ForEach-Object { [math]::Round($_, 0) })
        formatFileKB   = [math]::Round((Get-Item (Join-Path (Split-Path $ModulePath) 'WiseCx.Format.ps1xml')).Length / 1KB, 1)
    }
    Write-Host "        import: added $($result.addedMs) ms (bare $($result.bareMedianMs) ms, with import $($result.importMedianMs) ms); timed inside: $($result.inProcessMedianMs) ms (empty module $($result.emptyModuleMedianMs), without the format file $($result.noFormatMedianMs))"
    $result
}

function Measure-Stream {
    Write-Step "stream: $Contacts contacts; module x$StreamRuns, module -First $SmallContacts x$StreamRuns, baseline, reference client x3"
    $moduleRuns = @(1..$StreamRuns | ForEach-Object { Invoke-Child Stream Module @{ First = 0; PrefetchPages = $PrefetchPages } })
    $smallRuns = @(1..$StreamRuns | ForEach-Object { Invoke-Child Stream Module @{ First = $SmallContacts; PrefetchPages = $PrefetchPages } })
    $baselineRun = Invoke-Child Stream Baseline
    # The reference client (no JSON, no objects): with the module's window, with twice that, and with the latency off,
    # which shows what the sandbox itself can serve on this machine.
    $pages = [int]($Contacts / $PageSize)
    $reference = Invoke-Child Stream Reference @{ Pages = $pages; InFlight = $ReferenceInFlight }
    $referenceWide = Invoke-Child Stream Reference @{ Pages = $pages; InFlight = 2 * $ReferenceInFlight }
    $null = Invoke-Admin Put config @{ latencyMs = 0 }
    try { $referenceNoLatency = Invoke-Child Stream Reference @{ Pages = $pages; InFlight = $ReferenceInFlight } }
    finally { $null = Invoke-Admin Put config @{ latencyMs = $LatencyMs } }
    # Requests spent on pages past the end: a list that reports no total ends at its first short (here: empty) page,
    # so the whole list needs its full pages and one more; a -First read needs exactly its pages.
    # (The measured section's API requests: the sign-in and anything after the clock stopped left out, as the report counts.)
    $apiRequests = { param($run) [int]$run.requests - [int]$run.authenticateRequests - $(if ($run.Contains('extraRequests')) { [int]$run.extraRequests } else { 0 }) }
    foreach ($run in $moduleRuns) { $run.speculativeRequests = (& $apiRequests $run) - ($pages + 1) }
    foreach ($run in $smallRuns) { $run.speculativeRequests = (& $apiRequests $run) - [int][math]::Ceiling($SmallContacts / $PageSize) }
    # The median run by records/s stands for the module; every run is kept in results.json.
    $median = { param($runs) @($runs | Sort-Object { $_.recordsPerSecond })[[int][math]::Floor($runs.Count / 2)] }
    [ordered]@{
        contacts                = $Contacts
        smallContacts           = $SmallContacts
        ceilingRecordsPerSecond = [math]::Round($Ceiling, 0)
        module                  = & $median $moduleRuns
        baseline                = $baselineRun
        moduleSmall             = & $median $smallRuns
        reference               = $reference
        referenceWide           = $referenceWide
        referenceNoLatency      = $referenceNoLatency
        prefetchPages           = $PrefetchPages
        referenceInFlight       = $ReferenceInFlight
        moduleRuns              = $moduleRuns
        moduleSmallRuns         = $smallRuns
    }
}

function Measure-Provision {
    Write-Step "provision: $Users users into one queue; module (pipeline, bulk PUT) and baseline (one PUT per user)"
    $result = [ordered]@{ users = $Users; bulkSize = 500; minimumRequests = [int][math]::Ceiling($Users / 500) }
    foreach ($side in 'Module', 'Baseline') {
        # A new queue per side, so that both add every user.
        $queueId = [long](Invoke-Api Post queues @{ name = "Bench $side $(Get-Date -Format 'HHmmss.fff')" }).data.id
        $run = Invoke-Child Provision $side @{ QueueId = $queueId; UserIdsPath = $IdsPath }
        $run.membersAfter = @((Invoke-Api Get "queues/$queueId").data.users).Count
        $result[$side.ToLowerInvariant()] = $run
    }
    $result
}

function Measure-Onboard {
    Write-Step "onboard: $OnboardUsers new users from a CSV into one queue; module (overlapping creates, batched read-back, bulk PUT) and baseline (a POST per user, then the bulk PUT)"
    $result = [ordered]@{ users = $OnboardUsers; targetRequests = $OnboardUsers + [int][math]::Floor($OnboardUsers / 100) + 5 }
    # The live API filters /users by id (api/NOTES.md F8), which the collection profile refuses: the scenario measures
    # the API as it is, and puts the profile's setting back after.
    $null = Invoke-Admin Put config @{ looseFilterFields = $true }
    try {
        foreach ($side in 'Module', 'Baseline') {
            $stamp = Get-Date -Format 'HHmmssfff'
            $csv = Join-Path $WorkDirectory "onboard-$side.csv"
            1..$OnboardUsers | ForEach-Object {
                [pscustomobject]@{ UserName = "onboard.$($side.ToLowerInvariant()).$stamp.$_@bench.example"; Nick = "Agent $_"; FirstName = 'Agent'; LastName = "$_"; IsBot = 'false' }
            } | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
            $queueId = [long](Invoke-Api Post queues @{ name = "Bench onboard $side $stamp" }).data.id
            $run = Invoke-Child Onboard $side @{ QueueId = $queueId; CsvPath = $csv }
            $run.membersAfter = @((Invoke-Api Get "queues/$queueId").data.users).Count
            $result[$side.ToLowerInvariant()] = $run
        }
    }
    finally { $null = Invoke-Admin Put config @{ looseFilterFields = $false } }
    $result
}

function Measure-ImportContacts {
    Write-Step "import contacts: $ImportContactRows new contacts from a CSV into one contact group; module (Import-WcxContact: one import, adds of 50, status) and baseline (a POST per contact)"
    # At most 1 start + one add per 50 rows + a few status reads (the sandbox applies 500 rows per status request).
    $result = [ordered]@{ contacts = $ImportContactRows; targetRequests = 1 + [int][math]::Ceiling($ImportContactRows / 50) + 5 }
    foreach ($side in 'Module', 'Baseline') {
        $stamp = Get-Date -Format 'HHmmssfff'
        $csv = Join-Path $WorkDirectory "import-contacts-$side.csv"
        1..$ImportContactRows | ForEach-Object {
            [pscustomobject]@{ Email = "import.$($side.ToLowerInvariant()).$stamp.$_@bench.example"; Name = "Contact $_"; Tier = 'gold' }
        } | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $groupId = [long](Invoke-Api Post contacts/groups @{ name = "Bench import $side $stamp" }).id
        $run = Invoke-Child ImportContacts $side @{ GroupId = $groupId; CsvPath = $csv }
        # The child's requests are still in the log (the next measurement clears it): what kind each was.
        $log = @(Invoke-Admin Get requests $null | ForEach-Object { $_ })
        $run.starts = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/contacts/import' }).Count
        $run.adds = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/contacts/import/*/add' }).Count
        $run.statusReads = @($log | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/contacts/import/*/status' }).Count
        $run.contactPosts = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/contacts/' }).Count
        $result[$side.ToLowerInvariant()] = $run
    }
    $result
}

function Measure-SingleCall {
    Write-Step "single call: Get-WcxCase -Id and Invoke-RestMethod, $Calls calls each, alternating, no latency"
    $null = Invoke-Admin Put config @{ latencyMs = 0 }
    try { Invoke-Child SingleCall Both @{ CaseId = $CaseId; Calls = $Calls; Warmup = 30 } }
    finally { $null = Invoke-Admin Put config @{ latencyMs = $LatencyMs } }
}

function Measure-Materialise {
    Write-Step "materialise: $MaterialisePages pages of $PageSize contacts in memory, read $MaterialiseRepeat times a round; 4 + $MaterialiseRounds rounds each, alternating"
    $bodiesPath = Join-Path $WorkDirectory 'contact-pages.jsonl'
    $bodies = foreach ($page in 1..$MaterialisePages) {
        $text = (Invoke-WebRequest -Uri "$ApiRoot/contacts?limit=$PageSize&page=$page" -Headers $ApiHeaders).Content
        if ($text -match '[\r\n]') { throw 'A page body holds a line break; the bodies file keeps one page per line.' }
        $text
    }
    Set-Content $bodiesPath -Value $bodies -Encoding utf8NoBOM
    $result = Invoke-Child Materialise Both @{ BodiesPath = $bodiesPath; Repeat = $MaterialiseRepeat; Rounds = $MaterialiseRounds; WarmupRounds = 4 } -NoNetwork
    $result.pages = $MaterialisePages
    $result
}

function Measure-Ceiling {
    Write-Step "ceiling: $CeilingRunspaces runspaces sharing a session, $CeilingSeconds s, client and sandbox at $CeilingRequestsPerMinute/min, no latency"
    # Restarts the sandbox's rate-limit counts; the scenario runs last, so the limits are not put back.
    $null = Invoke-Admin Put config @{ rateLimitPerMinute = $CeilingRequestsPerMinute; latencyMs = 0 }
    $result = Invoke-Child Ceiling Module @{
        CaseId = $CaseId; Seconds = $CeilingSeconds; RequestsPerMinute = $CeilingRequestsPerMinute; Runspaces = $CeilingRunspaces }
    # Served and refused requests in the first $CeilingWindowSeconds s (the issue's measure) and over the whole run, which
    # goes past the minute so that the turn of the sliding window is crossed too. A sliding 60 s window that starts
    # empty allows the whole limit within any span of up to 60 s, and the limit again after each further minute.
    Add-CeilingSpans -Result $result -Start (ConvertTo-UtcTime $result.startUtc)
    $result
}

function Add-CeilingSpans {
    <# Adds firstWindow and wholeRun (served and refused requests from the sandbox's log) to a ceiling result. #>
    param([Collections.IDictionary] $Result, [datetime] $Start)
    $log = @(Invoke-Admin Get requests $null | ForEach-Object { $_ })
    $spans = [ordered]@{ firstWindow = $CeilingWindowSeconds; wholeRun = $CeilingSeconds }
    foreach ($span in $spans.GetEnumerator()) {
        $end = $Start.AddSeconds($span.Value)
        $inside = @($log | Where-Object { (ConvertTo-UtcTime $_.time) -lt $end })
        $Result[$span.Key] = [ordered]@{
            seconds   = $span.Value
            allowed   = $CeilingRequestsPerMinute * [math]::Ceiling($span.Value / 60)
            served    = @($inside | Where-Object { $_.status -ge 200 -and $_.status -lt 300 }).Count
            throttled = @($inside | Where-Object { $_.throttled -or $_.status -eq 429 }).Count
        }
    }
}

function Measure-CeilingProcesses {
    Write-Step "ceiling, processes: $CeilingProcesses pwsh processes sharing one $CeilingStoreEngine store, $CeilingSeconds s, client and sandbox at $CeilingRequestsPerMinute/min, no latency"
    Import-Module (Join-Path $RepoRoot 'tools/Store.psm1') -Force
    $store = Start-WcxStore -Engine $CeilingStoreEngine
    $children = @()
    try {
        # Restarts the sandbox's rate-limit counts (the sign-ins below are counted, as in the runspace run).
        $null = Invoke-Admin Put config @{ rateLimitPerMinute = $CeilingRequestsPerMinute; latencyMs = 0 }
        Invoke-Admin Delete requests $null | Out-Null
        $signals = (New-Item -ItemType Directory -Force (Join-Path $WorkDirectory "ceiling-processes-$([guid]::NewGuid().ToString('n').Substring(0, 8))")).FullName
        $goPath = Join-Path $signals 'go'
        $cpuBefore = Get-CpuSnapshot
        $sandboxCpuBefore = Get-SandboxCpuSeconds
        $load = Get-LoadAverage
        $children = @(foreach ($n in 1..$CeilingProcesses) {
            Start-Child Ceiling Module @{ CaseId = $CaseId; Seconds = $CeilingSeconds; RequestsPerMinute = $CeilingRequestsPerMinute; Runspaces = 1
                RateLimitStore = $store.Uri; ReadyPath = Join-Path $signals "ready-$n"; GoPath = $goPath }
        })
        # All signed in and ready (pwsh start-up on a busy machine takes seconds), then one go for all.
        $readyBy = [datetime]::UtcNow.AddSeconds(300)
        for ($n = 1; $n -le $CeilingProcesses; $n++) {
            while (-not (Test-Path (Join-Path $signals "ready-$n"))) {
                $child = $children[$n - 1]
                if ($child.Process.HasExited) { throw "CeilingProcesses: process $n ended before it was ready:`n$($child.Stdout.Result)$($child.Stderr.Result)" }
                if ([datetime]::UtcNow -gt $readyBy) { throw "CeilingProcesses: process $n was not ready within 300 s." }
                Start-Sleep -Milliseconds 50
            }
        }
        Set-Content -Path $goPath -Value ''
        $runs = foreach ($child in $children) {
            if (-not $child.Process.WaitForExit(($CeilingSeconds + 120) * 1000)) { throw "CeilingProcesses: $($child.Name) did not finish." }
            if ($child.Process.ExitCode -ne 0 -or -not (Test-Path $child.ResultPath)) {
                throw "CeilingProcesses: $($child.Name) failed (exit code $($child.Process.ExitCode)):`n$($child.Stdout.Result)$($child.Stderr.Result)"
            }
            Get-Content $child.ResultPath -Raw | ConvertFrom-Json -AsHashtable
        }
        $cpuAfter = Get-CpuSnapshot
    }
    finally {
        foreach ($child in $children) { if (-not $child.Process.HasExited) { $child.Process.Kill($true) } }
        $store | Stop-WcxStore
    }
    $start = @($runs | ForEach-Object { ConvertTo-UtcTime $_.startUtc } | Sort-Object)[0]
    $log = @(Invoke-Admin Get requests $null | ForEach-Object { $_ })
    $result = [ordered]@{
        scenario = 'CeilingProcesses'
        processes = $CeilingProcesses
        store = $store.Engine
        runspacesPerProcess = 1
        startUtc = $start.ToString('o')
        calls = [int]($runs | ForEach-Object { [int]$_.calls } | Measure-Object -Sum).Sum
        errors = [int]($runs | ForEach-Object { [int]$_.errors } | Measure-Object -Sum).Sum
        lastCallEndedAtSeconds = ($runs | ForEach-Object { [double]$_.lastCallEndedAtSeconds } | Measure-Object -Maximum).Maximum
        storeStatus = @($runs | ForEach-Object { $_['storeStatus'] })
        peakWorkingSetMB = ($runs | ForEach-Object { [double]$_.peakWorkingSetMB } | Measure-Object -Maximum).Maximum
        cpuSeconds = [math]::Round(($runs | ForEach-Object { [double]$_.cpuSeconds } | Measure-Object -Sum).Sum, 2)
        sandboxCpuSeconds = [math]::Round((Get-SandboxCpuSeconds) - $sandboxCpuBefore, 2)
        loadAverageBefore = $load
        requests = $log.Count
        authenticateRequests = @($log | Where-Object { $_.path -like '*/authenticate' }).Count
        throttled = @($log | Where-Object { $_.throttled }).Count
        failed = @($log | Where-Object { $_.status -ge 400 -and -not $_.throttled }).Count
        perProcess = @($runs | ForEach-Object { [ordered]@{ calls = $_.calls; errors = $_.errors; lastCallEndedAtSeconds = $_.lastCallEndedAtSeconds; peakWorkingSetMB = $_.peakWorkingSetMB } })
    }
    if ($cpuBefore -and $cpuAfter -and $cpuAfter.Total -gt $cpuBefore.Total) {
        $result.machineBusyPercent = [math]::Round(100 * ($cpuAfter.Busy - $cpuBefore.Busy) / ($cpuAfter.Total - $cpuBefore.Total), 0)
    }
    Add-CeilingSpans -Result $result -Start $start
    Write-Host ("        CeilingProcesses: first {0} s {1} of {2} served, {3} x 429; all {4} s {5} of {6} served, {7} x 429; calls {8}; store {9} ({10})" -f
        $result.firstWindow.seconds, $result.firstWindow.served, $result.firstWindow.allowed, $result.firstWindow.throttled,
        $result.wholeRun.seconds, $result.wholeRun.served, $result.wholeRun.allowed, $result.wholeRun.throttled, $result.calls, $result.store, ($result.storeStatus -join ', '))
    $result
}

# ---------------------------------------------------------------- run

if ('Import' -in $Scenario) { $results.scenarios.import = Measure-Import }   # before the sandbox: nothing else running

if ($Scenario | Where-Object { $_ -ne 'Import' }) {
    Import-Module (Join-Path $RepoRoot 'tools/Sandbox.psm1') -Force
    Write-Step "Starting the sandbox: $LatencyMs ms latency, $PerMinute/min and $PerDay/day enforced"
    # The collection's shapes (bare case lists, among others), which the baselines are written for and every earlier
    # run measured: since the sandbox's default became the live profile, its {"data"} case lists stopped the seeding.
    $sandbox = Start-WcxDevSandbox -Configuration $Configuration -Profile collection -ArgumentList @(
        '--latency-ms', "$LatencyMs", '--rate-limit-per-minute', "$PerMinute", '--rate-limit-per-day', "$PerDay")
    $savedUser = $env:WISECX_USER
    $savedKey = $env:WISECX_API_KEY
    try {
        $ApiRoot = $sandbox.BaseUri.TrimEnd('/')
        # The sandbox's fixed development key (tools/Sandbox.psm1), handed to the children the unattended way.
        $env:WISECX_USER = $sandbox.User
        $env:WISECX_API_KEY = [Net.NetworkCredential]::new('', $sandbox.ApiKey).Password
        $ApiHeaders = & (Join-Path $PSScriptRoot 'baselines/Connect.ps1') -BaseUri $ApiRoot -User $sandbox.User

        Write-Step "Seeding: $Contacts contacts in all, $Users more users"
        $total = (Invoke-Admin Post seed/contacts @{ count = 1 }).total
        if ($total -lt $Contacts) { $total = (Invoke-Admin Post seed/contacts @{ count = $Contacts - $total }).total }
        if ($total -ne $Contacts) { throw "The sandbox holds $total contacts; the stream scenario needs exactly $Contacts." }
        $null = Invoke-Admin Post seed/users @{ count = $Users }
        $userIds = [Collections.Generic.List[long]]::new()
        for ($page = 1; ; $page++) {
            $batch = @((Invoke-Api Get "users?fields=id&limit=$PageSize&page=$page").data)
            foreach ($user in $batch) { $userIds.Add([long]$user.id) }
            if ($batch.Count -lt $PageSize) { break }
        }
        # The newest users are the seeded ones: none of them is in a queue yet.
        $IdsPath = Join-Path $WorkDirectory 'user-ids.txt'
        Set-Content $IdsPath -Value (@($userIds | Sort-Object -Descending | Select-Object -First $Users | Sort-Object) -join "`n")
        $CaseId = [long]@(Invoke-Api Get 'cases?limit=1')[0].id

        if ('Stream' -in $Scenario) { $results.scenarios.stream = Measure-Stream }
        if ('Provision' -in $Scenario) { $results.scenarios.provision = Measure-Provision }
        if ('Onboard' -in $Scenario) { $results.scenarios.onboard = Measure-Onboard }
        if ('ImportContacts' -in $Scenario) { $results.scenarios.importContacts = Measure-ImportContacts }
        if ('SingleCall' -in $Scenario) { $results.scenarios.singleCall = Measure-SingleCall }
        if ('Materialise' -in $Scenario) { $results.scenarios.materialise = Measure-Materialise }
        if ('Ceiling' -in $Scenario) { $results.scenarios.ceiling = Measure-Ceiling }   # last two: they change the limits
        if ('CeilingProcesses' -in $Scenario) { $results.scenarios.ceilingProcesses = Measure-CeilingProcesses }
    }
    finally {
        $env:WISECX_USER = $savedUser
        $env:WISECX_API_KEY = $savedKey
        $sandbox | Stop-WcxDevSandbox
    }
}

$results.environment.loadAverageAtEnd = Get-LoadAverage
$results.environment.benchSeconds = [math]::Round($overall.Elapsed.TotalSeconds, 0)

# ---------------------------------------------------------------- report

$resultsPath = Join-Path $OutputDirectory 'results.json'
$results | ConvertTo-Json -Depth 8 | Set-Content -Path $resultsPath -Encoding utf8NoBOM
& (Join-Path $PSScriptRoot 'Write-BenchReport.ps1') -ResultsPath $resultsPath
Remove-Item $WorkDirectory -Recurse -Force -ErrorAction SilentlyContinue
Write-Step "Done: $(Join-Path $OutputDirectory 'results.md')"
