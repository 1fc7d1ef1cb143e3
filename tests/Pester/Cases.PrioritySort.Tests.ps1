# Get-WcxCase -Sort priority in severity order over the sandbox, whose sort of the field stays textual like the API's
# (high, low, medium, none, very-high): the order returned, paging across the ranks, and the requests sent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    $severity = @{ 'none' = 0; 'low' = 1; 'medium' = 2; 'high' = 3; 'very-high' = 4 }
    # The filtering parameter of each logged request, decoded.
    function Get-Filtering([object[]] $Request) {
        foreach ($r in $Request) {
            $query = [uri]::UnescapeDataString($r.query)
            if ($query -match 'filtering=([^&]*)') { $Matches[1] } else { '' }
        }
    }
    # The rank's condition of each request (the last priority condition: pages after the first add an id condition of
    # their own, and the user's filter may have a priority condition too), in order, once each.
    function Get-PriorityCondition([object[]] $Request) {
        @(Get-Filtering $Request | ForEach-Object {
                $found = [regex]::Matches($_, "\{'field':'case\.priority',[^}]*\}")
                if ($found.Count) { $found[$found.Count - 1].Value }
            } | Select-Object -Unique)
    }
    $filter = @{ status = 'pending' }
    # The same cases in the API's order: the expected order is computed from them.
    $all = @(Get-WcxCase -Filter $filter -Property id, priority, status)
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxCase -Sort priority' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'returns the cases from the least to the most severe, every case once' {
        $all.Count | Should -BeGreaterThan 20
        @($all.Priority | Sort-Object -Unique).Count | Should -BeGreaterThan 2 -Because 'the sandbox has cases of several priorities'
        $sorted = @(Get-WcxCase -Filter $filter -Sort priority -Property id, priority, status)
        $sorted.Count | Should -Be $all.Count
        ($sorted.Id | Sort-Object) | Should -Be ($all.Id | Sort-Object)
        $ranks = @($sorted | ForEach-Object { $severity[$_.Priority] })
        $ranks | Should -Be ($ranks | Sort-Object) -Because 'none < low < medium < high < very-high, not the text order'
        $sorted.Status | Sort-Object -Unique | Should -Be 'pending'
    }

    It '-Descending reverses the ranks: very-high first' {
        $sorted = @(Get-WcxCase -Filter $filter -Sort priority -Descending -Property id, priority)
        $sorted.Count | Should -Be $all.Count
        $ranks = @($sorted | ForEach-Object { $severity[$_.Priority] })
        $ranks | Should -Be ($ranks | Sort-Object -Descending)
        $sorted[0].Priority | Should -Be ($all.Priority | Sort-Object { $severity[$_] } -Descending | Select-Object -First 1)
    }

    It 'asks for one rank at a time with the filter ANDed, then for the priorities outside the vocabulary' {
        $null = @(Get-WcxCase -Filter $filter -Sort priority -Property id, priority)
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases'
        Get-Filtering $requests | ForEach-Object { $_ | Should -BeLike ([WildcardPattern]::Escape("[{'field':'case.status','operator':'EQUAL','value':'pending'},") + '*') }
        $conditions = Get-PriorityCondition $requests
        $conditions.Count | Should -Be 6
        $conditions[0..4] | Should -Be @('none', 'low', 'medium', 'high', 'very-high' | ForEach-Object { "{'field':'case.priority','operator':'EQUAL','value':'$_'}" })
        $conditions[5] | Should -BeLike "{'field':'case.priority','operator':'NOT IN','value':*none*low*medium*high*very-high*}"
        # Only the rest is sorted by the API (as text, among unknown values); the ranks need no sort_field.
        @($requests | Where-Object { $_.query -like '*sort_field=priority*' }).Count | Should -Be 1
        ($requests | Select-Object -Last 1).query | Should -BeLike '*sort_field=priority*'

        # Another sort is left to the API, as one list.
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $null = @(Get-WcxCase -Filter $filter -Sort created_at -First 5)
        $other = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases'
        $other.Count | Should -Be 1
        $other[0].query | Should -BeLike '*sort_field=created_at*'
    }

    It '-Skip and -First count across the ranks and ask for no more than they need' {
        $sorted = @(Get-WcxCase -Filter $filter -Sort priority -Property id, priority)
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $none = @($sorted | Where-Object Priority -eq 'none').Count
        $none | Should -BeGreaterThan 2
        $page = @(Get-WcxCase -Filter $filter -Sort priority -Property id, priority -Skip ($none - 2) -First 4)
        $page.Id | Should -Be $sorted[($none - 2)..($none + 1)].Id
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases'
        # The none rank and the low rank only; nothing after the fourth case.
        (Get-PriorityCondition $requests).Count | Should -Be 2
    }

    It 'does not ask for ranks the filter excludes, nor for the rest when it keeps known priorities only' {
        $sorted = @(Get-WcxCase -Filter @{ status = 'pending'; priority = 'very-high', 'low' } -Sort priority -Descending -Property id, priority)
        $sorted.Priority | Select-Object -Unique | Should -Be @('very-high', 'low' | Where-Object { $_ -in $all.Priority })
        $conditions = Get-PriorityCondition (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases')
        $conditions | Should -Be "{'field':'case.priority','operator':'EQUAL','value':'very-high'}", "{'field':'case.priority','operator':'EQUAL','value':'low'}"
    }

    # Last: it changes the sandbox's cases (and puts them back).
    It 'changes every case exactly once when the pipeline moves cases to a rank still to come' {
        try {
            # Ascending, every case raised to very-high: each would come back in the very-high rank if that rank were
            # read after the writes.
            Get-WcxCase -Filter $filter -Sort priority | Set-WcxCase -Priority very-high
            $puts = @(Get-ApiRequest -Sandbox $sandbox -Method PUT -PathLike '*/cases/*')
            $puts.Count | Should -Be $all.Count
            @($puts.path | Sort-Object -Unique).Count | Should -Be $all.Count
            @(Get-WcxCase -Filter $filter -Property id, priority).Priority | Sort-Object -Unique | Should -Be 'very-high'
        }
        finally { Reset-WcxSandbox -Sandbox $sandbox }
    }
}
