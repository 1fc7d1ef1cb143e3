# Progress of bulk sends and membership requests: request k of n, items so far of the total, closed at the end;
# hidden by $ProgressPreference. Progress cannot be redirected, so each case runs in a PowerShell instance of its own
# and reads its Progress stream.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox

    function Invoke-WithProgress {
        param([Parameter(Mandatory)] [scriptblock] $Script, [string] $ProgressPreference = 'Continue')
        $ps = [powershell]::Create().AddScript({
            param($Module, $Sandbox, $Script, $Preference)
            Import-Module $Module
            Connect-WcxAccount -User $Sandbox.User -ApiKey $Sandbox.ApiKey -BaseUri $Sandbox.BaseUri
            $ProgressPreference = $Preference
            & ([scriptblock]::Create($Script))
        }).AddArgument($ModulePath).AddArgument($sandbox).AddArgument($Script.ToString()).AddArgument($ProgressPreference)
        try {
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error); Progress = @($ps.Streams.Progress) }
        }
        finally { $ps.Dispose() }
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Send-WcxNitroMessage progress' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'shows each bulk request with the messages sent so far, and closes the bar' {
        $result = Invoke-WithProgress {
            1..5 | ForEach-Object { [pscustomobject]@{ Phone = "549351200000$_" } } |
                Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -BatchSize 2
        }
        $result.Errors | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be 5
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/nitro/transactional/send').Count | Should -Be 3

        $steps = @($result.Progress | Where-Object RecordType -eq 'Processing')
        $steps.Count | Should -Be 3
        $steps.StatusDescription | Should -Be @(
            'Request 1 of 3: 2 messages (campaign 1321)', 'Request 2 of 3: 2 messages (campaign 1321)', 'Request 3 of 3: 1 messages (campaign 1321)')
        $steps.CurrentOperation | Should -Be @('0 of 5 messages sent', '2 of 5 messages sent', '4 of 5 messages sent')
        $steps.PercentComplete | Should -Be @(0, 40, 80)
        $result.Progress[-1].RecordType | Should -Be 'Completed'
        ($result.Progress.ActivityId | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'shows no bar for a single request' {
        $result = Invoke-WithProgress {
            1..3 | ForEach-Object { [pscustomobject]@{ Phone = "549351300000$_" } } | Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp
        }
        $result.Output.Count | Should -Be 3
        (Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 1
        $result.Progress | Should -BeNullOrEmpty
    }

    It 'shows nothing when $ProgressPreference is SilentlyContinue, as in unattended hosts' {
        $result = Invoke-WithProgress -ProgressPreference SilentlyContinue {
            1..5 | ForEach-Object { [pscustomobject]@{ Phone = "549351400000$_" } } |
                Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -BatchSize 2
        }
        $result.Output.Count | Should -Be 5
        (Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 3
        $result.Progress | Should -BeNullOrEmpty
    }
}

Describe 'Membership progress' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'Add-WcxQueueUser shows one step per service group, with the memberships so far' {
        $result = Invoke-WithProgress {
            $queues = Get-WcxQueue | Select-Object -First 3
            $queues | ForEach-Object { [pscustomobject]@{ QueueId = $_.Id; UserId = 10, 11 } } | Add-WcxQueueUser
        }
        $result.Errors | Should -BeNullOrEmpty
        $puts = Get-ApiRequest -Sandbox $sandbox -Method PUT -PathLike '*/queues/*/users'
        $puts.Count | Should -Be 3
        $steps = @($result.Progress | Where-Object RecordType -eq 'Processing')
        $steps.Count | Should -Be 3
        $steps.Activity | Sort-Object -Unique | Should -BeExactly 'Adding users to service groups'
        for ($i = 0; $i -lt 3; $i++) {
            $queueId = ($puts[$i].path -split '/')[-2]
            $steps[$i].StatusDescription | Should -BeExactly "Request $($i + 1) of 3: queue $queueId"
            $steps[$i].CurrentOperation | Should -BeExactly "$(2 * $i) of 6 memberships sent"
        }
        $result.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'Remove-WcxUserQueue shows one step per user' {
        $result = Invoke-WithProgress {
            $queue = (Get-WcxQueue | Select-Object -First 1).Id
            Add-WcxQueueUser -QueueId $queue -UserId 10, 11 | Out-Null
            [pscustomobject]@{ UserId = 10; QueueId = $queue }, [pscustomobject]@{ UserId = 11; QueueId = $queue } | Remove-WcxUserQueue -Confirm:$false
        }
        $result.Errors | Should -BeNullOrEmpty
        (Get-ApiRequest -Sandbox $sandbox -Method DELETE -PathLike '*/users/*/queues*').Count | Should -Be 2
        $steps = @($result.Progress | Where-Object RecordType -eq 'Processing')
        $steps.StatusDescription | Should -Be @('Request 1 of 2: user 10', 'Request 2 of 2: user 11')
        $result.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows no bar with -WhatIf, where nothing is sent' {
        $result = Invoke-WithProgress { 10, 11 | Add-WcxUserQueue -QueueId 53 -WhatIf; 12 | Add-WcxUserQueue -QueueId 53 -WhatIf }
        Get-ApiRequest -Sandbox $sandbox -Method PUT | Should -BeNullOrEmpty
        $result.Progress | Should -BeNullOrEmpty
    }
}

Describe 'List progress' {
    # A list read in several pages shows records so far from the second page on, and closes the bar at the end: every
    # list cmdlet the same way (Get-WcxContactGroup and Get-WcxOrganization used to leave it open).
    It '<_> -PageSize 1 closes the bar it shows' -ForEach 'Get-WcxQueue', 'Get-WcxContactGroup', 'Get-WcxOrganization' {
        $result = Invoke-WithProgress ([scriptblock]::Create("$_ -PageSize 1 -First 3"))
        $result.Errors | Should -BeNullOrEmpty
        $result.Output.Count | Should -Be 3
        $steps = @($result.Progress | Where-Object RecordType -eq 'Processing')
        $steps.Count | Should -BeGreaterThan 0
        $steps[0].Activity | Should -BeExactly $_
        $result.Progress[-1].RecordType | Should -Be 'Completed'
        $result.Progress[-1].Activity | Should -BeExactly $_
    }
}
