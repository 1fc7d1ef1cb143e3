# The case endpoints only the vendor's Spanish documentation lists (PUT /cases/{id}/transfer and /status, POST
# /cases/{id}/summarize): what is sent, and the fallback to the documented PUT /cases/{id} on an API without them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Use-SpanishEndpoints([string] $Mode) {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ spanishEndpoints = $Mode }
    }
    # The writes the module sent, in order, from the sandbox's log (method and path; admin calls are not logged).
    function Get-Write { @(Get-ApiRequest -Sandbox $sandbox | Where-Object { $_.method -ne 'GET' }) }
    # The request bodies the session sent to a path, from the client's history, read as objects.
    function Get-SentBody([string] $PathLike) {
        @(Get-WcxRequestHistory | Where-Object { $_.Path -like $PathLike -and $_.RequestBody } | ForEach-Object { $_.RequestBody | ConvertFrom-Json })
    }
    $cases = @(Get-WcxCase -First 6)
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Move-WcxCase' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }
    # The fallback tests connect sessions of their own: each test starts from the default one again.
    AfterEach { Use-SpanishEndpoints served; Connect-TestSandbox -Sandbox $sandbox }

    It 'sends PUT /cases/{id}/transfer with the group and user given, and -PassThru returns the moved case' {
        $case = $cases[0]
        $moved = Move-WcxCase -Id $case.Id -GroupId 53 -UserId 10 -PassThru
        $writes = Get-Write
        $writes.Count | Should -Be 1
        $writes[0].method | Should -Be 'PUT'
        $writes[0].path | Should -Be "/core/v1/cases/$($case.Id)/transfer"
        $body = @(Get-SentBody "*/cases/$($case.Id)/transfer")[-1]
        $body.group_id | Should -Be 53
        $body.user_id | Should -Be 10
        $moved.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Case'
        $moved.GroupId | Should -Be 53
        $moved.UserId | Should -Be 10
        $activities = @(Get-WcxCaseActivity -CaseId $case.Id | Where-Object { $_.Type -eq 'system' -and $_.Content -like '`[transfer`]*' })
        $activities.Count | Should -BeGreaterThan 0
    }

    It 'sends only the fields given: -UserId 0 unassigns and leaves the group' {
        $case = $cases[1]
        $before = Get-WcxCase -Id $case.Id
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Move-WcxCase -Id $case.Id -UserId 0
        $body = @(Get-SentBody "*/cases/$($case.Id)/transfer")[-1]
        @($body.PSObject.Properties.Name) | Should -Be @('user_id')
        $body.user_id | Should -Be 0
        $after = Get-WcxCase -Id $case.Id
        $after.UserId | Should -Be 0
        $after.GroupId | Should -Be $before.GroupId
    }

    It 'moves each piped case once: N cases make N transfer PUTs' {
        $piped = $cases[2..5]
        $piped | Move-WcxCase -GroupId 1234
        $writes = Get-Write
        $writes.Count | Should -Be $piped.Count
        ($writes | ForEach-Object { "$($_.method) $($_.path)" }) |
            Should -Be ($piped | ForEach-Object { "PUT /core/v1/cases/$($_.Id)/transfer" })
        # Objects with a CaseId property bind too.
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        [pscustomobject]@{ CaseId = $cases[2].Id } | Move-WcxCase -UserId 11
        (Get-Write).path | Should -Be "/core/v1/cases/$($cases[2].Id)/transfer"
    }

    It 'refuses a move without -GroupId and -UserId, and other kinds of objects, before sending' {
        { Move-WcxCase -Id $cases[0].Id -ErrorAction Stop } | Should -Throw -ErrorId 'WcxInvalidArgument,*'
        [pscustomobject]@{ QueueId = 5; Name = 'not a case' } | Move-WcxCase -GroupId 53 -ErrorAction SilentlyContinue -ErrorVariable wrong
        $wrong.Count | Should -Be 1
        $wrong[0].FullyQualifiedErrorId | Should -BeLike 'WcxWrongInputType,*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf (nor does Set-WcxCase -Status), and says what it would do' {
        Move-WcxCase -Id $cases[0].Id -GroupId 53 -WhatIf
        $cases[0..1] | Move-WcxCase -UserId 10 -WhatIf
        Set-WcxCase -Id $cases[0].Id -Status closed -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        # -WhatIf writes to the host, not to a stream: a child PowerShell's console text shows it (no session needed).
        $text = (Invoke-ChildPwsh -Script "Import-Module '$ModulePath'; Move-WcxCase -Id 12 -GroupId 53 -UserId 10 -WhatIf").Output
        $text | Should -BeLike '*What if: Performing the operation "Move case to group=53, user=10" on target "case 12".*'
    }

    It 'falls back to PUT /cases/{id} when the API answers <mode>, and the session then goes there at once' -ForEach @(
        @{ Mode = 'not-found'; Status = 404 }, @{ Mode = 'not-implemented'; Status = 501 }
    ) {
        Use-SpanishEndpoints $Mode
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Move-WcxCase -Id $cases[0].Id -GroupId 77 -UserId 11 -Session $session
        Move-WcxCase -Id $cases[1].Id -GroupId 77 -Session $session
        (Get-Write | ForEach-Object { "$($_.method) $($_.path) $($_.status)" }) | Should -Be @(
            "PUT /core/v1/cases/$($cases[0].Id)/transfer $Status"
            "PUT /core/v1/cases/$($cases[0].Id) 200"
            "PUT /core/v1/cases/$($cases[1].Id) 200"
        )
        $fallback = @(Get-WcxRequestHistory -Session $session | Where-Object { $_.Path -like "*/cases/$($cases[0].Id)" -and $_.Method -eq 'PUT' })[-1].RequestBody | ConvertFrom-Json
        $fallback.group_id | Should -Be 77
        $fallback.user_id | Should -Be 11
        (Get-WcxCase -Id $cases[0].Id).GroupId | Should -Be 77
        (Get-WcxCase -Id $cases[1].Id).GroupId | Should -Be 77
    }

    It 'reports a case that does not exist once, as not found, through the fallback too' -ForEach @(
        @{ Mode = 'served' }, @{ Mode = 'not-found' }
    ) {
        Use-SpanishEndpoints $Mode
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Move-WcxCase -Id 987654321 -GroupId 53 -Session $session -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.MoveWcxCaseCommand'
        $failure[0].TargetObject | Should -Be 987654321
        # The failed fallback is not remembered: the next move tries the transfer endpoint again.
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Use-SpanishEndpoints served
        Move-WcxCase -Id $cases[0].Id -GroupId 53 -Session $session
        (Get-Write).path | Should -Be "/core/v1/cases/$($cases[0].Id)/transfer"
    }
}

