# The everyday idioms of issue 11 over HTTP against the sandbox: "am I connected?", the names users type (GroupId as
# well as group_id), nothing lost from an analytics export, connection failures that say what to fix, name completion,
# and sessions in jobs.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox

    function Get-Completion {
        param([Parameter(Mandatory)] [string] $Line)
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    function Reset-Sandbox { $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Root)/_sandbox/reset" }

    function Invoke-ConnectFailure {
        <# Connect-WcxAccount that must fail: its error record. #>
        param([Parameter(Mandatory)] [string] $BaseUri, [hashtable] $More = @{})
        $failure = $null
        try { Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $BaseUri -MaxRetryCount 0 -ErrorAction Stop @More }
        catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because "connecting to $BaseUri cannot succeed"
        $failure
    }

    # A port nothing listens on: bound once to learn a free number, then released.
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
}
AfterAll {
    Disconnect-WcxAccount
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Get-WcxContext when not connected' {
    AfterEach { Disconnect-WcxAccount }

    It 'returns nothing, without an error, so that the everyday idiom works' {
        Disconnect-WcxAccount
        $errors = $null
        $context = Get-WcxContext -ErrorVariable errors
        $context | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
        # The idiom itself, as README teaches it.
        { if (-not (Get-WcxContext -ErrorAction SilentlyContinue)) { Connect-TestSandbox -Sandbox $sandbox } } | Should -Not -Throw
        (Get-WcxContext).IsConnected | Should -BeTrue
    }

    It 'returns nothing after a refused key, so nothing runs as the previous session by mistake' {
        $previous = Connect-TestSandbox -Sandbox $sandbox -PassThru
        $wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
        { Connect-WcxAccount -User $sandbox.User -ApiKey $wrong -BaseUri $sandbox.BaseUri -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxAuthenticationFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        Get-WcxContext | Should -BeNullOrEmpty
        { Get-WcxCase -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'WcxNotConnected,WiseCx.PowerShell.Commands.GetWcxCaseCommand'
        # A session kept from before is still the caller's to use.
        $previous.IsConnected | Should -BeTrue
        @(Get-WcxCase -First 1 -Session $previous).Count | Should -Be 1
    }
}

Describe 'Connect-WcxAccount failures say what to fix' {
    AfterEach { Disconnect-WcxAccount }

    It 'a dead host (connection refused): WcxConnectionFailed, naming host and port' {
        $port = Get-ClosedPort
        $failure = Invoke-ConnectFailure -BaseUri "http://127.0.0.1:$port/core/v1/"
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxConnectionFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike "*Nothing answers at 127.0.0.1:$port*"
        $failure.Exception | Should -BeOfType [WiseCx.WcxApiException]
    }

    It 'a host name that does not resolve: WcxConnectionFailed, naming the host' {
        $failure = Invoke-ConnectFailure -BaseUri 'https://no-such-host.invalid/core/v1/'
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxConnectionFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike "*'no-such-host.invalid' cannot be resolved*"
    }

    It 'a -BaseUri without /core/v1/ (the host answers 404): WcxNotApiRoot, saying what the root looks like' {
        $root = ([uri]$sandbox.BaseUri).GetLeftPart('Authority') + '/'
        $failure = Invoke-ConnectFailure -BaseUri $root
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxNotApiRoot,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*lacks /core/v1/*https://api.wcx.cloud/core/v1/*'
    }

    It 'https to a host that serves no TLS: WcxConnectionFailed with the TLS advice' {
        $failure = Invoke-ConnectFailure -BaseUri ($sandbox.BaseUri -replace '^http:', 'https:')
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxConnectionFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*TLS connection*could not be established*'
    }

    It 'no answer in time: WcxConnectionFailed, pointing at -RequestTimeoutSec' {
        # A listener that accepts connections and never answers.
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        try {
            $failure = Invoke-ConnectFailure -BaseUri "http://127.0.0.1:$($listener.LocalEndpoint.Port)/core/v1/" -More @{ RequestTimeoutSec = 1 }
        }
        finally { $listener.Stop() }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'WcxConnectionFailed,WiseCx.PowerShell.Commands.ConnectWcxAccountCommand'
        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*within 1 s*-RequestTimeoutSec*'
    }
}

Describe 'Names users type: the module''s property names as well as the API''s' {
    BeforeAll {
        Connect-TestSandbox -Sandbox $sandbox
        $sample = Get-WcxCase -First 1
        $groupId = $sample.GroupId
        $since = [datetime]::UtcNow.AddDays(-60)
    }
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It '-Filter hashtable keys: GroupId and SourceChannel are sent as group_id and source_channel, without a warning' {
        $warnings = $null
        $cases = @(Get-WcxCase -First 20 -Filter @{ GroupId = $groupId; CreatedAt = @{ ge = $since } } -WarningVariable warnings)
        $warnings | Should -BeNullOrEmpty
        $query = [uri]::UnescapeDataString((Get-ApiRequest -Sandbox $sandbox -Method GET)[0].query)
        $query | Should -BeLike "*'field':'case.created_at'*'field':'case.group_id'*"
        $cases.Count | Should -BeGreaterThan 0
        $cases | ForEach-Object { $_.GroupId | Should -Be $groupId }
    }

    It 'scriptblock filters: $_.GroupId and bare GroupId give the same records as group_id' {
        $warnings = $null
        $byMember = @(Get-WcxCase -First 50 -Filter { $_.GroupId -eq $groupId -and $_.CreatedAt -ge $since } -WarningVariable warnings)
        $byBareName = @(Get-WcxCase -First 50 -Filter { GroupId -eq $groupId -and CreatedAt -ge $since } -WarningVariable +warnings)
        $byApiName = @(Get-WcxCase -First 50 -Filter @{ group_id = $groupId; created_at = @{ ge = $since } })
        $warnings | Should -BeNullOrEmpty
        $byMember.Count | Should -BeGreaterThan 0
        $byMember.Id | Should -Be $byApiName.Id
        $byBareName.Id | Should -Be $byApiName.Id
    }

    It '-Property and -Sort take GroupId, ContactId and CreatedAt' {
        $warnings = $null
        $cases = @(Get-WcxCase -First 3 -Property Id, GroupId, ContactId, CreatedAt -Sort CreatedAt -Descending -WarningVariable warnings)
        $warnings | Should -BeNullOrEmpty
        $query = [uri]::UnescapeDataString((Get-ApiRequest -Sandbox $sandbox -Method GET)[0].query)
        $query | Should -BeLike '*fields=id,group_id,contact_id,created_at*'
        $query | Should -BeLike '*sort_field=created_at*'
        $cases.Count | Should -Be 3
        $cases | ForEach-Object { $_.GroupId | Should -Not -BeNullOrEmpty }
    }

    It 'on every list endpoint, each filterable field compiles the same from the name Tab offers as from the API''s name' {
        $commands = @(Get-Completion 'ConvertTo-WcxFilter @{} -Command ' | ForEach-Object CompletionText)
        $commands.Count | Should -BeGreaterThan 10
        $withFields = 0
        foreach ($command in $commands) {
            foreach ($offer in Get-Completion "$command -Filter ") {
                $withFields++
                $offer.CompletionText | Should -Match '^@\{ [A-Z][A-Za-z0-9]* = $' -Because "$command offers a property name"
                $shown = $offer.ListItemText
                # The tooltip: "GroupId (group_id): in, notin, eq, ne".
                $apiName = [regex]::Match($offer.ToolTip, '\(([^)]+)\)').Groups[1].Value
                $operator = ($offer.ToolTip -split ': ')[-1].Split(', ')[0]
                $warnings = $null
                $compiled = ConvertTo-WcxFilter @{ $shown = @{ $operator = '1' } } $command -WarningVariable warnings
                $compiled | Should -BeExactly (ConvertTo-WcxFilter @{ $apiName = @{ $operator = '1' } } $command) -Because "$shown stands for $apiName on $command"
                $warnings | Should -BeNullOrEmpty
            }
        }
        $withFields | Should -BeGreaterThan 20
    }

    It 'hashtable keys complete: -Filter Gr<Tab> gives @{ GroupId = , which runs' {
        $offers = Get-Completion 'Get-WcxCase -Filter Gr'
        $offers.CompletionText | Should -Be '@{ GroupId = '
        $offers[0].ToolTip | Should -BeLike 'GroupId (group_id): *'
        (Get-Completion 'Get-WcxCase -Filter ').ListItemText | Should -Contain 'SourceChannel'
        $line = (Get-Completion 'Get-WcxCase -Filter Gr')[0].CompletionText + "$groupId }"
        @(Invoke-Expression "Get-WcxCase -First 2 -Filter $line").GroupId | Should -Be @($groupId, $groupId)
    }
}

Describe 'Analytics exports: nothing lost' {
    BeforeAll { Connect-TestSandbox -Sandbox $sandbox }
    BeforeEach {
        Reset-Sandbox
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }
    AfterAll { Reset-Sandbox }

    It 'refuses an -OutFile in a folder that does not exist before the export is started' {
        $file = Join-Path $TestDrive 'missing/report.csv'
        { Start-WcxAnalyticsExport 6541 -OutFile $file -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand' -ExpectedMessage '*does not exist*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'refuses an existing -OutFile without -Force before the export is started, and takes it with -Force' {
        $file = Join-Path $TestDrive 'existing.csv'
        Set-Content -Path $file -Value 'keep me'
        { Start-WcxAnalyticsExport 6541 -OutFile $file -ErrorAction Stop } | Should -Throw -ExpectedMessage '*already exists*-Force*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        Get-Content $file | Should -Be 'keep me'
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ exportStepMilliseconds = 0 }
        (Start-WcxAnalyticsExport 6541 -OutFile $file -Force -PollIntervalSeconds 0.1).Status | Should -Be 'completed'
        Get-Content $file | Should -Not -Be 'keep me'
    }

    It 'refuses a folder that cannot be written, before the export is started and before Save looks the export up' {
        $folder = if ($IsWindows) { $null } elseif ((id -u) -eq '0') { '/sys' } else {
            $readOnly = New-Item -ItemType Directory (Join-Path $TestDrive 'read-only'); chmod 555 $readOnly; $readOnly.FullName
        }
        if (-not $folder) { Set-ItResult -Skipped -Because 'a folder no one can write is set up on Unix only'; return }
        $file = Join-Path $folder 'report.csv'
        { Start-WcxAnalyticsExport 6541 -OutFile $file -ErrorAction Stop } | Should -Throw -ExpectedMessage '*cannot be written*'
        { Save-WcxAnalyticsExport -ExportId 0123456789abcdef0123456789abcdef -Path $file -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.SaveWcxAnalyticsExportCommand' -ExpectedMessage '*cannot be written*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'names the export and the command that resumes it when the wait fails' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ exportNotFoundPolls = 1000 }
        $file = Join-Path $TestDrive 'later.csv'
        $warnings = $null
        $failure = $null
        try { Start-WcxAnalyticsExport 6541 -OutFile $file -NotFoundTimeoutSeconds 0 -WarningVariable warnings -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'WcxExportNotFound,*'
        $exportId = $failure.Exception.ExportId
        $exportId | Should -Match '^[0-9a-f]{32}$'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Export $exportId was started*Get-WcxAnalyticsExport $exportId -Wait | Save-WcxAnalyticsExport -Path '$file'*"
    }

    It 'names the export and the command that resumes it when the wait is interrupted (Ctrl+C)' {
        # Once a pipeline is stopped nothing can be written to it: the warning goes to the host, so a host that records.
        Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
public sealed class WcxTestRecordingUI : PSHostUserInterface
{
    public readonly List<string> Warnings = new List<string>();
    public override PSHostRawUserInterface RawUI => null;
    public override string ReadLine() => "";
    public override SecureString ReadLineAsSecureString() => new SecureString();
    public override void Write(string value) { }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
    public override void WriteLine(string value) { }
    public override void WriteErrorLine(string value) { }
    public override void WriteDebugLine(string message) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { lock (Warnings) Warnings.Add(message); }
    public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => new Dictionary<string, PSObject>();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => null;
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => null;
    public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => defaultChoice;
}
public sealed class WcxTestRecordingHost : PSHost
{
    private readonly WcxTestRecordingUI _ui = new WcxTestRecordingUI();
    private readonly Guid _id = Guid.NewGuid();
    public WcxTestRecordingUI Recorder => _ui;
    public override string Name => "WcxTestRecordingHost";
    public override Version Version => new Version(1, 0);
    public override Guid InstanceId => _id;
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}
'@ -ErrorAction SilentlyContinue
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ exportStepMilliseconds = 600000 }
        $recordingHost = [WcxTestRecordingHost]::new()
        $runspace = [runspacefactory]::CreateRunspace($recordingHost)
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $null = $ps.AddScript({
            param($Module, $Sandbox, $File)
            Import-Module $Module
            Connect-WcxAccount -User $Sandbox.User -ApiKey $Sandbox.ApiKey -BaseUri $Sandbox.BaseUri
            Start-WcxAnalyticsExport 6541 -OutFile $File -PollIntervalSeconds 0.1
        }).AddArgument($ModulePath).AddArgument($sandbox).AddArgument((Join-Path $TestDrive 'interrupted.csv'))
        try {
            $running = $ps.BeginInvoke()
            # Until the export is started and its status polled: the progress bar names it.
            $polled = $null
            foreach ($attempt in 1..600) {
                $polled = @($ps.Streams.Progress | Where-Object StatusDescription -like 'Status:*') | Select-Object -First 1
                if ($polled -or $running.IsCompleted) { break }
                Start-Sleep -Milliseconds 100
            }
            $polled | Should -Not -BeNullOrEmpty -Because 'the export was started and is being waited for'
            $exportId = $polled.Activity -replace '^Analytics export ', ''
            $ps.Stop()
            $warnings = @($recordingHost.Recorder.Warnings)
            $warnings.Count | Should -Be 1
            $warnings[0] | Should -BeLike "Export $exportId was started*interrupted*Get-WcxAnalyticsExport $exportId -Wait | Save-WcxAnalyticsExport -Path *interrupted.csv*"
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
        }
    }
}

Describe 'Names complete from the connected session' {
    BeforeAll { Connect-TestSandbox -Sandbox $sandbox }

    It 'Get-WcxUser -UserName <Tab> offers the user names, and what it inserts finds that user' {
        $offers = Get-Completion 'Get-WcxUser -UserName '
        $userNames = @(Get-WcxUser | ForEach-Object UserName | Where-Object { $_ })
        $offers.Count | Should -Be $userNames.Count
        $offers.ListItemText | ForEach-Object { $_ | Should -BeIn $userNames }
        $user = Invoke-Expression "Get-WcxUser -UserName $($offers[0].CompletionText)"
        $user.UserName | Should -BeExactly $offers[0].ListItemText
    }

    It '<Command> -Name <Tab> offers the names, and what it inserts finds that object' -ForEach @(
        @{ Command = 'Get-WcxQueue' }
        @{ Command = 'Get-WcxCaseType' }
        @{ Command = 'Get-WcxCaseTag' }
    ) {
        $offers = Get-Completion "$Command -Name "
        $offers.Count | Should -BeGreaterThan 1
        $names = @(& $Command | ForEach-Object Name)
        $offers.ListItemText | ForEach-Object { $_ | Should -BeIn $names }
        $found = @(Invoke-Expression "$Command -Name $($offers[0].CompletionText)")
        $found.Name | Should -Contain $offers[0].ListItemText
    }
}

Describe 'Sessions in jobs' {
    BeforeAll { $session = Connect-TestSandbox -Sandbox $sandbox -PassThru }

    It 'Start-Job cannot take a session (its key stays in this process) and says what works; Start-ThreadJob does' {
        $job = Start-Job { Import-Module $using:ModulePath; Get-WcxCase -First 1 -Session $using:session }
        try {
            $null = $job | Wait-Job
            $failure = $null
            try { $job | Receive-Job -ErrorAction Stop } catch { $failure = $_ }
            "$failure" | Should -BeLike '*cannot be passed into another process*Start-ThreadJob*Connect-WcxAccount inside the job*'
        }
        finally { $job | Remove-Job -Force }

        $threadJob = Start-ThreadJob { Import-Module $using:ModulePath; Get-WcxCase -First 1 -Session $using:session }
        try { @($threadJob | Wait-Job | Receive-Job -ErrorAction Stop).Count | Should -Be 1 }
        finally { $threadJob | Remove-Job -Force }
    }
}
