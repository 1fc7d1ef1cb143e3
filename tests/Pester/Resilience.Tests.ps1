# Resilience through the cmdlets, against the sandbox over HTTP: a chaos run under injected faults (error records and
# their ids, no duplicate, the final state as reported), and stopping a command (Ctrl+C) within a second wherever it waits.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox

    function Reset-TestSandbox {
        $null = Invoke-RestMethod -Uri "$($sandbox.Root)/_sandbox/reset" -Method Post
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Chaos run through the cmdlets' {
    BeforeAll { Reset-TestSandbox }
    AfterAll { Reset-TestSandbox }

    It 'survives 200 operations under 20% faults: reads and changes succeed, unsure creates are WcxWriteOutcomeUnknown, none is duplicated' {
        # 8 retries: an attempt of a read or change fails with probability 0.2 whatever the fault, so an operation fails only
        # when 9 attempts in a row do: 0.2^9 = 5e-7, about 1e-4 over the ~200 requests here. The cmdlets back off from 1 s,
        # doubling, so the operations run in 8 parallel runspaces sharing one session, as ForEach-Object -Parallel allows.
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -MaxRetryCount 8 -PassThru
        $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate 0.2 -Seed 77
        $run = [guid]::NewGuid().ToString('N').Substring(0, 8)

        $workers = 0..7 | ForEach-Object -ThrottleLimit 8 -Parallel {
            $worker = $_
            $run = $using:run
            $s = $using:session
            Import-Module $using:ModulePath
            $random = [Random]::new(500 + $worker)
            $records = [System.Collections.Generic.List[object]]::new()
            $live = [System.Collections.Generic.List[object]]::new()
            $failures = [System.Collections.Generic.List[string]]::new()
            $count = @{ create = 0; read = 0; update = 0; delete = 0 }
            foreach ($i in 1..25) {
                $roll = $random.NextDouble()
                try {
                    if ($live.Count -eq 0 -or $roll -lt 0.35) {
                        $count.create++
                        $record = [pscustomobject]@{ Subject = "PChaos $run $worker-$i"; Outcome = $null; Id = 0; Deleted = $false
                                                     Status = 'opened'; Priority = 'none'; ErrorId = $null; Target = $null; Advice = $null }
                        $records.Add($record)
                        $created = New-WcxCase -Session $s -GroupId 1234 -SourceChannel web -Subject $record.Subject `
                            -Activity @{ type = 'contact_message'; content = 'chaos'; contact_from = @{ email = "chaos-$run-$worker-$i@example.com" } } `
                            -ErrorAction SilentlyContinue -ErrorVariable problem -WarningAction SilentlyContinue
                        if ($created) {
                            $record.Outcome = 'created'; $record.Id = $created.Id
                            $live.Add($record)
                        }
                        else {
                            $record.Outcome = 'error'
                            $record.ErrorId = $problem[0].FullyQualifiedErrorId
                            $record.Target = $problem[0].TargetObject
                            $record.Advice = $problem[0].ErrorDetails.RecommendedAction
                        }
                    }
                    elseif ($roll -lt 0.60) {
                        $count.read++
                        $record = $live[$random.Next($live.Count)]
                        $read = Get-WcxCase -Session $s -Id $record.Id -ErrorAction SilentlyContinue -ErrorVariable problem
                        if ($problem) { $failures.Add("read $($record.Id): $($problem[0].FullyQualifiedErrorId) $($problem[0])") }
                        elseif ("$($read.Subject)|$($read.Status)|$($read.Priority)" -ne "$($record.Subject)|$($record.Status)|$($record.Priority)") {
                            $failures.Add("read $($record.Id) gave $($read.Status)/$($read.Priority), expected $($record.Status)/$($record.Priority)")
                        }
                    }
                    elseif ($roll -lt 0.85) {
                        $count.update++
                        $record = $live[$random.Next($live.Count)]
                        $status = ('pending', 'hold', 'solved', 'opened')[$random.Next(4)]
                        $priority = ('low', 'medium', 'high', 'very-high')[$random.Next(4)]
                        Set-WcxCase -Session $s -Id $record.Id -Status $status -Priority $priority -ErrorAction SilentlyContinue -ErrorVariable problem
                        if ($problem) { $failures.Add("update $($record.Id): $($problem[0].FullyQualifiedErrorId) $($problem[0])") }
                        else { $record.Status = $status; $record.Priority = $priority }
                    }
                    else {
                        $count.delete++
                        $record = $live[$random.Next($live.Count)]
                        $null = $live.Remove($record)
                        Remove-WcxCase -Session $s -Id $record.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable problem
                        if ($problem) { $failures.Add("delete $($record.Id): $($problem[0].FullyQualifiedErrorId) $($problem[0])") }
                        else { $record.Deleted = $true }
                    }
                }
                catch {
                    $failures.Add("operation $i threw: $($_.FullyQualifiedErrorId) $_")
                }
            }
            [pscustomobject]@{ Records = $records.ToArray(); Failures = $failures.ToArray(); Operations = $count }
        }

        $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate 0
        $stats = Get-WcxSandboxStats -Sandbox $sandbox
        $records = @($workers.Records)
        $failures = @($workers.Failures)
        $operations = ($workers.Operations | ForEach-Object { $_.Values } | Measure-Object -Sum).Sum
        $unknown = @($records | Where-Object Outcome -EQ 'error')

        $failures | Should -BeNullOrEmpty
        $operations | Should -Be 200
        $stats.byStatus.PSObject.Properties.Name | Should -Contain '503' -Because 'faults were injected'
        ($stats.faults.PSObject.Properties.Value | Measure-Object -Sum).Sum | Should -BeGreaterThan 20
        # Every create that did not certainly succeed is an error record saying so, on the subject it was about.
        $unknown.Count | Should -BeGreaterThan 0
        foreach ($record in $unknown) {
            $record.ErrorId | Should -BeExactly 'WcxWriteOutcomeUnknown,WiseCx.PowerShell.Commands.NewWcxCaseCommand'
            $record.Target | Should -BeExactly $record.Subject
            $record.Advice | Should -BeLike '*Get-WcxCase*'
        }
        # The final state is what the cmdlets reported: one case per created subject unless removed, 0 or 1 when unsure.
        $counts = @{}
        foreach ($p in $stats.casesBySubject.PSObject.Properties) { $counts[$p.Name] = [int]$p.Value }
        foreach ($record in $records) {
            $n = if ($counts.ContainsKey($record.Subject)) { $counts[$record.Subject] } else { 0 }
            if ($record.Outcome -eq 'created') {
                $n | Should -Be ([int](-not $record.Deleted)) -Because "'$($record.Subject)' was reported created (deleted: $($record.Deleted))"
                if (-not $record.Deleted) {
                    $stored = Get-WcxCase -Session $session -Id $record.Id
                    "$($stored.Status)/$($stored.Priority)" | Should -BeExactly "$($record.Status)/$($record.Priority)"
                }
            }
            else {
                $n | Should -BeIn 0, 1 -Because "'$($record.Subject)' was reported as maybe created"
            }
        }
        @($counts.Keys | Where-Object { $_ -like "PChaos $run *" }).Count | Should -BeLessOrEqual $records.Count
        Disconnect-WcxAccount
    }
}