Describe 'Set-WcxCase -Status: a change of status alone goes to PUT /cases/{id}/status' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }
    # The fallback tests connect sessions of their own: each test starts from the default one again.
    AfterEach { Use-SpanishEndpoints served; Connect-TestSandbox -Sandbox $sandbox }

    It 'sends {"status"} to /status, normalised as before' {
        $case = $cases[3]
        Set-WcxCase -Id $case.Id -Status PENDING -WarningVariable warned
        $writes = Get-Write
        $writes.Count | Should -Be 1
        $writes[0].path | Should -Be "/core/v1/cases/$($case.Id)/status"
        $writes[0].method | Should -Be 'PUT'
        $body = @(Get-SentBody "*/cases/$($case.Id)/status")[-1]
        @($body.PSObject.Properties.Name) | Should -Be @('status')
        $body.status | Should -BeExactly 'pending'
        $warned | Should -BeNullOrEmpty
        (Get-WcxCase -Id $case.Id).Status | Should -BeExactly 'pending'

        # Any other combination keeps the one PUT /cases/{id}.
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Set-WcxCase -Id $case.Id -Status solved -Priority high
        Set-WcxCase -Id $case.Id -Subject 'Only the subject'
        (Get-Write | ForEach-Object { "$($_.method) $($_.path)" }) | Should -Be @(
            "PUT /core/v1/cases/$($case.Id)", "PUT /core/v1/cases/$($case.Id)"
        )
        (Get-SentBody "*/cases/$($case.Id)")[-2].status | Should -BeExactly 'solved'
    }

    It 'falls back to PUT /cases/{id} {"status"} when the API answers <mode>, once per session' -ForEach @(
        @{ Mode = 'not-found'; Status = 404 }, @{ Mode = 'not-implemented'; Status = 501 }
    ) {
        Use-SpanishEndpoints $Mode
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $cases[0..1] | Set-WcxCase -Status hold -Session $session
        (Get-Write | ForEach-Object { "$($_.method) $($_.path) $($_.status)" }) | Should -Be @(
            "PUT /core/v1/cases/$($cases[0].Id)/status $Status"
            "PUT /core/v1/cases/$($cases[0].Id) 200"
            "PUT /core/v1/cases/$($cases[1].Id) 200"
        )
        $body = @(Get-WcxRequestHistory -Session $session | Where-Object { $_.Path -like "*/cases/$($cases[1].Id)" -and $_.Method -eq 'PUT' })[-1].RequestBody | ConvertFrom-Json
        @($body.PSObject.Properties.Name) | Should -Be @('status')
        $body.status | Should -BeExactly 'hold'
        (Get-WcxCase -Id $cases[0].Id).Status | Should -BeExactly 'hold'
        (Get-WcxCase -Id $cases[1].Id).Status | Should -BeExactly 'hold'
    }

    It 'reports a case that does not exist once, as not found' {
        Use-SpanishEndpoints not-found
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Set-WcxCase -Id 987654321 -Status closed -Session $session -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.SetWcxCaseCommand'
        # The status endpoint first, then the documented one, whose 404 is the one reported.
        (Get-Write | ForEach-Object { "$($_.method) $($_.path) $($_.status)" }) | Should -Be @(
            'PUT /core/v1/cases/987654321/status 404', 'PUT /core/v1/cases/987654321 404'
        )
    }
}

