# Tab completion of ids: names shown, ids inserted, read from the session being typed, cached, and silent when
# there is nothing to offer. TabExpansion2 is what the console calls on Tab.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox

    function Get-Completion {
        param([Parameter(Mandatory)] [string] $Line)
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    # An empty folder, so that a completer offering nothing cannot be mistaken for file-name completion.
    $emptyFolder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ("wcx-completion-" + [guid]::NewGuid()))
    Push-Location $emptyFolder
}
AfterAll {
    Pop-Location
    Remove-Item $emptyFolder -Recurse -Force -ErrorAction SilentlyContinue
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Id completion without a session' {
    BeforeAll { Disconnect-WcxAccount }

    It 'offers nothing and reports no error for <Line>' -TestCases @(
        @{ Line = 'Add-WcxQueueUser -QueueId ' }
        @{ Line = 'Set-WcxCase 1 -Tag ' }
        @{ Line = 'New-WcxNitroCampaignMessage -CampaignId 1 -TemplateId ' }
    ) {
        $errorsBefore = $global:Error.Count
        Get-Completion $Line | Should -BeNullOrEmpty
        $global:Error.Count | Should -Be $errorsBefore
    }

    It 'offers nothing for a session that was disconnected' {
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        (Get-Completion 'Get-WcxQueue -Id ').Count | Should -BeGreaterThan 0
        Disconnect-WcxAccount -Session $session
        Get-Completion 'Get-WcxQueue -Session $session -Id ' | Should -BeNullOrEmpty
        Get-Completion 'Get-WcxQueue -Id ' | Should -BeNullOrEmpty
    }
}

Describe 'Id completion with a connected session' {
    BeforeAll {
        Connect-TestSandbox -Sandbox $sandbox
        $queues = @(Get-WcxQueue)
        $users = @(Get-WcxUser)
        $contactGroups = @(Get-WcxContactGroup)
        $caseTypes = @(Get-WcxCaseType)
        $tags = @(Get-WcxCaseTag)
        $templates = @(Get-WcxWhatsAppTemplate)
    }

    It 'completes <Line> with every <What> of the session: the id inserted, the name shown' -TestCases @(
        @{ Line = 'Add-WcxQueueUser -QueueId '; What = 'queue'; Objects = 'queues'; Id = 'Id'; Name = 'Name' }
        @{ Line = 'New-WcxCase -GroupId '; What = 'queue'; Objects = 'queues'; Id = 'Id'; Name = 'Name' }
        @{ Line = 'Test-WcxBusinessHours -QueueId '; What = 'queue'; Objects = 'queues'; Id = 'Id'; Name = 'Name' }
        @{ Line = 'Add-WcxQueueUser -QueueId 53 -UserId '; What = 'user'; Objects = 'users'; Id = 'Id'; Name = 'LastName' }
        @{ Line = 'Set-WcxCase 1 -UserId '; What = 'user'; Objects = 'users'; Id = 'Id'; Name = 'LastName' }
        @{ Line = 'Add-WcxContactGroupMember -GroupId '; What = 'contact group'; Objects = 'contactGroups'; Id = 'Id'; Name = 'Name' }
        @{ Line = 'New-WcxNitroCampaign -Name x -Type simple -GroupId '; What = 'contact group'; Objects = 'contactGroups'; Id = 'Id'; Name = 'Name' }
        @{ Line = 'New-WcxCase -TypeId '; What = 'case type'; Objects = 'caseTypes'; Id = 'Id'; Name = 'Name' }
        @{ Line = 'New-WcxNitroCampaignMessage -CampaignId 1 -TemplateId '; What = 'WhatsApp template'; Objects = 'templates'; Id = 'TemplateId'; Name = 'Name' }
    ) {
        $objects = Get-Variable $Objects -ValueOnly
        $objects.Count | Should -BeGreaterThan 1
        $completions = Get-Completion $Line
        ($completions.CompletionText | Sort-Object) | Should -Be ($objects.$Id | ForEach-Object { "$_" } | Sort-Object)
        foreach ($object in $objects) {
            $completion = $completions | Where-Object CompletionText -eq "$($object.$Id)"
            $completion.ListItemText | Should -BeLike "*$($object.$Name)*($($object.$Id))"
            $completion.ToolTip | Should -BeLike "*$($object.$Id)*"
            $completion.ResultType | Should -Be 'ParameterValue'
        }
    }

    It 'completes tags with their names, quoted where PowerShell needs it, since the API takes tags by name' {
        $completions = Get-Completion 'Set-WcxCase 1 -Tag '
        $completions.ListItemText | Sort-Object | Should -Be ($tags.Name | Sort-Object)
        foreach ($tag in $tags) {
            $completion = $completions | Where-Object ListItemText -eq $tag.Name
            if ($tag.Name -match '\s') { $completion.CompletionText | Should -BeExactly "'$($tag.Name)'" }
            # Whatever the quoting, the text inserted reads back as the tag's name.
            (Invoke-Expression "Write-Output $($completion.CompletionText)") | Should -BeExactly $tag.Name
        }
    }

    It 'matches the word typed against names (anywhere, any case) and ids (from the start)' {
        $target = $queues | Where-Object { $_.Name.Length -ge 4 } | Select-Object -First 1
        $part = $target.Name.Substring(1, 3).ToUpperInvariant()
        $expected = $queues | Where-Object { $_.Name -like "*$part*" -or "$($_.Id)" -like "$part*" }
        (Get-Completion "Add-WcxQueueUser -QueueId $part").CompletionText | Sort-Object | Should -Be ($expected.Id | ForEach-Object { "$_" } | Sort-Object)

        $prefix = "$($target.Id)".Substring(0, 1)
        $byId = (Get-Completion "Get-WcxQueue -Id $prefix").CompletionText
        $byId | Should -Contain "$($target.Id)"
        $byId | Where-Object { $_ -notlike "$prefix*" } | ForEach-Object {
            ($queues | Where-Object Id -eq $_).Name | Should -BeLike "*$prefix*"
        }
    }

    It 'reads each list once a minute: a second Tab sends no request' {
        $session = Connect-TestSandbox -Sandbox $sandbox -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $first = Get-Completion 'Add-WcxQueueUser -QueueId '
        $second = Get-Completion 'Add-WcxQueueUser -QueueId '
        $third = Get-Completion 'Get-WcxQueue -Id '
        $second.CompletionText | Should -Be $first.CompletionText
        $third.CompletionText | Sort-Object | Should -Be ($first.CompletionText | Sort-Object)
        $reads = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/queues'
        $reads.Count | Should -Be 1
        $reads[0].query | Should -BeLike '*fields=id%2Cname*'
    }

    It 'uses the -Session being typed, not the current one' {
        $other = Start-TestSandbox
        try {
            $otherSession = Connect-TestSandbox -Sandbox $other -PassThru
            $onlyThere = New-WcxQueue -Name "Only in the other account $([guid]::NewGuid().ToString('N').Substring(0, 6))" -Session $otherSession
            # Connect-TestSandbox made the other session current: make the first sandbox's current again.
            Connect-TestSandbox -Sandbox $sandbox

            (Get-Completion 'Get-WcxQueue -Session $otherSession -Id ').CompletionText | Should -Contain "$($onlyThere.Id)"
            (Get-Completion 'Get-WcxQueue -Id ').CompletionText | Should -Not -Contain "$($onlyThere.Id)"
            # A -Session whose value tab cannot know (not a plain variable) gives nothing rather than another account's ids.
            Get-Completion 'Get-WcxQueue -Session (Get-Variable otherSession -ValueOnly) -Id ' | Should -BeNullOrEmpty
            Get-Completion 'Get-WcxQueue -Session $notSet -Id ' | Should -BeNullOrEmpty
        }
        finally { $other | Stop-WcxDevSandbox }
    }

    It 'offers nothing, silently, while the API fails, and offers the list once it answers again' {
        # A session of its own, so nothing is cached yet; no retries, so the failure is quick.
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -MaxRetryCount 0 -PassThru
        Set-WcxSandboxFault -Sandbox $sandbox -Rate 1 -Kind unavailable-before | Out-Null
        try {
            $errorsBefore = $global:Error.Count
            Get-Completion 'Add-WcxContactGroupMember -Session $session -GroupId ' | Should -BeNullOrEmpty
            $global:Error.Count | Should -Be $errorsBefore
        }
        finally { Set-WcxSandboxFault -Sandbox $sandbox -Rate 0 | Out-Null }
        # A failed read is not kept: the next Tab reads again.
        (Get-Completion 'Add-WcxContactGroupMember -Session $session -GroupId ').CompletionText | Should -Contain "$($contactGroups[0].Id)"
    }
}

