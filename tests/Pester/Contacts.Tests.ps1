# Contacts, organizations, contact groups and their members, over HTTP against the sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    $cmd = 'WiseCx.PowerShell.Commands'
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxContact, New-WcxContact, Set-WcxContact and Remove-WcxContact' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates a contact, reads it back, finds it by filter, changes it and deletes it' {
        $email = "ana.$([guid]::NewGuid().ToString('N').Substring(0, 8))@example.com"
        $created = New-WcxContact -Email $email -Name 'Ana García' -PersonalId '20-1234' -CustomField @{ tier = 'gold' }
        $created.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Contact'
        $created.Id | Should -BeGreaterThan 0
        $created.Email | Should -BeExactly $email
        $created.Name | Should -BeExactly 'Ana García'
        ($created.CustomFields | Where-Object Field -eq 'tier').Value | Should -BeExactly 'gold'
        (Get-ApiRequest -Sandbox $sandbox).ForEach({ "$($_.method) $($_.path)" }) |
            Should -Be @('POST /core/v1/contacts/', "GET /core/v1/contacts/$($created.Id)")

        $found = @(Get-WcxContact -Filter @{ email = $email })
        $found.Count | Should -Be 1
        $found[0].Id | Should -Be $created.Id

        $changed = $found[0] | Set-WcxContact -Name "Ana O'Brien" -PassThru
        $changed.Name | Should -BeExactly "Ana O'Brien"
        $changed.Email | Should -BeExactly $email

        $created | Remove-WcxContact -Confirm:$false
        Get-WcxContact -Id $created.Id -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeExactly "WcxNotFound,$cmd.GetWcxContactCommand"
        $failure[0].TargetObject | Should -Be $created.Id
    }

    It 'creates one contact per CSV row' {
        $tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $rows = @"
Email,Name,Phone
csv1.$tag@example.com,Liam Smith,
,Lucía Peña,+549114444$($tag.Substring(0, 4) -replace '\D', '1')
"@ | ConvertFrom-Csv
        $made = @($rows | New-WcxContact)
        $made.Count | Should -Be 2
        $made[0].Email | Should -BeExactly "csv1.$tag@example.com"
        $made[1].Name | Should -BeExactly 'Lucía Peña'
        (Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 2
        $made | Remove-WcxContact -Confirm:$false
    }

    It 'streams the list page by page, not trusting the paging object' {
        $all = @(Get-WcxContact -PageSize 7 -First 20)
        $all.Count | Should -Be 20
        ($all.Id | Select-Object -Unique).Count | Should -Be 20
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/contacts*'
        $requests.Count | Should -Be 3
        $requests.query | ForEach-Object { $_ | Should -BeLike '*limit=7*' }
        ($requests.query -match 'page=3').Count | Should -Be 1
    }

    It '-Property asks for those fields, completes documented names, and sends unknown ones with a warning' {
        $some = @(Get-WcxContact -Property id, email -First 3)
        $some | ForEach-Object { $_.Name | Should -BeNullOrEmpty }
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeLike '*fields=id%2Cemail*'
        $completion = TabExpansion2 -inputScript 'Get-WcxContact -Property pers' -cursorColumn 'Get-WcxContact -Property pers'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'personal_id'
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Get-WcxContact -Property shoe_size -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -BeLike "-Property 'shoe_size' is not a documented field of /contacts; it is sent as given*"
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests[0].query | Should -BeLike '?fields=shoe_size&*'
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It 'refuses bad input before any request, with the error ids as a contract' {
        { New-WcxContact -Name 'No way to reach' -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.NewWcxContactCommand" -ExpectedMessage '*at least one of Email, PersonalId or Phone*'
        { New-WcxContact -Email 'not-an-address' -ErrorAction Stop } | Should -Throw -ErrorId "WcxInvalidArgument,$cmd.NewWcxContactCommand"
        { Set-WcxContact -Id 6579001 -Name 'Only a name' -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.SetWcxContactCommand" -ExpectedMessage '*on every contact update*'
        { Set-WcxContact -Id 6579001 -ErrorAction Stop } | Should -Throw -ErrorId "WcxInvalidArgument,$cmd.SetWcxContactCommand" -ExpectedMessage 'Nothing to change*'
        { Get-WcxContact -Filter @{ id = @{ gt = 5 } } -ErrorAction Stop } | Should -Throw -ExpectedMessage "*Allowed: in, eq*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $existing = Get-WcxContact -First 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        New-WcxContact -Email 'never@example.com' -WhatIf
        $existing | Set-WcxContact -Name 'Never' -WhatIf
        $existing | Remove-WcxContact -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        (Get-WcxContact -Id $existing.Id).Name | Should -BeExactly $existing.Name
    }
}

Describe 'Confirmation' {
    It 'asks before every removal (ConfirmImpact High)' {
        foreach ($name in 'Remove-WcxContact', 'Remove-WcxOrganization', 'Remove-WcxContactGroupMember') {
            (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
                Should -Be 'High' -Because $name
        }
    }
}

Describe 'Get-WcxOrganization, New-WcxOrganization, Set-WcxOrganization and Remove-WcxOrganization' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates, finds by id in one request, renames and deletes an organization' {
        $customId = "30-$(Get-Random -Minimum 10000000 -Maximum 99999999)-1"
        $org = New-WcxOrganization -Name 'Núñez & Hijos' -CustomId $customId
        $org.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Organization'
        $org.CustomId | Should -BeExactly $customId
        $org.Name | Should -BeExactly 'Núñez & Hijos'

        $other = Get-WcxOrganization -First 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $both = @($org.Id, $other.Id | Get-WcxOrganization)
        $both.Id | Sort-Object | Should -Be (@($org.Id, $other.Id) | Sort-Object)
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests.Count | Should -Be 1
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike "*'organization.id','operator':'IN'*"

        (Get-WcxOrganization -Filter @{ custom_id = $customId }).Id | Should -Be $org.Id
        ($org | Set-WcxOrganization -Name 'Núñez e Hijos' -PassThru).Name | Should -BeExactly 'Núñez e Hijos'
        $org | Remove-WcxOrganization -Confirm:$false
        Get-WcxOrganization -Id $org.Id -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeExactly "WcxNotFound,$cmd.GetWcxOrganizationCommand"
        $failure[0].TargetObject | Should -Be $org.Id
    }

    It 'refuses bad input before any request' {
        { Set-WcxOrganization -Id 14 -ErrorAction Stop } | Should -Throw -ErrorId "WcxInvalidArgument,$cmd.SetWcxOrganizationCommand"
        { Get-WcxOrganization -Filter @{ name = @{ contains = 'x' } } -ErrorAction Stop } | Should -Throw -ErrorId "WcxInvalidArgument,$cmd.GetWcxOrganizationCommand"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        New-WcxOrganization -Name 'Never' -CustomId '0' -WhatIf
        Set-WcxOrganization -Id 14 -Name 'Never' -WhatIf
        Remove-WcxOrganization -Id 14 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe 'Get-WcxContactGroup, New-WcxContactGroup, Add-WcxContactGroupMember and Remove-WcxContactGroupMember' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates a group, reads it with its generated code, adds and removes piped contacts' {
        $name = "Group $([guid]::NewGuid().ToString('N').Substring(0, 6))"
        $group = New-WcxContactGroup -Name $name
        $group.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.ContactGroup'
        $group.Name | Should -BeExactly $name
        $group.Code | Should -Not -BeNullOrEmpty
        (Get-WcxContactGroup -Id $group.Id).Name | Should -BeExactly $name
        (Get-WcxContactGroup -Filter @{ name = $name }).Id | Should -Be $group.Id

        $contacts = @(Get-WcxContact -First 3)
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $contacts | Add-WcxContactGroupMember -GroupId $group.Id
        $puts = Get-ApiRequest -Sandbox $sandbox -Method PUT
        $puts.path | Should -Be ($contacts | ForEach-Object { "/core/v1/contacts/$($_.Id)/groups/$($group.Id)" })

        $contacts[0] | Remove-WcxContactGroupMember -GroupId $group.Id -Confirm:$false
        (Get-ApiRequest -Sandbox $sandbox -Method DELETE).path | Should -Be "/core/v1/contacts/$($contacts[0].Id)/groups/$($group.Id)"
    }

    It 'reports a contact that does not exist and goes on with the others' {
        $group = Get-WcxContactGroup -First 1
        $contact = Get-WcxContact -First 1
        999999999, $contact.Id | Add-WcxContactGroupMember -GroupId $group.Id -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly "WcxNotFound,$cmd.AddWcxContactGroupMemberCommand"
        $failure[0].TargetObject | Should -Be 999999999
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).Count | Should -Be 2
    }

    It 'sends nothing with -WhatIf' {
        New-WcxContactGroup -Name 'Never' -WhatIf
        Add-WcxContactGroupMember -GroupId 389 -ContactId 6579001, 6579002 -WhatIf
        Remove-WcxContactGroupMember -GroupId 389 -ContactId 6579001 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}
