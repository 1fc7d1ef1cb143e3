# The provisioning scenario exactly as a user writes it: agents from a CSV, created and put into a group in one pipeline,
# then taken out again. The sandbox's own request log proves the batching, not the client's account of it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    $csv = Join-Path $TestDrive 'agents.csv'
    1..50 | ForEach-Object {
        [pscustomobject]@{
            UserName  = 'agent{0:00}@provision.example' -f $_
            Nick      = 'Agent {0:00}' -f $_
            FirstName = 'Agent'
            LastName  = 'Número {0:00}' -f $_
            # Import-Csv gives text: every spelling a spreadsheet may produce.
            IsBot     = @('false', '0', 'FALSE', '', 'true', '1')[$_ % 6]
        }
    } | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
    $before = @((Get-WcxQueue -Id 53).Users.Id)
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Provisioning 50 agents from a CSV into queue 53 and back' {
    It 'creates the agents and adds them all with exactly one PUT /queues/53/users' {
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        $summary = Import-Csv $csv | New-WcxUser | Add-WcxQueueUser -QueueId 53 -AutoAssign

        $summary.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.QueueMembershipSummary'
        $summary.QueueId | Should -Be 53
        $summary.Added | Should -Be 50
        $summary.Updated + $summary.Unchanged | Should -Be 0

        $log = Get-WcxSandboxRequestLog -Sandbox $sandbox
        @($log | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/core/v1/users' }).Count | Should -Be 50
        $puts = @($log | Where-Object method -eq 'PUT')
        $puts.Count | Should -Be 1
        $puts[0].path | Should -BeExactly '/core/v1/queues/53/users'
        $puts[0].status | Should -Be 200
        # The PUT went out after the last user was created: the pipeline was collected, not sent record by record.
        $lastCreate = ($log | Where-Object { $_.method -eq 'POST' } | Measure-Object seq -Maximum).Maximum
        $puts[0].seq | Should -BeGreaterThan $lastCreate
    }

    It 'shows every agent in the queue, read back with GET /queues/53, with auto-assign on' {
        $agents = @(Get-WcxUser -UserName '*@provision.example')
        $agents.Count | Should -Be 50
        ($agents | Where-Object IsBot).Count | Should -Be (@(1..50 | Where-Object { $_ % 6 -in 4, 5 }).Count)
        $members = (Get-WcxQueue -Id 53).Users
        foreach ($agent in $agents) {
            $member = $members | Where-Object UserId -eq $agent.Id
            $member | Should -Not -BeNullOrEmpty -Because "$($agent.UserName) was added"
            $member.AutoAssign | Should -BeTrue
        }
        $members.Count | Should -Be ($before.Count + 50)
        ($agents | Select-Object -First 1).Queues.QueueId | Should -Be 53
    }

    It 'takes them out again with exactly one bulk DELETE /queues/53/users' {
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        Get-WcxUser -UserName (Import-Csv $csv).UserName | Remove-WcxQueueUser -QueueId 53 -Confirm:$false

        $deletes = @(Get-WcxSandboxRequestLog -Sandbox $sandbox | Where-Object method -eq 'DELETE')
        $deletes.Count | Should -Be 1
        $deletes[0].path | Should -BeExactly '/core/v1/queues/53/users'
        $deletes[0].status | Should -Be 200
        @((Get-WcxQueue -Id 53).Users.Id) | Should -Be $before
    }
}
