BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Scriptblock filters' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'selects what the equivalent hashtable selects' {
        $since = [datetime]::UtcNow.AddDays(-45)
        $fromBlock = @(Get-WcxCase -Filter { status -in 'opened', 'pending' -and created_at -ge $since -and subject -like '*refund*' })
        $fromTable = @(Get-WcxCase -Filter @{ status = 'opened', 'pending'; created_at = @{ ge = $since }; subject = @{ contains = 'refund' } })
        $fromBlock.Count | Should -BeGreaterThan 0
        $fromBlock.Id | Should -Be $fromTable.Id
        $fromBlock | ForEach-Object { $_.Subject | Should -BeLike '*refund*'; $_.Status | Should -BeIn 'opened', 'pending' }
    }

    It 'reads variables from the caller''s scope, including a function''s locals and $obj.Property' {
        function Get-Pending { $wanted = 'pending'; Get-WcxCase -Filter { status -eq $wanted } -First 3 }
        @(Get-Pending).Status | Sort-Object -Unique | Should -Be 'pending'
        $probe = [pscustomobject]@{ Subject = "O'Brien's order" }
        $expected = @(Get-WcxCase | Where-Object Subject -eq $probe.Subject).Count
        $expected | Should -BeGreaterThan 0
        @(Get-WcxCase -Filter { subject -eq $probe.Subject }).Count | Should -Be $expected
    }

    It 'refuses <Construct> with its own message and sends no request' -ForEach @(
        @{ Construct = '-or'; Filter = { status -eq 'opened' -or status -eq 'pending' }; Message = '*-or is not supported*' }
        @{ Construct = '-match'; Filter = { subject -match 'refund' }; Message = '*Regular expressions are not supported*' }
        @{ Construct = 'a method call'; Filter = { created_at -ge (Get-Date).AddDays(-7) }; Message = '*Method calls are not run*' }
        @{ Construct = 'a bare command'; Filter = { Get-Process }; Message = '*filters cannot run commands*' }
        @{ Construct = 'a prefix wildcard'; Filter = { subject -like 'refund*' }; Message = "*only tests whether a field contains a text*" }
        @{ Construct = 'an operator the field does not allow'; Filter = { status -gt 'a' }; Message = "*not allowed on 'status'*" }
        @{ Construct = 'an unset variable'; Filter = { status -eq $notSetAnywhere }; Message = '*$notSetAnywhere, which is not set*' }
    ) {
        { Get-WcxCase -Filter $Filter -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxCaseCommand' -ExpectedMessage $Message
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'never runs the scriptblock' {
        $script:touched = $false
        { Get-WcxCase -Filter { status -eq ($script:touched = $true) } -ErrorAction Stop } | Should -Throw
        $script:touched | Should -BeFalse
    }

    It '-Debug shows the compiled filtering value' {
        $debug = Get-WcxCase -Filter { status -eq 'opened' } -First 1 -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $debug.Message | Should -Contain "filtering=[{'field':'case.status','operator':'EQUAL','value':'opened'}]"
    }

    It 'applies every operator on the server as the client means it' {
        $all = @(Get-WcxCase)
        $pivot = ($all | Sort-Object Id)[[int]($all.Count / 2)].Id
        @(Get-WcxCase -Filter { id -gt $pivot }).Count | Should -Be @($all | Where-Object Id -gt $pivot).Count
        @(Get-WcxCase -Filter { id -ge $pivot }).Count | Should -Be @($all | Where-Object Id -ge $pivot).Count
        @(Get-WcxCase -Filter { id -lt $pivot }).Count | Should -Be @($all | Where-Object Id -lt $pivot).Count
        @(Get-WcxCase -Filter { id -le $pivot }).Count | Should -Be @($all | Where-Object Id -le $pivot).Count
        @(Get-WcxCase -Filter { id -eq $pivot }).Id | Should -Be $pivot
        @(Get-WcxCase -Filter { id -ne $pivot }).Count | Should -Be ($all.Count - 1)
        $two = $all[0].Id, $all[1].Id
        @(Get-WcxCase -Filter { id -in $two }).Count | Should -Be 2
        @(Get-WcxCase -Filter { id -notin $two }).Count | Should -Be ($all.Count - 2)
        @(Get-WcxCase -Filter { subject -like '*order*' }).Count | Should -Be @($all | Where-Object Subject -like '*order*').Count
    }
}

Describe 'Fields the endpoint does not document' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'sends <Field>, written with a prefix of its own, exactly as written, with a warning, for the API to judge' -ForEach @(
        @{ Field = 'contacts.personal_id'; Filter = @{ 'contacts.personal_id' = '20-1' } }
        @{ Field = 'cases.number'; Filter = { $_.cases.number -in $numbers } }
    ) {
        # Numbers that exist, so that an API that accepts the field answers with cases rather than "not found".
        $numbers = @(Get-WcxCase -First 2).Number
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $null = Get-WcxCase -Filter $Filter -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be "The filter field '$Field' is not documented for /cases (its fields are documented with the prefix 'case.'); it is sent as written and the API decides."
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'$Field',") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It 'sends a field without a prefix with the endpoint''s prefix, and checks no operator on it' {
        $null = Get-WcxCase -Filter { personal_id -ge '20' } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -BeLike "The filter field 'personal_id' is not documented for /cases; it is sent as 'case.personal_id' and the API decides. Documented: number, user_id,*"
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'case.personal_id','operator':'GREATER EQUAL','value':'20'}]&") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It 'still refuses an operator the table forbids on a field it documents, with no request' {
        { Get-WcxCase -Filter @{ status = @{ gt = 'open' } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxCaseCommand' -ExpectedMessage "The operator 'gt' is not allowed on 'status' for /cases. Allowed: in, notin, eq, ne."
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'warns once per field, however many conditions name it' {
        $null = Get-WcxContact -Filter @{ 'contacts.personal_id' = @{ ge = '0'; le = 'z' } } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        [uri]::UnescapeDataString((Get-ApiRequest -Sandbox $sandbox -Method GET)[0].query) |
            Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'contacts.personal_id','operator':'GREATER EQUAL','value':'0'},{'field':'contacts.personal_id','operator':'LOWER EQUAL','value':'z'}]&") + '*')
    }
}

