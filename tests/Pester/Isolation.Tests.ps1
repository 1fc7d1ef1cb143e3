# WiseCx must import and work beside a module that brings another copy of its dependencies, in either order.
# Polly.Core keeps assembly version 8.0.0.0 across all 8.x releases, so the check is on which file each copy came from.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $sandbox = Start-TestSandbox

    $otherPolly = Join-Path $env:WISECX_TEST_PACKAGES 'polly.core/8.1.0/lib/net6.0/Polly.Core.dll'
    if (-not (Test-Path $otherPolly)) { throw "The fixture's Polly.Core 8.1.0 is missing at $otherPolly (restore tools/Tools.csproj)." }
    $fixture = Join-Path ([IO.Path]::GetTempPath()) "wcx-fixture-$([guid]::NewGuid())/OtherModule"
    $null = New-Item -ItemType Directory -Force $fixture
    Copy-Item $otherPolly $fixture
    Set-Content (Join-Path $fixture 'OtherModule.psm1') @'
# Stands for any module that ships its own Polly: it loads it into the default context, as most modules do.
$null = [System.Reflection.Assembly]::LoadFrom((Join-Path $PSScriptRoot 'Polly.Core.dll'))
function Invoke-OtherPolly {
    $pipeline = [Polly.ResiliencePipelineBuilder]::new().Build()
    $script:ran = $false
    $pipeline.Execute([Action] { $script:ran = $true })
    [pscustomobject]@{ Ran = $script:ran; From = [Polly.ResiliencePipeline].Assembly.Location }
}
'@

    function Invoke-Scenario([string[]] $Order) {
        $imports = foreach ($name in $Order) {
            if ($name -eq 'WiseCx') { "Import-Module '$ModulePath'; Connect-WcxAccount -User sandbox -ApiKey (ConvertTo-SecureString 'wcx-sandbox-key' -AsPlainText -Force) -BaseUri '$($sandbox.BaseUri)'; `$cases = @(Get-WcxCase -First 3).Count" }
            else { "Import-Module '$fixture/OtherModule.psm1'; `$null = Invoke-OtherPolly" }
        }
        $script = @"
`$ErrorActionPreference = 'Stop'
$($imports -join "`n")
`$other = if (Get-Command Invoke-OtherPolly -ErrorAction SilentlyContinue) { Invoke-OtherPolly }
`$cases = @(Get-WcxCase -First 3).Count
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'Polly.Core', 'System.Text.Json', 'WiseCx.Client', 'WiseCx.Models' } | ForEach-Object {
    [pscustomobject]@{ Name = `$_.GetName().Name; Location = `$_.Location; Default = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }
}
'RESULT:' + ([pscustomobject]@{ Cases = `$cases; Other = `$other; Loaded = @(`$loaded) } | ConvertTo-Json -Depth 4 -Compress)
"@
        $run = Invoke-ChildPwsh -Script $script
        $line = ($run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' } | Select-Object -First 1)
        if (-not $line) { throw "The scenario failed (exit $($run.ExitCode)):`n$($run.Output)" }
        $line.Substring(7) | ConvertFrom-Json
    }
}
AfterAll {
    $sandbox | Stop-WcxDevSandbox
    Remove-Item (Split-Path $fixture) -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Dependency isolation' {
    It 'works when another module loaded its Polly first (<_>)' -ForEach @('OtherModule,WiseCx', 'WiseCx,OtherModule') {
        $result = Invoke-Scenario ($_ -split ',')
        $result.Cases | Should -Be 3
        $result.Other.Ran | Should -BeTrue
        $result.Other.From | Should -BeLike "*OtherModule*Polly.Core.dll"

        $polly = @($result.Loaded | Where-Object Name -eq 'Polly.Core')
        $polly.Count | Should -Be 2
        ($polly | Where-Object Location -like '*OtherModule*').Default | Should -BeTrue
        $ours = $polly | Where-Object Location -like '*Dependencies*Polly.Core.dll'
        $ours | Should -Not -BeNullOrEmpty
        $ours.Default | Should -BeFalse

        ($result.Loaded | Where-Object Name -eq 'WiseCx.Client').Default | Should -BeFalse
        ($result.Loaded | Where-Object Name -eq 'WiseCx.Models').Default | Should -BeTrue
    }

    It 'leaves exactly one System.Text.Json in the process: PowerShell''s own' {
        $result = Invoke-Scenario @('WiseCx')
        $json = @($result.Loaded | Where-Object Name -eq 'System.Text.Json')
        $json.Count | Should -Be 1
        $json[0].Location | Should -Not -BeLike '*Dependencies*'
        $json[0].Default | Should -BeTrue
    }
}

Describe 'Connect-WcxAccount -RateLimitStore: StackExchange.Redis loads only for a store, into the module''s own context' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../tools/Store.psm1') -Force
        $store = Start-WcxStore -Engine (Get-WcxTestStoreEngine)
    }
    AfterAll { $store | Stop-WcxStore }

    It 'is not loaded by a session without a store, and is loaded privately by one with a store' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$key = ConvertTo-SecureString 'wcx-sandbox-key' -AsPlainText -Force
function Get-Redis { @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'StackExchange.Redis', 'Pipelines.Sockets.Unofficial' }) }
Connect-WcxAccount -User sandbox -ApiKey `$key -BaseUri '$($sandbox.BaseUri)'
`$null = Get-WcxCase -First 1
`$null = Get-WcxContext | Format-List | Out-String
`$without = (Get-Redis).Count
Connect-WcxAccount -User sandbox -ApiKey `$key -BaseUri '$($sandbox.BaseUri)' -RateLimitStore '$($store.Uri)'
`$null = Get-WcxCase -First 1
`$with = Get-Redis
`$private = @(`$with | Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_) -ne [System.Runtime.Loader.AssemblyLoadContext]::Default })
'RESULT:' + ([pscustomobject]@{ Without = `$without; With = `$with.Count; Private = `$private.Count; Status = (Get-WcxContext).RateLimitStoreStatus } | ConvertTo-Json -Compress)
"@
        $run = Invoke-ChildPwsh -Script $script
        $line = ($run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' } | Select-Object -First 1)
        if (-not $line) { throw "The child failed (exit $($run.ExitCode)):`n$($run.Output)" }
        $result = $line.Substring(7) | ConvertFrom-Json
        $result.Without | Should -Be 0
        $result.With | Should -Be 2
        $result.Private | Should -Be 2
        $result.Status | Should -Be 'Shared'
    }
}
