# What -Debug shows of an exchange, and what Get-WcxRequestHistory keeps of it: bodies shown, secrets never.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    $key = 'wcx-sandbox-key'
    $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
}
AfterAll {
    Disconnect-WcxAccount
    $sandbox | Stop-WcxDevSandbox
}

Describe 'The -Debug stream of New-WcxCase and Set-WcxCase' {
    It 'shows the JSON body sent and the answer''s body, with the token and key masked' {
        $debug = & {
            $case = New-WcxCase -GroupId 1234 -SourceChannel web -Subject 'debug body probe' -Activity @{ type = 'note'; user_id = 6405; content = 'hola' } -Debug
            $case | Set-WcxCase -Priority high -Debug
            $case | Remove-WcxCase -Confirm:$false
        } 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        $text = $debug -join "`n"
        $text | Should -BeLike '*HTTP request POST /core/v1/cases*"subject": "debug body probe"*'
        $text | Should -BeLike '*HTTP request PUT /core/v1/cases/*"priority": "high"*'
        $text | Should -BeLike '*HTTP response POST /core/v1/cases -> 20*(body: * bytes)*{*'
        $text | Should -BeLike '*Authorization: Bearer `*`*`**'
        $text.Contains((Get-SessionToken $session)) | Should -BeFalse
        $text.Contains($key) | Should -BeFalse
    }
}

Describe 'Get-WcxRequestHistory' {
    It 'shows the sign-in as an entry whose token and key are masked, in the debug stream and the history alike' {
        $fresh = $null
        $debug = & {
            $script:fresh = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PassThru -Debug
        } 5>&1 | ForEach-Object { "$_" }
        $fresh = $script:fresh
        $history = @(Get-WcxRequestHistory -Session $fresh)
        $history.Count | Should -Be 1
        $history[0] | Should -BeOfType ([WiseCx.WcxRequestRecord])
        $history[0].Command | Should -Be 'Connect-WcxAccount'
        $history[0].Path | Should -BeLike '/core/v1/authenticate?user=*'
        $history[0].StatusCode | Should -Be 200
        $history[0].ResponseBody | Should -BeLike '*"token": "`*`*`*"*'
        $history[0].RequestHeaders | Should -BeLike '*x-api-key: `*`*`**'
        $everything = ($debug -join "`n") + ($history | Format-List * | Out-String) + ($history | ConvertTo-Json -Depth 3) + ($history | Out-String)
        $everything.Contains((Get-SessionToken $fresh)) | Should -BeFalse
        $everything.Contains($key) | Should -BeFalse
        Disconnect-WcxAccount -Session $fresh
        # A disconnected session's history can still be read.
        @(Get-WcxRequestHistory -Session $fresh).Count | Should -Be 1
        # Get-WcxRequestHistory itself sends nothing.
        @(Get-WcxRequestHistory -Session $fresh).Count | Should -Be 1
    }

    It '-Last 1 after a failing command shows the failed exchange with the command''s name' {
        Connect-TestSandbox -Sandbox $sandbox
        $null = Get-WcxCase -First 2
        $failure = $null
        try { Get-WcxCase -Id 987654321 -ErrorAction Stop } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $last = @(Get-WcxRequestHistory -Last 1)
        $last.Count | Should -Be 1
        $last[0].Command | Should -Be 'Get-WcxCase'
        $last[0].Method | Should -Be 'GET'
        $last[0].Path | Should -BeLike '/core/v1/cases/987654321*'
        $last[0].StatusCode | Should -Be 404
        $last[0].ResponseBody | Should -Not -BeNullOrEmpty
        $last[0].Attempt | Should -Be 1
        # Newest last, numbered in the order sent.
        $all = @(Get-WcxRequestHistory)
        $all[-1].Id | Should -Be $last[0].Id
        ($all.Id | Sort-Object) -join ',' | Should -Be ($all.Id -join ',')
        $all.Count | Should -BeLessOrEqual 50
        # The table view names the columns that answer "what did it just send?".
        $table = $last | Out-String
        $table | Should -BeLike '*Command*Method*Path*StatusCode*'
        $table | Should -BeLike '*Get-WcxCase*GET*987654321*404*'
    }

    It 'advises Get-WcxRequestHistory -Last 1 where an error advises -Debug, and keeps each retry as an entry' {
        $retrying = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -MaxRetryCount 1 -PassThru
        Set-WcxSandboxFault -Sandbox $sandbox -Rate 1 -Kind unavailable-before | Out-Null
        $failure = $null
        try { Get-WcxQueue -Id 53 -Session $retrying -ErrorAction Stop } catch { $failure = $_ }
        finally { Set-WcxSandboxFault -Sandbox $sandbox -Rate 0 | Out-Null }
        $failure | Should -Not -BeNullOrEmpty
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*Get-WcxRequestHistory -Last 1*-Debug*'
        $last = @(Get-WcxRequestHistory -Session $retrying -Last 2)
        $last.Command | Should -Be 'Get-WcxQueue', 'Get-WcxQueue'
        $last.Attempt | Should -Be 1, 2
        $last.StatusCode | Should -Be 503, 503
        $last.Path | ForEach-Object { $_ | Should -BeLike '/core/v1/queues/53*' }
        Disconnect-WcxAccount -Session $retrying
    }

    It 'writes nothing without a session' {
        Disconnect-WcxAccount
        @(Get-WcxRequestHistory) | Should -BeNullOrEmpty
        Connect-TestSandbox -Sandbox $sandbox
    }
}
