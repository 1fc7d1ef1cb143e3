# The API's open vocabularies (statuses, channels, priorities, …): tab completion and the help suggest the documented and
# the observed values, read from the one definition in the client; any other value is sent as given and the API judges.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    # Every parameter that takes a vocabulary, found from its completer, so that a new one is covered without a list here.
    $vocabularyParameters = foreach ($command in Get-Command -Module WiseCx) {
        foreach ($parameter in $command.Parameters.Values) {
            $completer = $parameter.Attributes |
                Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] -and $_.Type -and $_.Type.BaseType.Name -eq 'VocabularyCompleter' }
            if ($completer) { @{ Command = $command.Name; Parameter = $parameter.Name; Completer = $completer.Type } }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Get-Completion {
        param([Parameter(Mandatory)] [string] $Line)
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    function Get-Vocabulary {
        <# The vocabulary a completer offers when nothing else is typed: the client's own definition (WiseCx.Client.Vocabulary). #>
        param([Parameter(Mandatory)] [type] $Completer)
        $method = $Completer.GetMethod('VocabularyFor', [System.Reflection.BindingFlags]'Instance, NonPublic')
        $method.Invoke([Activator]::CreateInstance($Completer), @($null))
    }

    function New-TestCase {
        <# A new case of a contact of its own, so that no open case of that contact is in the way. #>
        $activity = New-WcxActivity contact_message 'Hola' -ContactFrom "vocabulary-$([guid]::NewGuid())@example.com"
        New-WcxCase -GroupId 1234 -SourceChannel web -Subject "Vocabulary $([guid]::NewGuid())" -Activity $activity
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe '<Command> -<Parameter> takes an open vocabulary' -ForEach $vocabularyParameters {
    BeforeAll { $vocabulary = Get-Vocabulary $Completer }

    It 'has no ValidateSet, so nothing is refused before the API sees it' {
        (Get-Command $Command).Parameters[$Parameter].Attributes |
            Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Should -BeNullOrEmpty
    }

    It 'tab completes every documented and observed value, each saying which it is' {
        $completions = Get-Completion "$Command -$Parameter "
        $completions.CompletionText | Should -Be @($vocabulary.Values)
        foreach ($value in $vocabulary.Values) {
            $expected = if ($value -in $vocabulary.Documented) { "${value}: documented*" } else { "${value}: seen on the live API, not in the collection*" }
            ($completions | Where-Object CompletionText -eq $value).ToolTip | Should -BeLike $expected
        }
    }

    It 'lists the suggested values in its help and says that others are sent as given' {
        $text = (Get-Help $Command -Parameter $Parameter).description.Text -join ' '
        foreach ($value in $vocabulary.Values) { $text | Should -Match "\b$([regex]::Escape($value))\b" -Because "the help of -$Parameter suggests $value" }
        $text | Should -BeLike '*sent as given*'
    }
}

Describe 'Completion of the words the live API uses' {
    It 'offers <Expected> for <Line>' -ForEach @(
        @{ Line = 'Set-WcxCase 1 -Status o'; Expected = 'opened', 'open', 'onhold' }
        @{ Line = 'New-WcxCase -SourceChannel '; Expected = 'web', 'app', 'phone', 'whatsapp', 'email', 'internal', 'incoming_call', 'new_email', 'outgoing_whatsapp' }
        @{ Line = 'New-WcxActivity note -Channel out'; Expected = @('outgoing_whatsapp') }
        @{ Line = 'New-WcxNitroCampaignMessage -CampaignId 1 -CallNumberId 4 -ReplyType '; Expected = 'group', 'user', 'ivr', 'audio', 'survey' }
        @{ Line = 'New-WcxNitroCampaignMessage -CampaignId 1 -TemplateId 7 -ReplyType '; Expected = 'group', 'user', 'assistant' }
    ) {
        (Get-Completion $Line).CompletionText | Should -Be $Expected
    }
}

Describe 'Words outside the documentation reach the API' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'Set-WcxCase -Status open sends open, once, with no warning, and the API''s answer is what the caller gets' {
        $case = New-TestCase
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Set-WcxCase -Id $case.Id -Status open -WarningVariable warnings -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        $requests = Get-ApiRequest -Sandbox $sandbox -Method PUT
        $requests[0].path | Should -BeLike "*/cases/$($case.Id)/status"
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
        if ($requests[0].status -eq 200) { (Get-WcxCase -Id $case.Id).Status | Should -BeExactly 'open' }
        else { $failure[0].Exception.Message | Should -BeLike '*status must be one of*' }
    }

    It 'New-WcxCase -SourceChannel outgoing_whatsapp sends it in one POST' {
        $activity = New-WcxActivity contact_message 'Hola' -ContactFrom "vocabulary-$([guid]::NewGuid())@example.com"
        $created = New-WcxCase -GroupId 1234 -SourceChannel outgoing_whatsapp -Subject 'Template case' -Activity $activity -WarningVariable warnings -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        $requests = Get-ApiRequest -Sandbox $sandbox -Method POST
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
        if ($requests[0].status -eq 200) { (Get-WcxCase -Id $created.Id).SourceChannel | Should -BeExactly 'outgoing_whatsapp' }
        else { $failure[0].Exception.Message | Should -BeLike '*source_channel must be one of*' }
    }

    It 'sends a word nobody has seen as given, with a warning naming the known ones' {
        $case = New-TestCase
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Set-WcxCase -Id $case.Id -Priority urgent -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be "Priority 'urgent' is not one of the values known for the priority of a case (none, low, medium, high, very-high); it is sent as given and the API decides."
        Assert-ApiJudged -Request (Get-ApiRequest -Sandbox $sandbox -Method PUT) -ErrorRecord $failure
    }

    It 'sends an e-mail message''s -ReplyType user, which the e-mail table does not list, for the API to judge' {
        New-WcxNitroCampaignMessage -CampaignId 414 -FromEmail 'a@example.com' -Subject 's' -EmailContent 'c' -ReplyType user -ReplyId 5 `
            -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -BeLike "ReplyType 'user' is not one of the values known for where the replies to a Nitro e-mail message go (group)*"
        Assert-ApiJudged -Request (Get-ApiRequest -Sandbox $sandbox -Method POST) -ErrorRecord $failure
    }

    It 'still refuses a missing value before any request' {
        { New-WcxActivity -Type '' -Content x -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WiseCx.PowerShell.Commands.NewWcxActivityCommand'
        { Send-WcxNitroMessage -CampaignId 1 -Channel @() -Phone 1 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WiseCx.PowerShell.Commands.SendWcxNitroMessageCommand'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}
