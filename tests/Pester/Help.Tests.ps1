# The compiled help (out/WiseCx/<v>/en-US/WiseCx.PowerShell.dll-Help.xml) as Get-Help shows it: it should read like
# the help of in-box cmdlets. Syntax with the type names PowerShell prints, the common parameters where PowerShell
# shows them, examples laid out as written, and -Online pointing at the command's page in the repository.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $commandNames = (Get-Command -Module WiseCx).Name
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $onlineBase = "$(Get-WcxRepositoryUrl -RepositoryRoot $RepoRoot)/blob/main/docs/cmdlets"

    function Get-HelpSyntaxLine([string] $Name) {
        # One line per syntax item, as Get-Help prints it (wide enough that nothing wraps).
        (Get-Help $Name).syntax | Out-String -Width 10000 -Stream | ForEach-Object Trim | Where-Object { $_ }
    }
    function Test-ShouldProcess([System.Management.Automation.CommandInfo] $Command) {
        $attribute = $Command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true) | Select-Object -First 1
        [bool] $attribute.SupportsShouldProcess
    }
}

Describe 'Get-Help SYNTAX of <_>' -ForEach $commandNames {
    BeforeAll {
        $command = Get-Command $_
        $lines = @(Get-HelpSyntaxLine $_)
    }

    It 'names the types as PowerShell does: no Nullable`1, no backtick' {
        $lines.Count | Should -BeGreaterThan 0
        foreach ($line in $lines) {
            $line | Should -Not -Match '`' -Because 'a generic type''s .NET name is not what PowerShell prints'
            $line | Should -Not -Match 'Nullable'
        }
    }

    It 'lists [-WhatIf] [-Confirm] exactly when the cmdlet supports ShouldProcess, and the common parameters always' {
        $shouldProcess = Test-ShouldProcess $command
        foreach ($line in $lines) {
            $line | Should -BeLike '*`[<CommonParameters>`]'
            ($line -like '*`[-WhatIf`] `[-Confirm`]*') | Should -Be $shouldProcess -Because "SupportsShouldProcess is $shouldProcess"
        }
    }

    It 'is the syntax Get-Command prints, one line per parameter set' {
        $expected = $command.ParameterSets | ForEach-Object { "$($command.Name) $_" }
        $lines | Should -Be @($expected)
    }
}

Describe 'Get-Help PARAMETERS of the ShouldProcess cmdlets (-WhatIf, -Confirm)' {
    It 'describes -WhatIf and -Confirm of <_> as in-box help does' -ForEach $commandNames {
        $command = Get-Command $_
        $whatIf = Get-Help $_ -Parameter WhatIf -ErrorAction SilentlyContinue
        $confirm = Get-Help $_ -Parameter Confirm -ErrorAction SilentlyContinue
        if (Test-ShouldProcess $command) {
            ($whatIf.description.Text -join ' ') | Should -Be 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
            ($confirm.description.Text -join ' ') | Should -Be 'Prompts you for confirmation before running the cmdlet.'
            $whatIf.aliases | Should -Be 'wi'
            $confirm.aliases | Should -Be 'cf'
            $whatIf.required | Should -Be 'false'
            $whatIf.position | Should -Be 'named'
        }
        else {
            $whatIf | Should -BeNullOrEmpty
            $confirm | Should -BeNullOrEmpty
        }
    }
}

Describe 'Get-Help EXAMPLES keep their layout (New-WcxUser, Import-WcxAnalyticsReport)' {
    It 'keeps the lines of the CSV shown in the remarks of New-WcxUser''s example 2' {
        $text = Get-Help New-WcxUser -Examples | Out-String -Width 200
        $text | Should -Match '(?m)^\s*UserName,Nick,FirstName,LastName,IsBot\r?\n\s*ana@company\.com,Ana,Ana,Lopez,false\r?\n\s*helper-bot@company\.com,Helper,Helper,Bot,true\r?$'
    }

    It 'sets the CSV''s lines out as a block, each at the indentation of the text around it' {
        $lines = Get-Help New-WcxUser -Examples | Out-String -Width 200 -Stream
        $indent = { param($line) $line.Length - $line.TrimStart().Length }
        $intro = $lines | Where-Object { $_ -match '^\s*agents\.csv:$' } | Select-Object -First 1
        $rows = @($lines | Where-Object { $_ -match '^\s*(UserName,Nick,|ana@company\.com,|helper-bot@company\.com,)' })
        $rows.Count | Should -Be 3
        $rows | ForEach-Object { & $indent $_ | Should -Be (& $indent $intro) }
    }

    It 'keeps each line of a pipeline written over several lines, with its indentation' {
        $code = @((Get-Help Import-WcxAnalyticsReport -Examples).examples.example)[2].code -split '\r?\n'
        $code.Count | Should -Be 4
        $code[0] | Should -BeExactly 'Import-WcxAnalyticsReport ./casos.csv -NoDataAsNull |'
        $code[3] | Should -BeExactly '    Measure-Object -Average -Maximum'
    }
}

Describe 'Get-Help -Online of <_>' -ForEach $commandNames {
    It 'has the command''s page in the repository as its first related link (Online Version)' {
        $first = @((Get-Help $_).relatedLinks.navigationLink)[0]
        $first.uri | Should -BeExactly "$onlineBase/$_.md"
        $first.linkText | Should -Be 'Online Version:'
    }
}

Describe 'Get-Help -Online opens the page (Get-WcxCase, through a stand-in for the browser)' {
    It 'hands the page''s address to the system''s opener' -Skip:(-not $IsLinux) {
        # .NET opens a URL with xdg-open on Linux: a stand-in on PATH records what it was given, so no browser starts.
        $bin = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "wcx-online-$([guid]::NewGuid())")
        $record = Join-Path $bin 'opened.txt'
        Set-Content -Path (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`nprintf '%s' `"`$1`" > '$record'`n"
        chmod +x (Join-Path $bin 'xdg-open')
        try {
            $result = Invoke-ChildPwsh -Script "Import-Module '$ModulePath'; Get-Help Get-WcxCase -Online; 'HelpUri=' + (Get-Command Get-WcxCase).HelpUri" -Environment @{
                PATH = "$bin$([IO.Path]::PathSeparator)$env:PATH"; DISPLAY = ':0'; BROWSER = ''
            }
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (-not (Test-Path $record) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $result.Output | Should -Not -Match 'Error|cannot|failed'
            Get-Content $record -Raw | Should -BeExactly "$onlineBase/Get-WcxCase.md"
            # pwsh 7.6 also gives the command's HelpUri from that link of the help file.
            $result.Output | Should -Match ([regex]::Escape("HelpUri=$onlineBase/Get-WcxCase.md"))
        }
        finally { Remove-Item $bin -Recurse -Force }
    }
}
