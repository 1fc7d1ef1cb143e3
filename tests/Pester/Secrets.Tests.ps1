# The API key and the token must not reach any stream, error, serialisation or string form of a session.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    $key = 'wcx-sandbox-key'

    function Get-SessionToken([object] $Session) {
        # Test-only reflection: the token is deliberately unreachable through any public member.
        $flags = [System.Reflection.BindingFlags]'NonPublic,Instance'
        $state = $Session.GetType().GetProperty('State', $flags).GetValue($Session)
        $connection = $state.Connection
        $token = $connection.GetType().GetField('_token', $flags).GetValue($connection)
        $token.GetType().GetProperty('Value').GetValue($token)
    }
}
AfterAll { $sandbox | Stop-WcxSandbox }

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
}
