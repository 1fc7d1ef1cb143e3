# Service groups and users over HTTP against the sandbox: reads, creates, memberships in both directions, business hours.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Reset-Sandbox { $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Root)/_sandbox/reset" }
    function Get-MemberId([long] $QueueId) { @((Get-WcxQueue -Id $QueueId).Users.Id) }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxQueue' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'lists every group as WiseCx.Queue, with business hours and users' {
        $queues = @(Get-WcxQueue)
        $queues.Count | Should -BeGreaterOrEqual 10
        $queues[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Queue'
        $soporte = $queues | Where-Object Id -eq 53
        $soporte.Name | Should -BeExactly 'Soporte'
        $soporte.QueueId | Should -Be 53
        $soporte.BusinessHours.Timezone.Name | Should -BeExactly 'Argentina Standard Time'
        $soporte.BusinessHours.Schedules.Count | Should -Be 7
        ($soporte.BusinessHours.Schedules | Where-Object Name -eq 'monday').IsOpen | Should -BeTrue
        ($soporte.BusinessHours.Schedules | Where-Object Name -eq 'monday').Hours[0].From | Should -BeExactly '08:00'
        $soporte.Users.UserId | Should -Be 10, 11
        $soporte.Users[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.QueueMember'
        $soporte.Users[0].AutoAssign | Should -BeTrue
        $soporte.AdditionalProperties.Count | Should -Be 0
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/queues'
        $requests.Count | Should -Be 1
    }

    It '-Name matches with wildcards on the client: the API is asked for every group, with no name parameter' {
        $found = @(Get-WcxQueue -Name 'sop*', 'SALES')
        $found.Name | Sort-Object | Should -Be 'Sales', 'Soporte'
        $request = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/queues'
        $request.Count | Should -Be 1
        $request[0].query | Should -Not -BeLike '*name*'
        @(Get-WcxQueue -Name 'nothing-like-this*').Count | Should -Be 0
    }

    It '-First counts matching groups, not API records' {
        $matches = @(Get-WcxQueue -Name 'S*' -First 2)
        $matches.Count | Should -Be 2
        $matches.Name | ForEach-Object { $_ | Should -BeLike 'S*' }
        $skipped = @(Get-WcxQueue -Name 'S*' -Skip 1 -First 1)
        $skipped[0].Id | Should -Be $matches[1].Id
    }

    It 'gets groups by id from the pipeline, going on past one that does not exist' {
        $result = @(53, 999999, 122 | Get-WcxQueue -ErrorAction SilentlyContinue -ErrorVariable failures)
        $result.Name | Should -Be 'Soporte', 'Sugerencias'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxQueueCommand'
        $failures[0].TargetObject | Should -Be 999999
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/queues/53').Count | Should -Be 1
    }

    It '-Property asks for those fields only, in the documented spelling' {
        $queue = Get-WcxQueue -Id 53 -Property id, businesshours
        $queue.BusinessHours | Should -Not -BeNullOrEmpty
        $queue.Name | Should -BeNullOrEmpty
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeExactly '?fields=id%2CbusinessHours'
        $completion = TabExpansion2 -inputScript 'Get-WcxQueue -Property bus' -cursorColumn 'Get-WcxQueue -Property bus'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'businessHours'
    }

    It 'sends -Filter and -Sort, which the API does not document for /queues, with a warning, for the API to judge' {
        Get-WcxQueue -Filter @{ name = 'Soporte' } -Sort name -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be @(
            "/queues documents no filter; the field 'name' is sent as 'queue.name' and the API decides."
            '/queues documents no sort; sort and sort_field are sent as for the other lists, and the API decides.')
        $requests = Get-ApiRequest -Sandbox $sandbox
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'queue.name','operator':'EQUAL','value':'Soporte'}]&sort=asc&sort_field=name&") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }
}

