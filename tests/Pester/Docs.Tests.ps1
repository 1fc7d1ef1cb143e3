# docs/cmdlets is the help: these tests keep every page true to the code, so the docs cannot drift.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $commandNames = (Get-Command -Module WiseCx).Name
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    Import-Module (Join-Path $RepoRoot 'tools/DocTools.psm1') -Force
    $docs = Join-Path $RepoRoot 'docs/cmdlets'
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'docs/cmdlets/<_>.md' -ForEach $commandNames {
    BeforeAll {
        $command = Get-Command $_
        $path = Join-Path $docs "$_.md"
        $doc = if (Test-Path $path) { Get-WcxCmdletDoc -Path $path }
    }

    It 'exists, with a synopsis, a description and at least one example' {
        $doc | Should -Not -BeNullOrEmpty
        $doc.Synopsis | Should -Not -BeNullOrEmpty
        $doc.Description | Should -Not -BeNullOrEmpty
        $doc.Examples.Count | Should -BeGreaterThan 0
        $doc.Examples | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }

    It 'shows the syntax the cmdlet has' {
        $expected = $command.ParameterSets | ForEach-Object { "$($command.Name) $_" }
        $doc.Syntax | Should -Be @($expected)
    }

    It 'documents every parameter, and only those, with a description' {
        $actual = $command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object
        ($doc.Parameters.Name | Sort-Object) | Should -Be @($actual)
        foreach ($parameter in $doc.Parameters) { $parameter.Description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs help text" }
    }

    It 'declares each parameter as the code does (type, sets, aliases, required, position, pipeline)' {
        foreach ($parameter in $doc.Parameters) {
            $generated = (Get-ParameterYaml -Command $command -Name $parameter.Name) -split "`n" | Where-Object { $_ -notlike 'Default value:*' }
            $documented = ('```yaml', $parameter.Yaml, '```' -join "`n") -split "`n" | Where-Object { $_ -notlike 'Default value:*' }
            ($documented -join "`n") | Should -BeExactly ($generated -join "`n") -Because "-$($parameter.Name)"
        }
    }
}

Describe 'Get-Help' {
    It 'shows the compiled help of <_>: synopsis, description, every parameter and the examples' -ForEach $commandNames {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$_*"  # not PowerShell's fallback, which is the syntax
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterThan 0
        $command = Get-Command $_
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameter = $help.parameters.parameter | Where-Object name -eq $name
            ($parameter.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name of $_ needs help text"
        }
    }

    It 'has the about topics <_>' -ForEach 'about_WiseCx', 'about_WiseCx_Filtering' {
        (Get-Help $_ | Out-String) | Should -BeLike '*LONG DESCRIPTION*'
    }
}

Describe 'The command lists: README and docs/commands.md' {
    BeforeAll {
        $moduleCommands = @((Get-Command -Module WiseCx).Name | Sort-Object)
        # A table cell names commands in full or with shared nouns: `Get/New/Set-WcxOrder` is three commands.
        function Get-NamedCommand([string] $Text) {
            foreach ($match in [regex]::Matches($Text, '\b((?:[A-Z][A-Za-z]+/)*[A-Z][A-Za-z]+)-(Wcx[A-Za-z]+)\b')) {
                foreach ($verb in $match.Groups[1].Value -split '/') { "$verb-$($match.Groups[2].Value)" }
            }
        }
        $commandsPage = Get-Content -Raw (Join-Path $RepoRoot 'docs/commands.md')
        $rows = @($commandsPage -split '\r?\n' | Where-Object { $_ -match '^\| [A-Z][A-Za-z]+-Wcx' })
        $readme = Get-Content -Raw (Join-Path $RepoRoot 'README.md')
        $readmeTable = ($readme -split '## The commands')[1] -split '\r?\n\r?\n' | Select-Object -Skip 1 -First 1
    }

    It 'docs/commands.md names every command of the module, and no other' {
        $named = @($rows | ForEach-Object { Get-NamedCommand ($_ -split '\|')[1] } | Sort-Object -Unique)
        $named | Should -Be $moduleCommands
    }

    It "README's command table names every command of the module, and no other" {
        $named = @(Get-NamedCommand $readmeTable | Sort-Object -Unique)
        $named | Should -Be $moduleCommands
    }

    It 'marks the commands that call an endpoint of the Spanish documentation, and their help says so' {
        $spanish = @($rows | Where-Object { ($_ -split '\|')[3] -match 'Spanish docs' } | ForEach-Object { Get-NamedCommand ($_ -split '\|')[1] })
        $spanish | Should -Contain 'Move-WcxCase'
        $spanish | Should -Contain 'Import-WcxContact'
        foreach ($name in $spanish) {
            (Get-Help $name -Full | Out-String) | Should -Match 'Spanish documentation' -Because "$name calls an endpoint only the Spanish documentation lists"
            $readmeTable | Should -Match ([regex]::Escape($name.Split('-')[1]) + '[^|]*†') -Because "README marks $name"
        }
    }
}
