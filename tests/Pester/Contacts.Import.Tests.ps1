# Import-WcxContact over the sandbox: POST /contacts/import, the adds in batches of 50, the status; rows refused before
# sending, by the API, and batches whose outcome is unknown (never sent again). The endpoints follow the vendor's Spanish
# documentation: the sandbox's shapes are assumptions (docs/sandbox.md).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    $groups = @(Get-WcxContactGroup -First 2).Id

    function New-ImportRow([int] $Count, [string] $Prefix = 'imp') {
        foreach ($i in 1..$Count) { [pscustomobject]@{ Email = "$Prefix$i@example.com"; Name = "Person $i"; Tier = 'gold' } }
    }

    function Get-ImportRequest {
        # The import's requests as the sandbox logged them: starts, adds and status reads.
        [pscustomobject]@{
            Start  = @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/contacts/import')
            Add    = @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/contacts/import/*/add')
            Status = @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/contacts/import/*/status')
        }
    }

    function Find-Contact([string] $Email) { @(Get-WcxContact -Filter @{ email = $Email }) }
}
AfterAll {
    Reset-WcxSandbox -Sandbox $sandbox
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Import-WcxContact' {
    BeforeEach {
        Reset-WcxSandbox -Sandbox $sandbox
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }

    It 'sends 1,000 contacts as 1 import, 20 adds of 50 and the status polls, and writes the import' {
        $rows = @(New-ImportRow 1000)

        $import = $rows | Import-WcxContact -GroupId $groups -Wait -PollIntervalSeconds 0.1

        $sent = Get-ImportRequest
        $sent.Start.Count | Should -Be 1
        $sent.Add.Count | Should -Be 20
        $sent.Status.Count | Should -BeGreaterOrEqual 1
        $sent.Status.Count | Should -BeLessOrEqual 4
        @(Get-ApiRequest -Sandbox $sandbox).Count | Should -Be (1 + 20 + $sent.Status.Count)
        # Each add's answer says how many contacts it carried: 50 each, in order.
        $adds = @(Get-WcxRequestHistory | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/add' })
        $adds.Count | Should -Be 20
        $adds | ForEach-Object { ($_.ResponseBody | ConvertFrom-Json).received } | Should -Be (@(50) * 20)
        $start = @(Get-WcxRequestHistory | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/contacts/import' })[0].RequestBody | ConvertFrom-Json
        @($start.group_ids) | Should -Be $groups
        $start.identifier | Should -BeExactly 'email'
        $start.action | Should -BeExactly 'add_update'

        $import.pstypenames | Should -Contain 'WiseCx.ContactImport'
        $import.Status | Should -BeExactly 'completed'
        $import.Rows | Should -Be 1000
        $import.Batches | Should -Be 20
        $import.Created | Should -Be 1000
        $import.Rejected.Count | Should -Be 0
        $import.Uncertain.Count | Should -Be 0
        $created = Find-Contact 'imp777@example.com'
        $created.Count | Should -Be 1
        $created[0].Name | Should -BeExactly 'Person 777'
        # Properties other than the contact's fields travel as metadata; the sandbox keeps them as custom fields.
        ($created[0].CustomFields | Where-Object Field -eq 'Tier').Value | Should -BeExactly 'gold'
    }

    It 'refuses 10,001 rows before sending anything' {
        $rows = @(New-ImportRow 10001)

        $rows | Import-WcxContact -GroupId $groups[0] -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'WcxInvalidArgument,*'
        $failure[0].Exception.Message | Should -BeLike '*10,001 rows*-Split*'
        @(Get-ApiRequest -Sandbox $sandbox).Count | Should -Be 0
    }

    It '-Split sends 10,001 rows as two imports, one output object each' {
        $rows = @(New-ImportRow 10001)

        $imports = @($rows | Import-WcxContact -GroupId $groups[0] -Split)

        $imports.Count | Should -Be 2
        $imports.Rows | Should -Be 10000, 1
        $imports[0].ImportId | Should -Not -Be $imports[1].ImportId
        $sent = Get-ImportRequest
        $sent.Start.Count | Should -Be 2
        $sent.Add.Count | Should -Be 201
        @($sent.Add | Where-Object path -like "*/import/$($imports[1].ImportId)/add").Count | Should -Be 1
    }

    It 'reports a row without the identifier and does not send it' {
        $rows = @(
            [pscustomobject]@{ Email = 'first@example.com'; Name = 'First' }
            [pscustomobject]@{ Email = ''; Name = 'No Mail'; Phone = '+5491100000000' }
            [pscustomobject]@{ Email = 'third@example.com'; Name = 'Third' }
        )

        $import = $rows | Import-WcxContact -GroupId $groups[0] -WarningVariable warnings -WarningAction SilentlyContinue

        $import.Rows | Should -Be 2
        $import.Rejected.Count | Should -Be 1
        $import.Rejected[0].Row | Should -Be 2
        $import.Rejected[0].Source | Should -BeExactly 'Module'
        ($warnings -join "`n") | Should -BeLike '*1 of 3 rows have no email*'
        (Get-ImportRequest).Add.Count | Should -Be 1
        $add = Get-WcxRequestHistory | Where-Object { $_.Path -like '*/add' } | Select-Object -Last 1
        @(($add.RequestBody | ConvertFrom-Json).contacts).Count | Should -Be 2
        $add.RequestBody | Should -Not -BeLike '*No Mail*'
    }

    It 'reports the rows the API rejects, with their row numbers and reasons' {
        $null = New-WcxContact -Email 'known@example.com' -Name 'Known'
        $rows = @(
            [pscustomobject]@{ Email = 'known@example.com'; Name = 'Known Again' }
            [pscustomobject]@{ Email = 'broken@nodot'; Name = 'Broken' }
            [pscustomobject]@{ Email = 'nobody@example.com'; Name = 'Nobody' }
        )
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        $import = $rows | Import-WcxContact -GroupId $groups[0] -Action UpdateOnly -Wait -PollIntervalSeconds 0.1 -WarningVariable warnings -WarningAction SilentlyContinue

        $import.Status | Should -BeExactly 'completed'
        $import.Updated | Should -Be 1
        $import.Rejected.Row | Should -Be 2, 3
        $import.Rejected.IdentifierValue | Should -Be 'broken@nodot', 'nobody@example.com'
        $import.Rejected.Source | Should -Be 'Api', 'Api'
        $import.Rejected[0].Reason | Should -BeLike '*not a valid e-mail*'
        $import.Rejected[1].Reason | Should -BeLike '*no contact*'
        ($warnings -join "`n") | Should -BeLike "*Import $($import.ImportId): the API rejected 2 rows*"
        (Find-Contact 'known@example.com')[0].Name | Should -BeExactly 'Known Again'
    }

    It 'reports a batch whose outcome is unknown as uncertain, never sends it again, and sends the next batches' {
        # The sandbox draws a fault per request from its seed: pick a seed that spares the start (request 1) and the
        # last add, and hits at least one add before it, so the test knows which batches fail after being applied.
        $rate = 0.3; $batches = 6; $seed = $null; $hit = @()
        foreach ($candidate in 1..500) {
            $random = [System.Random]::new($candidate)
            $draws = foreach ($i in 1..(1 + $batches)) { $h = $random.NextDouble() -lt $rate; if ($h) { $null = $random.Next(1) }; $h }
            if (-not $draws[0] -and -not $draws[-1] -and ($draws[1..($batches - 1)] -contains $true)) {
                $seed = $candidate
                $hit = @(for ($b = 1; $b -le $batches; $b++) { if ($draws[$b]) { $b } })
                break
            }
        }
        $seed | Should -Not -BeNullOrEmpty
        $rows = @(New-ImportRow ($batches * 50) -Prefix 'unsure')
        $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate $rate -Kind error-after -Seed $seed
        try {
            $import = $rows | Import-WcxContact -GroupId $groups[0] -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        finally {
            $null = Set-WcxSandboxFault -Sandbox $sandbox -Rate 0
        }

        $adds = @((Get-ImportRequest).Add)
        $adds.Count | Should -Be $batches -Because 'each batch is sent once, the uncertain ones too'
        @($adds | Where-Object fault -eq 'error-after').Count | Should -Be $hit.Count
        $import.Batches | Should -Be $batches
        $import.Uncertain.Count | Should -Be (50 * $hit.Count)
        $expectedRows = foreach ($b in $hit) { (($b - 1) * 50 + 1)..($b * 50) }
        $import.Uncertain.Row | Should -Be $expectedRows
        $failures.Count | Should -Be $hit.Count
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'WcxWriteOutcomeUnknown,*' }
        $failures[0].Exception.Message | Should -BeLike "*Batch $($hit[0]) of $batches of import $($import.ImportId)*unsure$(($hit[0] - 1) * 50 + 1)@example.com*not sent again*"
    }

    It 'writes the import as it stands, with a warning naming it, when -Wait runs out of time' {
        $import = New-ImportRow 1000 -Prefix 'late' | Import-WcxContact -GroupId $groups[0] -Wait -TimeoutSeconds 0 -WarningVariable warnings -WarningAction SilentlyContinue

        $import.Status | Should -BeExactly 'processing'
        $import.Processed | Should -Be 500
        $import.Total | Should -Be 1000
        (Get-ImportRequest).Status.Count | Should -Be 1
        ($warnings -join "`n") | Should -BeLike "*Import $($import.ImportId) was still processing after 0 s*contacts/import/$($import.ImportId)/status*"
    }

    It '-WhatIf sends nothing' {
        New-ImportRow 120 | Import-WcxContact -GroupId $groups -WhatIf | Should -BeNullOrEmpty
        @(Get-ApiRequest -Sandbox $sandbox).Count | Should -Be 0
    }

    It 'takes CSV rows from Import-Csv: PersonalId as the identifier, FirstName and LastName as the name, the rest as metadata' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) ("wcx-import-" + [guid]::NewGuid() + '.csv')
        @(
            'personal_id,FirstName,LastName,Email,plan'
            '30111222,Ana,Díaz,ana@example.com,Pro'
            '30111223,Luis,Gómez,,Básico'
        ) | Set-Content -Path $csv -Encoding utf8
        try {
            $import = Import-Csv $csv | Import-WcxContact -GroupId $groups[0] -Identifier PersonalId -Action AddOnly -FieldMapping @{ plan = 'plan' } -Wait -PollIntervalSeconds 0.1
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }

        $import.Identifier | Should -BeExactly 'personal_id'
        $import.Action | Should -BeExactly 'add_only'
        $import.Created | Should -Be 2
        $start = (Get-WcxRequestHistory | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/contacts/import' } | Select-Object -Last 1).RequestBody | ConvertFrom-Json
        $start.fields_mapping.plan | Should -BeExactly 'plan'
        $add = (Get-WcxRequestHistory | Where-Object { $_.Path -like '*/add' } | Select-Object -Last 1).RequestBody | ConvertFrom-Json
        $add.contacts[0].personal_id | Should -BeExactly '30111222'
        $add.contacts[0].name | Should -BeExactly 'Ana Díaz'
        $add.contacts[0].metadata.plan | Should -BeExactly 'Pro'
        $add.contacts[1].PSObject.Properties.Name | Should -Not -Contain 'email'
        $ana = Find-Contact 'ana@example.com'
        ($ana[0].CustomFields | Where-Object Field -eq 'plan').Value | Should -BeExactly 'Pro'
    }

    It 'says the import endpoint is absent when the API answers 404' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ spanishEndpoints = 'not-found' }
        try {
            New-ImportRow 3 | Import-WcxContact -GroupId $groups[0] -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally { $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ spanishEndpoints = 'served' } }
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'WcxNotFound,*'
        (Get-ImportRequest).Start.Count | Should -Be 1
        (Get-ImportRequest).Add.Count | Should -Be 0
    }
}