Describe 'New-WcxQueue' {
    BeforeAll { Reset-Sandbox }
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates a group with users and returns it as read back' {
        $queue = New-WcxQueue -Name '  Escalations ' -UserId 10, 11, 10 -AutoAssign
        $queue.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Queue'
        $queue.Id | Should -BeGreaterThan 0
        $queue.Name | Should -BeExactly 'Escalations'
        $queue.Users.UserId | Sort-Object | Should -Be 10, 11
        $queue.Users.AutoAssign | Should -Be $true, $true
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/queues').Count | Should -Be 1
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike "*/queues/$($queue.Id)").Count | Should -Be 1
        (Get-WcxQueue -Name Escalations).Id | Should -Be $queue.Id
    }

    It 'refuses a name over 50 characters before any request' {
        { New-WcxQueue -Name ('x' * 51) -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxQueueCommand' -ExpectedMessage '*at most 50 characters*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'reports the API refusing a duplicate name' {
        { New-WcxQueue -Name Soporte -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxBadRequest,WiseCx.PowerShell.Commands.NewWcxQueueCommand' -ExpectedMessage '*already exists*'
    }

    It 'sends nothing with -WhatIf' {
        New-WcxQueue -Name 'Never created' -UserId 10 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe 'Add-WcxQueueUser and Remove-WcxQueueUser' {
    BeforeAll { Reset-Sandbox }
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'binds a piped queue as -QueueId and returns the typed summary' {
        $summary = Get-WcxQueue -Name Soporte | Add-WcxQueueUser -UserId 5846
        $summary.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.QueueMembershipSummary'
        $summary.QueueId | Should -Be 53
        $summary.Added | Should -Be 1
        $summary.Updated | Should -Be 0
        $summary.Unchanged | Should -Be 0
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).path | Should -Be '/core/v1/queues/53/users'
        Get-MemberId 53 | Should -Contain 5846
    }

    It 'counts users whose auto-assign changed as updated and the rest as unchanged' {
        $summary = Add-WcxQueueUser -QueueId 53 -UserId 10, 11 -AutoAssign
        $summary.Added | Should -Be 0
        $summary.Updated | Should -Be 1
        $summary.Unchanged | Should -Be 1
        (Get-WcxQueue -Id 53).Users | ForEach-Object { if ($_.UserId -eq 11) { $_.AutoAssign | Should -BeTrue } }
    }

    It 'sends one PUT per queue for users piped as numbers and as user objects' {
        $users = Get-WcxUser -Id 6405, 6406
        $summaries = @(@(7200) + @($users) | Add-WcxQueueUser -QueueId 122, 90)
        $summaries.QueueId | Should -Be 122, 90
        $summaries | ForEach-Object { $_.Added | Should -Be 3 }
        $puts = Get-ApiRequest -Sandbox $sandbox -Method PUT
        $puts.path | Should -Be '/core/v1/queues/122/users', '/core/v1/queues/90/users'
        Get-MemberId 90 | Sort-Object | Should -Be 6405, 6406, 7200
    }

    It 'removes one user with the single DELETE (204) and several with one bulk DELETE' {
        Remove-WcxQueueUser -QueueId 53 -UserId 5846 -Confirm:$false
        $single = Get-ApiRequest -Sandbox $sandbox -Method DELETE
        $single.path | Should -Be '/core/v1/queues/53/users/5846'
        $single.status | Should -Be 204
        Get-MemberId 53 | Should -Not -Contain 5846

        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        (Get-WcxQueue -Id 90).Users | Remove-WcxQueueUser -QueueId 90 -Confirm:$false
        $bulk = Get-ApiRequest -Sandbox $sandbox -Method DELETE
        $bulk.path | Should -Be '/core/v1/queues/90/users'
        $bulk.Count | Should -Be 1
        Get-MemberId 90 | Should -BeNullOrEmpty
    }

    It '-PassThru writes one typed removal per group (nothing without it)' {
        Add-WcxQueueUser -QueueId 122, 90 -UserId 10, 11 | Out-Null
        Remove-WcxQueueUser -QueueId 90 -UserId 10 -Confirm:$false | Should -BeNullOrEmpty
        Add-WcxQueueUser -QueueId 90 -UserId 10 | Out-Null
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $removals = @(10, 11 | Remove-WcxQueueUser -QueueId 122, 90 -PassThru -Confirm:$false)
        $removals.Count | Should -Be 2
        $removals[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.QueueMembershipRemoval'
        $removals.QueueId | Should -Be 122, 90
        $removals | ForEach-Object { $_.Removed | Should -Be 2 }
        $removals[0].ToString() | Should -BeExactly 'Queue 122: 2 removed'
        (Get-ApiRequest -Sandbox $sandbox -Method DELETE).path | Should -Be '/core/v1/queues/122/users', '/core/v1/queues/90/users'
        Get-MemberId 122 | Should -Not -Contain 10
    }

    It 'reports a user that is not in the group, as the API does' {
        { Remove-WcxQueueUser -QueueId 53 -UserId 5852 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxNotFound,WiseCx.PowerShell.Commands.RemoveWcxQueueUserCommand'
    }

    It 'asks for the queue rather than taking a piped user id as one' {
        { Get-WcxUser -Id 10 | Add-WcxQueueUser -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectMissingMandatory*'
        Get-ApiRequest -Sandbox $sandbox -Method PUT | Should -BeNullOrEmpty
    }

    It 'refuses an id of 0 before any request' {
        { Add-WcxQueueUser -QueueId 53 -UserId 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,WiseCx.PowerShell.Commands.AddWcxQueueUserCommand'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        10, 11 | Add-WcxQueueUser -QueueId 122 -WhatIf
        10, 11 | Remove-WcxQueueUser -QueueId 53 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        Get-MemberId 53 | Should -Contain 10
    }

    It 'is a high-impact change that confirms by default' {
        $attribute = (Get-Command Remove-WcxQueueUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Test-WcxBusinessHours' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'returns a real boolean, for the business and for one group' {
        $business = Test-WcxBusinessHours
        $business | Should -BeOfType [bool]
        Test-WcxBusinessHours -QueueId 6472 | Should -BeExactly $true
        Test-WcxBusinessHours -QueueId 90 | Should -BeExactly $false
        if (Test-WcxBusinessHours -QueueId 90) { throw '"False" must not be truthy' }
        (Get-ApiRequest -Sandbox $sandbox).query | Should -Be '', '?queue_id=6472', '?queue_id=90', '?queue_id=90'
    }

    It 'takes groups from the pipeline' {
        Get-WcxQueue -Id 6472, 90 | Test-WcxBusinessHours | Should -Be $true, $false
    }

    It 'reports a group that does not exist' {
        { Test-WcxBusinessHours -QueueId 424242 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxNotFound,WiseCx.PowerShell.Commands.TestWcxBusinessHoursCommand'
    }
}

Describe 'Get-WcxUser' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'lists users as WiseCx.User, asking for every documented field' {
        $users = @(Get-WcxUser)
        $users.Count | Should -BeGreaterThan 30
        $users[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.User'
        $web = $users | Where-Object Id -eq 5846
        $web.UserName | Should -BeExactly 'webcentrix@hotmail.com'
        $web.CreatedAt | Should -Be ([datetime]::new(2019, 3, 19, 1, 28, 0, [DateTimeKind]::Utc))
        $web.Queues.QueueId | Sort-Object | Should -Be 159, 6059
        $web.Queues[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.UserQueue'
        ($users | Where-Object Id -eq 5852).IsBot | Should -BeTrue
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/users')[0].query |
            Should -BeLike '?fields=id%2Cuser_name%2Cnick%2Cfirst_name%2Clast_name%2Cis_bot%2Ccreated_at%2Clast_login%2Cqueues&*'
    }

    It '-UserName matches with wildcards on the client' {
        $found = @(Get-WcxUser -UserName '*@hotmail.com', 'LUKEDEMO')
        $found.Id | Sort-Object | Should -Be 5846, 5852
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -Not -BeLike '*webcentrix*'
    }

    It 'gets users by id from the pipeline, also from objects with UserId' {
        $users = @([pscustomobject]@{ UserId = 10 }, 11 | Get-WcxUser)
        $users.UserName | Should -Be 'juan.perez@acme.example', 'maria.garcia@acme.example'
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/users/1?').Count | Should -Be 2
    }

    It '-Property asks for those fields only' {
        $user = Get-WcxUser -Id 10 -Property id, nick
        $user.Nick | Should -BeExactly 'Juan'
        $user.UserName | Should -BeNullOrEmpty
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeExactly '?fields=id%2Cnick'
    }

    It '-Property sends a field /users does not document as given, with a warning' {
        Get-WcxUser -Property id, email -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -BeLike "-Property 'email' is not a documented field of /users; it is sent as given and the API decides.*"
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests[0].query | Should -BeLike '?fields=id%2Cemail&*'
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }
}

Describe 'New-WcxUser' {
    BeforeAll { Reset-Sandbox }
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates users from CSV rows, reading IsBot from text' {
        $rows = @'
UserName,Nick,FirstName,LastName,IsBot
csv.one@acme.example,One,Uno,Primero,true
csv.two@acme.example,Two,Dos,Segundo,0
csv.three@acme.example,,Tres,Tercero,
csv.four@acme.example,Four,Cuatro,Cuarto,1
csv.five@acme.example,Five,Cinco,Quinto,FALSE
'@ | ConvertFrom-Csv
        $users = @($rows | New-WcxUser)
        $users.Count | Should -Be 5
        $users[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.User'
        $users.IsBot | Should -Be $true, $false, $false, $true, $false
        $users[2].Nick | Should -BeExactly ''
        $users[0].CreatedAt | Should -BeOfType [datetime]
        (Get-WcxUser -Id $users[3].Id).IsBot | Should -BeTrue
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/users').Count | Should -Be 5
    }

    It 'takes a switch on the command line' {
        (New-WcxUser -UserName 'faq.bot@acme.example' -Nick FAQ -IsBot).IsBot | Should -BeTrue
    }

    It 'refuses IsBot text that is not a boolean, before any request' {
        { [pscustomobject]@{ UserName = 'x@acme.example'; IsBot = 'maybe' } | New-WcxUser -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,WiseCx.PowerShell.Commands.NewWcxUserCommand' -ExpectedMessage "*got 'maybe'*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'reports the API refusing a user name that exists' {
        { New-WcxUser -UserName 'juan.perez@acme.example' -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxBadRequest,WiseCx.PowerShell.Commands.NewWcxUserCommand'
    }

    It 'sends nothing with -WhatIf' {
        New-WcxUser -UserName 'never@acme.example' -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}

Describe 'Add-WcxUserQueue and Remove-WcxUserQueue' {
    BeforeAll { Reset-Sandbox }
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'adds a user to piped queues with one PUT, and takes it out with one DELETE' {
        $summary = Get-WcxQueue -Name Sugerencias, Mantenimiento | Add-WcxUserQueue -UserId 11 -AutoAssign
        $summary.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.QueueMembershipSummary'
        $summary.UserId | Should -Be 11
        $summary.Added | Should -Be 2
        $put = Get-ApiRequest -Sandbox $sandbox -Method PUT
        $put.path | Should -Be '/core/v1/users/11/queues'
        $queues = (Get-WcxUser -Id 11).Queues
        $queues.QueueId | Sort-Object | Should -Be 53, 90, 122
        ($queues | Where-Object QueueId -eq 90).AutoAssign | Should -BeTrue

        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        (Get-WcxUser -Id 11).Queues | Where-Object QueueId -ne 53 | Remove-WcxUserQueue -UserId 11 -Confirm:$false
        $delete = Get-ApiRequest -Sandbox $sandbox -Method DELETE
        $delete.path | Should -Be '/core/v1/users/11/queues'
        $delete.Count | Should -Be 1
        (Get-WcxUser -Id 11).Queues.QueueId | Should -Be 53
    }

    It 'sends one request per piped user' {
        $summaries = @(Get-WcxUser -Id 10, 5846 | Add-WcxUserQueue -QueueId 122)
        $summaries.UserId | Should -Be 10, 5846
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).path | Should -Be '/core/v1/users/10/queues', '/core/v1/users/5846/queues'
    }

    It 'sends nothing with -WhatIf' {
        Add-WcxUserQueue -UserId 10 -QueueId 90 -WhatIf
        Remove-WcxUserQueue -UserId 10 -QueueId 53 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}
