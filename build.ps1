<#
.SYNOPSIS
The one entry point: build, test and demo the WiseCx module.

.DESCRIPTION
  Build  Compiles the solution and lays the module out in out/WiseCx/<version>/ (manifest, cmdlet and model
         assemblies at the root, the client and its dependencies in Dependencies/).
  Quick  The inner loop for one area (-Area Queue): build and lay the module out without packages (and without
         compiling help unless a selected Pester file reads it), then only the xunit tests whose full name contains the area (tests/Unit, tests/Sandbox) and the Pester files
         whose name contains it or whose Describe/Context titles name it. Ends with the same "Tests:" line as Test.
  Test   Build, then xunit (tests/Unit and the sandbox's own tests/Sandbox), the whitespace check
         (dotnet format whitespace --verify-no-changes, counted as one test), Pester (tests/Pester, in a child pwsh against the built module) and, where
         `mono` is on PATH, the .NET Framework leg (tests/NetFramework: a net472 harness drives the built module
         against the sandbox). The rate-limit store tests (xunit Category=Store, tests/Pester/*RateLimitStore*) run
         in those legs against Garnet; where `redis-server` is on PATH the redis-server leg runs them again against
         Redis (WISECX_TEST_STORE=redis). Ends with one line "Tests: N passed, N failed" (naming each leg that was
         skipped) and exits non-zero on any failure.
  Docs   Compile docs/cmdlets into the module's MAML help and copy the about_ topics (also part of Build).
  Package  Build, then WiseCx.<version>.nupkg (PSResourceGet, into the folder repository out/packages),
         WiseCx.Sandbox.<version>.nupkg (the sandbox as a .NET tool, wisecx-sandbox) and WiseCx.zip (a WiseCx/ folder,
         the layout Azure Automation imports).
  Demo   Build, start the local sandbox and a Garnet store, and run demo/Demo.ps1 against them; both are stopped even on error.
  Bench  Build Release, then the benchmarks (bench/Invoke-Bench.ps1) against the sandbox: writes bench/results.md and
         bench/results.json. Figures, not tests; not part of Test; about 8 minutes on 2 cores.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 Test

.EXAMPLE
dotnet pwsh ./build.ps1 Quick -Area Queue
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Quick', 'Test', 'Demo', 'Docs', 'Package', 'Bench')]
    [string] $Task = 'Build',

    # Quick only: the area whose tests to run, a word of the test names (Queue, Contact, Case, Nitro, Filter, ...).
    [string] $Area,

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test and Quick: the store engine of the rate-limit store tests in the main legs (WISECX_TEST_STORE); Garnet
    # comes from the tool manifest, Redis needs redis-server on PATH. Test's redis-server leg runs either way.
    [ValidateSet('Garnet', 'Redis')]
    [string] $StoreEngine = 'Garnet'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$OutRoot = Join-Path $Root 'out'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
# The version reader and the child-pwsh launcher, shared with bench/, tools/ and tests/Pester/.
. (Join-Path $Root 'tools/Build.Common.ps1')

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Get-ModuleVersion { Get-WcxModuleVersion -RepositoryRoot $Root }

function Get-CmdletName {
    # Read from the [Cmdlet(...)] attributes in the source, so the manifest lists every cmdlet by name (no wildcard)
    # without a hand-kept list to forget; Module.Tests.ps1 checks the result against the compiled assembly.
    Get-ChildItem (Join-Path $Root 'src/WiseCx.PowerShell/Commands') -Filter *.cs | ForEach-Object {
        foreach ($m in [regex]::Matches((Get-Content $_.FullName -Raw), '\[Cmdlet\((?<class>Verbs\w+)\.(?<verb>\w+),\s*"(?<noun>\w+)"')) {
            $verb = ("System.Management.Automation.$($m.Groups['class'].Value)" -as [type])::($m.Groups['verb'].Value)
            "$verb-$($m.Groups['noun'].Value)"
        }
    } | Sort-Object -Unique
}

function Get-ReleaseNote {
    <# The text of CHANGELOG.md's section for -Version (the lines under "## [<version>]" up to the next "## "), trimmed. #>
    param([string] $Version)
    $changelog = (Get-Content (Join-Path $Root 'CHANGELOG.md') -Raw) -replace "`r`n", "`n"
    $match = [regex]::Match($changelog, "(?ms)^## \[$([regex]::Escape($Version))\][^\n]*\n(?<notes>.*?)(?=^## |\z)")
    if (-not $match.Success -or -not $match.Groups['notes'].Value.Trim()) {
        throw "CHANGELOG.md has no section '## [$Version]': write the release notes of this version there."
    }
    $match.Groups['notes'].Value.Trim()
}

function Get-ModuleDirectory { Join-Path $OutRoot "WiseCx/$(Get-ModuleVersion)" }

function Invoke-BuildTask {
    # -NoHelp (Quick): skip compiling docs/ into help; Get-Help then shows only the syntax.
    param([switch] $NoHelp)
    $version = Get-ModuleVersion
    Write-Host "Building WiseCx $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $Root 'WiseCx.slnx') -c $Configuration --nologo -v quiet -clp:NoSummary }

    $publish = Join-Path $Root "obj/publish/$Configuration"
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    Invoke-Native 'dotnet publish' { dotnet publish (Join-Path $Root 'src/WiseCx.PowerShell') -c $Configuration -o $publish --nologo -v quiet -clp:NoSummary }

    $moduleDir = Get-ModuleDirectory
    if (Test-Path $moduleDir) { Remove-Item $moduleDir -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'Dependencies')

    # Only what PowerShell must see sits at the root; everything else resolves from Dependencies/ (see ModuleInitializer).
    $rootAssemblies = 'WiseCx.PowerShell.dll', 'WiseCx.Models.dll'
    # Provided by every host that can use them; shipping them would only invite a second copy.
    $neverShipped = 'System.Runtime.Loader.dll', 'System.Management.Automation.dll'
    foreach ($file in Get-ChildItem $publish -Filter *.dll) {
        if ($file.Name -in $neverShipped) { continue }
        $target = if ($file.Name -in $rootAssemblies) { $moduleDir } else { $dependencies.FullName }
        Copy-Item $file.FullName $target
    }
    Import-Module (Join-Path $Root 'tools/FormatTools.psm1') -Force
    $views = Import-PowerShellDataFile (Join-Path $Root 'src/WiseCx.PowerShell/Formats.psd1')
    Set-Content -Path (Join-Path $moduleDir 'WiseCx.Format.ps1xml') -Value (ConvertTo-WcxFormatXml -Views $views) -Encoding utf8NoBOM
    if (-not $NoHelp) { Invoke-DocsTask -ModuleDirectory $moduleDir }
    $cmdlets = (Get-CmdletName | ForEach-Object { "        '$_'" }) -join "`n"
    $commandTags = (@('PSIncludes_Cmdlet') + @(Get-CmdletName | ForEach-Object { "PSCommand_$_" }) | ForEach-Object { "'$_'" }) -join ', '
    $repository = Get-WcxRepositoryUrl -RepositoryRoot $Root
    # A single-quoted PowerShell string: a quote in the notes is doubled.
    $releaseNotes = "'" + (Get-ReleaseNote -Version $version).Replace("'", "''") + "'"
    $manifest = (Get-Content (Join-Path $Root 'WiseCx.psd1') -Raw).Replace('{{ModuleVersion}}', $version).Replace("        '{{CmdletsToExport}}'", $cmdlets).
        Replace('{{ProjectUri}}', $repository).Replace('{{LicenseUri}}', "$repository/blob/main/LICENSE").Replace("'{{ReleaseNotes}}'", $releaseNotes).Replace("'{{CommandTags}}'", $commandTags)
    Set-Content -Path (Join-Path $moduleDir 'WiseCx.psd1') -Value $manifest -Encoding utf8NoBOM
    Write-Host "Module laid out in $moduleDir"
}

function Invoke-DocsTask {
    # docs/cmdlets -> MAML for Get-Help; docs/about -> about_ topics. Both go to the module's en-US folder.
    param([string] $ModuleDirectory = (Get-ModuleDirectory))
    Import-Module (Join-Path $Root 'tools/HelpCompiler.psm1') -Force
    $culture = New-Item -ItemType Directory -Force (Join-Path $ModuleDirectory 'en-US')
    # -RepositoryUrl: each command's help links to its page there, which Get-Help -Online opens.
    ConvertTo-WcxMaml -DocsFolder (Join-Path $Root 'docs/cmdlets') -OutputPath (Join-Path $culture 'WiseCx.PowerShell.dll-Help.xml') `
        -RepositoryUrl (Get-WcxRepositoryUrl -RepositoryRoot $Root)
    Copy-Item (Join-Path $Root 'docs/about/about_*.help.txt') $culture
    Write-Host "Help compiled into $culture"
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $packages = Join-Path $OutRoot 'packages'
    if (Test-Path $packages) { Remove-Item $packages -Recurse -Force }
    $null = New-Item -ItemType Directory -Force $packages
    # A throw-away repository name, so that the user's registered repositories are left as they were.
    $name = "WiseCxBuild$PID"
    Register-PSResourceRepository -Name $name -Uri $packages -Trusted
    try { Publish-PSResource -Path (Get-ModuleDirectory) -Repository $name }
    finally { Unregister-PSResourceRepository -Name $name }
    # The sandbox as a .NET tool (dotnet tool install WiseCx.Sandbox --add-source out/packages), from the build above.
    Invoke-Native 'dotnet pack of the sandbox tool' { dotnet pack (Join-Path $Root 'src/WiseCx.Sandbox') -c $Configuration --no-build -o $packages --nologo -v quiet -clp:NoSummary }

    $staging = Join-Path $OutRoot 'zip/WiseCx'
    if (Test-Path (Split-Path $staging)) { Remove-Item (Split-Path $staging) -Recurse -Force }
    $null = New-Item -ItemType Directory -Force $staging
    Copy-Item (Join-Path (Get-ModuleDirectory) '*') $staging -Recurse
    Compress-Archive -Path $staging -DestinationPath (Join-Path $packages 'WiseCx.zip') -Force
    Get-ChildItem $packages | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Get-PesterModulePath {
    Invoke-Native 'restore of the test tools' { dotnet restore (Join-Path $Root 'tools/Tools.csproj') --nologo -v quiet }
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester was not found at $path after restore." }
    $path
}

function Invoke-NetFrameworkLeg {
    <#
    The .NET Framework leg: a net472 console (tests/NetFramework) run under Mono loads the built module folder the way
    Windows PowerShell does and drives the client against a fresh sandbox. Each "PASS"/"FAIL" line it prints is one
    test in the summary. Returns Passed, Failed, Problem (text or $null) and Skipped (text or $null): without mono the
    leg cannot run, and the summary must say so rather than pass quietly.
    #>
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Problem = $null; Skipped = $null }
    $mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $mono) {
        $result.Skipped = '.NET Framework leg skipped: mono not installed'
        Write-Host "  $($result.Skipped) (apt-get install mono-runtime mono-devel)" -ForegroundColor Yellow
        return $result
    }
    $project = Join-Path $Root 'tests/NetFramework/WiseCx.NetFramework.Harness'
    # Out-Host: the build's text must not join this function's output, which is the result object alone.
    Invoke-Native 'dotnet build of the .NET Framework harness' { dotnet build $project -c $Configuration --nologo -v quiet -clp:NoSummary | Out-Host }
    $exe = Join-Path $project "bin/$Configuration/net472/WiseCx.NetFramework.Harness.exe"
    # The SDK writes binding redirects next to a net472 exe; they would bind in the module's place, so the run would
    # no longer show that the module's own resolver is enough.
    Remove-Item "$exe.config" -ErrorAction SilentlyContinue

    Import-Module (Join-Path $Root 'tools/Sandbox.psm1') -Force
    Import-Module (Join-Path $Root 'tools/Store.psm1') -Force
    $sandbox = Start-WcxDevSandbox -Configuration $Configuration
    # A rate-limit store, so that StackExchange.Redis is loaded and used on the .NET Framework-shaped runtime too.
    $store = $null
    try {
        $store = Start-WcxStore -Engine Garnet
        # The sandbox's fixed key (tools/Sandbox.psm1) on the command line: it is a local test key, not a secret.
        # Under coreutils' timeout where there is one (a run takes seconds): a run that hangs ends the leg instead of the
        # whole Test. One run in many has hung under Mono at process exit, after printing all its checks, with a thread
        # of StackExchange.Redis's socket scheduler waiting: see below.
        $harness = @($mono.Source, $exe, (Get-ModuleDirectory), $sandbox.BaseUri, $sandbox.User, 'wcx-sandbox-key', $store.Uri)
        $timeout = Get-Command timeout -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($timeout) { $harness = @($timeout.Source, '180') + $harness }
        $output = & $harness[0] @($harness | Select-Object -Skip 1) 2>&1
        $exit = $LASTEXITCODE
    }
    finally {
        $sandbox | Stop-WcxDevSandbox
        if ($store) { $store | Stop-WcxStore }
    }

    foreach ($line in $output) {
        $text = "$line"
        if ($text -match '^PASS ') { $result.Passed++; Write-Host "  $text" }
        elseif ($text -match '^FAIL ') { $result.Failed++; Write-Host "  $text" -ForegroundColor Red }
        else { Write-Host "  $text" }
    }
    $allPassed = @($output | Where-Object { "$_" -eq 'All checks passed.' }).Count -gt 0
    if ($exit -eq 124 -and $allPassed -and $result.Failed -eq 0) {
        # Every check ran and passed; only Mono's process exit hung (timeout ended it). Said, not failed.
        Write-Host '  NOTE: the harness hung at process exit after all its checks passed (Mono); timeout ended it.' -ForegroundColor Yellow
    }
    elseif ($exit -ne 0 -and $result.Failed -eq 0) { $result.Problem = ".NET Framework leg exited with $exit without a failed check" }
    elseif ($result.Passed + $result.Failed -eq 0) { $result.Problem = '.NET Framework leg ran no check' }
    $result
}

# The xunit projects Test runs, each counted: the module's tests and the sandbox's own.
$XunitProjects = 'tests/Unit', 'tests/Sandbox'

function Invoke-XunitProject {
    <# Runs one xunit project (already built) and returns its Passed, Failed and Problems from the trx it writes. #>
    param([string] $Project, [string] $ResultsDirectory, [string] $Filter)
    $name = Split-Path $Project -Leaf
    $arguments = @('test', (Join-Path $Root $Project), '-c', $Configuration, '--no-build', '--nologo',
        '--logger', "trx;LogFileName=$name.trx", '--logger', 'console;verbosity=minimal', '--results-directory', $ResultsDirectory)
    if ($Filter) { $arguments += @('--filter', $Filter) }
    # Out-Host: the runner's text must not join this function's output, which is the result object alone.
    dotnet @arguments | Out-Host
    $exit = $LASTEXITCODE
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Problems = @() }
    $trx = Join-Path $ResultsDirectory "$name.trx"
    if (Test-Path $trx) {
        $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
        $result.Passed = [int]$counters.passed
        $result.Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    } elseif (-not $Filter -or $exit -ne 0) { $result.Problems += "xunit ($Project) produced no results (exit code $exit)" }
    if ($exit -ne 0 -and $result.Failed -eq 0) { $result.Problems += "xunit ($Project) exited with $exit" }
    $result
}

function Test-Formatting {
    <# True when every file of the solution already has the whitespace .editorconfig asks for; names the others. #>
    dotnet format whitespace (Join-Path $Root 'WiseCx.slnx') --verify-no-changes | Out-Host
    if ($LASTEXITCODE -eq 0) { Write-Host '  formatting clean'; return $true }
    Write-Host "  formatting differs (fix: dotnet format whitespace WiseCx.slnx)" -ForegroundColor Red
    $false
}

function Invoke-PesterRun {
    <# Pester in a child pwsh against the built module; returns Passed, Failed and Problems from its summary. #>
    param([string] $ResultsDirectory, [string[]] $Path)
    $pester = Get-PesterModulePath
    $summary = Join-Path $ResultsDirectory 'pester.json'
    $arguments = @('-File', (Join-Path $Root 'tests/Pester/Run-Pester.ps1'),
        '-PesterPath', $pester, '-ModulePath', (Join-Path (Get-ModuleDirectory) 'WiseCx.psd1'), '-SummaryPath', $summary, '-Configuration', $Configuration)
    if ($Path) { $arguments += @('-Path', ($Path -join ',')) }
    # A child pwsh, so that the built module is loaded in a clean session and never locked by this one.
    Invoke-WcxChildPwsh -Arguments $arguments | Out-Host
    $exit = $LASTEXITCODE
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Problems = @() }
    if (Test-Path $summary) {
        $p = Get-Content $summary -Raw | ConvertFrom-Json
        $result.Passed = [int]$p.Passed; $result.Failed = [int]$p.Failed
        if ([int]$p.Total -eq 0) { $result.Problems += 'Pester ran no test' }
    } else { $result.Problems += "Pester produced no results (exit code $exit)" }
    $result
}

# The Pester files of the rate-limit store, run again in the redis-server leg.
$StorePesterPattern = '*RateLimitStore*.Tests.ps1'

function Invoke-RedisStoreLeg {
    <#
    The redis-server leg: the store tests (xunit Category=Store in tests/Unit, the Pester rate-limit store files) again
    with WISECX_TEST_STORE=redis, so what passes on Garnet is shown to hold on Redis. Returns Passed, Failed, Problems
    and Skipped (text or $null): without redis-server the leg cannot run, and the summary must say so.
    #>
    param([string] $ResultsDirectory)
    $result = [pscustomobject]@{ Passed = 0; Failed = 0; Problems = @(); Skipped = $null }
    if (-not (Get-Command redis-server -CommandType Application -ErrorAction SilentlyContinue)) {
        $result.Skipped = 'redis-server leg skipped: redis-server not installed'
        Write-Host "  $($result.Skipped) (apt-get install redis-server)" -ForegroundColor Yellow
        return $result
    }
    $legResults = New-Item -ItemType Directory -Force (Join-Path $ResultsDirectory 'redis-server')
    $saved = $env:WISECX_TEST_STORE
    $env:WISECX_TEST_STORE = 'redis'
    try {
        $leg = Invoke-XunitProject -Project 'tests/Unit' -ResultsDirectory $legResults.FullName -Filter 'Category=Store'
        $result.Passed += $leg.Passed; $result.Failed += $leg.Failed; $result.Problems += $leg.Problems
        if ($leg.Passed + $leg.Failed -eq 0) { $result.Problems += 'redis-server leg: xunit ran no Category=Store test' }
        $files = @(Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter $StorePesterPattern | ForEach-Object FullName)
        if ($files) {
            $leg = Invoke-PesterRun -ResultsDirectory $legResults.FullName -Path $files
            $result.Passed += $leg.Passed; $result.Failed += $leg.Failed; $result.Problems += $leg.Problems
        } else { $result.Problems += "redis-server leg: no Pester file matches tests/Pester/$StorePesterPattern" }
    }
    finally { $env:WISECX_TEST_STORE = $saved }
    $result
}

function Invoke-TestTask {
    # Package includes Build; the packages are tested too (tests/Pester/Package.Tests.ps1).
    Invoke-PackageTask
    $results = Join-Path $OutRoot 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory -Force $results
    $passed = 0; $failed = 0; $problems = @()

    foreach ($project in $XunitProjects) {
        Write-Host "`nxunit ($project)" -ForegroundColor Cyan
        $leg = Invoke-XunitProject -Project $project -ResultsDirectory $results
        $passed += $leg.Passed; $failed += $leg.Failed; $problems += $leg.Problems
    }

    Write-Host "`nFormat (dotnet format whitespace --verify-no-changes)" -ForegroundColor Cyan
    # One counted check: a file whose whitespace differs from .editorconfig fails Test like a failed test.
    if (Test-Formatting) { $passed++ } else { $failed++ }

    Write-Host "`nPester (tests/Pester)" -ForegroundColor Cyan
    $leg = Invoke-PesterRun -ResultsDirectory $results
    $passed += $leg.Passed; $failed += $leg.Failed; $problems += $leg.Problems

    Write-Host "`n.NET Framework leg (tests/NetFramework, under mono)" -ForegroundColor Cyan
    $leg = Invoke-NetFrameworkLeg
    $passed += $leg.Passed; $failed += $leg.Failed
    if ($leg.Problem) { $problems += $leg.Problem }
    $skipped = @($leg.Skipped | Where-Object { $_ })

    Write-Host "`nredis-server leg (store tests with WISECX_TEST_STORE=redis)" -ForegroundColor Cyan
    $leg = Invoke-RedisStoreLeg -ResultsDirectory $results
    $passed += $leg.Passed; $failed += $leg.Failed; $problems += $leg.Problems
    $skipped += @($leg.Skipped | Where-Object { $_ })

    foreach ($problem in $problems) { Write-Host "ERROR: $problem" -ForegroundColor Red }
    # A skipped leg is named on the summary line itself, so a run without mono or redis-server never reads as the
    # complete suite.
    $note = if ($skipped) { " ($($skipped -join '; '))" } else { '' }
    Write-Host "Tests: $passed passed, $failed failed$note"
    if ($failed -gt 0 -or $problems) { exit 1 }
}

function Get-AreaPesterFile {
    <# The Pester files of an area: named for it (Queues.Tests.ps1) or with a Describe/Context title naming it. #>
    param([string] $Name)
    foreach ($file in Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter *.Tests.ps1) {
        if ($file.Name -like "*$Name*" -or
            (Select-String -Path $file.FullName -Pattern "^\s*(Describe|Context)\s+['""][^'""]*$([regex]::Escape($Name))" -Quiet)) {
            $file.FullName
        }
    }
}

function Invoke-QuickTask {
    if (-not $Area) { throw 'Quick needs -Area <word>, e.g. ./build.ps1 Quick -Area Queue.' }
    $files = @(Get-AreaPesterFile -Name $Area)
    # Compiling the help takes a while; only files that read it (Get-Help, en-US) need it.
    $needsHelp = $files -and (Select-String -Path $files -Pattern 'Get-Help|en-US' -Quiet)
    Invoke-BuildTask -NoHelp:(-not $needsHelp)
    $results = Join-Path $OutRoot 'test-results-quick'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory -Force $results
    $passed = 0; $failed = 0; $problems = @()
    foreach ($project in $XunitProjects) {
        Write-Host "`nxunit ($project, names containing '$Area')" -ForegroundColor Cyan
        $leg = Invoke-XunitProject -Project $project -ResultsDirectory $results -Filter "FullyQualifiedName~$Area"
        $passed += $leg.Passed; $failed += $leg.Failed; $problems += $leg.Problems
    }
    if ($files) {
        Write-Host "`nPester ($((($files | ForEach-Object { Split-Path $_ -Leaf }) -join ', ')))" -ForegroundColor Cyan
        $leg = Invoke-PesterRun -ResultsDirectory $results -Path $files
        $passed += $leg.Passed; $failed += $leg.Failed; $problems += $leg.Problems
    } else { Write-Host "`nPester: no file names or titles '$Area'" -ForegroundColor Yellow }
    foreach ($problem in $problems) { Write-Host "ERROR: $problem" -ForegroundColor Red }
    Write-Host "Tests: $passed passed, $failed failed (Quick -Area $Area; the whole suite is ./build.ps1 Test)"
    if ($failed -gt 0 -or $problems) { exit 1 }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    Import-Module (Join-Path $Root 'tools/Sandbox.psm1') -Force
    Import-Module (Join-Path $Root 'tools/Store.psm1') -Force
    $sandbox = Start-WcxDevSandbox -Configuration $Configuration
    $store = $null
    try {
        Write-Host "Sandbox listening on $($sandbox.Root)" -ForegroundColor Cyan
        # Garnet (the garnet-server tool of the manifest), for the demo's shared rate limit.
        $store = Start-WcxStore -Engine Garnet
        Write-Host "Rate-limit store (Garnet) listening on $($store.Uri)`n" -ForegroundColor Cyan
        Invoke-WcxChildPwsh -Arguments @('-File', (Join-Path $Root 'demo/Demo.ps1'),
            '-ModulePath', (Join-Path (Get-ModuleDirectory) 'WiseCx.psd1'), '-BaseUri', $sandbox.BaseUri, '-RateLimitStore', $store.Uri)
        if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
    }
    finally {
        $sandbox | Stop-WcxDevSandbox
        if ($store) { $store | Stop-WcxStore }
        Write-Host "`nSandbox and store stopped."
    }
}

function Invoke-BenchTask {
    # Always on a Release build: the figures are about the module as shipped.
    $script:Configuration = 'Release'
    Invoke-BuildTask
    & (Join-Path $Root 'bench/Invoke-Bench.ps1') -ModulePath (Join-Path (Get-ModuleDirectory) 'WiseCx.psd1') -Configuration $Configuration
}

# The engine of the store tests in the main legs (the redis-server leg sets its own for its run); the caller's value
# is restored afterwards, as this process may be the caller's own.
if ($StoreEngine -eq 'Redis' -and $Task -in 'Test', 'Quick' -and -not (Get-Command redis-server -CommandType Application -ErrorAction SilentlyContinue)) {
    throw '-StoreEngine Redis needs redis-server on PATH (apt-get install redis-server).'
}
$savedStoreEngine = $env:WISECX_TEST_STORE
$env:WISECX_TEST_STORE = $StoreEngine.ToLowerInvariant()
try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Quick' { Invoke-QuickTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
        'Bench' { Invoke-BenchTask }
    }
}
finally { $env:WISECX_TEST_STORE = $savedStoreEngine }
