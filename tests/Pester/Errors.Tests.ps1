# Errors as a contract, across commands: stable ErrorIds, categories, TargetObject, what to do next
# (ErrorDetails.RecommendedAction); a failure of one pipeline item is non-terminating and the others go on, while
# failures nothing later could survive (no session, refused credentials, no connection) stop the command.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    $ns = 'WiseCx.PowerShell.Commands'

    function Invoke-Capture {
        <# Runs a script; returns its output, its non-terminating errors, and the terminating error if one stopped it. #>
        param([Parameter(Mandatory)] [scriptblock] $Script)
        # As at the prompt: the runner's 'Stop' would turn every error into a terminating one.
        $ErrorActionPreference = 'Continue'
        $output = [System.Collections.Generic.List[object]]::new()
        $errors = [System.Collections.Generic.List[object]]::new()
        $terminating = $null
        try {
            & $Script 2>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } else { $output.Add($_) }
            }
        }
        catch { $terminating = $_ }
        [pscustomobject]@{ Output = $output.ToArray(); Errors = $errors.ToArray(); Terminating = $terminating }
    }

    function Assert-ErrorContract {
        param([Parameter(Mandatory)] $ErrorRecord, [string] $Id, [string] $Command, [string] $Category, $Target, [string] $Advice)
        $ErrorRecord.FullyQualifiedErrorId | Should -BeExactly "$Id,$ns.$Command"
        $ErrorRecord.CategoryInfo.Category | Should -Be $Category
        if ($PSBoundParameters.ContainsKey('Target')) { $ErrorRecord.TargetObject | Should -Be $Target }
        # Every error says what to do next.
        $ErrorRecord.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        if ($Advice) { $ErrorRecord.ErrorDetails.RecommendedAction | Should -BeLike $Advice }
    }

    function New-TestCase {
        param([string] $Subject = "Errors $([guid]::NewGuid())")
        New-WcxCase -GroupId 1234 -SourceChannel web -Subject $Subject -Activity @{ type = 'contact_message'; content = 'x'; contact_from = "ana+$([guid]::NewGuid())@example.com" }
    }
}
AfterAll {
    Set-WcxSandboxFault -Sandbox $sandbox -Rate 0 | Out-Null
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Not found: non-terminating, one error per missing item, the others go on' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'Get-WcxQueue reads the queues around a missing one' {
        $queues = @(Get-WcxQueue | Select-Object -First 2)
        $result = Invoke-Capture { $queues[0].Id, 999999, $queues[1].Id | Get-WcxQueue }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Output.Id | Should -Be $queues.Id
        $result.Errors.Count | Should -Be 1
        Assert-ErrorContract $result.Errors[0] -Id WcxNotFound -Command GetWcxQueueCommand -Category ObjectNotFound -Target 999999 -Advice '*Get-WcxQueue lists the ones that exist*'
    }

    It 'Remove-WcxCase removes the cases around a missing one, and says the API reaches 3 months of cases' {
        $first, $second = (New-TestCase), (New-TestCase)
        $result = Invoke-Capture { $first.Id, 999999999, $second.Id | Remove-WcxCase -Confirm:$false }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        Assert-ErrorContract $result.Errors[0] -Id WcxNotFound -Command RemoveWcxCaseCommand -Category ObjectNotFound -Target 999999999 -Advice '*Get-WcxCase*last 3 months*'
        (Get-ApiRequest -Sandbox $sandbox -Method DELETE).Count | Should -Be 3
        Get-WcxCase -Id $first.Id, $second.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Set-WcxContact names the id it could not find' {
        $result = Invoke-Capture { Set-WcxContact -Id 999999999 -Phone '5493510000000' }
        $result.Terminating | Should -BeNullOrEmpty
        Assert-ErrorContract $result.Errors[0] -Id WcxNotFound -Command SetWcxContactCommand -Category ObjectNotFound -Target 999999999 -Advice '*Get-WcxContact lists*'
    }

    It 'Add-WcxContactGroupMember goes on after a missing contact, and names no command it cannot be sure of' {
        $contacts = @(Get-WcxContact -First 2)
        $result = Invoke-Capture { $contacts[0].Id, 999999999, $contacts[1].Id | Add-WcxContactGroupMember -GroupId 389 }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        Assert-ErrorContract $result.Errors[0] -Id WcxNotFound -Command AddWcxContactGroupMemberCommand -Category ObjectNotFound -Target 999999999 -Advice 'Check the id*'
        $result.Errors[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*lists*'
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).Count | Should -Be 3
    }
}

