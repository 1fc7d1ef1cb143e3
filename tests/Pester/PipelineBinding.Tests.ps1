# What binds from the pipeline (issue 11, items 2, 3 and parts of 9): an id parameter takes ids, its own objects and
# objects that name the id explicitly, and refuses anything else with WcxWrongInputType before any request; empty
# values from piped objects and CSV rows are "not given"; membership, tag and -WhatIf details.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    $user = Get-WcxUser -Id 10
    $cases = @(Get-WcxCase -First 40 | Where-Object { $_.ContactId -and $_.UserId })

    function Get-Write {
        # The requests that change something: none may follow a refused input.
        @(Get-WcxSandboxRequestLog -Sandbox $sandbox | Where-Object { $_.method -in 'POST', 'PUT', 'DELETE', 'PATCH' })
    }

    function ConvertTo-Deserialized($InputObject) {
        # What a job or a remote session hands back: a property bag whose type names start with "Deserialized.".
        [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject))
    }

    function Invoke-WhatIf([string] $Script) {
        # -WhatIf writes to the host, not to a stream: run the command in a child PowerShell and read its console text.
        # No session: with -WhatIf nothing may be read or sent.
        $child = Invoke-ChildPwsh -Script @"
Import-Module '$ModulePath'
$Script
"@
        $child.Output
    }
}
AfterAll {
    $sandbox | Stop-WcxDevSandbox
}

