# Every example in docs/cmdlets runs green against the sandbox. A page may declare a hidden preamble, run before
# each of its examples and not shown in help:  <!-- preamble  ...PowerShell...  -->  (anywhere in the page).
# The sandbox is reset before each page, so pages cannot depend on one another's changes. Examples run in a
# fresh folder holding tests/Pester/ExampleFiles; $RepoRoot is there for pages that need the repository.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module (Join-Path $RepoRoot 'tools/DocTools.psm1') -Force
    $pages = foreach ($file in Get-ChildItem (Join-Path $RepoRoot 'docs/cmdlets') -Filter *.md | Sort-Object Name) {
        $doc = Get-WcxCmdletDoc -Path $file.FullName
        $preamble = [regex]::Match((Get-Content $file.FullName -Raw), '(?ms)<!--\s*preamble\s*\n(?<code>.*?)-->').Groups['code'].Value
        @{ Name = $doc.Name; Preamble = $preamble; Examples = @($doc.Examples | ForEach-Object { @{ Title = $_.Title; Code = $_.Code } }) }
    }
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    # Preambles may set these (Connect-WcxAccount's: the sandbox's path, a stand-in SecretManagement module): put back after.
    $savedEnvironment = @{ PSModulePath = $env:PSModulePath; WISECX_SANDBOX_PATH = $env:WISECX_SANDBOX_PATH; WISECX_BASE_URI = $env:WISECX_BASE_URI }
    $examplesStarted = Get-Date
    # The examples speak of the real API's admin user: the sandbox plays that account.
    $ExampleSandbox = Start-TestSandbox -ArgumentList '--user', 'admin'
    # The API root through the environment, as a runbook gives it: an example that names -BaseUri, or pipes an object
    # with a BaseUri (Start-WcxSandbox's), still has its own.
    $env:WISECX_BASE_URI = $ExampleSandbox.BaseUri
    $ExampleKey = 'wcx-sandbox-key'
    # The rate-limit store the examples of Connect-WcxAccount share a limit through.
    Import-Module (Join-Path $RepoRoot 'tools/Store.psm1') -Force
    $ExampleStore = Start-WcxStore -Engine (Get-WcxTestStoreEngine)
    $ExampleStoreUri = $ExampleStore.Uri
}
AfterAll {
    $ExampleStore | Stop-WcxStore
    Disconnect-WcxAccount
    $ExampleSandbox | Stop-WcxDevSandbox
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    # An example that failed after Start-WcxSandbox leaves its sandbox running (detached from this process on purpose).
    Get-Process -ErrorAction SilentlyContinue |
        Where-Object { $_.StartTime -ge $examplesStarted -and "$($_.CommandLine)" -like '*WiseCx.Sandbox.dll*--detach*' } |
        Stop-Process -Force -ErrorAction SilentlyContinue
    # Connect-WcxAccount -SecretName loaded the examples' stand-in SecretManagement: it must not answer other files' tests.
    Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
}

Describe 'The examples of <Name>' -ForEach $pages {
    BeforeAll {
        $null = Invoke-RestMethod -Method Post -Uri "$($ExampleSandbox.Root)/_sandbox/reset"
        # Exports and Nitro sends move through their states in a tenth of the usual time: the examples wait less.
        $null = Set-WcxSandboxConfig -Sandbox $ExampleSandbox -Config @{ exportStepMilliseconds = 100; nitroStepMilliseconds = 100 }
    }
    BeforeEach {
        # An example may disconnect or switch sessions: each starts connected, in a fresh folder holding the
        # sample files the examples read (tests/Pester/ExampleFiles), so that nothing lands in the repository.
        Connect-WcxAccount -User admin -ApiKey (ConvertTo-SecureString $ExampleKey -AsPlainText -Force)
        $exampleDir = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "wcx-example-$([guid]::NewGuid())")
        Copy-Item (Join-Path $PSScriptRoot 'ExampleFiles/*') $exampleDir
        Push-Location $exampleDir
    }
    AfterEach {
        Pop-Location
        Remove-Item $exampleDir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It '<Title> runs without error' -ForEach $Examples {
        $script = [scriptblock]::Create("`$ErrorActionPreference = 'Stop'; `$ConfirmPreference = 'None'`n$Preamble`n$Code")
        $errors = @()
        $null = & $script 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors += $_ } }
        $errors | Should -BeNullOrEmpty
    }
}
