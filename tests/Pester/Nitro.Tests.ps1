BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function New-TestCampaign {
        # A fresh campaign with one message, so that tests changing state do not depend on each other.
        param([ValidateSet('simple', 'transactional')] [string] $Type = 'simple', [switch] $NoMessage)
        $name = "Test $Type $([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $campaign = if ($Type -eq 'simple') { New-WcxNitroCampaign -Name $name -Type simple -GroupId 389 } else { New-WcxNitroCampaign -Name $name -Type transactional }
        if (-not $NoMessage) {
            $template = if ($Type -eq 'simple') { '40184' } else { '2' }
            $null = $campaign | New-WcxNitroCampaignMessage -TemplateId $template -ReplyType group -ReplyId 1234
        }
        $campaign
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxNitroCampaign' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'lists campaigns with string ids, sorted with sort_by and sort_order, stopping at total_pages' {
        $campaigns = @(Get-WcxNitroCampaign -Sort created_at -Descending -PageSize 3)
        $campaigns.Count | Should -BeGreaterOrEqual 7
        $campaigns[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroCampaign'
        $campaigns[0].Id | Should -BeOfType [string]
        $campaigns.CreatedAt | Should -Be ($campaigns.CreatedAt | Sort-Object -Descending)
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/nitro/campaigns'
        $requests[0].query | Should -BeExactly '?sort_by=created_at&sort_order=desc&limit=3&page=1'
        $requests.Count | Should -Be ([math]::Ceiling($campaigns.Count / 3))
    }

    It 'reads unset Nitro dates as null and gives each message its campaign id' {
        $draft = Get-WcxNitroCampaign -Id 414
        $draft.Status | Should -BeExactly 'draft'
        $draft.ScheduledAt | Should -BeNullOrEmpty
        $draft.Messages[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroCampaignMessage'
        $draft.Messages[0].CampaignId | Should -BeExactly '414'
        $draft.Messages[0].SentAt | Should -BeNullOrEmpty
        (Get-WcxNitroCampaign -Id 417).ScheduledAt | Should -BeOfType [datetime]
    }

    It 'gets campaigns by id from the pipeline and reports the unknown ones' {
        $found = @('414', '999999', '1321' | Get-WcxNitroCampaign -ErrorAction SilentlyContinue -ErrorVariable failure)
        $found.Id | Should -Be '414', '1321'
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxNitroCampaignCommand'
        $failure[0].TargetObject | Should -BeExactly '999999'
        (Get-ApiRequest -Sandbox $sandbox -Method GET).path | Should -Be '/core/v1/nitro/campaigns/414', '/core/v1/nitro/campaigns/999999', '/core/v1/nitro/campaigns/1321'
    }

    It 'reports the total the API counts with -IncludeTotalCount' {
        $out = @(Get-WcxNitroCampaign -IncludeTotalCount -First 1)
        $out.Count | Should -Be 2
        $total = @($out | Where-Object { $_ -is [uint64] })
        $total.Count | Should -Be 1
        $total[0] | Should -BeGreaterOrEqual 7
    }

    It 'sends a filter (no field is documented for it) with a warning, for the API to judge' {
        $null = Get-WcxNitroCampaign -Filter @{ status = 'draft' } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be "/nitro/campaigns documents no filter; the field 'status' is sent as 'campaign.status' and the API decides."
        $requests = Get-ApiRequest -Sandbox $sandbox
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'campaign.status','operator':'EQUAL','value':'draft'}]&") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It 'refuses an id that would change the path, before any request' {
        Get-WcxNitroCampaign -Id '414/actions/delete' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxNitroCampaignCommand'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe 'New-WcxNitroCampaign and Set-WcxNitroCampaign' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates a simple campaign for contact groups, in draft' {
        $campaign = New-WcxNitroCampaign -Name 'Winter 2026' -Type Simple -GroupId 389, 390 -Description 'Promo'
        $campaign.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroCampaign'
        $campaign.Id | Should -Match '^\d+$'
        $campaign.Type | Should -BeExactly 'simple'
        (Get-WcxNitroCampaign -Id $campaign.Id).Status | Should -BeExactly 'draft'
    }

    It 'refuses contact groups for a transactional campaign, and none for a simple one, before any request' {
        { New-WcxNitroCampaign -Name 'x' -Type transactional -GroupId 389 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxNitroCampaignCommand' -ExpectedMessage '*transactional campaign has no contact groups*'
        { New-WcxNitroCampaign -Name 'x' -Type simple -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxNitroCampaignCommand' -ExpectedMessage '*needs the contact groups*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'updates a piped campaign keeping its name, and shows what the API refuses as WcxBadRequest' {
        $campaign = New-WcxNitroCampaign -Name 'Keep my name' -Type simple -GroupId 389
        $updated = Get-WcxNitroCampaign -Id $campaign.Id | Set-WcxNitroCampaign -Description 'New words' -GroupId 390 -PassThru
        $updated.Name | Should -BeExactly 'Keep my name'
        $updated.Description | Should -BeExactly 'New words'
        # The API requires the contact groups on every update of a simple campaign.
        Get-WcxNitroCampaign -Id $campaign.Id | Set-WcxNitroCampaign -Description 'again' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxBadRequest,WiseCx.PowerShell.Commands.SetWcxNitroCampaignCommand'
        $failure[0].Exception.Message | Should -BeLike '*groups_ids is required for simple campaigns*'
    }

    It 'sends nothing with -WhatIf' {
        New-WcxNitroCampaign -Name 'never' -Type transactional -WhatIf
        Set-WcxNitroCampaign -Id 414 -Name 'never' -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe 'New-WcxNitroCampaignMessage and Set-WcxNitroCampaignMessage' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'adds a WhatsApp message to a piped campaign' {
        $campaign = New-TestCampaign -NoMessage
        $message = $campaign | New-WcxNitroCampaignMessage -TemplateId 40184 -ReplyType group -ReplyId 1234 `
            -Variable @{ name = '{1}'; value_from = 'name'; value_default = 'Customer' }
        $message.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroCampaignMessage'
        $message.CampaignId | Should -BeExactly $campaign.Id
        $message.Channel | Should -BeExactly 'whatsapp'
        $message.ChannelConfig.TemplateId | Should -BeExactly '40184'
        $message.ChannelConfig.Variables[0].ValueFrom | Should -BeExactly 'name'
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/messages').path | Should -Be "/core/v1/nitro/campaigns/$($campaign.Id)/messages"
    }

    It 'adds an e-mail message with headers and a schedule to a transactional campaign' {
        $campaign = New-TestCampaign -Type transactional -NoMessage
        $at = [datetime]::new(2030, 4, 1, 13, 0, 0, [DateTimeKind]::Utc)
        $message = New-WcxNitroCampaignMessage -CampaignId $campaign.Id -FromEmail 'noreply@example.com' -Subject 'Welcome' `
            -EmailContent '<p>Hello {{contact_name}}</p>' -Header @{ 'X-Custom-Source' = 'api' } -ScheduledAt $at
        $message.Channel | Should -BeExactly 'email'
        $message.ChannelConfig.Headers[0].Key | Should -BeExactly 'X-Custom-Source'
        $stored = (Get-WcxNitroCampaign -Id $campaign.Id).Messages | Where-Object Id -eq $message.Id
        $stored.ChannelConfig.Subject | Should -BeExactly 'Welcome'
        $stored.ScheduledAt | Should -Be $at
    }

    It 'adds a call message' {
        $campaign = New-TestCampaign -NoMessage
        $message = New-WcxNitroCampaignMessage -CampaignId $campaign.Id -CallNumberId 456 -ReplyType ivr -ReplyId 12 -OnlyWhenAvailable -SimultaneousCalls 3
        $message.Channel | Should -BeExactly 'call'
        $message.ChannelConfig.CallNumberId | Should -Be 456
        $message.ChannelConfig.OnlyWhenAvailable | Should -BeTrue
        $message.ChannelConfig.SimultaneousCalls | Should -Be 3
    }

    It 'shows the API refusing e-mail in a simple campaign as WcxBadRequest' {
        $campaign = New-TestCampaign -NoMessage
        New-WcxNitroCampaignMessage -CampaignId $campaign.Id -FromEmail 'a@example.com' -Subject 's' -EmailContent 'c' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxBadRequest,WiseCx.PowerShell.Commands.NewWcxNitroCampaignMessageCommand'
        $failure[0].Exception.Message | Should -BeLike '*email is only valid for transactional campaigns*'
    }

    It 'refuses what the channel tables rule out before any request' {
        { New-WcxNitroCampaignMessage -CampaignId 414 -TemplateId 40184 -ReplyType assistant -ReplyId 38 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxNitroCampaignMessageCommand' -ExpectedMessage '*-ReplyNode*'
        { New-WcxNitroCampaignMessage -CampaignId 414 -CallNumberId 456 -ReplyType audio -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxNitroCampaignMessageCommand' -ExpectedMessage '*-ReplyUrl*'
        { New-WcxNitroCampaignMessage -CampaignId 414 -TemplateId 1 -Variable @{ value_from = 'name' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxNitroCampaignMessageCommand' -ExpectedMessage '*needs a name*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'replaces the configuration of messages piped from a campaign' {
        $campaign = New-TestCampaign
        $updated = @((Get-WcxNitroCampaign -Id $campaign.Id).Messages |
            Set-WcxNitroCampaignMessage -TemplateId 40200 -ReplyType assistant -ReplyId 38 -ReplyNode inicio -PassThru)
        $updated.Count | Should -Be 1
        $updated[0].ChannelConfig.TemplateId | Should -BeExactly '40200'
        $updated[0].ChannelConfig.ReplyNode | Should -BeExactly 'inicio'
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).path | Should -Be "/core/v1/nitro/campaigns/$($campaign.Id)/messages/$($updated[0].Id)"
        Set-WcxNitroCampaignMessage -CampaignId $campaign.Id -MessageId 'nope' -TemplateId 1 -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.SetWcxNitroCampaignMessageCommand'
    }

    It 'sends nothing with -WhatIf' {
        New-WcxNitroCampaignMessage -CampaignId 414 -TemplateId 40184 -WhatIf
        Set-WcxNitroCampaignMessage -CampaignId 414 -MessageId 685 -CallNumberId 456 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-WcxNitroCampaignAction' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'requires -ScheduledAt for Schedule and refuses it for the other actions, before any request' {
        { Invoke-WcxNitroCampaignAction -Id 414 -Action Schedule -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.InvokeWcxNitroCampaignActionCommand' -ExpectedMessage '*needs -ScheduledAt*'
        { Invoke-WcxNitroCampaignAction -Id 414 -Action Send -ScheduledAt (Get-Date).AddDays(1) -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.InvokeWcxNitroCampaignActionCommand' -ExpectedMessage '*Schedule action only*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'gives the API''s refusal of an action the type or state does not allow as WcxBadRequest (<Action> on <Id>)' -TestCases @(
        @{ Id = '414'; Action = 'Activate'; Message = '*only available for transactional campaigns*' }
        @{ Id = '414'; Action = 'CancelSend'; Message = '*is draft: cancel-send needs a campaign in running or scheduled state*' }
        @{ Id = '1321'; Action = 'Send'; Message = '*only available for simple (bulk) campaigns*' }
        @{ Id = '1321'; Action = 'Delete'; Message = '*is running: delete needs a campaign in draft or stopped state*' }
        @{ Id = '418'; Action = 'Stop'; Message = '*is stopped: stop needs a campaign in running state*' }
        @{ Id = '415'; Action = 'Delete'; Message = '*delete needs a campaign in draft state*' }
    ) {
        Invoke-WcxNitroCampaignAction -Id $Id -Action $Action -Force -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxBadRequest,WiseCx.PowerShell.Commands.InvokeWcxNitroCampaignActionCommand'
        $failure[0].Exception.Message | Should -BeLike $Message
        $failure[0].TargetObject | Should -BeExactly $Id
        (Get-ApiRequest -Sandbox $sandbox -Method POST).path | Should -Be "/core/v1/nitro/campaigns/$Id/actions/$(if ($Action -eq 'CancelSend') { 'cancel-send' } else { $Action.ToLower() })"
    }

    It 'refuses an action on a campaign without messages (the API says so)' {
        $empty = New-TestCampaign -NoMessage
        Invoke-WcxNitroCampaignAction -Id $empty.Id -Action Send -Force -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxBadRequest,WiseCx.PowerShell.Commands.InvokeWcxNitroCampaignActionCommand'
        $failure[0].Exception.Message | Should -BeLike '*has no messages*'
    }

    It 'schedules a bulk campaign at the time asked (sent in account time, answered in UTC), then cancels the send' {
        $campaign = New-TestCampaign
        $at = [datetime]::UtcNow.Date.AddDays(3).AddHours(10)
        $scheduled = $campaign | Invoke-WcxNitroCampaignAction -Action Schedule -ScheduledAt $at -WarningVariable warnings
        $scheduled.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroCampaignActionResult'
        $scheduled.Status | Should -BeExactly 'scheduled'
        $scheduled.ScheduledAt | Should -Be $at
        $warnings | Should -BeNullOrEmpty
        (Get-WcxNitroCampaign -Id $campaign.Id).Status | Should -BeExactly 'scheduled'

        $cancelled = Invoke-WcxNitroCampaignAction -Id $campaign.Id -Action CancelSend -Confirm:$false
        $cancelled.Status | Should -BeExactly 'cancelled'
    }

    It 'a local -ScheduledAt is converted too' {
        $campaign = New-TestCampaign
        $local = [datetime]::new(2031, 1, 15, 9, 30, 0, [DateTimeKind]::Local)
        (Invoke-WcxNitroCampaignAction -Id $campaign.Id -Action Schedule -ScheduledAt $local).ScheduledAt.ToUniversalTime() | Should -Be $local.ToUniversalTime()
    }

    It 'runs a transactional campaign through activate, stop and delete' {
        $campaign = New-TestCampaign -Type transactional
        (Invoke-WcxNitroCampaignAction -Id $campaign.Id -Action Activate).Status | Should -BeExactly 'running'
        (Get-WcxNitroCampaign -Id $campaign.Id).Status | Should -BeExactly 'running'
        (Invoke-WcxNitroCampaignAction -Id $campaign.Id -Action Stop).Status | Should -BeExactly 'stopped'
        (Invoke-WcxNitroCampaignAction -Id $campaign.Id -Action Delete -Force).Status | Should -BeExactly 'deleted'
        Get-WcxNitroCampaign -Id $campaign.Id -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxNitroCampaignCommand'
    }

    It 'sends a bulk campaign now' {
        $campaign = New-TestCampaign
        (Invoke-WcxNitroCampaignAction -Id $campaign.Id -Action Send -Force).Status | Should -BeExactly 'processing'
    }

    It 'sends nothing with -WhatIf, whatever the action' {
        foreach ($action in 'Send', 'Delete', 'CancelSend', 'Activate', 'Stop') { Invoke-WcxNitroCampaignAction -Id 414 -Action $action -WhatIf }
        Invoke-WcxNitroCampaignAction -Id 414 -Action Schedule -ScheduledAt (Get-Date).AddDays(1) -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'asks before Send, Delete and CancelSend as a ConfirmImpact High cmdlet would, and not before the others' {
        $simple = New-TestCampaign
        $transactional = New-TestCampaign -Type transactional
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        # A child process without a console: a confirmation question cannot be answered there and fails the command.
        $script = @"
Import-Module '$ModulePath'
Connect-WcxAccount
`$ErrorActionPreference = 'Stop'
function Try-It([scriptblock] `$Block) { try { `$null = & `$Block; 'ran' } catch { 'asked' } }
'RESULT:' + (@(
    (Try-It { Invoke-WcxNitroCampaignAction -Id $($simple.Id) -Action Delete }),
    (Try-It { Invoke-WcxNitroCampaignAction -Id $($transactional.Id) -Action Activate }),
    (Try-It { Invoke-WcxNitroCampaignAction -Id $($transactional.Id) -Action Stop }),
    (Try-It { Invoke-WcxNitroCampaignAction -Id $($simple.Id) -Action Send }),
    (Try-It { `$ConfirmPreference = 'None'; Invoke-WcxNitroCampaignAction -Id $($transactional.Id) -Action Delete }),
    (Try-It { Invoke-WcxNitroCampaignAction -Id $($simple.Id) -Action Delete -Confirm:`$false })
) -join ',')
"@
        $run = Invoke-ChildPwsh -Script $script -Environment @{ WISECX_USER = $sandbox.User; WISECX_API_KEY = 'wcx-sandbox-key'; WISECX_BASE_URI = $sandbox.BaseUri }
        $line = $run.Output -split "`n" | Where-Object { $_ -like 'RESULT:*' } | Select-Object -First 1
        $line | Should -BeExactly 'RESULT:asked,ran,ran,asked,ran,ran' -Because $run.Output
        (Get-ApiRequest -Sandbox $sandbox -Method POST).path | Should -Be @(
            "/core/v1/nitro/campaigns/$($transactional.Id)/actions/activate"
            "/core/v1/nitro/campaigns/$($transactional.Id)/actions/stop"
            "/core/v1/nitro/campaigns/$($transactional.Id)/actions/delete"
            "/core/v1/nitro/campaigns/$($simple.Id)/actions/delete")
    }
}

Describe 'Get-WcxNitroCampaignMessageContact' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'streams the contacts of messages piped from a campaign, stopping at total_pages' {
        $message = (Get-WcxNitroCampaign -Id 1321).Messages | Where-Object Channel -eq 'whatsapp'
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $contacts = @($message | Get-WcxNitroCampaignMessageContact)
        $contacts.Count | Should -BeGreaterOrEqual 270
        $contacts[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroCampaignMessageContact'
        $contacts[0].TrackingId | Should -Match '^wa_\d+$'
        $contacts[0].ContactId | Should -BeOfType [string]
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/contacts'
        $requests.Count | Should -Be ([math]::Ceiling($contacts.Count / 100))
        $requests[0].path | Should -BeExactly "/core/v1/nitro/campaigns/1321/messages/$($message.Id)/contacts"
    }

    It 'sorts with sort_by and sort_order, and reports the total' {
        $out = @(Get-WcxNitroCampaignMessageContact -CampaignId 1321 -MessageId 117302 -Sort created_at -Descending -First 5 -IncludeTotalCount)
        @($out | Where-Object { $_ -is [uint64] })[0] | Should -BeGreaterOrEqual 270
        $contacts = @($out | Where-Object { $_ -isnot [uint64] })
        $contacts.Count | Should -Be 5
        $contacts.CreatedAt | Should -Be ($contacts.CreatedAt | Sort-Object -Descending)
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeExactly '?sort_by=created_at&sort_order=desc&limit=5&page=1'
    }
}

Describe 'Send-WcxNitroMessage and Get-WcxNitroRequest' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'sends one message with one request, and the request can be followed by its tracking id' {
        $receipt = Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -Phone '5493517606060' -Name 'Ana' `
            -Variable ([ordered]@{ '{1}' = 'Ana'; '{2}' = 'A-1001' }) -Metadata @{ project_area = 'Marketing' }
        $receipt.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroSendResult'
        $receipt.Status | Should -BeExactly 'queued'
        $receipt.TrackingId | Should -Match '^wa-\d+$'
        (Get-ApiRequest -Sandbox $sandbox -Method POST).path | Should -Be '/core/v1/nitro/transactional/1321/send'

        $request = $receipt | Get-WcxNitroRequest
        $request.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.NitroRequest'
        $request.TrackingId | Should -BeExactly $receipt.TrackingId
        $request.Contact.Phone | Should -BeExactly '5493517606060'
        @($request.Variables.Keys) | Should -Be '{1}', '{2}'
        $request.Variables['{2}'] | Should -BeExactly 'A-1001'
        $request.Metadata['project_area'] | Should -BeExactly 'Marketing'
    }

    It 'sends a pipeline of contacts in bulk batches of -BatchSize, in order' {
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ CampaignId = '1321'; Channel = 'whatsapp'; Phone = "54935100000$_"; Name = "Contact $_" } }
        $receipts = @($rows | Send-WcxNitroMessage -BatchSize 2)
        $receipts.Count | Should -Be 5
        $receipts.Status | Sort-Object -Unique | Should -BeExactly 'queued'
        $receipts.Contact.Phone | Should -Be $rows.Phone
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/nitro/transactional/send').Count | Should -Be 3
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/nitro/transactional/*/send').Count | Should -Be 0
        # Bulk receipts carry numeric tracking ids, as the collection shows; they are strings here and still resolve.
        $receipts[0].TrackingId | Should -Match '^\d+$'
        ($receipts | Select-Object -First 2 | Get-WcxNitroRequest).Contact.Phone | Should -Be $rows[0..1].Phone
    }

    It 'uses batches of 100 by default, across campaigns' {
        $rows = 1..150 | ForEach-Object { [pscustomobject]@{ CampaignId = if ($_ % 2) { '1321' } else { '1322' }; Phone = "5493520$('{0:D5}' -f $_)" } }
        $receipts = @($rows | Send-WcxNitroMessage -Channel whatsapp)
        $receipts.Count | Should -Be 150
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/nitro/transactional/send').Count | Should -Be 2
    }

    It 'reports a record that breaks a rule and still sends the others' {
        $rows = @(
            [pscustomobject]@{ Phone = '5493530000001' }
            [pscustomobject]@{ Email = 'no-phone@example.com' }
            [pscustomobject]@{ Phone = '5493530000003' }
        )
        $receipts = @($rows | Send-WcxNitroMessage -CampaignId 1322 -Channel whatsapp -ErrorAction SilentlyContinue -ErrorVariable failure)
        $receipts.Count | Should -Be 2
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.SendWcxNitroMessageCommand'
        $failure[0].Exception.Message | Should -BeLike '*needs the contact''s -Phone*'
        (Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 1
    }

    It 'refuses unordered template values, which the API would read in the wrong order' {
        { Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -Phone '549351' -Variable @{ '{1}' = 'a'; '{2}' = 'b' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.SendWcxNitroMessageCommand' -ExpectedMessage '*[ordered]*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'gives the API''s refusal of a stopped campaign as WcxBadRequest, and warns about failed bulk entries' {
        Send-WcxNitroMessage -CampaignId 418 -Channel email -Email 'ana@example.com' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxBadRequest,WiseCx.PowerShell.Commands.SendWcxNitroMessageCommand'
        $failure[0].Exception.Message | Should -BeLike '*activate it before sending*'

        $rows = [pscustomobject]@{ CampaignId = '418'; Email = 'a@example.com' }, [pscustomobject]@{ CampaignId = '1321'; Email = 'b@example.com' }
        $receipts = @($rows | Send-WcxNitroMessage -Channel email -WarningVariable warnings -WarningAction SilentlyContinue)
        $receipts.Status | Should -Be 'error', 'queued'
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '*activate it before sending*'
    }

    It 'sends nothing with -WhatIf' {
        Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -Phone '5493517606060' -WhatIf
        1..3 | ForEach-Object { [pscustomobject]@{ Phone = "54935$_" } } | Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'reports a tracking id that does not exist with WcxNotFound' {
        Get-WcxNitroRequest -TrackingId 'wa-1' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxNitroRequestCommand'
        $failure[0].TargetObject | Should -BeExactly 'wa-1'
    }
}
