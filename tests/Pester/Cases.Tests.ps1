BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxCase' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'streams every case of the last three months over several pages' {
        $all = @(Get-WcxCase -PageSize 50)
        $all.Count | Should -BeGreaterThan 100
        ($all.Id | Select-Object -Unique).Count | Should -Be $all.Count
        $cutoff = (Get-Date).AddMonths(-3).AddDays(-1)
        $all | Where-Object CreatedAt -lt $cutoff | Should -BeNullOrEmpty
        # Cases are read by key: one request per page, each after the first asking for the cases after the last id
        # read, and nothing speculative past the end.
        $pages = [math]::Floor($all.Count / 50) + 1
        $requests = @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases')
        $requests.Count | Should -Be $pages
        @($requests | Select-Object -Skip 1 | Where-Object { [uri]::UnescapeDataString($_.query) -notmatch 'case\.id.+LOWER' }) | Should -BeNullOrEmpty
    }

    It '-First 5 makes a single request' {
        $five = @(Get-WcxCase -First 5)
        $five.Count | Should -Be 5
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases'
        $requests.Count | Should -Be 1
        $requests[0].query | Should -BeLike '*limit=5*'
    }

    It 'reads page by page only when asked to with a session made with -PrefetchPages 0' {
        $session = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PrefetchPages 0 -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $all = @(Get-WcxCase -PageSize 50 -Session $session)
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases').Count | Should -Be ([math]::Floor($all.Count / 50) + 1)
    }

    It '-Skip and -First return the same slice as reading everything' {
        $all = @(Get-WcxCase -PageSize 20 -First 60)
        $slice = @(Get-WcxCase -PageSize 20 -Skip 25 -First 10)
        $slice.Id | Should -Be $all[25..34].Id
    }

    It 'filters with a hashtable: scalar, list, and operator keys, as the sandbox applies them' {
        $since = [datetime]::UtcNow.AddDays(-30)
        $cases = @(Get-WcxCase -Filter @{ status = 'opened', 'pending'; created_at = @{ ge = $since } })
        $cases.Count | Should -BeGreaterThan 0
        $cases.Status | Sort-Object -Unique | ForEach-Object { $_ | Should -BeIn 'opened', 'pending' }
        $cases | Where-Object CreatedAt -lt $since.AddSeconds(-1) | Should -BeNullOrEmpty
        $query = (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases')[0].query
        [uri]::UnescapeDataString($query).Contains("{'field':'case.status','operator':'IN','value':['opened','pending']}") | Should -BeTrue
    }

    It 'finds text holding a quote' {
        $cases = @(Get-WcxCase -Filter @{ subject = @{ contains = "O'Brien" } })
        $cases.Count | Should -BeGreaterThan 0
        $cases.Subject | ForEach-Object { $_ | Should -BeLike "*O'Brien*" }
    }

    It 'refuses an unknown filter operator before any request, naming the valid ones' {
        { Get-WcxCase -Filter @{ id = @{ like = 5 } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxCaseCommand' -ExpectedMessage "*Unknown filter operator 'like'*eq, ne, in*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'refuses an operator the field does not allow, and a filter that is not one, before any request' {
        { Get-WcxCase -Filter @{ status = @{ gt = 'a' } } -ErrorAction Stop } | Should -Throw -ExpectedMessage "*not allowed on 'status'*Allowed: in, notin, eq, ne*"
        { Get-WcxCase -Filter 'status=opened' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-Filter takes a hashtable*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It '-Property asks the API for those fields only' {
        $cases = @(Get-WcxCase -Property id, subject -First 3)
        $cases | ForEach-Object { $_.Subject | Should -Not -BeNullOrEmpty; $_.Status | Should -BeNullOrEmpty }
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeLike '*fields=id%2Csubject*'
    }

    It '-Property and -Sort send a field /cases does not document as given, with a warning' {
        Get-WcxCase -Property id, shoe_size -Sort shoe_size -First 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Count | Should -Be 2
        $warnings[0].Message | Should -BeLike "-Property 'shoe_size' is not a documented field of /cases; it is sent as given*"
        $warnings[1].Message | Should -BeLike "-Sort 'shoe_size' is not a documented field of /cases; it is sent as given*"
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests[0].query | Should -BeLike '?fields=id%2Cshoe_size&sort=asc&sort_field=shoe_size&*'
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It '-Property completes the documented field names' {
        $completion = TabExpansion2 -inputScript 'Get-WcxCase -Property crea' -cursorColumn 'Get-WcxCase -Property crea'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'created_at'
    }

    It '-Sort and -Descending order the results on the server' {
        $ascending = @(Get-WcxCase -Sort created_at -First 20)
        $descending = @(Get-WcxCase -Sort created_at -Descending -First 20)
        $ascending.CreatedAt | Should -Be ($ascending.CreatedAt | Sort-Object)
        $descending.CreatedAt | Should -Be ($descending.CreatedAt | Sort-Object -Descending)
        $descending[0].CreatedAt | Should -BeGreaterThan $ascending[0].CreatedAt
    }

    It 'gets by id from the pipeline, and goes on past an id that does not exist' {
        $some = @(Get-WcxCase -First 2)
        $result = @($some[0].Id, 999999999, $some[1].Id | Get-WcxCase -ErrorAction SilentlyContinue -ErrorVariable failures)
        $result.Id | Should -Be $some.Id
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 999999999
    }
}
