# Shared by every *.Tests.ps1: the built module, the sandbox helpers and small assertions over the request log.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
. (Join-Path $script:RepoRoot 'tools/Build.Common.ps1')
$script:ModulePath = if ($env:WISECX_TEST_MODULE) { $env:WISECX_TEST_MODULE } else {
    Join-Path $script:RepoRoot "out/WiseCx/$(Get-WcxModuleVersion -RepositoryRoot $script:RepoRoot)/WiseCx.psd1"
}
$script:Configuration = if ($env:WISECX_TEST_CONFIGURATION) { $env:WISECX_TEST_CONFIGURATION } else { 'Release' }
Import-Module (Join-Path $script:RepoRoot 'tools/Sandbox.psm1') -Force

function Start-TestSandbox {
    param([string[]] $ArgumentList = @())
    Start-WcxDevSandbox -Configuration $script:Configuration -ArgumentList $ArgumentList
}

function Get-SessionToken([object] $Session) {
    # Test-only reflection, for the tests that prove the token is never shown: it is deliberately unreachable
    # through any public member.
    $flags = [System.Reflection.BindingFlags]'NonPublic,Instance'
    $state = $Session.GetType().GetProperty('State', $flags).GetValue($Session)
    $connection = $state.Connection
    $tokens = $connection.GetType().GetField('_tokens', $flags).GetValue($connection)
    $token = $tokens.GetType().GetField('_token', $flags).GetValue($tokens)
    $token.GetType().GetField('_bearer', $flags).GetValue($token)
}

function Connect-TestSandbox {
    param([Parameter(Mandatory)] $Sandbox, [switch] $PassThru)
    Connect-WcxAccount -User $Sandbox.User -ApiKey $Sandbox.ApiKey -BaseUri $Sandbox.BaseUri -PassThru:$PassThru
}

function Get-ApiRequest {
    <# The API requests the sandbox saw since the log was last cleared (admin calls are not logged). #>
    param([Parameter(Mandatory)] $Sandbox, [string] $Method, [string] $PathLike = '*')
    @(Get-WcxSandboxRequestLog -Sandbox $Sandbox | Where-Object {
        (-not $Method -or $_.method -eq $Method) -and $_.path -like $PathLike -and $_.path -notlike '*/authenticate'
    })
}

function Invoke-ChildPwsh {
    <# Runs a script in a fresh PowerShell process and returns its output objects (as JSON), for tests of loading. #>
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $file = Join-Path ([IO.Path]::GetTempPath()) ("wcx-child-" + [guid]::NewGuid() + '.ps1')
    Set-Content -Path $file -Value $Script
    $saved = @{}
    # A fresh working folder, so nothing the child writes lands in the repository.
    $workDir = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ("wcx-child-dir-" + [guid]::NewGuid()))
    Push-Location $workDir
    foreach ($k in $Environment.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $Environment[$k]) }
    try {
        $output = Invoke-WcxChildPwsh -Arguments @('-File', $file) 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }
    finally {
        Pop-Location
        foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
        Remove-Item $file -ErrorAction SilentlyContinue
        Remove-Item $workDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Assert-ApiJudged {
    <#
    For what the module sends as given for the API to judge (an undocumented filter field, a vocabulary word): exactly
    one request went out, and when the API refused it the error record carries the API's answer, not a refusal of the
    module's own.
    #>
    param([Parameter(Mandatory)] [object[]] $Request, [object[]] $ErrorRecord = @())
    @($Request).Count | Should -Be 1 -Because 'the module sends it once and lets the API judge'
    $ErrorRecord = @($ErrorRecord | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    if ($Request[0].status -ge 400) {
        $ErrorRecord.Count | Should -Be 1
        $ErrorRecord[0].FullyQualifiedErrorId | Should -BeLike 'WcxBadRequest,*'
        $ErrorRecord[0].Exception.Message | Should -BeLike "*failed with HTTP $($Request[0].status): ?*"
    }
    else {
        $ErrorRecord.Count | Should -Be 0
    }
}
