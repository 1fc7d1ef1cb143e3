BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $listBase = (Get-Command Get-WcxCase).ImplementingType.BaseType
    while ($listBase.Name -ne 'WcxListCmdlet') { $listBase = $listBase.BaseType }
    $listCommands = (Get-Command -Module WiseCx | Where-Object { $_.ImplementingType.IsSubclassOf($listBase) }).Name
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $manifest = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop
    Import-Module $ModulePath -Force
    $commands = Get-Command -Module WiseCx
}

Describe 'The module as published' {
    It 'has a valid manifest with the version of Directory.Build.props' {
        $version = Get-WcxModuleVersion -RepositoryRoot $RepoRoot
        $manifest.Version | Should -Be ([version]$version)
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'passes Test-ModuleManifest without an error or a warning' {
        $checked = Test-ModuleManifest -Path $ModulePath -ErrorVariable manifestErrors -WarningVariable manifestWarnings -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $checked | Should -Not -BeNullOrEmpty
        $manifestErrors | Should -BeNullOrEmpty
        $manifestWarnings | Should -BeNullOrEmpty
        # Every file the manifest names is there.
        $folder = Split-Path $ModulePath
        foreach ($file in @($checked.RootModule) + $checked.RequiredAssemblies + $checked.ExportedFormatFiles) {
            Test-Path (Join-Path $folder (Split-Path $file -Leaf)) | Should -BeTrue -Because "the manifest names $file"
        }
    }

    It 'exports nothing by wildcard: cmdlets by name, and no functions, aliases or variables' {
        $data = Import-PowerShellDataFile $ModulePath
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $data.ContainsKey($key) | Should -BeTrue -Because "$key left out means everything"
            @($data[$key]) | Should -Not -BeLike '*`**' -Because $key
        }
        @($data.FunctionsToExport) + @($data.AliasesToExport) + @($data.VariablesToExport) | Should -BeNullOrEmpty
        (Get-Module WiseCx).ExportedFunctions.Count + (Get-Module WiseCx).ExportedAliases.Count + (Get-Module WiseCx).ExportedVariables.Count | Should -Be 0
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

    It 'declares an OutputType on every command' {
        foreach ($command in $commands) {
            @($command.OutputType).Count | Should -BeGreaterThan 0 -Because "$($command.Name) must say what it writes"
            $command.OutputType.Type | Should -Not -BeNullOrEmpty -Because "$($command.Name) names a type, not only a type name"
        }
    }

    # Only sets the module closes itself: an action that picks the endpoint, an HTTP method. The API's own
    # vocabularies are open (Vocabulary.Tests.ps1): suggested by tab completion, never refused.
    It 'restricts with ValidateSet only the sets the module closes itself: <Command> -<Parameter>' -ForEach @(
        @{ Command = 'Invoke-WcxNitroCampaignAction'; Parameter = 'Action'; Values = 'Schedule', 'Send', 'Activate', 'Stop', 'Delete', 'CancelSend' }
        @{ Command = 'Invoke-WcxRequest'; Parameter = 'Method'; Values = 'GET', 'POST', 'PUT', 'DELETE', 'PATCH' }
    ) {
        $set = (Get-Command $Command).Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $set | Should -Not -BeNullOrEmpty
        ($set.ValidValues | Sort-Object) | Should -Be ($Values | Sort-Object)
        $set.IgnoreCase | Should -BeTrue
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

    It 'has a view for every type of the module a command declares it writes' {
        # PowerShell's own types (string, bool, FileInfo) have their views; a property bag (PSObject, PSCustomObject:
        # Invoke-WcxRequest, Import-WcxAnalyticsReport) has no fixed columns to show.
        $missing = foreach ($command in Get-Command -Module WiseCx) {
            foreach ($type in @($command.OutputType.Type) | Where-Object { $_ -and $_.Assembly -in $assemblies }) {
                $typeName = if ($type -eq [WiseCx.WcxSession]) { 'WiseCx.Session' } else { $type.FullName }
                if (-not (Get-FormatData -TypeName $typeName)) { "$($command.Name) writes $typeName" }
            }
        }
        $missing | Should -BeNullOrEmpty
    }

    It 'shows a session with its rate-limit store' {
        $shown = (Get-FormatData -TypeName WiseCx.Session).FormatViewDefinition.Control.Entries.Items.DisplayEntry.Value
        $shown | Should -Contain 'RateLimitStore'
        $shown | Should -Contain 'RateLimitStoreStatus'
    }

    It 'counts an absent list as none' {
        $activity = New-WcxActivity -Type note -Content 'x' -UserId 10
        $activity | Format-Table -HideTableHeaders | Out-String | Should -Match 'note\s+10\s+.*\b0\s+x'
    }

    It 'gives a case a table of readable columns, without AdditionalProperties' {
        $case = [WiseCx.Case]@{ Id = 7; Status = 'opened'; Subject = 'Hello'; CreatedAt = [datetime]::new(2026, 1, 2, 3, 4, 0, [DateTimeKind]::Utc) }
        $text = $case | Out-String
        $text | Should -BeLike '*Id*Status*Priority*GroupId*Subject*CreatedAt*'
        $text | Should -BeLike "*$($case.CreatedAt.ToLocalTime().ToString('yyyy-MM-dd HH:mm'))*"
        $text | Should -Not -BeLike '*AdditionalProperties*'
    }
}

Describe 'OutputType is true' {
    BeforeAll {
        $sandbox = Start-TestSandbox
        Connect-TestSandbox -Sandbox $sandbox

        function Assert-OutputType {
            <# Every object written is one of the types the command declares (void: nothing is written). #>
            param([Parameter(Mandatory)] [string] $Command, [object[]] $Output)
            $declared = @((Get-Command $Command).OutputType.Type)
            if ($declared -contains [void]) {
                $Output | Should -BeNullOrEmpty -Because "$Command declares no output"
                return
            }
            foreach ($item in $Output) {
                # [OutputType([psobject])] is how a command says "property bags" ([pscustomobject] is the same type).
                if ($declared -contains [psobject] -and $item.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject]) { continue }
                $value = if ($item -is [psobject]) { $item.PSObject.BaseObject } else { $item }
                @($declared | Where-Object { $value -is $_ }).Count | Should -BeGreaterThan 0 `
                    -Because "$Command wrote a $($value.GetType().FullName), and declares $($declared.FullName -join ', ')"
            }
        }

        # The arguments a list command needs, found from the sandbox's data rather than assumed.
        $listArguments = @{
            'Get-WcxCaseActivity' = { Get-WcxCase -First 5 | ForEach-Object { @{ CaseId = $_.Id } } }
            'Get-WcxSurveyQuestion' = { Get-WcxSurvey | ForEach-Object { @{ SurveyId = $_.Id } } }
            'Get-WcxSurveyResponse' = { Get-WcxSurvey | ForEach-Object { @{ SurveyId = $_.Id } } }
            'Get-WcxNitroCampaignMessageContact' = {
                Get-WcxNitroCampaign | ForEach-Object { $campaign = $_; $campaign.Messages | ForEach-Object { @{ CampaignId = $campaign.Id; MessageId = $_.Id } } }
            }
        }
    }
    AfterAll { $sandbox | Stop-WcxDevSandbox }

    It '<_> -First 1 writes a declared type' -ForEach $listCommands {
        $argumentSets = if ($listArguments.ContainsKey($_)) { @(& $listArguments[$_]) } else { @(@{}) }
        $output = $null
        foreach ($arguments in $argumentSets) {
            $output = @(& $_ @arguments -First 1 -ErrorAction SilentlyContinue)
            if ($output.Count -gt 0) { break }
        }
        $output.Count | Should -Be 1 -Because "the sandbox has data for $_"
        Assert-OutputType -Command $_ -Output $output
    }

    It '<Command> writes a declared type' -ForEach @(
        @{ Command = 'Connect-WcxAccount'; Script = { Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PassThru } }
        @{ Command = 'Get-WcxContext'; Script = { Get-WcxContext } }
        @{ Command = 'Test-WcxBusinessHours'; Script = { Test-WcxBusinessHours -QueueId (Get-WcxQueue -First 1).Id } }
        @{ Command = 'ConvertTo-WcxFilter'; Script = { ConvertTo-WcxFilter -Command Get-WcxCase -Filter @{ status = 'opened' } } }
        @{ Command = 'ConvertFrom-WcxWebhook'; Script = { '{ "event": "activity_new", "case_id": 1, "activity_id": 2, "activity_type": "note" }' | ConvertFrom-WcxWebhook } }
        @{ Command = 'New-WcxActivity'; Script = { New-WcxActivity -Type note -Content 'x' -UserId 10 } }
        @{ Command = 'New-WcxCase'; Script = { New-WcxCase -GroupId 1234 -SourceChannel web -Subject "OutputType $([guid]::NewGuid())" -Activity @{ type = 'contact_message'; content = 'x'; contact_from = "ana+$([guid]::NewGuid())@example.com" } } }
        @{ Command = 'Set-WcxCase'; Script = { Get-WcxCase -First 1 | Set-WcxCase -Priority low -PassThru } }
        @{ Command = 'Add-WcxCaseActivity'; Script = { Add-WcxCaseActivity -CaseId (Get-WcxCase -First 1).Id -Activity @{ type = 'note'; content = 'x'; user_id = 10 } } }
        @{ Command = 'New-WcxContact'; Script = { New-WcxContact -Email "outputtype-$([guid]::NewGuid().ToString('N').Substring(0, 8))@example.com" -Name 'Output Type' } }
        @{ Command = 'New-WcxQueue'; Script = { New-WcxQueue -Name "OutputType $([guid]::NewGuid().ToString('N').Substring(0, 6))" } }
        @{ Command = 'Add-WcxQueueUser'; Script = { Add-WcxQueueUser -QueueId (Get-WcxQueue -First 1).Id -UserId (Get-WcxUser -First 1).Id } }
        @{ Command = 'Send-WcxNitroMessage'; Script = { Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -Phone '5493519999999' } }
        @{ Command = 'Get-WcxNitroRequest'; Script = { Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -Phone '5493519999998' | Get-WcxNitroRequest } }
        @{ Command = 'Start-WcxAnalyticsExport'; Script = { Start-WcxAnalyticsExport -ReportId 6541 } }
        @{ Command = 'Invoke-WcxRequest'; Script = { Invoke-WcxRequest -Method GET -Path queues } }
        @{ Command = 'Remove-WcxCase'; Script = { New-WcxCase -GroupId 1234 -SourceChannel web -Subject "OutputType $([guid]::NewGuid())" -Activity @{ type = 'contact_message'; content = 'x'; contact_from = "ana+$([guid]::NewGuid())@example.com" } | Remove-WcxCase -Confirm:$false } }
        @{ Command = 'Add-WcxContactGroupMember'; Script = { Add-WcxContactGroupMember -GroupId 389 -ContactId (Get-WcxContact -First 1).Id } }
    ) {
        $output = @(& $Script)
        if ((Get-Command $Command).OutputType.Type -notcontains [void]) { $output.Count | Should -BeGreaterThan 0 }
        Assert-OutputType -Command $Command -Output $output
    }
}
