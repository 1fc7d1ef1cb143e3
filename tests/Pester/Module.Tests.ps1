BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $manifest = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop
    Import-Module $ModulePath -Force
    $commands = Get-Command -Module WiseCx
}

Describe 'The module as published' {
    It 'has a valid manifest with the version of Directory.Build.props' {
        $version = ([xml](Get-Content (Join-Path $RepoRoot 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
        $manifest.Version | Should -Be ([version]$version)
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'exports every cmdlet class of the assembly by name, with no wildcard' {
        $listed = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
        $listed | Should -Not -BeLike '*`**'
        $assembly = (Get-Command Get-WcxCase).ImplementingType.Assembly
        $declared = $assembly.GetExportedTypes() | ForEach-Object {
            $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute -and -not $_.IsAbstract) { "$($attribute.VerbName)-$($attribute.NounName)" }
        }
        ($listed | Sort-Object) | Should -Be ($declared | Sort-Object)
        ($commands.Name | Sort-Object) | Should -Be ($declared | Sort-Object)
    }

    It 'uses approved verbs and singular Wcx nouns' {
        $approved = (Get-Verb).Verb
        # Nouns that end in s but name one thing (as PSScriptAnalyzer's UseSingularNouns allows "Data"): SURFACE.md names them.
        $singularInMeaning = 'WcxBusinessHours'
        foreach ($command in $commands) {
            $command.Verb | Should -BeIn $approved
            $command.Noun | Should -BeLike 'Wcx*'
            if ($command.Noun -notin $singularInMeaning) { $command.Noun | Should -Not -Match 's$' }
        }
    }

    It 'supports ShouldProcess on every command that changes something' {
        # Only commands with a session can change anything; New-WcxActivity builds an object in memory, like New-TimeSpan.
        $sessionBase = $commands[0].ImplementingType.Assembly.GetType('WiseCx.PowerShell.Commands.WcxSessionCmdlet')
        foreach ($command in $commands | Where-Object { $_.Verb -in 'New', 'Set', 'Remove', 'Add' -and $_.ImplementingType.IsSubclassOf($sessionBase) }) {
            $command.Parameters.Keys | Should -Contain 'WhatIf' -Because $command.Name
        }
        (Get-Command Remove-WcxCase).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
    }

    It 'ships only its own two assemblies at the root and the rest in Dependencies' {
        $folder = Split-Path $ModulePath
        (Get-ChildItem $folder -Filter *.dll).Name | Sort-Object | Should -Be @('WiseCx.Models.dll', 'WiseCx.PowerShell.dll')
        Test-Path (Join-Path $folder 'Dependencies/WiseCx.Client.dll') | Should -BeTrue
        Test-Path (Join-Path $folder 'Dependencies/System.Management.Automation.dll') | Should -BeFalse
    }
}

Describe 'Formatting' {
    BeforeAll {
        $views = Import-PowerShellDataFile (Join-Path $RepoRoot 'src/WiseCx.PowerShell/Formats.psd1')
        $assemblies = @((Get-Command Get-WcxCase).ImplementingType.Assembly, [WiseCx.Case].Assembly)
    }

    It 'names only types and properties that exist' {
        foreach ($typeName in $views.Keys) {
            $type = if ($typeName -eq 'WiseCx.Session') { [WiseCx.WcxSession] } else { [WiseCx.Case].Assembly.GetType($typeName) }
            $type | Should -Not -BeNullOrEmpty -Because "$typeName must be a type of the module"
            foreach ($column in @($views[$typeName].Table) + @($views[$typeName].List) | Where-Object { $_ }) {
                $property = ($column -split ':')[0]
                $type.GetProperty($property) | Should -Not -BeNullOrEmpty -Because "$typeName.$property is shown by its view"
            }
        }
    }

    It 'gives a case a table of readable columns, without AdditionalProperties' {
        $case = [WiseCx.Case]@{ Id = 7; Status = 'opened'; Subject = 'Hello'; CreatedAt = [datetime]::new(2026, 1, 2, 3, 4, 0, [DateTimeKind]::Utc) }
        $text = $case | Out-String
        $text | Should -BeLike '*Id*Status*Priority*GroupId*Subject*CreatedAt*'
        $text | Should -BeLike "*$($case.CreatedAt.ToLocalTime().ToString('yyyy-MM-dd HH:mm'))*"
        $text | Should -Not -BeLike '*AdditionalProperties*'
    }
}