Describe 'Get-WcxCaseSummary' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }
    # The fallback tests connect sessions of their own: each test starts from the default one again.
    AfterEach { Use-SpanishEndpoints served; Connect-TestSandbox -Sandbox $sandbox }

    It 'posts /cases/{id}/summarize with no body and returns the summary with its case id' {
        $case = $cases[0]
        $summary = Get-WcxCaseSummary -Id $case.Id
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests.Count | Should -Be 1
        "$($requests[0].method) $($requests[0].path)" | Should -Be "POST /core/v1/cases/$($case.Id)/summarize"
        @(Get-WcxRequestHistory | Where-Object { $_.Path -like "*/cases/$($case.Id)/summarize" })[-1].RequestBody | Should -BeNullOrEmpty
        $summary.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.CaseSummary'
        $summary.CaseId | Should -Be $case.Id
        $summary.Summary | Should -BeLike "Case $($case.Id) *status *priority *"
        $summary.CreatedAt | Should -BeOfType [datetime]
        # Nothing changed: the same case gives the same text.
        (Get-WcxCaseSummary -Id $case.Id).Summary | Should -BeExactly $summary.Summary
    }

    It 'summarises each piped case once, in order' {
        $piped = $cases[1..3]
        $summaries = @($piped | Get-WcxCaseSummary)
        $summaries.CaseId | Should -Be $piped.Id
        (Get-ApiRequest -Sandbox $sandbox | ForEach-Object { "$($_.method) $($_.path)" }) |
            Should -Be ($piped | ForEach-Object { "POST /core/v1/cases/$($_.Id)/summarize" })
        # Objects with a CaseId property bind too.
        ([pscustomobject]@{ CaseId = $cases[1].Id } | Get-WcxCaseSummary).CaseId | Should -Be $cases[1].Id
    }

    It 'reports a case that does not exist as not found' {
        Get-WcxCaseSummary -Id 987654321 -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxCaseSummaryCommand'
    }

    It 'says this API does not offer summaries when it answers <mode>, and then sends nothing more for them' -ForEach @(
        @{ Mode = 'not-found' }, @{ Mode = 'not-implemented' }
    ) {
        Use-SpanishEndpoints $Mode
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $cases[0..1] | Get-WcxCaseSummary -Session $session -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 2
        $failure | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeExactly 'WcxEndpointNotOffered,WiseCx.PowerShell.Commands.GetWcxCaseSummaryCommand' }
        $failure[0].Exception.Message | Should -BeLike '*does not offer case summaries*'
        $failure[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failure[0].TargetObject | Should -Be $cases[0].Id
        $summarize = @(Get-ApiRequest -Sandbox $sandbox -PathLike '*/summarize')
        $summarize.Count | Should -Be 1 -Because 'the session remembers that the endpoint is absent'
    }

    It 'still reports a case that does not exist as not found when the endpoint answers 404' {
        Use-SpanishEndpoints not-found
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Get-WcxCaseSummary -Id 987654321 -Session $session -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxCaseSummaryCommand'
    }
}
