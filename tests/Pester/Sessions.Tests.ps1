BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Connect-WcxAccount' {
    AfterEach { Disconnect-WcxAccount }

    It 'connects with -User and -ApiKey and makes the session current' {
        Connect-TestSandbox -Sandbox $sandbox
        $context = Get-WcxContext
        $context.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Session'
        $context.User | Should -BeExactly 'sandbox'
        $context.BaseUri | Should -Be ([uri]$sandbox.BaseUri)
        $context.TokenExpiresAt | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(50))
        $context.IsConnected | Should -BeTrue
    }

    It 'connects with -Credential, as an Azure Automation credential asset holds it' {
        $credential = [pscredential]::new($sandbox.User, $sandbox.ApiKey)
        $session = Connect-WcxAccount -Credential $credential -BaseUri $sandbox.BaseUri -PassThru
        $session.User | Should -BeExactly 'sandbox'
        @(Get-WcxCase -First 1 -Session $session).Count | Should -Be 1
    }

    It 'falls back to environment variables for unattended runs' {
        $env:WISECX_USER = $sandbox.User
        $env:WISECX_API_KEY = 'wcx-sandbox-key'
        $env:WISECX_BASE_URI = $sandbox.BaseUri
        try {
            Connect-WcxAccount
            (Get-WcxContext).BaseUri | Should -Be ([uri]$sandbox.BaseUri)
        }
        finally { Remove-Item Env:WISECX_USER, Env:WISECX_API_KEY, Env:WISECX_BASE_URI }
    }

    It 'says what to do when no credentials are given at all' {
        { Connect-WcxAccount -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-User and -ApiKey*WISECX_USER*WISECX_API_KEY*'
    }

    It 'gives a clear authentication error for a wrong API key, without the key, and sends one request' {
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
        # Authentication failures are terminating: nothing after them could succeed.
        $failure = $null
        try { Connect-WcxAccount -User sandbox -ApiKey $wrong -BaseUri $sandbox.BaseUri } catch { $failure = @($_) }
        $failure | Should -Not -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxAuthenticationFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.Message | Should -BeLike "*user 'sandbox' and API key were refused*"
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*Settings -> Channels -> API*'
        ($failure | Out-String) | Should -Not -BeLike '*not-the-key*'
        @(Get-WcxSandboxRequestLog -Sandbox $sandbox | Where-Object path -like '*/authenticate').Count | Should -Be 1
        # No session is current after a refused key (Idioms.Tests.ps1 has the details).
        Get-WcxContext -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'refuses plain http to a host that is not loopback before sending anything' {
        { Connect-WcxAccount -User u -ApiKey $sandbox.ApiKey -BaseUri 'http://api.example.com/core/v1/' -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
    }

    It 'keeps the key and token out of the session object and its serialisations' {
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        $text = ($session | Format-List * | Out-String) + ($session | ConvertTo-Json -Depth 5) + $session.ToString()
        $text | Should -Not -BeLike '*wcx-sandbox-key*'
        $text | Should -BeLike '*sandbox*'
    }
}

Describe 'Disconnect-WcxAccount and Get-WcxContext' {
    It 'forgets the session; commands then say to connect, and Get-WcxContext returns nothing' {
        Connect-TestSandbox -Sandbox $sandbox
        Disconnect-WcxAccount
        { Get-WcxCase -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'WcxNotConnected,WiseCx.PowerShell.Commands.GetWcxCaseCommand'
        Get-WcxContext -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'does nothing, without error, when nothing is connected' {
        { Disconnect-WcxAccount -ErrorAction Stop } | Should -Not -Throw
    }

    It 'makes a disconnected session object unusable' {
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Disconnect-WcxAccount -Session $session
        $session.IsConnected | Should -BeFalse
        { Get-WcxCase -First 1 -Session $session -ErrorAction Stop } | Should -Throw -ExpectedMessage '*disconnected*'
    }
}
