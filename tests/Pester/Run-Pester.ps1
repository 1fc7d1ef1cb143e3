<#
.SYNOPSIS
Runs the Pester suite against a built module and writes a summary for build.ps1. Called by build.ps1 Test in a
child pwsh, so the module is imported into a clean session.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Configuration = 'Release',
    [string[]] $Path = @($PSScriptRoot)
)
$ErrorActionPreference = 'Stop'
# build.ps1 passes several paths as one comma-separated argument (a -File argument cannot carry an array).
$Path = @($Path | ForEach-Object { $_ -split "," } | Where-Object { $_ })
Import-Module $PesterPath -Force

# What the tests need to find, passed by environment so each test file stays runnable on its own.
$env:WISECX_TEST_MODULE = (Resolve-Path $ModulePath).Path
$env:WISECX_TEST_CONFIGURATION = $Configuration
$env:WISECX_TEST_PACKAGES = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path (Split-Path $SummaryPath) 'pester.xml'
$result = Invoke-Pester -Configuration $config

[pscustomobject]@{
    Total  = $result.TotalCount
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
exit ([int]($result.Result -ne 'Passed'))