Describe 'An id parameter binds the right object or none' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'refuses a user piped into Remove-WcxCase: no DELETE, one WcxWrongInputType error that names both' {
        $user | Remove-WcxCase -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        Get-Write | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'WcxWrongInputType,WiseCx.PowerShell.Commands.RemoveWcxCaseCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -BeLike 'Remove-WcxCase -Id takes a case (WiseCx.Case)*WiseCx.User with Id 10 is not a case.'
        $refused[0].TargetObject.Id | Should -Be 10
    }

    It 'goes on with the next object after a refused one' {
        $victim = $cases[-1]
        $user, $victim | Remove-WcxCase -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused.Count | Should -Be 1
        (Get-Write).path | Should -Be "/core/v1/cases/$($victim.Id)"
    }

    It 'removes the contacts of cases piped into Remove-WcxContact (their ContactId), never the contact with the case''s id' {
        $pick = @($cases | Where-Object ContactId -ne $cases[0].ContactId | Sort-Object ContactId -Unique | Select-Object -Last 2)
        $pick | Remove-WcxContact -Confirm:$false
        (Get-Write).path | Should -Be @($pick | ForEach-Object { "/core/v1/contacts/$($_.ContactId)" })
    }

    It 'removes no contact when users are piped into Remove-WcxContact' {
        $user | Remove-WcxContact -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        Get-Write | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'WcxWrongInputType,WiseCx.PowerShell.Commands.RemoveWcxContactCommand'
    }

    It 'looks up the ContactId of a case piped into Get-WcxContact' {
        $case = $cases[0]
        $contact = $case | Get-WcxContact
        $contact.Id | Should -Be $case.ContactId
        (Get-ApiRequest -Sandbox $sandbox -Method GET).path | Should -Be "/core/v1/contacts/$($case.ContactId)"
    }

    It 'refuses a user piped into <Name> before any request' -ForEach @(
        @{ Name = 'Set-WcxCase'; Script = { $input | Set-WcxCase -Status hold -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
        @{ Name = 'Set-WcxContact'; Script = { $input | Set-WcxContact -Name x -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
        @{ Name = 'Remove-WcxOrganization'; Script = { $input | Remove-WcxOrganization -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
        @{ Name = 'Add-WcxCaseActivity'; Script = { $input | Add-WcxCaseActivity -Activity @{ type = 'note'; content = 'x' } -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
        @{ Name = 'Get-WcxCaseActivity'; Script = { $input | Get-WcxCaseActivity -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
        @{ Name = 'Add-WcxContactGroupMember'; Script = { $input | Add-WcxContactGroupMember -GroupId 389 -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
        @{ Name = 'Get-WcxOrganization'; Script = { $input | Get-WcxOrganization -ErrorAction SilentlyContinue -ErrorVariable failures; $failures } }
    ) {
        $refused = @($user | & $Script | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Get-WcxSandboxRequestLog -Sandbox $sandbox | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike "WcxWrongInputType,*"
    }

    It 'binds the objects of a job or a remote session (Deserialized.WiseCx.Case) and refuses deserialized users' {
        $case = ConvertTo-Deserialized $cases[0]
        $case.PSTypeNames[0] | Should -BeExactly 'Deserialized.WiseCx.Case'
        ($case | Get-WcxCase).Id | Should -Be $cases[0].Id
        ConvertTo-Deserialized $user | Remove-WcxCase -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        Get-Write | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'WcxWrongInputType,*'
    }

    It 'binds CSV rows by their CaseId column, or by Id when the CSV kept the case type; a bare Id column is refused' {
        $csv = Join-Path $TestDrive 'cases.csv'
        $typed = Join-Path $TestDrive 'typed.csv'
        $bare = Join-Path $TestDrive 'bare.csv'
        $cases[0..1] | Select-Object @{ n = 'CaseId'; e = { $_.Id } }, Subject | Export-Csv $csv
        $cases[2] | Export-Csv $typed -IncludeTypeInformation
        $user | Select-Object Id, UserName | Export-Csv $bare

        Import-Csv $csv | Set-WcxCase -Priority high
        Import-Csv $typed | Set-WcxCase -Priority high
        Import-Csv $bare | Set-WcxCase -Priority high -ErrorAction SilentlyContinue -ErrorVariable refused
        (Get-Write).path | Should -Be @($cases[0..2] | ForEach-Object { "/core/v1/cases/$($_.Id)" })
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'WcxWrongInputType,*'
    }

    It 'takes plain ids (numbers, numeric strings) and refuses other text with WcxWrongInputType' {
        $ids = $cases[0..1].Id
        $found = @([string]$ids[0], 'not-an-id', $ids[1] | Get-WcxCase -ErrorAction SilentlyContinue -ErrorVariable refused)
        $found.Id | Should -Be $ids
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'WcxWrongInputType,WiseCx.PowerShell.Commands.GetWcxCaseCommand'
        $refused[0].Exception.Message | Should -BeLike "*'not-an-id' is not a case id."
    }

    It 'binds a case''s UserId into Get-WcxUser (the id named explicitly)' {
        ($cases[0] | Get-WcxUser).Id | Should -Be $cases[0].UserId
    }
}

Describe 'Membership commands take plain user ids from the pipeline' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'binds 5846 | Add-WcxUserQueue -QueueId 53 as Add-WcxQueueUser does: the number is the user' {
        5846 | Add-WcxUserQueue -QueueId 53 -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        (Get-Write).path | Should -Be '/core/v1/users/5846/queues'
    }

    It 'binds the agent of a case piped into Remove-WcxUserQueue (its UserId) and refuses a queue there' {
        $cases[0] | Remove-WcxUserQueue -QueueId 53 -Confirm:$false -WhatIf -ErrorAction SilentlyContinue -ErrorVariable refused
        # A case names its agent explicitly (UserId): it binds, and -WhatIf sends nothing.
        $refused | Should -BeNullOrEmpty
        Get-WcxQueue -Id 53 | Remove-WcxUserQueue -QueueId 53 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'WcxWrongInputType,*'
        Get-Write | Should -BeNullOrEmpty
    }
}

Describe 'Empty values from piped objects and CSV rows are not given' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'sends by e-mail to contacts whose Phone is empty' {
        $contacts = @(Get-WcxContact -First 100 | Where-Object { $_.Phone -eq '' -and $_.Email } | Select-Object -First 3)
        $contacts.Count | Should -BeGreaterThan 0
        $receipts = @($contacts | Send-WcxNitroMessage -CampaignId 1321 -Channel email -ErrorVariable failed)
        $failed | Should -BeNullOrEmpty
        $receipts.Count | Should -Be $contacts.Count
        @(Get-Write).Count | Should -Be 1
    }

    It 'sends every row of a CSV with an empty column' {
        $csv = Join-Path $TestDrive 'send.csv'
        @(
            [pscustomobject]@{ Phone = '5493510000001'; Email = ''; Name = 'Ana'; UserId = '' }
            [pscustomobject]@{ Phone = '5493510000002'; Email = 'b@example.com'; Name = ''; UserId = '' }
        ) | Export-Csv $csv
        $receipts = @(Import-Csv $csv | Send-WcxNitroMessage -CampaignId 1321 -Channel whatsapp -ErrorVariable failed)
        $failed | Should -BeNullOrEmpty
        $receipts.Count | Should -Be 2
        (Get-Write).path | Should -Be '/core/v1/nitro/transactional/send'
    }

    It 'creates contacts from a CSV whose number and text columns are empty' {
        $csv = Join-Path $TestDrive 'contacts.csv'
        [pscustomobject]@{ Email = "empty-$([guid]::NewGuid())@example.com"; Phone = ''; OrganizationId = ''; Address = '' } | Export-Csv $csv
        Import-Csv $csv | New-WcxContact -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        (Get-Write).method | Should -Be 'POST'
    }
}

Describe 'Set-WcxCase -AddTag and -RemoveTag' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'adds and removes tags and keeps the others, in one update' {
        $case = Get-WcxCase -First 40 | Where-Object { $_.Tags.Count -ge 2 } | Select-Object -Last 1
        $before = @((Get-WcxCase -Id $case.Id).Tags)
        $before.Count | Should -BeGreaterThan 0
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Set-WcxCase -Id $case.Id -AddTag 'pipeline-added' -RemoveTag $before[0]
        @(Get-Write).Count | Should -Be 1
        $after = @((Get-WcxCase -Id $case.Id).Tags)
        $after | Should -Be (@($before | Select-Object -Skip 1) + 'pipeline-added')
    }

    It 'refuses -Tag together with -AddTag before any request' {
        { Set-WcxCase -Id $cases[0].Id -Tag a -AddTag b -ErrorAction Stop } | Should -Throw -ErrorId 'WcxInvalidArgument,*'
        Get-WcxSandboxRequestLog -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf says what would change' {
    It 'names the case and the change for Set-WcxCase' {
        $text = Invoke-WhatIf "Set-WcxCase -Id 5 -Status hold -Priority high -AddTag vip -WhatIf"
        $text | Should -BeLike '*What if: Performing the operation "Set case status=hold, priority=high, add tags=`[vip`]" on target "case 5".*'
    }

    It 'names the fields for Set-WcxContact, and never the password' {
        $text = Invoke-WhatIf "Set-WcxContact -Id 7 -Email ana@example.com -Name 'Ana Pérez' -Password (ConvertTo-SecureString 's3cret!' -AsPlainText -Force) -WhatIf"
        $text | Should -BeLike "*What if: Performing the operation `"Set contact email=ana@example.com, name='Ana Pérez', password=(new)`" on target `"contact 7`".*"
        $text | Should -Not -BeLike '*s3cret*'
    }
}