Describe 'Stopping a command (Ctrl+C) within a second' {
    BeforeAll {
        Reset-TestSandbox
        $null = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri
        $caseIds = @(Get-WcxCase -First 2).Id
        Disconnect-WcxAccount

        # Starts $Command in a PowerShell instance of its own (as a console runs a pipeline), waits until $Ready says the
        # command is where the test wants it, then stops it as Ctrl+C does and returns how long stopping took.
        function Measure-Stop {
            param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [scriptblock] $Ready)
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("param(`$Module, `$Session, `$Ids) Import-Module `$Module; $Command").
                    AddParameter('Module', $ModulePath).AddParameter('Session', $Session).AddParameter('Ids', $caseIds)
                $async = $ps.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(30)
                while (-not (& $Ready)) {
                    if ($async.IsCompleted) { throw "The command ended before it could be stopped: $($ps.Streams.Error | Out-String)" }
                    if ([DateTime]::UtcNow -gt $deadline) { throw 'The command never reached the point where it should be stopped.' }
                    Start-Sleep -Milliseconds 20
                }
                $sentBefore = $Session.RequestCount
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $clock.Stop()
                [pscustomobject]@{
                    Elapsed    = $clock.Elapsed
                    State      = $ps.InvocationStateInfo.State
                    SentBefore = $sentBefore
                    SentAfter  = $Session.RequestCount
                }
            }
            finally {
                $ps.Dispose()
            }
        }

        function Connect-Stoppable([hashtable] $Extra = @{}) {
            Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PassThru @Extra
        }
    }
    AfterEach { Reset-TestSandbox }

    It 'stops a request in flight (10 s of server latency)' {
        $session = Connect-Stoppable
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ latencyMs = 10000 }
        $start = $session.RequestCount
        $since = [DateTime]::UtcNow
        $result = Measure-Stop -Session $session -Command 'Get-WcxCase -Session $Session -Id $Ids[0]' -Ready {
            # The request has been sent, and has waited a moment for its answer.
            $session.RequestCount -gt $start -and ([DateTime]::UtcNow - $since).TotalMilliseconds -gt 1500
        }
        $result.Elapsed.TotalSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        $result.SentAfter | Should -Be $result.SentBefore
    }

    It 'stops mid-backoff between retries of a 503' {
        $session = Connect-Stoppable @{ MaxRetryCount = 10 }
        $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate 1.0 -Kind unavailable-before
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $start = $session.RequestCount
        $result = Measure-Stop -Session $session -Command 'Get-WcxCase -Session $Session -Id $Ids[0]' -Ready {
            # Two 503s answered and nothing in flight: the client waits before its third attempt (about 2 s).
            $answered = @(Get-ApiRequest -Sandbox $sandbox | Where-Object status -EQ 503).Count
            $answered -ge 2 -and $session.RequestCount - $start -eq $answered
        }
        $result.Elapsed.TotalSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        $result.SentAfter | Should -Be $result.SentBefore -Because 'the stop came while waiting, and no attempt followed it'
    }

    It 'stops while honouring a long Retry-After of the server''s rate limit' {
        $session = Connect-Stoppable
        # The limit counts from now: the first read is admitted, the second is refused with Retry-After near 60 s.
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ rateLimitPerMinute = 1 }
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $result = Measure-Stop -Session $session -Command 'Get-WcxCase -Session $Session -Id $Ids' -Ready {
            @(Get-ApiRequest -Sandbox $sandbox | Where-Object throttled).Count -ge 1
        }
        $result.Elapsed.TotalSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        @(Get-ApiRequest -Sandbox $sandbox | Where-Object throttled)[0].status | Should -Be 429
    }

    It 'stops while waiting for a slot of the session''s own limiter' {
        # 2 a minute: the connect and the first read use them, the second read waits a minute for a slot.
        $session = Connect-Stoppable @{ RequestsPerMinute = 2 }
        $start = $session.RequestCount
        $since = [DateTime]::UtcNow
        $result = Measure-Stop -Session $session -Command 'Get-WcxCase -Session $Session -Id $Ids' -Ready {
            $session.RequestCount -gt $start -and ([DateTime]::UtcNow - $since).TotalMilliseconds -gt 1500
        }
        $result.Elapsed.TotalSeconds | Should -BeLessThan 1
        $result.State | Should -Be 'Stopped'
        $session.RequestsThisMinute | Should -Be 2
    }
}
