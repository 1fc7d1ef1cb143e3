# Credentials people keep: Connect-WcxAccount -SecretName over SecretManagement, and the prompt when nothing is given.
# SecretManagement is not served here: a stand-in module of the same name (a Get-Secret function over a hashtable) is
# put on a temporary PSModulePath. The prompt is answered by a small PSHost of this file, in a runspace of its own.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox

    $key = 'wcx-sandbox-key'
    $secureKey = ConvertTo-SecureString $key -AsPlainText -Force
    $modules = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ("wcx-secrets-" + [guid]::NewGuid()))
    $standIn = New-Item -ItemType Directory (Join-Path $modules 'Microsoft.PowerShell.SecretManagement')
    Set-Content (Join-Path $standIn 'Microsoft.PowerShell.SecretManagement.psm1') -Value @'
# A stand-in for Microsoft.PowerShell.SecretManagement: Get-Secret over $global:WcxTestVaults (vault name -> name -> value).
function Get-Secret {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [string] $Vault, [switch] $AsPlainText)
    $global:WcxTestSecretCalls += , [pscustomobject]@{ Name = $Name; Vault = $Vault; AsPlainText = $AsPlainText.IsPresent }
    foreach ($v in $global:WcxTestVaults.Keys) {
        if ($Vault -and $v -ne $Vault) { continue }
        # One object, as the real Get-Secret writes it (a byte[] is not enumerated).
        if ($global:WcxTestVaults[$v].ContainsKey($Name)) { $PSCmdlet.WriteObject($global:WcxTestVaults[$v][$Name], $false); return }
    }
    Write-Error -Message "The secret $Name was not found." -ErrorId 'GetSecretNotFound' -Category ObjectNotFound
}
'@
    New-ModuleManifest -Path (Join-Path $standIn 'Microsoft.PowerShell.SecretManagement.psd1') -RootModule 'Microsoft.PowerShell.SecretManagement.psm1' `
        -ModuleVersion '1.1.2' -FunctionsToExport 'Get-Secret' -CmdletsToExport @() -AliasesToExport @() -VariablesToExport @()
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = $modules.FullName + [IO.Path]::PathSeparator + $env:PSModulePath
    # Another SecretManagement loaded before this file (a stand-in of the docs' examples) would answer instead of this one.
    Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue

    function Set-TestVault([hashtable] $Vaults) {
        $global:WcxTestVaults = $Vaults
        $global:WcxTestSecretCalls = @()
    }
}
AfterAll {
    Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
    $env:PSModulePath = $savedModulePath
    Remove-Item $modules -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Variable WcxTestVaults, WcxTestSecretCalls -Scope Global -ErrorAction SilentlyContinue
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Connect-WcxAccount -SecretName' {
    AfterEach { Disconnect-WcxAccount }

    It 'reads a PSCredential secret through Get-Secret: user name and key' {
        Set-TestVault @{ Main = @{ WiseCxCredential = [pscredential]::new($sandbox.User, $secureKey) } }
        $session = Connect-WcxAccount -SecretName WiseCxCredential -BaseUri $sandbox.BaseUri -PassThru
        $session.User | Should -BeExactly 'sandbox'
        (Get-WcxContext).IsConnected | Should -BeTrue
        $global:WcxTestSecretCalls.Count | Should -Be 1
        $global:WcxTestSecretCalls[0].Name | Should -BeExactly 'WiseCxCredential'
        $global:WcxTestSecretCalls[0].AsPlainText | Should -BeFalse
    }

    It 'passes -Vault on, and reads a SecureString secret as the key of -User' {
        Set-TestVault @{ Other = @{ WiseCxKey = (ConvertTo-SecureString 'wrong' -AsPlainText -Force) }; Main = @{ WiseCxKey = $secureKey } }
        Connect-WcxAccount -User $sandbox.User -SecretName WiseCxKey -Vault Main -BaseUri $sandbox.BaseUri
        (Get-WcxContext).User | Should -BeExactly 'sandbox'
        $global:WcxTestSecretCalls[0].Vault | Should -BeExactly 'Main'
    }

    It 'takes the user of a key-only secret from WISECX_USER, and a plain string secret as the key' {
        Set-TestVault @{ Main = @{ WiseCxKey = $key } }
        $env:WISECX_USER = $sandbox.User
        try { Connect-WcxAccount -SecretName WiseCxKey -BaseUri $sandbox.BaseUri }
        finally { Remove-Item Env:WISECX_USER }
        (Get-WcxContext).User | Should -BeExactly 'sandbox'
    }

    It 'reads a hashtable secret with User and ApiKey entries' {
        Set-TestVault @{ Main = @{ WiseCx = @{ User = $sandbox.User; ApiKey = $secureKey } } }
        Connect-WcxAccount -SecretName WiseCx -BaseUri $sandbox.BaseUri
        (Get-WcxContext).User | Should -BeExactly 'sandbox'
    }

    It 'asks for -User when the secret holds the key alone, and never shows the key' {
        Set-TestVault @{ Main = @{ WiseCxKey = 'a-secret-value-1234' } }
        $failure = $null
        try { Connect-WcxAccount -SecretName WiseCxKey -BaseUri $sandbox.BaseUri -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.Exception.Message | Should -BeLike "*'WiseCxKey'*-User*WISECX_USER*"
        ($failure | Format-List * -Force | Out-String) | Should -Not -BeLike '*a-secret-value-1234*'
        Get-WcxContext | Should -BeNullOrEmpty
    }

    It 'names a missing secret, and a refused key comes back without the secret value' {
        Set-TestVault @{ Main = @{ WiseCxCredential = [pscredential]::new($sandbox.User, (ConvertTo-SecureString 'not-the-key-5678' -AsPlainText -Force)) } }
        { Connect-WcxAccount -SecretName Nope -BaseUri $sandbox.BaseUri -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'Nope'*" -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure = $null
        try { Connect-WcxAccount -SecretName WiseCxCredential -BaseUri $sandbox.BaseUri -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxAuthenticationFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        ($failure | Format-List * -Force | Out-String) | Should -Not -BeLike '*not-the-key-5678*'
    }

    It 'refuses a secret of another kind, naming its type only' {
        Set-TestVault @{ Main = @{ Blob = [byte[]](1, 2, 3) } }
        { Connect-WcxAccount -SecretName Blob -BaseUri $sandbox.BaseUri -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*Byte`[`]*PSCredential*' -ErrorId 'WcxInvalidArgument,*'
    }

    It 'says to install SecretManagement or use -ApiKey when the module is not there' {
        Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
        $saved = $env:PSModulePath
        $empty = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ("wcx-nomodules-" + [guid]::NewGuid()))
        # Only PowerShell's own modules: SecretManagement is not among them.
        $env:PSModulePath = $empty.FullName + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        try {
            $failure = $null
            try { Connect-WcxAccount -SecretName WiseCxCredential -BaseUri $sandbox.BaseUri -ErrorAction Stop } catch { $failure = $_ }
        }
        finally {
            $env:PSModulePath = $saved
            Remove-Item $empty -Force
        }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxSecretManagementMissing,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.CategoryInfo.Category | Should -Be 'NotInstalled'
        $failure.Exception.Message | Should -BeLike '*Microsoft.PowerShell.SecretManagement is not installed*'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*Install-PSResource Microsoft.PowerShell.SecretManagement*-ApiKey*'
        $failure.TargetObject | Should -BeExactly 'WiseCxCredential'
    }

    It 'keeps -SecretName in a parameter set of its own' {
        { Connect-WcxAccount -SecretName x -Credential ([pscredential]::new('u', $secureKey)) -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,*'
        (Get-Command Connect-WcxAccount).ParameterSets.Name | Should -Contain 'SecretName'
    }
}

Describe 'Connect-WcxAccount with no credentials' {
    BeforeAll {
        if (-not ('WcxTestPromptHost' -as [type])) {
            Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

/// A host whose UI answers PromptForCredential with a set credential (or throws, as a non-interactive host does).
public sealed class WcxTestPromptHost : PSHost
{
    private readonly WcxTestPromptUI _ui;
    public WcxTestPromptHost(PSCredential answer, bool refuse) { _ui = new WcxTestPromptUI(answer, refuse); }
    public WcxTestPromptUI Prompts { get { return _ui; } }
    public override string Name { get { return "WcxTestPromptHost"; } }
    public override Version Version { get { return new Version(1, 0); } }
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI { get { return _ui; } }
    public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
    public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() { throw new NotSupportedException(); }
    public override void ExitNestedPrompt() { throw new NotSupportedException(); }
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}

public sealed class WcxTestPromptUI : PSHostUserInterface
{
    private readonly PSCredential _answer;
    private readonly bool _refuse;
    public WcxTestPromptUI(PSCredential answer, bool refuse) { _answer = answer; _refuse = refuse; }
    public List<string> Asked { get; } = new List<string>();
    public List<string> Written { get; } = new List<string>();
    public override PSHostRawUserInterface RawUI { get { return null; } }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
    {
        Asked.Add(caption + "|" + message + "|" + userName);
        if (_refuse) throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
        return _answer;
    }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    { return PromptForCredential(caption, message, userName, targetName); }
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    { throw new NotSupportedException(); }
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    { throw new NotSupportedException(); }
    public override string ReadLine() { throw new NotSupportedException(); }
    public override SecureString ReadLineAsSecureString() { throw new NotSupportedException(); }
    public override void Write(string value) { Written.Add(value); }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Written.Add(value); }
    public override void WriteLine(string value) { Written.Add(value); }
    public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Written.Add(value); }
    public override void WriteErrorLine(string value) { Written.Add(value); }
    public override void WriteDebugLine(string message) { Written.Add(message); }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteVerboseLine(string message) { Written.Add(message); }
    public override void WriteWarningLine(string message) { Written.Add(message); }
}
'@
        }
        # Runs Connect-WcxAccount without credentials in a runspace of the given host; returns the user connected or the error.
        function Invoke-Unattended([System.Management.Automation.Host.PSHost] $PromptHost, [hashtable] $Parameters = @{}) {
            $runspace = if ($PromptHost) { [runspacefactory]::CreateRunspace($PromptHost) } else { [runspacefactory]::CreateRunspace() }
            $runspace.Open()
            try {
                $ps = [powershell]::Create()
                $ps.Runspace = $runspace
                $null = $ps.AddScript({
                        param($ModulePath, $BaseUri, $Parameters)
                        Import-Module $ModulePath
                        try {
                            Connect-WcxAccount -BaseUri $BaseUri -ErrorAction Stop @Parameters
                            [pscustomobject]@{ User = (Get-WcxContext).User; ErrorId = $null; Message = $null }
                            Disconnect-WcxAccount
                        }
                        catch { [pscustomobject]@{ User = $null; ErrorId = $_.FullyQualifiedErrorId; Message = $_.Exception.Message } }
                    }).AddArgument($ModulePath).AddArgument($sandbox.BaseUri).AddArgument($Parameters)
                $ps.Invoke() | Select-Object -First 1
            }
            finally { $runspace.Dispose() }
        }
        $savedUser, $savedKey = $env:WISECX_USER, $env:WISECX_API_KEY
        Remove-Item Env:WISECX_USER, Env:WISECX_API_KEY -ErrorAction SilentlyContinue
    }
    AfterAll {
        if ($savedUser) { $env:WISECX_USER = $savedUser }
        if ($savedKey) { $env:WISECX_API_KEY = $savedKey }
    }

    It 'prompts for the user name and key in an interactive host, then connects' {
        $promptHost = [WcxTestPromptHost]::new([pscredential]::new('\sandbox', $secureKey), $false)
        $result = Invoke-Unattended $promptHost
        $result.ErrorId | Should -BeNullOrEmpty
        $result.User | Should -BeExactly 'sandbox'
        $promptHost.Prompts.Asked.Count | Should -Be 1
        $promptHost.Prompts.Asked[0] | Should -BeLike 'Connect-WcxAccount|*user name and API key*|'
        ($promptHost.Prompts.Written -join "`n") | Should -Not -BeLike "*$key*"
    }

    It 'offers WISECX_USER, or -User given alone, as the user name when only the key is missing' {
        $env:WISECX_USER = 'sandbox'
        try {
            $promptHost = [WcxTestPromptHost]::new([pscredential]::new('sandbox', $secureKey), $false)
            (Invoke-Unattended $promptHost).User | Should -BeExactly 'sandbox'
            $promptHost.Prompts.Asked[0] | Should -BeLike '*|sandbox'
        }
        finally { Remove-Item Env:WISECX_USER }

        # -User alone is neither -ApiKey's set nor -SecretName's: it asks for the key, the user filled in.
        $promptHost = [WcxTestPromptHost]::new([pscredential]::new('sandbox', $secureKey), $false)
        (Invoke-Unattended $promptHost @{ User = 'sandbox' }).User | Should -BeExactly 'sandbox'
        $promptHost.Prompts.Asked | Should -BeLike '*|sandbox'
    }

    It 'keeps the error in a non-interactive host, and when the prompt is cancelled' {
        $refusing = [WcxTestPromptHost]::new($null, $true)
        $result = Invoke-Unattended $refusing
        $refusing.Prompts.Asked.Count | Should -Be 1
        $result.User | Should -BeNullOrEmpty
        $result.ErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $result.Message | Should -BeLike '*-User and -ApiKey*-SecretName*WISECX_USER*WISECX_API_KEY*'

        $cancelled = [WcxTestPromptHost]::new($null, $false)
        (Invoke-Unattended $cancelled).ErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'

        # A runspace without a host UI (a runbook worker, [powershell]::Create()) cannot prompt.
        (Invoke-Unattended $null).ErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
    }

    It 'keeps the error, naming -SecretName among the ways, in pwsh -NonInteractive' {
        $run = Invoke-ChildPwsh -Script "`$ErrorActionPreference = 'Stop'; Import-Module '$ModulePath'; Connect-WcxAccount -BaseUri '$($sandbox.BaseUri)'"
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -BeLike '*No credentials given*-SecretName*'
    }
}
