# The sandbox in users' hands: the WiseCx.Sandbox .NET tool installed from the built package into a temporary tool
# path, and the module's Start-WcxSandbox / Stop-WcxSandbox over it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $version = Get-WcxModuleVersion -RepositoryRoot $RepoRoot
    $scratch = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "wcx-tool-$([guid]::NewGuid())")

    # build.ps1 Package (which Test runs first) writes the tool's package to out/packages; run alone after a Build,
    # this file packs it from that build into a scratch folder (no compile, a few seconds).
    $packages = Join-Path $RepoRoot 'out/packages'
    $nupkg = Join-Path $packages "WiseCx.Sandbox.$version.nupkg"
    if (-not (Test-Path $nupkg)) {
        $packages = (New-Item -ItemType Directory (Join-Path $scratch 'packages')).FullName
        dotnet pack (Join-Path $RepoRoot 'src/WiseCx.Sandbox') -c $Configuration --no-build -o $packages --nologo -v quiet | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "dotnet pack of the sandbox failed ($LASTEXITCODE)" }
        $nupkg = Join-Path $packages "WiseCx.Sandbox.$version.nupkg"
    }

    # As a user would: dotnet tool install from the folder, into a tool path. NUGET_PACKAGES points at a scratch folder
    # so that an earlier build's package of the same version, cached in the user's global folder, is never used.
    $toolPath = Join-Path $scratch 'tools'
    $savedPackages = $env:NUGET_PACKAGES
    $env:NUGET_PACKAGES = Join-Path $scratch 'nuget'
    try {
        $installOutput = dotnet tool install WiseCx.Sandbox --tool-path $toolPath --add-source $packages --version $version 2>&1
        $installExit = $LASTEXITCODE
    }
    finally { $env:NUGET_PACKAGES = $savedPackages }
    if ($installExit -ne 0) { throw "dotnet tool install failed ($installExit):`n$($installOutput | Out-String)" }
    $tool = Join-Path $toolPath $(if ($IsWindows) { 'wisecx-sandbox.exe' } else { 'wisecx-sandbox' })

    # Start-WcxSandbox looks at $env:WISECX_SANDBOX_PATH, then PATH, then ~/.dotnet/tools: each test sets what it needs.
    $savedEnvironment = @{ PATH = $env:PATH; WISECX_SANDBOX_PATH = $env:WISECX_SANDBOX_PATH; HOME = $env:HOME }
    $started = [System.Collections.Generic.List[object]]::new()

    function Restore-Environment {
        foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    }

    function Test-SandboxAnswers([Uri] $Uri) {
        try { $null = Invoke-RestMethod -Uri ([Uri]::new($Uri, '_sandbox/config')) -TimeoutSec 10; $true } catch { $false }
    }
}
AfterAll {
    foreach ($s in $started) { $s | Stop-WcxSandbox -ErrorAction SilentlyContinue }
    Disconnect-WcxAccount
    Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The WiseCx.Sandbox tool package' {
    AfterEach { Restore-Environment }

    It 'is a .NET tool package with the command wisecx-sandbox and the project''s metadata' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead($nupkg)
        try {
            $entry = $archive.Entries | Where-Object FullName -eq 'WiseCx.Sandbox.nuspec'
            $reader = [IO.StreamReader]::new($entry.Open())
            try { [xml]$nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
            $settings = $archive.Entries | Where-Object FullName -like 'tools/*/any/DotnetToolSettings.xml'
            $reader = [IO.StreamReader]::new($settings.Open())
            try { [xml]$toolSettings = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $archive.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'WiseCx.Sandbox'
        $metadata.version | Should -Be $version
        $metadata.authors | Should -Be 'WiseCx contributors'
        $metadata.license.type | Should -Be 'expression'
        $metadata.license.'#text' | Should -Be 'MIT'
        $metadata.projectUrl | Should -Be (Get-WcxRepositoryUrl -RepositoryRoot $RepoRoot)
        $metadata.repository.url | Should -Be (Get-WcxRepositoryUrl -RepositoryRoot $RepoRoot)
        $metadata.readme | Should -Be 'README.md'
        $metadata.packageTypes.packageType.name | Should -Be 'DotnetTool'
        $toolSettings.DotNetCliTool.Commands.Command.Name | Should -Be 'wisecx-sandbox'
    }

    It 'installs into a tool path, starts on 127.0.0.1:0 and gives a token from /authenticate' {
        Test-Path $tool | Should -BeTrue
        $sandbox = Start-WcxSandbox -Path $tool
        $started.Add($sandbox)
        $sandbox.Uri.Host | Should -Be '127.0.0.1'
        $sandbox.Uri.Port | Should -BeGreaterThan 0
        $answer = Invoke-RestMethod -Uri ([Uri]::new($sandbox.BaseUri, "authenticate?user=$($sandbox.User)")) -Headers @{ 'x-api-key' = 'wcx-sandbox-key' }
        $answer.status | Should -Be 'ok'
        $answer.token | Should -Not -BeNullOrEmpty
        $sandbox | Stop-WcxSandbox
    }

    It 'prints its usage with --help, --detach included' {
        $usage = & $tool --help
        $LASTEXITCODE | Should -Be 0
        ($usage -join "`n") | Should -Match '--detach'
    }
}

Describe 'Start-WcxSandbox and Stop-WcxSandbox' {
    AfterEach { Restore-Environment }

    It 'finds wisecx-sandbox on PATH, returns a typed object that pipes into Connect-WcxAccount, and stops it from the pipeline' {
        $env:WISECX_SANDBOX_PATH = $null
        $env:PATH = $toolPath + [IO.Path]::PathSeparator + $env:PATH
        $sandbox = Start-WcxSandbox
        $started.Add($sandbox)
        $sandbox | Should -BeOfType ([WiseCx.WcxSandbox])
        $sandbox.Path | Should -Be $tool
        $sandbox.BaseUri | Should -Be ([Uri]::new($sandbox.Uri, 'core/v1/'))
        $sandbox.User | Should -Be 'sandbox'
        $sandbox.ApiKey | Should -BeOfType ([securestring])
        (Get-Process -Id $sandbox.ProcessId).Id | Should -Be $sandbox.ProcessId
        $sandbox.StartedAt | Should -BeLessOrEqual (Get-Date)
        # Started without -Profile, it names the profile the sandbox chose.
        $sandbox.Profile | Should -Be 'live'

        # Its User, ApiKey and BaseUri bind to Connect-WcxAccount by property name.
        $session = $sandbox | Connect-WcxAccount -PassThru
        $session.BaseUri | Should -Be $sandbox.BaseUri
        $session.User | Should -Be 'sandbox'
        (Get-WcxCase -First 1).Id | Should -BeGreaterThan 0

        $sandbox | Stop-WcxSandbox
        Get-Process -Id $sandbox.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-SandboxAnswers $sandbox.Uri | Should -BeFalse
    }

    It 'shows the sandbox in a table without its key' {
        $env:WISECX_SANDBOX_PATH = $tool
        $sandbox = Start-WcxSandbox -Profile collection
        $started.Add($sandbox)
        try {
            $text = $sandbox | Out-String
            $text | Should -Match ([regex]::Escape($sandbox.Uri.ToString()))
            $text | Should -Match "\b$($sandbox.ProcessId)\b"
            $text | Should -Match 'collection'
            $text | Should -Not -Match 'wcx-sandbox-key'
        }
        finally { $sandbox | Stop-WcxSandbox }
    }

    It 'passes the profile, latency, rate limit, account and -ArgumentList, and keeps the key off the command line' {
        $key = ConvertTo-SecureString 'wcx-tool-test-key' -AsPlainText -Force
        $sandbox = Start-WcxSandbox -Path $tool -Profile collection -LatencyMs 5 -RateLimitPerMinute 900 -User tester -ApiKey $key -ArgumentList '--token-lifetime', '777'
        $started.Add($sandbox)
        try {
            $config = Invoke-RestMethod -Uri ([Uri]::new($sandbox.Uri, '_sandbox/config'))
            $config.profile | Should -Be 'collection'
            $config.latencyMs | Should -Be 5
            $config.rateLimitPerMinute | Should -Be 900
            $config.tokenLifetimeSeconds | Should -Be 777
            $sandbox.User | Should -Be 'tester'
            $sandbox.Profile | Should -Be 'collection'
            Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri
            (Get-WcxCase -First 1).Id | Should -BeGreaterThan 0
            if ($IsLinux) {
                $commandLine = (Get-Content -Raw "/proc/$($sandbox.ProcessId)/cmdline") -replace "`0", ' '
                $commandLine | Should -Match '--detach'
                $commandLine | Should -Not -Match 'wcx-tool-test-key'
            }
        }
        finally { $sandbox | Stop-WcxSandbox }
    }

    It 'says how to install the tool when it is not found' {
        $empty = New-Item -ItemType Directory (Join-Path $scratch "empty-$([guid]::NewGuid())")
        $env:WISECX_SANDBOX_PATH = $null
        $env:PATH = $empty.FullName
        $env:HOME = $empty.FullName
        $record = $null
        try { Start-WcxSandbox -ErrorAction Stop } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike 'WcxSandboxNotFound,*'
        $record.Exception.Message | Should -Match 'dotnet tool install --global WiseCx\.Sandbox'
    }

    It 'refuses a -Path that holds no sandbox' {
        { Start-WcxSandbox -Path (Join-Path $scratch 'nothing-here') -ErrorAction Stop } | Should -Throw -ErrorId 'WcxSandboxNotFound,*'
    }

    It 'reports a sandbox that refuses its arguments, with its own message' {
        { Start-WcxSandbox -Path $tool -ArgumentList '--no-such-switch' -ErrorAction Stop } | Should -Throw -ExpectedMessage "*Unknown option '--no-such-switch'*"
    }

    It 'starts and stops nothing with -WhatIf' {
        $before = @(Get-Process -Name wisecx-sandbox -ErrorAction SilentlyContinue).Count
        Start-WcxSandbox -Path $tool -WhatIf | Should -BeNullOrEmpty
        @(Get-Process -Name wisecx-sandbox -ErrorAction SilentlyContinue).Count | Should -Be $before

        $sandbox = Start-WcxSandbox -Path $tool
        $started.Add($sandbox)
        $sandbox | Stop-WcxSandbox -WhatIf
        Test-SandboxAnswers $sandbox.Uri | Should -BeTrue
        $sandbox | Stop-WcxSandbox
        Test-SandboxAnswers $sandbox.Uri | Should -BeFalse
    }

    It 'stops by -ProcessId only a sandbox' {
        $other = Start-Process -FilePath sleep -ArgumentList 60 -PassThru
        try {
            Stop-WcxSandbox -ProcessId $other.Id -ErrorVariable refused -ErrorAction SilentlyContinue
            $refused.FullyQualifiedErrorId | Should -BeLike 'WcxSandboxNotFound,*'
            $other.HasExited | Should -BeFalse
        }
        finally { $other.Kill() }

        $sandbox = Start-WcxSandbox -Path $tool
        $started.Add($sandbox)
        [pscustomobject]@{ ProcessId = $sandbox.ProcessId } | Stop-WcxSandbox
        Test-SandboxAnswers $sandbox.Uri | Should -BeFalse
    }

    It 'survives the Ctrl+C of the console that started it' -Skip:$IsWindows {
        # A child pwsh in its own session and process group (setsid), as a console's foreground job is; Ctrl+C in a
        # terminal sends SIGINT to that whole group, which kill -INT -<pgid> does here.
        $ready = Join-Path $scratch "ready-$([guid]::NewGuid()).txt"
        $script = Join-Path $scratch "child-$([guid]::NewGuid()).ps1"
        Set-Content -Path $script -Value @"
Import-Module '$ModulePath'
`$s = Start-WcxSandbox -Path '$tool'
# Written aside, then renamed: the test reads the file as soon as it exists, never half-written.
Set-Content -Path '$ready.tmp' -Value "`$(`$s.Uri) `$(`$s.ProcessId)"
Move-Item -Path '$ready.tmp' -Destination '$ready'
Start-Sleep -Seconds 120
"@
        $pwsh = Get-WcxPwshCommand
        $psi = [Diagnostics.ProcessStartInfo]::new('setsid')
        foreach ($a in @($pwsh) + @('-NoProfile', '-NonInteractive', '-File', $script)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $child = [Diagnostics.Process]::Start($psi)
        $null = $child.StandardOutput.ReadToEndAsync(); $null = $child.StandardError.ReadToEndAsync()
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (-not (Test-Path $ready) -and -not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            Test-Path $ready | Should -BeTrue -Because 'the child started a sandbox'
            $uri, $sandboxPid = (Get-Content $ready -Raw).Trim() -split ' '
            $started.Add([pscustomobject]@{ ProcessId = [int]$sandboxPid })
            Test-SandboxAnswers $uri | Should -BeTrue

            # setsid made the child pwsh the leader of its own group: its pid is the group id. The signal goes through
            # the kill(2) call itself, never /usr/bin/kill: procps-ng 4.0.x reads `kill -INT -<pgid>` as kill(-1, SIGINT),
            # a signal to every process of the user. The group is checked before anything is sent.
            $groupOf = { param($id) [int]((Get-Content -Raw "/proc/$id/stat") -replace '^.*\)\s+\S+\s+\S+\s+(\d+).*$', '$1') }
            $group = & $groupOf $child.Id
            $group | Should -Be $child.Id -Because 'the child leads its own process group'
            $group | Should -BeGreaterThan 1
            $group | Should -Not -Be (& $groupOf $PID) -Because 'the signal must not reach this test run'
            (& $groupOf $sandboxPid) | Should -Not -Be $group -Because 'the sandbox left the console''s group (--detach)'
            if (-not ('WcxTest.Signal' -as [type])) {
                Add-Type -Namespace WcxTest -Name Signal -MemberDefinition '[System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern int kill(int pid, int sig);'
            }
            if ($group -gt 1 -and $group -eq $child.Id) { [WcxTest.Signal]::kill(-$group, 2) | Should -Be 0 }
            $child.WaitForExit(30000) | Should -BeTrue -Because 'the console''s Ctrl+C ends the script that ran there'
            Test-SandboxAnswers $uri | Should -BeTrue -Because 'the sandbox left the console''s process group'
            Get-Process -Id $sandboxPid -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty

            # ...and still stops cleanly on SIGTERM (Stop-WcxSandbox by id).
            Stop-WcxSandbox -ProcessId $sandboxPid
            Test-SandboxAnswers $uri | Should -BeFalse
        }
        finally { if (-not $child.HasExited) { $child.Kill($true) } }
    }
}