Describe 'ConvertTo-WcxFilter' {
    It 'shows what a scriptblock and a hashtable compile to for a list command' {
        $since = [datetime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
        ConvertTo-WcxFilter { status -in 'opened', 'pending' -and created_at -ge $since } -Command Get-WcxCase |
            Should -BeExactly "[{'field':'case.status','operator':'IN','value':['opened','pending']},{'field':'case.created_at','operator':'GREATER EQUAL','value':'2026-01-02 03:04:05'}]"
        ConvertTo-WcxFilter @{ subject = "O'Brien" } Get-WcxCase -UrlEncoded |
            Should -BeExactly '%5B%7B%27field%27%3A%27case.subject%27%2C%27operator%27%3A%27EQUAL%27%2C%27value%27%3A%27O%5C%27Brien%27%7D%5D'
    }

    It 'feeds Invoke-WcxRequest' {
        $filtering = ConvertTo-WcxFilter @{ subject = "O'Brien's order" } -Command Get-WcxCase
        $viaRequest = @(Invoke-WcxRequest cases -All -Query @{ filtering = $filtering })
        $viaRequest.Count | Should -BeGreaterThan 0
        $viaRequest.id | Should -Be @(Get-WcxCase -Filter @{ subject = "O'Brien's order" }).Id
    }

    It 'gives the warning the list command would give for a field its endpoint does not document' {
        $filtering = ConvertTo-WcxFilter @{ 'contacts.personal_id' = '20-1' } -Command Get-WcxCase -WarningVariable warnings -WarningAction SilentlyContinue
        $filtering | Should -BeExactly "[{'field':'contacts.personal_id','operator':'EQUAL','value':'20-1'}]"
        $warnings.Message | Should -BeLike "The filter field 'contacts.personal_id' is not documented for /cases*"
    }

    It 'names the list commands when given another' {
        { ConvertTo-WcxFilter @{ a = 1 } -Command Get-Item -ErrorAction Stop } | Should -Throw -ExpectedMessage "*not a WiseCx list command*Get-WcxCase*"
    }

    It 'completes -Command and the field names' {
        (TabExpansion2 -inputScript 'ConvertTo-WcxFilter @{} -Command Get-WcxC' -cursorColumn 'ConvertTo-WcxFilter @{} -Command Get-WcxC'.Length).CompletionMatches.CompletionText |
            Should -Contain 'Get-WcxCase'
        (TabExpansion2 -inputScript 'Get-WcxCase -Sort crea' -cursorColumn 'Get-WcxCase -Sort crea'.Length).CompletionMatches.CompletionText |
            Should -Contain 'created_at'
    }
}

Describe 'Streaming a large list' {
    BeforeAll {
        # At least 1,000 contacts: the seed has some, the sandbox's admin route adds the rest.
        $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Root)/_sandbox/seed/contacts" -ContentType 'application/json' -Body '{"count": 1000}'
    }
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It '-First 5 on a list of over 1,000 makes one request, of five' {
        @(Get-WcxContact -First 5).Count | Should -Be 5
        $requests = Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/contacts*'
        $requests.Count | Should -Be 1
        $requests[0].query | Should -BeLike '*limit=5*'
    }

    It 'Select-Object -First stops the requests too' {
        @(Get-WcxContact | Select-Object -First 150).Count | Should -Be 150
        $requests = @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/contacts*')
        # Two pages are needed; the prefetch window may have one or two more on their way when the pipeline stops.
        $requests.Count | Should -BeGreaterOrEqual 2
        $requests.Count | Should -BeLessOrEqual 4
    }

    It 'reads the whole list once, in order, with no duplicates' {
        $all = @(Get-WcxContact)
        $all.Count | Should -BeGreaterOrEqual 1000
        ($all.Id | Select-Object -Unique).Count | Should -Be $all.Count
    }
}
