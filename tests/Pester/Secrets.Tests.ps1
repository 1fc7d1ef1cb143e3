# The API key and the token must not reach any stream, error, serialisation or string form of a session.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    $key = 'wcx-sandbox-key'
    # $Error is scanned below: errors of earlier files (an example whose script holds the sandbox's test key) are not this file's.
    $Error.Clear()
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Secrets' {
    It 'never appear in any stream of a full session, nor in errors, nor in the session''s serialisations' {
        $everything = & {
            $ErrorActionPreference = 'Continue'
            $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PassThru -Verbose -Debug
            $session
            Get-WcxContext -Verbose -Debug | Format-List * | Out-String
            Get-WcxCase -First 3 -Verbose -Debug -InformationAction Continue
            $case = New-WcxCase -GroupId 1234 -SourceChannel web -Subject 'secret scan' -Activity @{ type = 'note'; user_id = 6405; content = 'x' } -Verbose -Debug
            $case | Set-WcxCase -Status solved -Verbose -Debug
            $case | Remove-WcxCase -Confirm:$false -Verbose -Debug
            Get-WcxCase -Id 1 -Verbose -Debug
            Get-WcxCase -Filter @{ status = @{ gt = 1 } } -Verbose -Debug
            Invoke-WcxRequest -Method POST -Path cases -Body '{}' -Verbose -Debug
            Write-Warning 'marker'
        } *>&1 2>&1
        $session = $everything | Where-Object { $_ -is [WiseCx.WcxSession] } | Select-Object -First 1
        $session | Should -Not -BeNullOrEmpty
        $token = Get-SessionToken $session
        $token | Should -Not -BeNullOrEmpty
        $token.Length | Should -BeGreaterThan 20

        $clixml = Join-Path ([IO.Path]::GetTempPath()) "wcx-session-$([guid]::NewGuid()).xml"
        $session | Export-Clixml -Path $clixml -Depth 5
        $texts = @(
            $everything | ForEach-Object { $_ | Out-String; if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString(); $_.Exception | Format-List * -Force | Out-String } }
            $session | ConvertTo-Json -Depth 5
            Get-Content $clixml -Raw
            $session.ToString()
            $session | Format-List * -Force | Out-String
            $Error | ForEach-Object { $_ | Out-String; $_.Exception.ToString() }
        ) -join "`n"
        Remove-Item $clixml

        ($everything | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 5
        ($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 1
        $texts | Should -BeLike '*x-api-key: `*`*`**'
        $texts | Should -BeLike '*Authorization: Bearer `*`*`**'
        $texts.Contains($key) | Should -BeFalse -Because 'the API key must never be shown'
        $texts.Contains($token) | Should -BeFalse -Because 'the token must never be shown'
        Disconnect-WcxAccount
    }

    It 'never appear either when the token is renewed, a wrong key is refused or the daily limit warns and stops' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ tokenLifetimeSeconds = 2 }
        $wrongKey = 'wrong-key-' + [guid]::NewGuid().ToString('N')
        $tokens = [System.Collections.Generic.List[string]]::new()
        try {
            $everything = & {
                $ErrorActionPreference = 'Continue'
                Write-Information 'information-marker' -InformationAction Continue
                # A refused key stops the command (a terminating error), so it is caught and passed on like the others.
                try { Connect-WcxAccount -User $sandbox.User -ApiKey (ConvertTo-SecureString $wrongKey -AsPlainText -Force) -BaseUri $sandbox.BaseUri -Verbose -Debug }
                catch { $_ }
                # 12 requests a day: the 80% warning comes at the 10th, the limit stops the 13th.
                $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -DailyRequestLimit 12 -PassThru -Verbose -Debug
                $session
                $tokens.Add((Get-SessionToken $session))
                Start-Sleep -Milliseconds 2200
                # The first read meets the dead token (403), renews it and goes again.
                Get-WcxCase -First 1 -Verbose -Debug -InformationAction Continue
                $tokens.Add((Get-SessionToken $session))
                try {
                    foreach ($i in 1..12) { Get-WcxCase -First 1 -Verbose -Debug -WarningAction Continue }
                }
                catch { $_ }
                Get-WcxContext | ConvertTo-Json -Depth 5
            } *>&1 2>&1
            $session = $everything | Where-Object { $_ -is [WiseCx.WcxSession] } | Select-Object -First 1
            $clixml = Join-Path ([IO.Path]::GetTempPath()) "wcx-session-$([guid]::NewGuid()).xml"
            $session | Export-Clixml -Path $clixml -Depth 5
            $texts = @(
                $everything | ForEach-Object { $_ | Out-String; if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString(); $_ | Format-List * -Force | Out-String } }
                $session | ConvertTo-Json -Depth 5
                Get-Content $clixml -Raw
                $session.ToString()
            ) -join "`n"
            Remove-Item $clixml

            # What the capture holds: each stream, the refused key's error, the renewal, the warning and the stop.
            $errorIds = @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object FullyQualifiedErrorId)
            $errorIds | Should -Contain 'WcxAuthenticationFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
            $errorIds | Should -Contain 'WcxDailyLimitReached,WiseCx.PowerShell.Commands.GetWcxCaseCommand'
            @($everything | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }).Count | Should -BeGreaterThan 0
            @($everything | Where-Object { $_ -is [System.Management.Automation.WarningRecord] -and "$_" -like '*80% of the daily request limit*' }).Count | Should -Be 1
            @($everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
            $texts | Should -BeLike '*-> 403*'
            $tokens.Count | Should -Be 2
            $tokens[0] | Should -Not -Be $tokens[1] -Because 'the token was renewed'

            $texts.Contains($key) | Should -BeFalse -Because 'the API key must never be shown'
            $texts.Contains($wrongKey) | Should -BeFalse -Because 'a refused key must not be shown either'
            foreach ($token in $tokens) {
                $token.Length | Should -BeGreaterThan 20
                $texts.Contains($token) | Should -BeFalse -Because 'no token, the first or the renewed one, may be shown'
            }
        }
        finally {
            $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ tokenLifetimeSeconds = 3600 }
            Disconnect-WcxAccount -ErrorAction SilentlyContinue
        }
    }
}
