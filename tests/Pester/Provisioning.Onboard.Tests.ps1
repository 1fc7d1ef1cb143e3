# Onboarding from a CSV with creates that overlap (New-WcxUser -ThrottleLimit): output in input order, the created
# users read back in batches, no create repeated under faults, the session's limiter governing every request. Proven
# on the sandbox's own request log, never on time.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    function Reset-Sandbox { $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Root)/_sandbox/reset" }

    function New-Row {
        param([string] $Prefix, [int] $Count)
        1..$Count | ForEach-Object {
            [pscustomobject]@{ UserName = '{0}{1:000}@onboard.example' -f $Prefix, $_; Nick = "$Prefix $_"; FirstName = 'Agent'; LastName = "$_"; IsBot = '' }
        }
    }

    # The most POSTs the sandbox was serving at one moment, from each request's start and duration in its log.
    function Get-MaxInFlight {
        param([object[]] $Requests)
        $edges = foreach ($r in $Requests) {
            # Invoke-RestMethod has already read the ISO time as a [datetime] (with its milliseconds).
            $start = ([datetime]$r.time).ToUniversalTime().Ticks / 10000.0
            [pscustomobject]@{ At = $start; Step = 1 }
            [pscustomobject]@{ At = $start + [double]$r.durationMs; Step = -1 }
        }
        $now = 0; $max = 0
        foreach ($e in ($edges | Sort-Object At, Step)) { $now += $e.Step; if ($now -gt $max) { $max = $now } }
        $max
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'New-WcxUser with creates in flight (-ThrottleLimit)' {
    BeforeEach {
        Reset-Sandbox
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }

    It 'writes the users in input order while the creates overlap' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ latencyMs = 60; jitterMs = 120 }
        $rows = @(New-Row -Prefix order -Count 40)

        $users = @($rows | New-WcxUser -ThrottleLimit 6)

        $users.Count | Should -Be 40
        $users.UserName | Should -Be $rows.UserName
        $users[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.User'
        $users[0].CreatedAt | Should -BeOfType [datetime]
        $posts = @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/users')
        $posts.Count | Should -Be 40
        $inFlight = Get-MaxInFlight -Requests $posts
        $inFlight | Should -BeGreaterThan 1 -Because 'creates were under way together'
        # +1: the sandbox logs the end of a request after its answer left, when the next one may have started.
        $inFlight | Should -BeLessOrEqual 7 -Because 'no more than -ThrottleLimit creates are sent at once'
    }

    It 'reads the created users back in batches of 100 ids: requests per user stay within users + users/100 + 5' {
        $rows = @(New-Row -Prefix count -Count 200)

        $users = @($rows | New-WcxUser)

        $users.Count | Should -Be 200
        $users.UserName | Should -Be $rows.UserName
        $log = @(Get-WcxSandboxRequestLog -Sandbox $sandbox)
        @($log | Where-Object method -eq 'POST').Count | Should -Be 200
        $gets = @($log | Where-Object method -eq 'GET' | Where-Object path -notlike '*/authenticate')
        $gets.Count | Should -Be 2
        $gets | ForEach-Object { $_.path | Should -BeExactly '/core/v1/users'; [uri]::UnescapeDataString($_.query) | Should -Match "'operator':'IN'" }
        $log.Count | Should -BeLessOrEqual (200 + 2 + 5)
        # What the read-back gives is what was created.
        (Get-WcxUser -Id $users[150].Id).UserName | Should -BeExactly $rows[150].UserName
    }

    It 'falls back to one GET per user where the API refuses a filter on /users (the collection profile)' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Profile collection
        $rows = @(New-Row -Prefix strict -Count 5)

        $users = @($rows | New-WcxUser -WarningVariable warnings)

        $users.UserName | Should -Be $rows.UserName
        $users[0].CreatedAt | Should -BeOfType [datetime]
        $warnings | Should -BeNullOrEmpty
        @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/users/*').Count | Should -Be 5
    }

    It 'creates each user at most once under faults and reports the uncertain ones, in input order' {
        $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate 0.25 -Kind error-after, reset-after -Seed 7
        $rows = @(New-Row -Prefix fault -Count 40)

        $out = @($rows | New-WcxUser -ThrottleLimit 8 -ErrorVariable failures -ErrorAction SilentlyContinue)
        $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate 0

        $failures.Count | Should -BeGreaterThan 0 -Because 'a quarter of the requests were faulted'
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'WcxWriteOutcomeUnknown,*' }
        ($out.Count + $failures.Count) | Should -Be 40
        # One POST per user: nothing that may have been applied was sent again.
        @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/users').Count | Should -Be 40
        # Each user exists at most once, and every one written exists.
        $all = @(Get-WcxUser -UserName '*@onboard.example')
        ($all | Group-Object UserName | Where-Object Count -gt 1) | Should -BeNullOrEmpty
        $out.UserName | ForEach-Object { $_ | Should -BeIn $all.UserName }
        # Output and errors keep the input order: both follow the rows.
        $expected = @($rows.UserName | Where-Object { $_ -in $out.UserName })
        $out.UserName | Should -Be $expected
        $failed = @($failures.TargetObject)
        $failed | Should -Be @($rows.UserName | Where-Object { $_ -in $failed })
    }

    It 'stays within the session''s limiter with creates in flight: no 429 from a sandbox enforcing a limit' {
        # The session allows 10 a minute, the sandbox 12 (room for /authenticate); 12 users need more than 10 requests, so
        # the limiter must hold creates back for the rest of the minute.
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ rateLimitPerMinute = 12 }
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -RequestsPerMinute 10 -PassThru
        try {
            $rows = @(New-Row -Prefix limit -Count 12)
            $users = @($rows | New-WcxUser -Session $session -ThrottleLimit 8)
            $users.UserName | Should -Be $rows.UserName
            $log = @(Get-WcxSandboxRequestLog -Sandbox $sandbox)
            @($log | Where-Object status -eq 429).Count | Should -Be 0
            @($log | Where-Object throttled).Count | Should -Be 0
            @($log | Where-Object method -eq 'POST').Count | Should -Be 12
        }
        finally {
            $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ rateLimitPerMinute = 0 }
            Connect-TestSandbox -Sandbox $sandbox
        }
    }

    It 'names every user it created, and every create not sent, when the day''s limit stops it with creates in flight' {
        # A budget of 6 requests: the sign-in and 5 creates; the 6th to 8th create find the day used up, unsent.
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -DailyRequestLimit 6 -PassThru
        $rows = @(New-Row -Prefix budget -Count 10)
        $warnings = @()
        $users = @()
        $caught = $null
        try { $rows | New-WcxUser -Session $session -ThrottleLimit 8 -WarningVariable +warnings -WarningAction SilentlyContinue | ForEach-Object { $users += $_ } }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'WcxDailyLimitReached*'
        $created = @(Get-ApiRequest -Sandbox $sandbox -Method POST | Where-Object status -lt 300)
        $created.Count | Should -Be 5
        # Each user the API created is either written or named with its id in a warning: none is lost from sight.
        $named = @($warnings | ForEach-Object { if ("$_" -match 'was created with id (\d+)') { [long]$Matches[1] } })
        ($users.Count + $named.Count) | Should -Be 5
        @($warnings | Where-Object { "$_" -like '*was not created: its request was not sent*' }).Count | Should -BeGreaterOrEqual 1
        Connect-TestSandbox -Sandbox $sandbox
    }

    It 'still asks -WhatIf per user and sends nothing' {
        $rows = @(New-Row -Prefix whatif -Count 3)
        $rows | New-WcxUser -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}