Describe 'Refused by the API (HTTP 400)' {
    It 'is WcxBadRequest, InvalidArgument, about the object sent, with the API''s message and where to read up' {
        $campaign = New-WcxNitroCampaign -Name "Errors $([guid]::NewGuid().ToString('N').Substring(0, 6))" -Type simple -GroupId 389
        # The API wants the contact groups on every update of a simple campaign; the module leaves that to the API.
        $result = Invoke-Capture { Set-WcxNitroCampaign -Id $campaign.Id -Name $campaign.Name -Description 'no groups' }
        $result.Terminating | Should -BeNullOrEmpty
        Assert-ErrorContract $result.Errors[0] -Id WcxBadRequest -Command SetWcxNitroCampaignCommand -Category InvalidArgument -Target $campaign.Id -Advice '*Get-Help Set-WcxNitroCampaign -Full*'
        $result.Errors[0].Exception.StatusCode | Should -Be 400
        $result.Errors[0].Exception.Message | Should -BeLike '*groups_ids*'
    }

    It 'is WcxBadRequest from Invoke-WcxRequest too, with the path as target' {
        $result = Invoke-Capture { Invoke-WcxRequest -Method POST -Path cases -Body '{"group_id": 1234}' }
        Assert-ErrorContract $result.Errors[0] -Id WcxBadRequest -Command InvokeWcxRequestCommand -Category InvalidArgument -Target 'cases'
    }
}

