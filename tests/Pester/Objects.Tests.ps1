# The objects the module writes, as PowerShell users handle them: dates against Get-Date in a time zone that is not UTC,
# Export-Csv and ConvertTo-Json of list properties, extra fields and secrets, and the membership summary tables.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Read-CsvText {
        <# Export-Csv's text of some objects, and the rows read back from it. #>
        param([Parameter(Mandatory)] [object[]] $InputObject)
        $file = Join-Path ([IO.Path]::GetTempPath()) ("wcx-objects-" + [guid]::NewGuid() + '.csv')
        try {
            $InputObject | Export-Csv -Path $file -NoTypeInformation
            $text = Get-Content -Path $file -Raw
            [pscustomobject]@{ Text = $text; Rows = @(Import-Csv -Path $file) }
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    function Invoke-InTimeZone {
        <#
        Runs the date idioms in a child pwsh whose local time zone is $Zone (the test process's own zone cannot be
        changed once .NET has read it) and returns what it measured. The true instant of each case comes from the API's
        own text (Invoke-WcxRequest), read as UTC, so the expectations do not depend on the module's reading of dates.
        #>
        param([Parameter(Mandatory)] [string] $Zone)
        $resultFile = Join-Path ([IO.Path]::GetTempPath()) ("wcx-objects-" + [guid]::NewGuid() + '.json')
        $script = {
            $ErrorActionPreference = 'Stop'
            Import-Module $env:WCX_OBJECTS_MODULE
            Connect-WcxAccount -User $env:WCX_OBJECTS_USER -ApiKey (ConvertTo-SecureString $env:WCX_OBJECTS_KEY -AsPlainText -Force) -BaseUri $env:WCX_OBJECTS_URI
            $invariant = [Globalization.CultureInfo]::InvariantCulture
            $raw = @((Invoke-WcxRequest -Path 'cases' -Query @{ fields = 'id,created_at'; page_size = 100 }).data)
            $utcById = @{}
            foreach ($r in $raw) {
                $utcById[[long]$r.id] = [DateTime]::SpecifyKind([DateTime]::ParseExact($r.created_at, 'yyyy-MM-dd HH:mm:ss', $invariant), 'Utc')
            }
            $cases = @(Get-WcxCase -Property id, created_at -PageSize 100 -First 100)
            $case = $cases[0]
            $utc = $utcById[$case.Id]
            $trueAge = [DateTime]::UtcNow - $utc
            $justBefore = (Get-Date).Add(-$trueAge).AddMinutes(-1)
            $justAfter = (Get-Date).Add(-$trueAge).AddMinutes(1)

            # A date the user makes with Get-Date (local), sent as -Filter and applied by Where-Object, selects the same cases,
            # and the right ones. It falls between two cases a few seconds apart, so sub-second differences do not matter.
            $times = @($utcById.Values | Sort-Object -Unique)
            $pairs = @(for ($i = 1; $i -lt $times.Count; $i++) { if (($times[$i] - $times[$i - 1]).TotalSeconds -ge 2) { $i } })
            $middle = $pairs | Sort-Object { [math]::Abs($_ - $times.Count / 2) } | Select-Object -First 1
            $sinceUtc = $times[$middle - 1].AddSeconds(1)
            $since = Get-Date -Date $sinceUtc.ToLocalTime()
            $byTruth = @($utcById.Keys | Where-Object { $utcById[$_] -ge $sinceUtc } | Sort-Object)
            $byApi = @(Get-WcxCase -Property id -Filter @{ created_at = @{ ge = $since } } | ForEach-Object Id | Sort-Object)
            $byWhere = @(Get-WcxCase -Property id, created_at | Where-Object CreatedAt -ge $since | ForEach-Object Id | Sort-Object)
            # A date typed as text ([datetime]'…', Get-Date '…') has no kind: the filter must take it as Where-Object does.
            $typed = [datetime]$since.ToString('yyyy-MM-dd HH:mm:ss', $invariant)
            $byApiTyped = @(Get-WcxCase -Property id -Filter @{ created_at = @{ ge = $typed } } | ForEach-Object Id | Sort-Object)
            $byWhereTyped = @(Get-WcxCase -Property id, created_at | Where-Object CreatedAt -ge $typed | ForEach-Object Id | Sort-Object)

            $csvFile = Join-Path ([IO.Path]::GetTempPath()) ("wcx-objects-child-" + [guid]::NewGuid() + '.csv')
            $case | Select-Object Id, CreatedAt | Export-Csv -Path $csvFile -NoTypeInformation
            $csvCreatedAt = (Import-Csv -Path $csvFile)[0].CreatedAt
            Remove-Item $csvFile
            $jsonText = $case | Select-Object Id, CreatedAt | ConvertTo-Json -Compress
            $jsonCreatedAt = [regex]::Match($jsonText, '"CreatedAt":"([^"]+)"').Groups[1].Value

            [ordered]@{
                Offset               = [TimeZoneInfo]::Local.GetUtcOffset([DateTime]::UtcNow).TotalHours
                TrueLocalText        = $utc.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss', $invariant)
                ObjectText           = $case.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss', $invariant)
                TableText            = ($case | Format-Table | Out-String)
                TrueAgeMinutes       = $trueAge.TotalMinutes
                NowMinusObject       = ((Get-Date) - $case.CreatedAt).TotalMinutes
                ObjectMinusNow       = ($case.CreatedAt - (Get-Date)).TotalMinutes
                NewTimeSpanStart     = (New-TimeSpan $case.CreatedAt).TotalMinutes
                NewTimeSpanEnd       = (New-TimeSpan -End $case.CreatedAt).TotalMinutes
                GeJustBefore         = $case.CreatedAt -ge $justBefore
                GeJustAfter          = $case.CreatedAt -ge $justAfter
                JustBeforeLe         = $justBefore -le $case.CreatedAt
                JustAfterLe          = $justAfter -le $case.CreatedAt
                WhereGeJustBefore    = @($case | Where-Object CreatedAt -ge $justBefore).Count
                SortedWithMarkers    = @(@([pscustomobject]@{ Id = 'after'; CreatedAt = $justAfter }, $case, [pscustomobject]@{ Id = 'before'; CreatedAt = $justBefore }) |
                        Sort-Object CreatedAt | ForEach-Object { "$($_.Id)" }) -join ','
                CaseId               = "$($case.Id)"
                ByApi                = $byApi -join ','
                ByWhere              = $byWhere -join ','
                ByTruth              = $byTruth -join ','
                ByApiTyped           = $byApiTyped -join ','
                ByWhereTyped         = $byWhereTyped -join ','
                CsvCreatedAt         = $csvCreatedAt
                CsvAsDate            = ([datetime]::Parse($csvCreatedAt, [Globalization.CultureInfo]::CurrentCulture)).ToString('yyyy-MM-dd HH:mm:ss', $invariant)
                JsonHasOffset        = $jsonCreatedAt -match 'T\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$'
                JsonInstantUtc       = ([DateTimeOffset]::Parse($jsonCreatedAt, $invariant)).UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', $invariant)
                TrueUtcText          = $utc.ToString('yyyy-MM-dd HH:mm:ss', $invariant)
            } | ConvertTo-Json | Set-Content -Path $env:WCX_OBJECTS_RESULT
        }
        $environment = @{
            TZ = $Zone; WCX_OBJECTS_MODULE = $ModulePath; WCX_OBJECTS_USER = $sandbox.User
            # The sandbox's throwaway key, to the child only, through its environment.
            WCX_OBJECTS_KEY = [Net.NetworkCredential]::new('', $sandbox.ApiKey).Password
            WCX_OBJECTS_URI = "$($sandbox.BaseUri)"; WCX_OBJECTS_RESULT = $resultFile
        }
        try {
            $run = Invoke-ChildPwsh -Script $script.ToString() -Environment $environment
            if (-not (Test-Path $resultFile)) { throw "The child pwsh in $Zone wrote no result (exit $($run.ExitCode)): $($run.Output)" }
            Get-Content $resultFile -Raw | ConvertFrom-Json
        }
        finally { Remove-Item $resultFile -ErrorAction SilentlyContinue }
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Dates compare with Get-Date in a time zone that is not UTC (<Zone>)' -ForEach @(
    @{ Zone = 'America/Santiago' }, @{ Zone = 'Asia/Kolkata' }
) {
    BeforeAll {
        $m = Invoke-InTimeZone -Zone $Zone
        if ($m.Offset -eq 0) { throw "The child pwsh did not run in ${Zone}: these tests would prove nothing in UTC." }
    }

    It 'holds the API''s UTC moment as the local time it is, the same in the object as on screen' {
        $m.ObjectText | Should -BeExactly $m.TrueLocalText
        $m.TableText | Should -BeLike "*$($m.TrueLocalText.Substring(0, 16))*"
    }

    It 'subtracts from and to Get-Date, in both orders and with New-TimeSpan, giving the true age' {
        $m.NowMinusObject | Should -BeGreaterThan ($m.TrueAgeMinutes - 1)
        $m.NowMinusObject | Should -BeLessThan ($m.TrueAgeMinutes + 1)
        $m.ObjectMinusNow | Should -BeGreaterThan (-$m.TrueAgeMinutes - 1)
        $m.ObjectMinusNow | Should -BeLessThan (-$m.TrueAgeMinutes + 1)
        $m.NewTimeSpanStart | Should -BeGreaterThan ($m.TrueAgeMinutes - 1)
        $m.NewTimeSpanStart | Should -BeLessThan ($m.TrueAgeMinutes + 1)
        $m.NewTimeSpanEnd | Should -BeGreaterThan (-$m.TrueAgeMinutes - 1)
        $m.NewTimeSpanEnd | Should -BeLessThan (-$m.TrueAgeMinutes + 1)
    }

    It 'compares with Get-Date a minute either side, in both operand orders and in Where-Object and Sort-Object' {
        $m.GeJustBefore | Should -BeTrue
        $m.GeJustAfter | Should -BeFalse
        $m.JustBeforeLe | Should -BeTrue
        $m.JustAfterLe | Should -BeFalse
        $m.WhereGeJustBefore | Should -Be 1
        $m.SortedWithMarkers | Should -BeExactly "before,$($m.CaseId),after"
    }

    It 'selects the same cases with Where-Object as with the same Get-Date or typed date sent as -Filter, and the right ones' {
        $m.ByTruth | Should -Not -BeNullOrEmpty
        $m.ByApi | Should -BeExactly $m.ByTruth
        $m.ByWhere | Should -BeExactly $m.ByTruth
        $m.ByApiTyped | Should -BeExactly $m.ByTruth
        $m.ByWhereTyped | Should -BeExactly $m.ByTruth
    }

    It 'exports the time shown on screen to CSV, and the moment with its offset to JSON' {
        $m.CsvAsDate | Should -BeExactly $m.TrueLocalText
        $m.JsonInstantUtc | Should -BeExactly $m.TrueUtcText
        $m.JsonHasOffset | Should -BeTrue -Because "JSON carries the offset or Z, so the moment is unambiguous"
    }
}

Describe 'Objects export to CSV readably' {
    It 'writes tags joined with ";" and custom fields as name=value, and keeps them lists in scripts' {
        $case = New-WcxCase -GroupId 1234 -SourceChannel web -Subject "Objects $([guid]::NewGuid())" -Tag 'vip', 'billing' `
            -CustomField @{ region = 'north' } -Activity @{ type = 'contact_message'; content = 'Hello'; contact_from = 'ana@example.com' }
        try {
            $case = Get-WcxCase -Id $case.Id
            $csv = Read-CsvText $case
            $csv.Text | Should -Not -Match 'System\.|WiseCx\.'
            $csv.Rows[0].Tags | Should -BeExactly 'vip;billing'
            $csv.Rows[0].CustomFields | Should -BeExactly 'region=north'
            ($csv.Rows[0].Tags -split ';') | Should -Be @('vip', 'billing')

            $case.Tags -contains 'billing' | Should -BeTrue
            $case.Tags[1] | Should -BeExactly 'billing'
            $case.Tags.Count | Should -Be 2
            $case.Tags.Length | Should -Be 2
            @($case.Tags | ForEach-Object { $_.ToUpper() }) | Should -Be @('VIP', 'BILLING')
            ($case.CustomFields | Where-Object Field -eq 'region').Value | Should -BeExactly 'north'
            ($case | Format-List Tags | Out-String) | Should -Match 'Tags\s*:\s*\{vip, billing\}'

            $json = $case | ConvertTo-Json -Depth 3 | ConvertFrom-Json
            $json.Tags | Should -Be @('vip', 'billing')
            $json.CustomFields[0].Field | Should -BeExactly 'region'
        }
        finally { $case | Remove-WcxCase -Confirm:$false }
    }

    It 'writes fields the module does not model as their values, never a dictionary''s or a list''s type name' {
        $event = '{"event":"activity_new","case_id":7,"activity_id":9,"activity_type":"note","shard":"eu-2","labels":["a","b"],"origin":{"app":"crm","v":2}}' |
            ConvertFrom-WcxWebhook
        $csv = Read-CsvText $event
        $csv.Text | Should -Not -Match 'System\.|WiseCx\.'
        $csv.Rows[0].Shard | Should -BeExactly 'eu-2'
        $csv.Rows[0].Labels | Should -BeExactly 'a;b'
        $csv.Rows[0].Origin | Should -BeExactly 'app=crm;v=2'
        $csv.Rows[0].AdditionalProperties | Should -BeExactly 'shard=eu-2;labels=[a;b];origin={app=crm;v=2}'
        $event.Labels[1] | Should -BeExactly 'b'
        $event.Origin['app'] | Should -BeExactly 'crm'
        ($event | ConvertTo-Json -Depth 4 | ConvertFrom-Json).AdditionalProperties.origin.app | Should -BeExactly 'crm'
    }

    It 'neither shows nor exports a contact''s password; GetPassword() reads it on purpose' {
        $secret = "Pw-$([guid]::NewGuid().ToString('N').Substring(0, 10))"
        $email = "objects.$([guid]::NewGuid().ToString('N').Substring(0, 8))@example.com"
        $created = New-WcxContact -Email $email -Name 'Objects Test' -Password (ConvertTo-SecureString $secret -AsPlainText -Force)
        try {
            $contact = Get-WcxContact -Id $created.Id
            $listed = @(Get-WcxContact -Filter @{ email = $email })[0]
            foreach ($c in $contact, $listed) {
                $c.PSObject.Properties.Name | Should -Not -Contain 'Password'
                $csv = Read-CsvText $c
                $csv.Text | Should -Not -Match $secret
                $csv.Text | Should -Not -Match 'Password'
                ($c | Format-List * | Out-String) | Should -Not -Match $secret
                ($c | Format-Table * | Out-String) | Should -Not -Match $secret
                ($c | ConvertTo-Json -Depth 5) | Should -Not -Match $secret
                ($c | Select-Object * | ConvertTo-Json -Depth 5) | Should -Not -Match $secret
                $c.GetPassword() | Should -BeExactly $secret
            }
            (Read-CsvText $contact).Text.Split("`n")[0] | Should -BeLike '"Id",*'
        }
        finally { Remove-WcxContact -Id $created.Id -Confirm:$false }
    }
}

Describe 'Membership summary tables show the counts' {
    It 'shows how many users Add-WcxQueueUser added, not 1' {
        $queue = Get-WcxQueue | Select-Object -First 1
        $members = @($queue.Users | ForEach-Object Id)
        $newUsers = @(Get-WcxUser | Where-Object { $_.Id -notin $members } | Select-Object -First 3)
        $newUsers.Count | Should -Be 3
        try {
            $summary = Add-WcxQueueUser -QueueId $queue.Id -UserId $newUsers.Id
            $summary.Added | Should -Be 3
            $lines = @(($summary | Out-String).Split("`n") | Where-Object { $_ -match "^\s*$($queue.Id)\s" })
            $lines | Should -HaveCount 1
            $lines[0] | Should -Match "^\s*$($queue.Id)\s+3\s+0\s+0\s*$"
        }
        finally { Remove-WcxQueueUser -QueueId $queue.Id -UserId $newUsers.Id -Confirm:$false }
    }

    It 'shows how many memberships a removal took away' {
        $removal = [WiseCx.QueueMembershipRemoval]@{ QueueId = 53; Removed = 4 }
        ($removal | Out-String) | Should -Match '(?m)^\s*53\s+4\s*$'
    }
}
