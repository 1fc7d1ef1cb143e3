<#
.SYNOPSIS
Writes results.md (the table, the targets, and for each target missed: by how much and what the measurements say
about why) from results.json, which Invoke-Bench.ps1 writes. Can be run again on its own.
#>
param(
    [Parameter(Mandatory)] [string] $ResultsPath,
    [string] $OutputPath = (Join-Path (Split-Path $ResultsPath) 'results.md')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Results = Get-Content $ResultsPath -Raw | ConvertFrom-Json -AsHashtable

$inv = [Globalization.CultureInfo]::InvariantCulture
function N($Value, [int] $Decimals = 0) { ([double]$Value).ToString("N$Decimals", $inv) }
function Pct($Value) { ([double]$Value).ToString('0', $inv) + '%' }
function Has([Collections.IDictionary] $Map, [string] $Key) { $Map.Contains($Key) -and $null -ne $Map[$Key] }

$s = $Results.scenarios
$rows = [Collections.Generic.List[string]]::new()
$targets = [Collections.Generic.List[object]]::new()   # name, met, detail
$notes = [Collections.Generic.List[string]]::new()
function Add-Row([string[]] $Cells) { $rows.Add('| ' + ($Cells -join ' | ') + ' |') }
function Add-Target([string] $Name, [bool] $Met, [string] $Text) {
    $targets.Add([pscustomobject]@{ Name = $Name; Met = $Met; Text = $Text })
    if ($Met) { 'met' } else { '**not met**' }
}
function ApiRequests($Run) {
    # What the measured section sent: the sign-in and any request made after the clock stopped are left out.
    $extra = if ($Run.Contains('extraRequests')) { [int]$Run.extraRequests } else { 0 }
    [int]$Run.requests - [int]$Run.authenticateRequests - $extra
}

# ---------------------------------------------------------------- import
if (Has $s 'import') {
    $i = $s.import
    $own = $i.inProcessMedianMs - $i.emptyModuleMedianMs
    $format = $i.inProcessMedianMs - $i.noFormatMedianMs
    $met = Add-Target 'import' ($i.addedMs -le 150) "$(N $i.addedMs) ms added"
    Add-Row 'import', "$(N $i.addedMs) ms added (medians of $($i.runs) launches: $(N $i.importMedianMs) ms with ``Import-Module``, $(N $i.bareMedianMs) ms for ``pwsh -NoProfile -c 1``). Timed inside the process: $(N $i.inProcessMedianMs) ms, of which an empty module costs $(N $i.emptyModuleMedianMs)",
        '—', '—', '—', '—', '≤ 150 ms added', $met
    $range = { param($values) "$(N (($values | Measure-Object -Minimum).Minimum))–$(N (($values | Measure-Object -Maximum).Maximum))" }
    $notes.Add("**import, how to read it.** The issue's measure is the difference of two medians of whole ``pwsh`` launches ($(& $range $i.importMs) ms with the import, $(& $range $i.bareMs) ms without, launch by launch): on a shared machine one launch varies by more than an import costs. So the import was also timed inside fresh processes, $($i.runs) times each, a stopwatch around ``Import-Module``: this module $(N $i.inProcessMedianMs) ms (median; $(& $range $i.inProcessMs)), the same without its format file $(N $i.noFormatMedianMs) ms, and an empty module (a manifest exporting nothing) $(N $i.emptyModuleMedianMs) ms. The empty module's figure is PowerShell's own first ``Import-Module`` in a process, which any module pays and which ``pwsh -c 1`` does not; the module's own share is the rest, $(N $own) ms, of which $(N $format) ms are its $(N $i.formatFileKB 1) KB format file. The manifest loads one binary module (no script module, no nested modules, no scripts to process); the client and its dependencies load on first use, not at import.")
    if ($i.addedMs -gt 150) {
        $notes.Add("**import** is $(N ($i.addedMs - 150)) ms over the target by the launch measure. By the in-process figures, $(N $i.emptyModuleMedianMs) ms of the $(N $i.inProcessMedianMs) are what PowerShell spends on any first import on this machine at this load$(if ($i.emptyModuleMedianMs -ge 150) { ' (more than the whole target)' }); the module's own $(N $own) ms are $(N ($own - $format)) ms for the binary module and $(N $format) ms for the format file.")
    }
}

# ---------------------------------------------------------------- stream
if (Has $s 'stream') {
    $st = $s.stream
    $m = $st.module; $b = $st.baseline; $r = $st.reference; $small = $st.moduleSmall
    $target = 0.9 * $st.ceilingRecordsPerSecond
    # Issue 15: the rate, and the module at least 90% of the reference client given the same window. The reference
    # client does not keep to the API's rate (a 500-page run is over before a minute's limit bites), the module does
    # (its window is sized by the session's rate): compared within that ceiling.
    $referenceWithinCeiling = [math]::Min($r.recordsPerSecond, $st.ceilingRecordsPerSecond)
    $ofReference = 100 * $m.recordsPerSecond / [math]::Max(1, $referenceWithinCeiling)
    $met = Add-Target 'stream' ($m.recordsPerSecond -ge $target -and $ofReference -ge 90) "$(N $m.recordsPerSecond) records/s, $(Pct $ofReference) of the reference client"
    Add-Row "stream: $(N $st.contacts) contacts", "$(N $m.recordsPerSecond) records/s; first object $(N $m.firstObjectMs) ms",
        "$(N $b.recordsPerSecond) records/s; first object $(N $b.firstObjectMs) ms", "$(N ($m.recordsPerSecond / $b.recordsPerSecond) 1)×",
        "$(N (ApiRequests $m)) / $(N (ApiRequests $b))", "$(N $m.peakWorkingSetMB) / $(N $b.peakWorkingSetMB) MB",
        "≥ $(N $target) records/s (90% of $(N $st.ceilingRecordsPerSecond)), and ≥ 90% of the reference client with the same window ($(Pct $ofReference) of its $(N $referenceWithinCeiling) records/s with $($r.inFlight) in flight$(if ($r.recordsPerSecond -gt $st.ceilingRecordsPerSecond) { ", taken at the API's ceiling: it read $(N $r.recordsPerSecond)" }))", $met
    $growth = 100 * ($m.peakWorkingSetMB - $small.peakWorkingSetMB) / $small.peakWorkingSetMB
    $memoryMet = Add-Target 'stream memory' ([math]::Abs($growth) -le 20) "$(Pct $growth)"
    Add-Row 'stream: memory', "$(N $m.peakWorkingSetMB) MB for $(N $st.contacts) contacts, $(N $small.peakWorkingSetMB) MB for $(N $st.smallContacts) ($(if ($growth -ge 0) { '+' })$(Pct $growth))",
        '—', '—', "$(N (ApiRequests $m)) and $(N (ApiRequests $small)) (the two module runs)", "$(N $m.peakWorkingSetMB) and $(N $small.peakWorkingSetMB) MB", "$(N $st.contacts) within 20% of $(N $st.smallContacts)", $memoryMet
    $pages = [math]::Ceiling($st.contacts / 100)
    $extra = (ApiRequests $m) - ($pages + 1)
    $notes.Add("**stream, how to read it.** Every module run: $(($st.moduleRuns | ForEach-Object { N $_.recordsPerSecond }) -join ', ') records/s (the median is shown); the $(N $st.smallContacts)-contact runs (``-First``): $(($st.moduleSmallRuns | ForEach-Object { N $_.recordsPerSecond }) -join ', ') records/s, lower because the prefetch window opens one page per full page seen. The module's first object took $(N $m.firstObjectMs) ms in a fresh process and $(N $m.warmFirstObjectMs) ms when asked again in the same process: the difference is one-off start-up work (compiling the list path); the baseline's ``Invoke-RestMethod`` had already been compiled by its own sign-in call. The module asked for $(N (ApiRequests $m)) pages where $(N ($pages + 1)) suffice ($(N $pages) full and the empty one that ends the list): $(N $extra) were prefetched past the end, since /contacts reports no total.")
    # The client's own count of pages it asked for that turned out to be past the end (issue 15), when the run has it.
    if ((Has $m 'speculativeRequests')) {
        $notes.Add("**stream, speculative requests.** The module's window (sized by the round trip and the page rate, bound $($st.prefetchPages)) spent $(N $m.speculativeRequests) page requests past what the list needed in the median $(N $st.contacts)-contact run (runs: $(($st.moduleRuns | ForEach-Object { N $_.speculativeRequests }) -join ', '))$(if ((Has $small 'speculativeRequests')) { ", and $(N $small.speculativeRequests) in the $(N $st.smallContacts)-contact run (``-First``, where the end is known)" }). Counted from the requests the run sent; the client keeps its own count, ``WcxClient.SpeculativePageRequests``.")
    }
    if ($met -ne 'met') {
        $wide = $st.referenceWide; $solo = $st.referenceNoLatency
        $perPage = 1000 * $m.sandboxCpuSeconds / [math]::Max(1, [int]$m.requests)
        $clientPerPage = 1000 * $m.measuredCpuSeconds / [math]::Max(1, (ApiRequests $m))
        $referencePerPage = 1000 * $r.measuredCpuSeconds / [math]::Max(1, (ApiRequests $r))
        $pageSeconds = $r.inFlight * 100 / $r.recordsPerSecond
        $text = "**stream** reached $(N $m.recordsPerSecond) records/s, $(Pct (100 * (1 - $m.recordsPerSecond / $target))) short of the $(N $target) target ($(Pct (100 * $m.recordsPerSecond / $st.ceilingRecordsPerSecond)) of the API's ceiling). What the run measured:"
        $text += "`n- **The sandbox on this machine.** A reference client (bench/BenchTools.cs: the same $(N ($r.records / 100)) pages over one HttpClient, bodies read and dropped: no JSON, no objects, no pipeline) read $(N $solo.recordsPerSecond) records/s with the latency switched off and $($solo.inFlight) requests in flight: about as much as the sandbox serves here at all. It spent $(N $perPage 1) ms of CPU per page during the module's runs (a page is a slice of a sorted view: docs/sandbox.md, section Cost of a page), against the module's $(N $clientPerPage 1) ms per page (HTTP, JSON, pipeline objects), out of the same $($Results.environment.cores) cores."
        $text += "`n- **With $($Results.sandbox.latencyMs) ms of latency**, the same reference client reached $(N $r.recordsPerSecond) records/s with $($r.inFlight) requests in flight (about the window the module sizes itself to here), and $(N $wide.recordsPerSecond) with $($wide.inFlight). With $($r.inFlight) in flight a page took $(N (1000 * $pageSeconds)) ms from request to answer on average ($($Results.sandbox.latencyMs) ms of latency, the rest the sandbox's service and queueing): $($r.inFlight) pages per $(N (1000 * $pageSeconds)) ms is the most any client with that window gets here$(if ($r.recordsPerSecond -lt $target) { ', below the target itself' })."
        $text += "`n- **The module** reached $(Pct (100 * $m.recordsPerSecond / $r.recordsPerSecond)) of the reference client with $($r.inFlight) in flight. The difference is its own work on the same cores ($(N $clientPerPage 1) ms of CPU per page against the reference's $(N $referencePerPage 1)), during which its window is not refilled. The two processes kept $(N $m.coresUsed 2) of $($Results.environment.cores) cores busy; the machine as a whole was $(Pct $m.machineBusyPercent) busy (other work included: load average $(N $m.loadAverageBefore 1) when the run started)."
        if ($r.recordsPerSecond -lt $target -and $wide.recordsPerSecond -ge $target) {
            $text += "`n- **So with the module's window no client reaches the target here:** one that does no work at all needed more than $($r.inFlight) pages in flight to pass it ($(N $wide.recordsPerSecond) records/s with $($wide.inFlight)). The module's own window is sized by the round trip it observes and bounded by ``Connect-WcxAccount -PrefetchPages`` ($($st.prefetchPages) here); each page fetched ahead past the end of a list that reports no total is a request spent (the $(N $extra) above)."
        }
        $text += "`n- **Not the rate limit:** the run sent $(N $m.requests) requests in all, under the $(N $Results.sandbox.rateLimitPerMinute) a minute the session's limiter allows, so it never waited ($(N $m.throttled) answered 429)."
        $notes.Add($text)
    }
    if ([math]::Abs($growth) -gt 20) {
        $notes.Add("**stream memory**: the $(N $st.contacts)-contact run peaked $(Pct $growth) above the $(N $st.smallContacts)-contact run ($(N $m.peakWorkingSetMB) vs $(N $small.peakWorkingSetMB) MB).")
    }
}

# ---------------------------------------------------------------- provision
if (Has $s 'provision') {
    $p = $s.provision
    $m = $p.module; $b = $p.baseline
    $ratio = $b.measuredSeconds / $m.measuredSeconds
    $met = Add-Target 'provision' (((ApiRequests $m) -eq $p.minimumRequests) -and $ratio -ge 20 -and $m.membersAfter -eq $p.users) "$(N (ApiRequests $m)) requests, $(N $ratio)×"
    Add-Row "provision: $(N $p.users) users into one queue", "$(N $m.measuredSeconds 2) s ($(N $m.membersAfter) members after)", "$(N $b.measuredSeconds 1) s ($(N $b.membersAfter) members after)",
        "$(N $ratio)×", "$(N (ApiRequests $m)) / $(N (ApiRequests $b))", "$(N $m.peakWorkingSetMB) / $(N $b.peakWorkingSetMB) MB",
        "requests = $($p.minimumRequests) ($($p.bulkSize) users a request); ≥ 20×", $met
}

# ---------------------------------------------------------------- onboard (issue 15)
if (Has $s 'onboard') {
    $o = $s.onboard
    $m = $o.module; $b = $o.baseline
    $ratio = $b.measuredSeconds / $m.measuredSeconds
    $limit = $o.users + [math]::Floor($o.users / 100) + 5
    $met = Add-Target 'onboard' (((ApiRequests $m) -le $limit) -and $ratio -ge 5 -and $m.membersAfter -eq $o.users) "$(N (ApiRequests $m)) requests, $(N $ratio 1)×"
    Add-Row "onboard: $(N $o.users) new users from a CSV into one queue", "$(N $m.measuredSeconds 1) s ($(N $m.membersAfter) members after)", "$(N $b.measuredSeconds 1) s ($(N $b.membersAfter) members after)",
        "$(N $ratio 1)×", "$(N (ApiRequests $m)) / $(N (ApiRequests $b))", "$(N $m.peakWorkingSetMB) / $(N $b.peakWorkingSetMB) MB",
        "requests ≤ $(N $limit) (users + users/100 + 5); ≥ 5×", $met
    $notes.Add("**onboard, how to read it.** The module side is ``Import-Csv | New-WcxUser | Add-WcxQueueUser -QueueId`` (bench/module/Onboard.ps1): up to 8 creates under way at once (``-ThrottleLimit``'s default), the new users read back with one ``GET /users`` filtered by ``id IN`` per 100 of them, and one bulk PUT. The baseline (bench/baselines/Onboard.ps1) sends an Invoke-RestMethod POST per user, one after the other, then the same bulk PUT. The scenario turns on the sandbox's ``looseFilterFields`` (the live API filters /users by id, api/NOTES.md F8; the collection profile refuses it, and New-WcxUser would then read each user with its own GET). The module's run: $(N $m.throttled) answered 429, $(N $m.failed) other failures; $(N $m.coresUsed 2) of $($Results.environment.cores) cores busy (client and sandbox), the machine $(Pct $m.machineBusyPercent) busy.")
    if ($ratio -lt 5 -or (ApiRequests $m) -gt $limit) {
        $notes.Add("**onboard** missed: $(N (ApiRequests $m)) requests against ≤ $(N $limit), $(N $ratio 2)× against 5×. With 8 creates in flight at $($Results.sandbox.latencyMs) ms each, the wire allows about $(N (8 * 1000 / [math]::Max(1, $Results.sandbox.latencyMs))) creates a second; the module's run managed $(N ($o.users / $m.measuredSeconds)) a second and used $(N $m.measuredCpuSeconds 1) s of its own CPU ($(N (1000 * $m.measuredCpuSeconds / $o.users) 1) ms per user) while the sandbox used $(N $m.sandboxCpuSeconds 1) s.")
    }
}

# ---------------------------------------------------------------- import contacts (issue 17)
if (Has $s 'importContacts') {
    $ic = $s.importContacts
    $m = $ic.module; $b = $ic.baseline
    $ratio = $b.measuredSeconds / $m.measuredSeconds
    $limit = [int]$ic.targetRequests
    $met = Add-Target 'importContacts' (((ApiRequests $m) -le $limit) -and $m.created -eq $ic.contacts -and $m.importStatus -eq 'completed') "$(N (ApiRequests $m)) requests, $(N $ratio 1)×"
    Add-Row "import contacts: $(N $ic.contacts) new contacts from a CSV into one group", "$(N $m.measuredSeconds 1) s ($(N $m.created) created, $($m.importStatus))", "$(N $b.measuredSeconds 1) s ($(N $b.contactPosts) POSTs)",
        "$(N $ratio 1)×", "$(N (ApiRequests $m)) / $(N (ApiRequests $b))", "$(N $m.peakWorkingSetMB) / $(N $b.peakWorkingSetMB) MB",
        "requests ≤ $(N $limit) (1 + rows/50 + 5)", $met
    $notes.Add("**import contacts, how to read it.** The module side is ``Import-Csv | Import-WcxContact -GroupId -Wait`` (bench/module/ImportContacts.ps1): $(N $m.starts) POST /contacts/import, $(N $m.adds) adds of at most 50 and $(N $m.statusReads) status reads (the sandbox applies 500 rows per status request; -PollIntervalSeconds 0.5). The endpoints follow the vendor's Spanish documentation and the sandbox's shapes are assumptions. The baseline (bench/baselines/ImportContacts.ps1) sends an Invoke-RestMethod POST /contacts per row, one after the other, and does not put the contacts in the group (one more request each), in its favour. The module's run: $(N $m.rejected) rows rejected, $(N $m.uncertain) uncertain, $(N $m.throttled) answered 429, $(N $m.failed) other failures.")
}

# ---------------------------------------------------------------- ceiling
if (Has $s 'ceiling') {
    $c = $s.ceiling
    foreach ($span in @($c.firstWindow, $c.wholeRun)) {
        $share = 100 * $span.served / $span.allowed
        $name = if ($span.seconds -eq $c.firstWindow.seconds) { "ceiling: first $($span.seconds) s" } else { "ceiling: all $($span.seconds) s (across the minute's turn)" }
        $met = Add-Target $name ($share -ge 95 -and $span.throttled -eq 0) "$(Pct $share), $($span.throttled) × 429"
        Add-Row $name, "$(N $span.served) of $(N $span.allowed) allowed served ($(Pct $share)); $(N $span.throttled) × 429", '—', '—',
            "$(N $span.served)", "$(N $c.peakWorkingSetMB) MB", '≥ 95% of allowed served, zero 429', $met
    }
    $notes.Add("**ceiling, how to read it.** $($c.runspaces) runspaces shared one session (``Connect-WcxAccount -RequestsPerMinute $(N $c.firstWindow.allowed)``) and asked for a case as fast as they could, with no added latency so that demand far exceeded the limit; the sandbox enforced the same $(N $c.firstWindow.allowed) a minute over a sliding 60 s window. ""Allowed"" is what that window admits from empty: the whole limit at once, and again a minute later. The run lasts $($c.wholeRun.seconds) s rather than $($c.firstWindow.seconds) so that it crosses the window's turn, where client and server clocks can disagree: the last call ended $(N $c.lastCallEndedAtSeconds 1) s in, and the runspaces then waited for slots until stopped. Served counts the sign-in too. Requests the sandbox refused: $(N $c.throttled).")
}

# ---------------------------------------------------------------- ceiling across processes (issue 14)
if (Has $s 'ceilingProcesses') {
    $c = $s.ceilingProcesses
    foreach ($span in @($c.firstWindow, $c.wholeRun)) {
        $share = 100 * $span.served / $span.allowed
        $name = if ($span.seconds -eq $c.firstWindow.seconds) { "ceiling, $($c.processes) processes + store: first $($span.seconds) s" } else { "ceiling, $($c.processes) processes + store: all $($span.seconds) s (across the minute's turn)" }
        $met = Add-Target $name ($share -ge 95 -and $span.throttled -eq 0) "$(Pct $share), $($span.throttled) × 429"
        Add-Row $name, "$(N $span.served) of $(N $span.allowed) allowed served ($(Pct $share)); $(N $span.throttled) × 429", '—', '—',
            "$(N $span.served)", "$(N $c.peakWorkingSetMB) MB (largest process)", '≥ 95% of allowed served, zero 429', $met
    }
    $notes.Add("**ceiling across processes, how to read it.** The same measure as the ceiling above, but $($c.processes) separate pwsh processes (one runspace each) instead of runspaces of one process: each connected with ``Connect-WcxAccount -RequestsPerMinute $(N $c.firstWindow.allowed) -RateLimitStore <uri>`` to one $($c.store) store on 127.0.0.1 (tools/Store.psm1), so that they drew from one minute window, and started together once all had signed in. Without the store each process would allow itself the whole limit and together they would ask for $($c.processes) times what the sandbox admits. The last call ended $(N $c.lastCallEndedAtSeconds 1) s in; the processes' limiters ended $(($c.storeStatus | ForEach-Object { "'$_'" }) -join ', ') (``Get-WcxContext``'s RateLimitStoreStatus). Served counts the $(N $c.authenticateRequests) sign-ins too. Requests the sandbox refused: $(N $c.throttled).")
}

# ---------------------------------------------------------------- materialise
if (Has $s 'materialise') {
    $mt = $s.materialise
    $ratio = $mt.module.objectsPerSecond / $mt.baseline.objectsPerSecond
    $met = Add-Target 'materialise' ($ratio -ge 2) "$(N $ratio 1)×"
    Add-Row "materialise: $(N $mt.pages) pages of 100 contacts", "$(N $mt.module.objectsPerSecond) objects/s", "$(N $mt.baseline.objectsPerSecond) objects/s",
        "$(N $ratio 1)×", 'none (in memory)', "$(N $mt.peakWorkingSetMB) MB (both, one process)", '≥ 2×', $met
    $notes.Add("**materialise, how to read it.** Both sides in one process, round for round in alternating order after warm-up rounds (JIT tiering), $($mt.module.rounds) rounds of $(N $mt.recordsPerRound) records each; the median round is shown (module rounds: $(($mt.module.roundRates | ForEach-Object { N $_ }) -join ', '); baseline: $(($mt.baseline.roundRates | ForEach-Object { N $_ }) -join ', ') objects/s). Counted per second of this process's CPU instead of wall-clock time, which other work on the machine does not disturb: $(N $mt.module.objectsPerCpuSecond) vs $(N $mt.baseline.objectsPerCpuSecond) objects/s ($(N ($mt.module.objectsPerCpuSecond / $mt.baseline.objectsPerCpuSecond) 1)×). The module side is ``Get-WcxContact`` with the session's HTTP handler answering from memory (bench/BenchTools.cs), so it includes the module's whole read path except the network; the baseline is ``ConvertFrom-Json | Select-Object -ExpandProperty data`` on the same page bodies (bench/baselines/Materialise.ps1). The module's JSON reading alone (its client's page reader, no pipeline objects) ran at $(N $mt.jsonOnlyObjectsPerSecond) objects/s: $(N (1e6 / $mt.jsonOnlyObjectsPerSecond) 1) µs of the module's $(N (1e6 / $mt.module.objectsPerSecond) 1) µs per object; the rest is PowerShell's work for each object (wrapping it, a note property for each field the model lacks, passing it down the pipeline), which the baseline's $(N (1e6 / $mt.baseline.objectsPerSecond) 1) µs per object include too.")
    if ($ratio -lt 2) {
        $notes.Add("**materialise** is $(Pct (100 * (1 - $ratio / 2))) short of 2× ($(N $ratio 2)×; per CPU-second $(N ($mt.module.objectsPerCpuSecond / $mt.baseline.objectsPerCpuSecond) 2)×). The module's JSON reading is not where it falls short: alone it ran at $(N ($mt.jsonOnlyObjectsPerSecond / $mt.baseline.objectsPerSecond) 1)× the baseline's whole rate. It is the per-object work on the PowerShell side, common to both, that bounds the ratio (see above).")
    }
}

# ---------------------------------------------------------------- single call
if (Has $s 'singleCall') {
    $sc = $s.singleCall
    $ratio = $sc.baseline.medianMs / $sc.module.medianMs
    $met = Add-Target 'single call' ($sc.module.medianMs -le $sc.baseline.medianMs) "$(N $sc.module.medianMs 2) vs $(N $sc.baseline.medianMs 2) ms"
    Add-Row 'single call: `Get-WcxCase -Id`', "$(N $sc.module.medianMs 2) ms median (p90 $(N $sc.module.p90Ms 2))", "$(N $sc.baseline.medianMs 2) ms median (p90 $(N $sc.baseline.p90Ms 2))",
        "$(N $ratio 1)×", "$(N $sc.module.calls) / $(N $sc.baseline.calls) (+ warm-up)", "$(N $sc.peakWorkingSetMB) MB (both, one process)", 'no slower than Invoke-RestMethod', $met
    if ($ratio -lt 1) { $notes.Add("**single call**: the module's median was $(Pct (100 * ($sc.module.medianMs / $sc.baseline.medianMs - 1))) slower than Invoke-RestMethod's.") }
}

# ---------------------------------------------------------------- write
$e = $Results.environment
$sb = $Results.sandbox
$missed = @($targets | Where-Object { -not $_.Met })
$md = [Collections.Generic.List[string]]::new()
$md.Add('# WiseCx benchmarks')
$md.Add('')
$md.Add("Figures of one ``./build.ps1 Bench`` run, $($Results.date): $($e.os), $($e.cores) cores, PowerShell $($e.powershell) on $($e.dotnet). The sandbox listened on $($sb.listen) with $($sb.latencyMs) ms added to every request (none for the single call and the ceiling) and the API's documented limits enforced: $(N $sb.rateLimitPerMinute) requests a minute, $(N $sb.rateLimitPerDay) a day. Each measurement ran in its own pwsh process; the scenarios and baselines are in ``bench/`` (``bench/baselines/`` holds the hand-written Invoke-RestMethod scripts) and every figure, run by run, is in ``results.json``. Benchmarks report; nothing here is asserted by a test.")
$md.Add('')
$md.Add("**Two cores, shared.** The sandbox and the client ran on the same $($e.cores) cores, so the server's work for every request came out of the CPU the client needed; and the machine is shared with other work, which took its share during the run (load average $(N $e.loadAverageAtStart 1) at the start, $(N $e.loadAverageAtEnd 1) at the end; ``machineBusyPercent`` per measurement in results.json). Ratios taken within one run are steadier than absolute figures.")
$md.Add('')
$md.Add('Ratio: how many times better the module did (rate ÷ rate, or time ÷ time). Requests: API requests the measured part sent (the sign-in not counted). Peak memory: the peak working set of the measuring process.')
$md.Add('')
$md.Add('| scenario | module | baseline | ratio | requests (module / baseline) | peak memory (module / baseline) | target | met |')
$md.Add('|---|---|---|---|---|---|---|---|')
foreach ($row in $rows) { $md.Add($row) }
$md.Add('')
$md.Add("**$($targets.Count - $missed.Count) of $($targets.Count) targets met**$(if ($missed) { '; not met: ' + (($missed | ForEach-Object { "$($_.Name) ($($_.Text))" }) -join ', ') + '.' } else { '.' })")
$md.Add('')
$md.Add('## Notes')
$md.Add('')
foreach ($note in $notes) { $md.Add($note); $md.Add('') }
$md.Add("The run took $(N $e.benchSeconds) s (build not included).")

Set-Content -Path $OutputPath -Value ($md -join "`n") -Encoding utf8NoBOM