Describe 'Invalid input: refused before any request' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'a -Filter operator the list does not allow on a documented field points to about_WiseCx_Filtering' {
        $filter = @{ status = @{ gt = 'a' } }
        $result = Invoke-Capture { Get-WcxCase -Filter $filter }
        Assert-ErrorContract $result.Errors[0] -Id WcxInvalidArgument -Command GetWcxCaseCommand -Category InvalidArgument -Advice '*about_WiseCx_Filtering*'
        $result.Errors[0].TargetObject | Should -Be $filter
        $result.Errors[0].Exception.Message | Should -BeLike "*'gt' is not allowed on 'status'*Allowed: in, notin, eq, ne*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'a bad parameter value names the parameter and its help' {
        $missing = Join-Path ([IO.Path]::GetTempPath()) "wcx-missing-$([guid]::NewGuid()).txt"
        $result = Invoke-Capture { New-WcxActivity -Type note -Content 'x' -UserId 10 -Attachment $missing }
        Assert-ErrorContract $result.Errors[0] -Id WcxInvalidArgument -Command NewWcxActivityCommand -Category InvalidArgument -Target $missing `
            -Advice 'Correct -Attachment*Get-Help New-WcxActivity -Parameter Attachment*'
    }

    It 'a change with nothing to change is refused with the case as target' {
        $result = Invoke-Capture { Set-WcxCase -Id 1270001 }
        Assert-ErrorContract $result.Errors[0] -Id WcxInvalidArgument -Command SetWcxCaseCommand -Category InvalidArgument -Target 1270001 -Advice '*Get-Help Set-WcxCase*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'a bad pipeline record is reported with that record as target, and the others are still sent' {
        $rows = @(
            [pscustomobject]@{ Phone = '5493540000001' }
            [pscustomobject]@{ Email = 'no-phone@example.com' }
            [pscustomobject]@{ Phone = '5493540000003' }
        )
        $result = Invoke-Capture { $rows | Send-WcxNitroMessage -CampaignId 1322 -Channel whatsapp }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be 2
        $result.Errors.Count | Should -Be 1
        Assert-ErrorContract $result.Errors[0] -Id WcxInvalidArgument -Command SendWcxNitroMessageCommand -Category InvalidArgument
        $result.Errors[0].TargetObject.Contact.Email | Should -BeExactly 'no-phone@example.com'
    }
}

Describe 'Write outcome unknown (the sandbox fails a POST after doing it)' {
    It 'is non-terminating per record, names the lookup to make, and nothing is sent twice' {
        $subjects = 1..2 | ForEach-Object { "Outcome unknown $_ $([guid]::NewGuid())" }
        $rows = $subjects | ForEach-Object {
            [pscustomobject]@{ GroupId = 1234; SourceChannel = 'web'; Subject = $_; Activity = @(@{ type = 'contact_message'; content = 'x'; contact_from = "ana+$([guid]::NewGuid())@example.com" }) }
        }
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Set-WcxSandboxFault -Sandbox $sandbox -Rate 1 -Kind error-after | Out-Null
        try { $result = Invoke-Capture { $rows | New-WcxCase } }
        finally { Set-WcxSandboxFault -Sandbox $sandbox -Rate 0 | Out-Null }

        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 2
        for ($i = 0; $i -lt 2; $i++) {
            Assert-ErrorContract $result.Errors[$i] -Id WcxWriteOutcomeUnknown -Command NewWcxCaseCommand -Category OperationTimeout -Target $subjects[$i] -Advice '*Get-WcxCase -Filter*'
        }
        # The writes did happen, once each: the advice to look before sending again is the right one.
        (Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 2
        $subjects | ForEach-Object { Get-WcxSandboxCaseCount -Sandbox $sandbox -Subject $_ | Should -Be 1 }
    }
}

Describe 'The API failing after retries' {
    It 'is WcxApiError, ResourceUnavailable, non-terminating, and says to try again later' {
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -MaxRetryCount 0 -PassThru
        Set-WcxSandboxFault -Sandbox $sandbox -Rate 1 -Kind unavailable-before | Out-Null
        try { $result = Invoke-Capture { 53, 77 | Get-WcxQueue -Session $session } }
        finally { Set-WcxSandboxFault -Sandbox $sandbox -Rate 0 | Out-Null }
        $result.Terminating | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 2
        Assert-ErrorContract $result.Errors[0] -Id WcxApiError -Command GetWcxQueueCommand -Category ResourceUnavailable -Target 53 -Advice '*try again later*'
        $result.Errors[0].Exception.StatusCode | Should -Be 503
    }
}

Describe 'Failures that stop the command' {
    It 'no session: <Name> stops at once with WcxNotConnected' -TestCases @(
        @{ Name = 'Get-WcxQueue'; Command = 'GetWcxQueueCommand'; Script = { 53, 77 | Get-WcxQueue } }
        @{ Name = 'Remove-WcxCase'; Command = 'RemoveWcxCaseCommand'; Script = { 1, 2 | Remove-WcxCase -Confirm:$false } }
        @{ Name = 'New-WcxQueue'; Command = 'NewWcxQueueCommand'; Script = { New-WcxQueue -Name 'never' } }
        @{ Name = 'Add-WcxQueueUser'; Command = 'AddWcxQueueUserCommand'; Script = { 10, 11 | Add-WcxQueueUser -QueueId 53 } }
    ) {
        Disconnect-WcxAccount
        try {
            Clear-WcxSandboxRequestLog -Sandbox $sandbox
            $result = Invoke-Capture $Script
            $result.Errors | Should -BeNullOrEmpty
            $result.Terminating | Should -Not -BeNullOrEmpty
            Assert-ErrorContract $result.Terminating -Id WcxNotConnected -Command $Command -Category ConnectionError -Advice '*Connect-WcxAccount*'
            Get-WcxSandboxRequestLog -Sandbox $sandbox | Should -BeNullOrEmpty
        }
        finally { Connect-TestSandbox -Sandbox $sandbox }
    }

    It 'refused credentials stop Connect-WcxAccount with WcxAuthenticationFailed, never showing the key' {
        $key = ConvertTo-SecureString 'not-the-key-9d1f' -AsPlainText -Force
        $result = Invoke-Capture { Connect-WcxAccount -User $sandbox.User -ApiKey $key -BaseUri $sandbox.BaseUri }
        $result.Terminating | Should -Not -BeNullOrEmpty
        Assert-ErrorContract $result.Terminating -Id WcxAuthenticationFailed -Command ConnectWcxAccountCommand -Category AuthenticationError `
            -Target ([uri]$sandbox.BaseUri) -Advice '*API key*Connect-WcxAccount*'
        ($result.Terminating | Out-String) | Should -Not -BeLike '*not-the-key-9d1f*'
    }

    It 'a lost connection stops a pipeline of reads with WcxConnectionFailed instead of failing every item' {
        $other = Start-TestSandbox
        $session = Connect-WcxAccount -User $other.User -ApiKey $other.ApiKey -BaseUri $other.BaseUri -MaxRetryCount 0 -PassThru
        Connect-TestSandbox -Sandbox $sandbox
        $other | Stop-WcxDevSandbox
        $result = Invoke-Capture { 53, 77, 90 | Get-WcxQueue -Session $session }
        $result.Output | Should -BeNullOrEmpty
        $result.Errors | Should -BeNullOrEmpty
        Assert-ErrorContract $result.Terminating -Id WcxConnectionFailed -Command GetWcxQueueCommand -Category ConnectionError -Target 53 -Advice '*-BaseUri*'
    }
}

Describe 'The list of error ids' {
    It 'about_WiseCx documents every id the module reports' {
        $translator = (Get-Command Get-WcxCase).ImplementingType.Assembly.GetType('WiseCx.PowerShell.Internal.ErrorTranslator', $true)
        $ids = $translator.GetField('AllIds').GetValue($null)
        $ids.Count | Should -BeGreaterThan 10
        $about = Get-Content (Join-Path $RepoRoot 'docs/about/about_WiseCx.help.txt') -Raw
        $section = ($about -split '(?m)^  ERRORS\s*$')[1] -split '(?m)^  \S' | Select-Object -First 1
        foreach ($id in $ids) { $section | Should -Match "\b$id\b" -Because "$id is reported by the module" }
    }
}