Describe 'Which parameters complete ids' {
    It 'gives every queue, user, case type, tag and template parameter its completer' {
        $expected = @{ QueueId = 'QueueIdCompleter'; UserId = 'UserIdCompleter'; TypeId = 'CaseTypeIdCompleter'; Tag = 'CaseTagCompleter'; TemplateId = 'WhatsAppTemplateIdCompleter' }
        $checked = 0
        foreach ($command in Get-Command -Module WiseCx) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $expected.ContainsKey($_.Name) }) {
                $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
                $completer.Type.Name | Should -BeExactly $expected[$parameter.Name] -Because "-$($parameter.Name) of $($command.Name)"
                $checked++
            }
        }
        $checked | Should -BeGreaterThan 15
    }

    It 'completes -GroupId with queues where it means a service group, and with contact groups where it means those' {
        $byCommand = @{
            'New-WcxCase' = 'QueueIdCompleter'; 'Set-WcxCase' = 'QueueIdCompleter'
            'Add-WcxContactGroupMember' = 'ContactGroupIdCompleter'; 'Remove-WcxContactGroupMember' = 'ContactGroupIdCompleter'
            'New-WcxNitroCampaign' = 'ContactGroupIdCompleter'; 'Set-WcxNitroCampaign' = 'ContactGroupIdCompleter'
        }
        foreach ($name in $byCommand.Keys) {
            $completer = (Get-Command $name).Parameters['GroupId'].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
            $completer.Type.Name | Should -BeExactly $byCommand[$name] -Because $name
        }
        foreach ($pair in @(('Get-WcxQueue', 'QueueIdCompleter'), ('Get-WcxUser', 'UserIdCompleter'), ('Get-WcxContactGroup', 'ContactGroupIdCompleter'))) {
            $completer = (Get-Command $pair[0]).Parameters['Id'].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
            $completer.Type.Name | Should -BeExactly $pair[1] -Because "-Id of $($pair[0])"
        }
    }
}
