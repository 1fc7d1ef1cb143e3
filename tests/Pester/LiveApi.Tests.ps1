# The module against both behaviours of the API: the vendor's collection and the live API as its users meet it
# (docs/sandbox.md says which sandbox behaviour comes from where). Each case runs in both sandbox profiles.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Use-Profile([string] $Name, [hashtable] $Extra = @{}) {
        $settings = @{ profile = $Name } + $Extra
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config $settings
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }

    function Get-OpenCase {
        # A case of the last three months that is open, and its contact, as the sandbox holds them.
        Get-WcxCase -Filter @{ status = 'opened' } -First 20 | Where-Object ContactId | Select-Object -First 1
    }
}
AfterAll {
    $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ profile = 'live' }
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Lists in the <_> profile' -ForEach 'live', 'collection' {
    BeforeEach { Use-Profile $_ }

    It 'reads a list that is an exact multiple of the page size to its end, without an error' {
        $contactId = (Get-WcxCase -First 50 | Group-Object ContactId | Sort-Object Count -Descending | Select-Object -First 1).Name
        $expected = @(Get-WcxCase -Filter @{ contact_id = $contactId } -PageSize 100)
        $expected.Count | Should -BeGreaterThan 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $cases = @(Get-WcxCase -Filter @{ contact_id = $contactId } -PageSize $expected.Count -ErrorVariable failed)
        $failed | Should -BeNullOrEmpty
        $cases.Id | Should -Be $expected.Id
        # The first page is full, so the module asks for the next one; in the live profile that is the 400 "not found".
        $requests = @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases')
        $requests.Count | Should -Be 2
        $requests[1].status | Should -Be $(if ($_ -eq 'live') { 400 } else { 200 })
    }

    It 'returns nothing, and no error, for a filter that matches nothing (one request, no retry)' {
        $none = @(Get-WcxCase -Filter @{ subject = @{ contains = 'no-such-subject-' + [guid]::NewGuid() } } -ErrorVariable failed)
        $none.Count | Should -Be 0
        $failed | Should -BeNullOrEmpty
        @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases').Count | Should -Be 1
    }

    It 'still reports a list under a parent that does not exist as not found' {
        { Get-WcxSurveyResponse -SurveyId 987654 -ErrorAction Stop } | Should -Throw -ErrorId 'WcxNotFound,*'
    }

    It 'reads users and case types whatever the shape' {
        @(Get-WcxUser -First 3).Count | Should -Be 3
        @(Get-WcxCaseType).Count | Should -BeGreaterThan 0
    }
}

Describe 'Single objects in the <Name> profile, wrapped or bare' -ForEach @{ Name = 'live' }, @{ Name = 'collection' } {
    It 'reads a user answered <Shape>' -ForEach @(@{ Shape = 'wrapped in data'; Bare = $false }, @{ Shape = 'bare'; Bare = $true }) {
        Use-Profile $Name @{ singleObjectsBare = $Bare }
        $first = Get-WcxUser -First 1
        $user = Get-WcxUser -Id $first.Id -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $user.Id | Should -Be $first.Id
        $user.UserName | Should -Be $first.UserName
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ singleObjectsBare = $false }
    }
}

Describe 'Expired tokens in the <_> profile' -ForEach 'live', 'collection' {
    BeforeAll {
        Use-Profile $_ @{ tokenLifetimeSeconds = 1 }
        # The module assumes the documented hour, so only the server's refusal can tell it the token is gone.
        $script:shortSession = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PassThru
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ tokenLifetimeSeconds = 3600 }
    }

    It 'renews the token once on the refusal and reads on' {
        Start-Sleep -Milliseconds 1500
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $case = Get-WcxCase -First 1 -Session $shortSession -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $case | Should -Not -BeNullOrEmpty
        $log = @(Get-WcxSandboxRequestLog -Sandbox $sandbox)
        @($log | Where-Object path -like '*/authenticate').Count | Should -Be 1
        $refused = @($log | Where-Object { $_.path -like '*/cases' -and $_.status -ne 200 })
        $refused.Count | Should -Be 1
        $refused[0].status | Should -Be $(if ($_ -eq 'live') { 401 } else { 403 })
    }

    It 'renews the token for a write, which the refusal proves was not applied, and applies it once' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ tokenLifetimeSeconds = 1 }
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PassThru
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ tokenLifetimeSeconds = 3600 }
        $case = Get-OpenCase
        Start-Sleep -Milliseconds 1500
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $note = 'note ' + [guid]::NewGuid()
        Add-WcxCaseActivity -CaseId $case.Id -Session $session -Activity @{ type = 'note'; user_id = 6405; content = $note } -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $puts = @(Get-ApiRequest -Sandbox $sandbox -Method PUT -PathLike "*/cases/$($case.Id)")
        $puts.Count | Should -Be 2
        $puts[0].status | Should -BeIn 401, 403
        @(Get-WcxCaseActivity -CaseId $case.Id | Where-Object Content -eq $note).Count | Should -Be 1
    }
}

Describe 'New-WcxCase for a contact with an open case' {
    BeforeAll {
        function New-CaseFor([long] $ContactId, [switch] $AddToOpenCase, [string] $Text = ('hello ' + [guid]::NewGuid())) {
            New-WcxCase -GroupId 1234 -SourceChannel web -Subject 'Follow-up' -AddToOpenCase:$AddToOpenCase `
                -Activity @{ type = 'contact_message'; content = $Text; contact_from = @{ id = $ContactId } } `
                -ErrorAction SilentlyContinue -ErrorVariable script:failed -WarningVariable script:warned
        }
    }

    It 'in the live profile, is refused with WcxOpenCasesExist naming the open cases, after exactly one POST' {
        Use-Profile live
        $open = Get-OpenCase
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $result = New-CaseFor $open.ContactId
        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WcxOpenCasesExist,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].TargetObject | Should -Contain $open.Id
        $failed[0].Exception.OpenCaseIds | Should -Contain $open.Id
        @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/cases').Count | Should -Be 1
        @(Get-ApiRequest -Sandbox $sandbox -Method PUT).Count | Should -Be 0
    }

    It 'in the live profile, with -AddToOpenCase adds the activity to the newest open case and returns it' {
        Use-Profile live
        $open = Get-OpenCase
        $text = 'moved here ' + [guid]::NewGuid()
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $result = New-CaseFor $open.ContactId -AddToOpenCase -Text $text
        $failed | Should -BeNullOrEmpty
        $warned | Should -Match 'already has an open case'
        $newest = @(Get-WcxCase -Filter @{ contact_id = $open.ContactId; status = 'opened', 'pending', 'hold' }).Id | Sort-Object -Descending | Select-Object -First 1
        $result.Id | Should -Be $newest
        @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/cases').Count | Should -Be 1
        @(Get-ApiRequest -Sandbox $sandbox -Method PUT -PathLike "*/cases/$newest").Count | Should -Be 1
        @(Get-WcxCaseActivity -CaseId $newest | Where-Object Content -eq $text).Count | Should -Be 1
    }

    It 'in the collection profile, creates the case as documented (one POST, no PUT), with or without -AddToOpenCase' {
        Use-Profile collection
        $open = Get-OpenCase
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $result = New-CaseFor $open.ContactId -AddToOpenCase
        $failed | Should -BeNullOrEmpty
        $result.Id | Should -Not -Be $open.Id
        @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/cases').Count | Should -Be 1
        @(Get-ApiRequest -Sandbox $sandbox -Method PUT).Count | Should -Be 0
        $null = $result | Remove-WcxCase -Confirm:$false
    }
}
