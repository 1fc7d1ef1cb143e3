# The packages build.ps1 Package makes: installed with PSResourceGet into a clean pwsh, and the Azure Automation zip.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $packages = Join-Path $RepoRoot 'out/packages'
    $sandbox = Start-TestSandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Packages' {
    It 'has the module''s nupkg, the sandbox tool''s nupkg and a zip in out/packages' {
        $version = (Import-PowerShellDataFile $ModulePath).ModuleVersion
        @(Get-ChildItem $packages -Filter 'WiseCx.*.nupkg' | Where-Object Name -NotLike 'WiseCx.Sandbox.*').Name | Should -Be "WiseCx.$version.nupkg"
        Test-Path (Join-Path $packages "WiseCx.Sandbox.$version.nupkg") | Should -BeTrue
        Test-Path (Join-Path $packages 'WiseCx.zip') | Should -BeTrue
    }

    It 'installs with Install-PSResource into a clean pwsh, imports by name and works' {
        $tempHome = Join-Path ([IO.Path]::GetTempPath()) "wcx-home-$([guid]::NewGuid())"
        # .NET answers "" for a data folder that does not exist, and PSResourceGet would then write into the working folder.
        $null = New-Item -ItemType Directory (Join-Path $tempHome '.local/share'), (Join-Path $tempHome '.config') -Force
        try {
            $repository = "WcxTest$([guid]::NewGuid().ToString('N'))"
            $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name $repository -Uri '$packages' -Trusted
try { Install-PSResource -Name WiseCx -Repository $repository -Scope CurrentUser -TrustRepository -Quiet }
finally { Unregister-PSResourceRepository -Name $repository }
Import-Module WiseCx
`$module = Get-Module WiseCx
Connect-WcxAccount -User sandbox -ApiKey (ConvertTo-SecureString 'wcx-sandbox-key' -AsPlainText -Force) -BaseUri '$($sandbox.BaseUri)'
`$case = Get-WcxCase -First 1
'RESULT:' + (@{ Version = `$module.Version.ToString(); Base = `$module.ModuleBase; CaseId = `$case.Id; Help = (Get-Help Get-WcxCase).Synopsis } | ConvertTo-Json -Compress)
"@
            $run = Invoke-ChildPwsh -Script $script -Environment @{ HOME = $tempHome; XDG_DATA_HOME = (Join-Path $tempHome '.local/share'); XDG_CONFIG_HOME = (Join-Path $tempHome '.config'); PSModulePath = $null }
            $line = $run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' } | Select-Object -First 1
            if (-not $line) { throw "Install failed:`n$($run.Output)" }
            $result = $line.Substring(7) | ConvertFrom-Json
            $result.Base | Should -BeLike "$tempHome*WiseCx*"
            $result.Version | Should -Be ((Import-PowerShellDataFile $ModulePath).ModuleVersion)
            $result.CaseId | Should -BeGreaterThan 0
            $result.Help | Should -BeLike 'Gets cases*'
        }
        finally { Remove-Item $tempHome -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'has the Azure Automation layout: a WiseCx folder at the root of the zip, importable as it is' {
        $target = Join-Path ([IO.Path]::GetTempPath()) "wcx-zip-$([guid]::NewGuid())"
        try {
            Expand-Archive (Join-Path $packages 'WiseCx.zip') -DestinationPath $target
            (Get-ChildItem $target).Name | Should -Be 'WiseCx'
            Test-Path (Join-Path $target 'WiseCx/WiseCx.psd1') | Should -BeTrue
            Test-Path (Join-Path $target 'WiseCx/en-US/WiseCx.PowerShell.dll-Help.xml') | Should -BeTrue
            $run = Invoke-ChildPwsh -Script "Import-Module '$target/WiseCx/WiseCx.psd1' -ErrorAction Stop; 'RESULT:' + (Get-Command -Module WiseCx).Count"
            ($run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' }) | Should -Be "RESULT:$((Get-Command -Module (Import-Module $ModulePath -PassThru -Force)).Count)"
        }
        finally { Remove-Item $target -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'zips exactly the built module, with paths Windows reads and a manifest for both Automation runtimes' {
        $zip = Join-Path $packages 'WiseCx.zip'
        $moduleDir = Split-Path $ModulePath
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead($zip)
        try { $entries = @($archive.Entries | ForEach-Object FullName) }
        finally { $archive.Dispose() }
        # Automation extracts on Windows; an entry written with a backslash would become a file name, not a folder.
        $entries | Where-Object { $_ -like '*\*' } | Should -BeNullOrEmpty
        # The module folder is WiseCx itself, not WiseCx/<version>/: Automation imports the folder named like the zip.
        $entries | Where-Object { $_ -notlike 'WiseCx/*' } | Should -BeNullOrEmpty

        $target = Join-Path ([IO.Path]::GetTempPath()) "wcx-zip-$([guid]::NewGuid())"
        try {
            Expand-Archive $zip -DestinationPath $target
            $unzipped = Join-Path $target 'WiseCx'
            $hashes = { param($root) Get-ChildItem $root -Recurse -File | ForEach-Object {
                    [IO.Path]::GetRelativePath($root, $_.FullName).Replace('\', '/') + ' ' + (Get-FileHash $_.FullName -Algorithm SHA256).Hash } | Sort-Object }
            (& $hashes $unzipped) | Should -Be (& $hashes $moduleDir)

            $manifest = Import-PowerShellDataFile (Join-Path $unzipped 'WiseCx.psd1')
            $manifest.ModuleVersion | Should -Be (Import-PowerShellDataFile $ModulePath).ModuleVersion
            $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
            $manifest.PowerShellVersion | Should -Be '5.1'
            $manifest.DotNetFrameworkVersion | Should -Be '4.7.2'
            foreach ($file in @($manifest.RootModule) + $manifest.RequiredAssemblies + $manifest.FormatsToProcess) {
                Test-Path (Join-Path $unzipped $file) | Should -BeTrue -Because "the manifest names $file"
            }
            Test-Path (Join-Path $unzipped 'Dependencies/WiseCx.Client.dll') | Should -BeTrue
            Test-Path (Join-Path $unzipped 'en-US/about_WiseCx.help.txt') | Should -BeTrue
        }
        finally { Remove-Item $target -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Describe 'Package metadata' {
    BeforeAll {
        $version = (Import-PowerShellDataFile $ModulePath).ModuleVersion
        $repositoryUrl = Get-WcxRepositoryUrl -RepositoryRoot $RepoRoot
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead((Join-Path $packages "WiseCx.$version.nupkg"))
        try {
            $reader = [IO.StreamReader]::new(($archive.Entries | Where-Object FullName -eq 'WiseCx.nuspec').Open())
            try { [xml]$nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $archive.Dispose() }
        $metadata = $nuspec.package.metadata
        $tags = -split $metadata.tags
        # The section of CHANGELOG.md for this version: the lines under its heading up to the next "## " heading.
        $changelog = (Get-Content (Join-Path $RepoRoot 'CHANGELOG.md') -Raw) -replace "`r`n", "`n"
        $section = [regex]::Match($changelog, "(?ms)^## \[$([regex]::Escape($version))\][^\n]*\n(?<notes>.*?)(?=^## |\z)").Groups['notes'].Value.Trim()
    }

    It 'carries the project and licence URIs made from RepositoryUrl, and no icon' {
        $metadata.projectUrl | Should -Be $repositoryUrl
        $metadata.licenseUrl | Should -Be "$repositoryUrl/blob/main/LICENSE"
        $metadata.PSObject.Properties.Name | Should -Not -Contain 'iconUrl'
        Test-Path (Join-Path $RepoRoot 'LICENSE') | Should -BeTrue
        (Get-Content (Join-Path $RepoRoot 'LICENSE') -TotalCount 1) | Should -Be 'MIT License'
    }

    It 'is tagged with every command it exports, and the manifest''s own tags' {
        $commands = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
        $commands.Count | Should -BeGreaterThan 60
        foreach ($command in $commands) { $tags | Should -Contain "PSCommand_$command" }
        $tags | Should -Contain 'PSIncludes_Cmdlet'
        # nuget.org and the PowerShell Gallery refuse a tags field over 4,000 characters.
        $metadata.tags.Length | Should -BeLessThan 4000
        foreach ($tag in (Import-PowerShellDataFile $ModulePath).PrivateData.PSData.Tags) { $tags | Should -Contain $tag }
    }

    It 'has the release notes of CHANGELOG.md''s section for its version' {
        $section | Should -Match 'Start-WcxSandbox'
        $metadata.releaseNotes.Replace("`r`n", "`n").Trim() | Should -Be $section
        (Import-PowerShellDataFile $ModulePath).PrivateData.PSData.ReleaseNotes.Replace("`r`n", "`n").Trim() | Should -Be $section
    }
}
