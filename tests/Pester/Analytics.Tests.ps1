# Analytics exports over HTTP against the sandbox, whose report_url points at a second listener (the storage host):
# its request log records, per request, the host and whether an Authorization header came with it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Reset-Sandbox { $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Root)/_sandbox/reset" }
    function Set-ExportStep([int] $Milliseconds) { $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ exportStepMilliseconds = $Milliseconds } }
    # The documented shapes: a CSV report, and an export visible as soon as it is started.
    function Use-Collection { $null = Set-WcxSandboxConfig -Sandbox $sandbox -Profile collection }
    function Get-StorageRequest { @(Get-WcxSandboxRequestLog -Sandbox $sandbox | Where-Object path -like '/storage/*') }
    $apiHost = ([uri]$sandbox.BaseUri).Authority

    function Invoke-WaitWithProgress {
        # Progress cannot be redirected; a separate PowerShell instance collects it in its Progress stream.
        $ps = [powershell]::Create().AddScript({
            param($Module, $Sandbox)
            Import-Module $Module
            Connect-WcxAccount -User $Sandbox.User -ApiKey $Sandbox.ApiKey -BaseUri $Sandbox.BaseUri
            Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        }).AddArgument($ModulePath).AddArgument($sandbox)
        try {
            $export = $ps.Invoke()
            [pscustomobject]@{ Export = $export; Errors = @($ps.Streams.Error); Progress = @($ps.Streams.Progress) }
        }
        finally { $ps.Dispose() }
    }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Start-WcxAnalyticsExport' {
    BeforeEach {
        Reset-Sandbox
        Use-Collection
        Set-ExportStep 150
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }

    It 'starts an export and returns it as WiseCx.AnalyticsExport, pending' {
        $export = Start-WcxAnalyticsExport -ReportId 6541
        $export.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.AnalyticsExport'
        $export.ExportId | Should -Match '^[0-9a-f]{32}$'
        $export.ReportId | Should -Be 6541
        $export.Status | Should -BeIn 'pending', 'processing'
        $export.ReportUrl | Should -BeNullOrEmpty
        (Get-ApiRequest -Sandbox $sandbox -Method POST).path | Should -Be '/core/v1/analytics/export/6541'
    }

    It '-OutFile waits, then downloads from the storage host without the WiseCX Authorization header' {
        $file = Join-Path $TestDrive 'report.csv'
        $export = Start-WcxAnalyticsExport 6541 -Columns conv_created, group_id, status -GroupBy m -From 2020-01-01 -To 2020-12-31 `
            -OutFile $file -PollIntervalSeconds 0.1
        $export.Status | Should -BeExactly 'completed'
        $export.Progress | Should -Be 100
        (Get-Content $file -TotalCount 1).TrimStart([char]0xFEFF) | Should -BeExactly 'period,conv_created,group_id,status'

        $log = Get-WcxSandboxRequestLog -Sandbox $sandbox
        $storage = @($log | Where-Object path -like '/storage/*')
        $storage.Count | Should -Be 1
        $storage[0].path | Should -BeExactly "/storage/exports/$($export.ExportId).csv"
        $storage[0].host | Should -Not -Be $apiHost
        $storage[0].hadAuthorization | Should -BeFalse
        $storage[0].status | Should -Be 200
        # Every API request did carry it: the header is left out on purpose, not missing altogether.
        $api = @($log | Where-Object path -like '/core/v1/analytics/*')
        $api.Count | Should -BeGreaterThan 1
        $api | ForEach-Object { $_.hadAuthorization | Should -BeTrue }
        @($log | Where-Object method -eq 'GET' | Where-Object path -like '*/status').Count | Should -BeGreaterThan 0
    }

    It 'shows a progress bar while waiting, with the status and percentage, and closes it' {
        Set-ExportStep 300
        $run = Invoke-WaitWithProgress
        $run.Errors | Should -BeNullOrEmpty
        $export = $run.Export
        $export.Status | Should -BeExactly 'completed'
        $records = $run.Progress
        $records.Count | Should -BeGreaterOrEqual 3
        $records[0].Activity | Should -BeExactly "Analytics export $($export.ExportId)"
        $percentages = $records | Where-Object RecordType -eq 'Processing' | ForEach-Object PercentComplete
        $percentages | Should -Contain 100
        @($percentages | Where-Object { $_ -gt 0 -and $_ -lt 100 }).Count | Should -BeGreaterThan 0
        ($records | Where-Object RecordType -eq 'Processing')[-1].StatusDescription | Should -BeExactly 'Status: completed, 100%'
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'reports an export that ends in error' {
        { Start-WcxAnalyticsExport 6666 -Wait -PollIntervalSeconds 0.1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxExportFailed,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand' -ExpectedMessage "*ended with status 'error'*"
    }

    It 'refuses a range over 12 months before any request' {
        { Start-WcxAnalyticsExport 6541 -From 2024-01-01 -To 2025-01-02 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand' -ExpectedMessage '*at most 12 months*'
        { Start-WcxAnalyticsExport 6541 -From 2024-01-01 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-From and -To together*'
        { Start-WcxAnalyticsExport 6541 -Columns all, status -ErrorAction Stop } | Should -Throw -ExpectedMessage '*column sets*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends a grouping it does not know as given, with a warning, and reports the API''s refusal' {
        Start-WcxAnalyticsExport 6541 -GroupBy week -ErrorAction SilentlyContinue -ErrorVariable judged -WarningVariable warned 3>$null
        $warned | Should -BeLike "*GroupBy 'week'*sent as given*"
        $judged.Count | Should -Be 1
        $judged[0].FullyQualifiedErrorId | Should -BeLike 'WcxBadRequest,*'
        $posts = @(Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/analytics/export/6541')
        $posts.Count | Should -Be 1
        $posts[0].status | Should -Be 400
    }

    It 'accepts exactly 12 months' {
        (Start-WcxAnalyticsExport 6541 -From 2024-01-15 -To 2025-01-15).ExportId | Should -Not -BeNullOrEmpty
    }

    It 'gives a clear error for a fourth export while three are running' {
        Set-ExportStep 60000
        $running = 1..3 | ForEach-Object { Start-WcxAnalyticsExport 6541 }
        $running.Count | Should -Be 3
        { Start-WcxAnalyticsExport 6541 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxBadRequest,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand' -ExpectedMessage '*Only 3 reports can be exported at the same time*'
    }

    It 'reports a dashboard, which cannot be exported' {
        { Start-WcxAnalyticsExport 6600 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxBadRequest,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand' -ExpectedMessage '*dashboard*'
    }

    It 'sends nothing with -WhatIf' {
        Start-WcxAnalyticsExport 6541 -OutFile (Join-Path $TestDrive 'never.csv') -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        Join-Path $TestDrive 'never.csv' | Should -Not -Exist
    }
}

Describe 'Get-WcxAnalyticsExport and Save-WcxAnalyticsExport' {
    BeforeEach {
        Reset-Sandbox
        Use-Collection
        Set-ExportStep 150
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }

    It 'follows a started export from the pipeline until completed and saves it into a folder' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'exports') -Force
        $file = Start-WcxAnalyticsExport 6542 | Get-WcxAnalyticsExport -Wait -PollIntervalSeconds 0.1 | Save-WcxAnalyticsExport -Path $folder.FullName
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.Directory.FullName | Should -Be $folder.FullName
        $file.Name | Should -Match '^[0-9a-f]{32}\.csv$'
        (Get-Content $file.FullName -TotalCount 1).TrimStart([char]0xFEFF) | Should -BeExactly 'survey_id,status,sent_at,responded_at'
        $storage = Get-StorageRequest
        $storage.Count | Should -Be 1
        $storage[0].hadAuthorization | Should -BeFalse
    }

    It 'reads the status without -Wait, and downloads by export id alone' {
        $export = Start-WcxAnalyticsExport 6541
        $status = Get-WcxAnalyticsExport -ExportId $export.ExportId
        $status.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.AnalyticsExport'
        $status.ExportId | Should -Be $export.ExportId
        Start-Sleep -Milliseconds 900
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $file = Save-WcxAnalyticsExport $export.ExportId (Join-Path $TestDrive 'by-id.csv')
        $file.Length | Should -BeGreaterThan 10
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/status').Count | Should -Be 1
        (Get-StorageRequest).hadAuthorization | Should -Be $false
    }

    It 'refuses to save an export that is not completed, saying how to wait, without downloading' {
        Set-ExportStep 60000
        $export = Start-WcxAnalyticsExport 6541
        { $export | Save-WcxAnalyticsExport -Path (Join-Path $TestDrive 'early.csv') -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.SaveWcxAnalyticsExportCommand' -ExpectedMessage '*Get-WcxAnalyticsExport*-Wait*'
        Get-StorageRequest | Should -BeNullOrEmpty
        Join-Path $TestDrive 'early.csv' | Should -Not -Exist
    }

    It 'keeps an existing file unless -Force is given' {
        $file = Join-Path $TestDrive 'existing.csv'
        Set-Content -Path $file -Value 'keep me'
        $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        { $export | Save-WcxAnalyticsExport -Path $file -ErrorAction Stop } | Should -Throw -ExpectedMessage '*already exists*-Force*'
        Get-Content $file | Should -BeExactly 'keep me'
        $export | Save-WcxAnalyticsExport -Path $file -Force | Should -Not -BeNullOrEmpty
        Get-Content $file -TotalCount 1 | Should -Not -Be 'keep me'
    }

    It 'reports an unknown export id as not found, and refuses one that is not an id' {
        { Get-WcxAnalyticsExport -ExportId 0123456789abcdef0123456789abcdef -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxAnalyticsExportCommand'
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        { Get-WcxAnalyticsExport -ExportId '../cases' -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxAnalyticsExportCommand'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'downloads nothing with -WhatIf' {
        $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        $export | Save-WcxAnalyticsExport -Path (Join-Path $TestDrive 'whatif.csv') -WhatIf
        Get-StorageRequest | Should -BeNullOrEmpty
        Join-Path $TestDrive 'whatif.csv' | Should -Not -Exist
    }
}

# The live API's ways (api/NOTES.md F4-F6), switched on in the sandbox; the collection's are the default.
Describe 'Import-WcxAnalyticsReport and exports as the live API serves them' {
    BeforeAll {
        function Set-ExportBehaviour([int] $NotFoundPolls = 0, [string] $Format = 'csv', [switch] $PlainText) {
            # Step 0: an export is complete at its first status request, so the request counts below are exact.
            $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{
                exportStepMilliseconds = 0; exportNotFoundPolls = $NotFoundPolls; exportReportFormat = $Format; exportPlainTextAnswer = [bool]$PlainText
            }
        }
        function Get-StatusRequest { @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/analytics/export/*/status') }
    }
    BeforeEach {
        Reset-Sandbox
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }
    AfterAll { Reset-Sandbox }

    It '-Wait polls through the EXPORT_NOT_FOUND answers of a new export (none, or two) with one POST' {
        foreach ($polls in 0, 2) {
            Set-ExportBehaviour -NotFoundPolls $polls
            Clear-WcxSandboxRequestLog -Sandbox $sandbox
            $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
            $export.Status | Should -BeExactly 'completed'
            $export.ReportId | Should -Be 6541
            @(Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 1
            $status = Get-StatusRequest
            $status.Count | Should -Be ($polls + 1) -Because "$polls not-found answers, then the export"
            @($status | Where-Object status -eq 404).Count | Should -Be $polls
        }
    }

    It 'says on the progress bar that it waits for the export to appear' {
        Set-ExportBehaviour -NotFoundPolls 2
        $run = Invoke-WaitWithProgress
        $run.Errors | Should -BeNullOrEmpty
        $export = $run.Export
        $records = $run.Progress
        $export.Status | Should -BeExactly 'completed'
        $waiting = @($records | Where-Object StatusDescription -like 'Waiting for the export to appear*')
        $waiting.Count | Should -Be 2
        $waiting[0].Activity | Should -BeExactly "Analytics export $($export.ExportId)"
        $waiting[0].StatusDescription | Should -BeLike '*of at most 60 s*'
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'ends with WcxExportNotFound when the export never appears, after one poll with -NotFoundTimeoutSeconds 0' {
        Set-ExportBehaviour -NotFoundPolls 1000
        $caught = $null
        try { Start-WcxAnalyticsExport 6541 -Wait -NotFoundTimeoutSeconds 0 -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeExactly 'WcxExportNotFound,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $exportId = $caught.Exception.ExportId
        $exportId | Should -Match '^[0-9a-f]{32}$'
        $caught.Exception.Message | Should -BeLike "*$exportId was still not found*"
        $caught.ErrorDetails.RecommendedAction | Should -BeLike "*Get-WcxAnalyticsExport $exportId -Wait*"
        (Get-StatusRequest).Count | Should -Be 1
        @(Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 1

        # Waiting again, with some tolerance: polled more than once, then the same error id.
        { Get-WcxAnalyticsExport $exportId -Wait -PollIntervalSeconds 0.1 -NotFoundTimeout 0.5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxExportNotFound,WiseCx.PowerShell.Commands.GetWcxAnalyticsExportCommand'
        (Get-StatusRequest).Count | Should -BeGreaterOrEqual 3
    }

    It 'reports a plain-text answer to the start as WcxExportIdMissing, quoting it, after exactly one POST' {
        Set-ExportBehaviour -PlainText
        $caught = $null
        try { Start-WcxAnalyticsExport 6541 -Wait -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeExactly 'WcxExportIdMissing,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand'
        $caught.Exception.Message | Should -BeLike '*"Export request received"*'
        $caught.TargetObject | Should -Be 6541
        $caught.ErrorDetails.RecommendedAction | Should -BeLike '*Do not start it again*'
        @(Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 1
        Get-StatusRequest | Should -BeNullOrEmpty
    }

    It 'saves a <Format> report into a folder under the name from its URL, and its CSV with -Expand' -ForEach @(@{ Format = 'zip' }, @{ Format = 'csv' }) {
        Set-ExportBehaviour -Format $Format
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive "save-$Format") -Force
        $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        $export.ReportUrl | Should -BeLike "*/$($export.ExportId).$Format"

        $saved = $export | Save-WcxAnalyticsExport -Path $folder.FullName
        $saved.Name | Should -BeExactly "$($export.ExportId).$Format"
        $head = [IO.File]::ReadAllBytes($saved.FullName)[0..1]
        ([char]$head[0] + [char]$head[1]) -eq 'PK' | Should -Be ($Format -eq 'zip')

        $csv = $export | Save-WcxAnalyticsExport -Path $folder.FullName -Expand -Force
        $csv.Name | Should -BeExactly "$($export.ExportId).csv"
        $header = (Get-Content $csv.FullName -TotalCount 1 -Encoding utf8).TrimStart([char]0xFEFF)
        $header | Should -BeLike $(if ($Format -eq 'zip') { 'ID: #,*Caso: Resuelta*' } else { 'conv_id,*solved*' })

        $named = $export | Save-WcxAnalyticsExport -Path (Join-Path $folder 'report.csv')
        (Get-Content $named.FullName -TotalCount 1 -Encoding utf8).TrimStart([char]0xFEFF) | Should -BeExactly $header
        (Get-StorageRequest).Count | Should -Be 3
        Get-StorageRequest | ForEach-Object { $_.hadAuthorization | Should -BeFalse }
    }

    It 'saves the CSV of a ZIP report with Start-WcxAnalyticsExport -OutFile report.csv' {
        Set-ExportBehaviour -NotFoundPolls 2 -Format zip
        $file = Join-Path $TestDrive 'outfile.csv'
        $export = Start-WcxAnalyticsExport 6541 -OutFile $file -PollIntervalSeconds 0.1
        $export.Status | Should -BeExactly 'completed'
        (Get-Content $file -TotalCount 1 -Encoding utf8).TrimStart([char]0xFEFF) | Should -BeLike 'ID: #,*'
        (Get-StorageRequest)[0].path | Should -BeExactly "/storage/exports/$($export.ExportId).zip"
    }

    It 'reads the rows of a <Format> report from the export and from the saved file alike' -ForEach @(@{ Format = 'zip' }, @{ Format = 'csv' }) {
        Set-ExportBehaviour -Format $Format
        $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        $fromExport = @($export | Import-WcxAnalyticsReport)
        $fromFile = @($export | Save-WcxAnalyticsExport -Path $TestDrive -Force | Import-WcxAnalyticsReport)
        $fromExport.Count | Should -BeGreaterThan 0
        $fromFile.Count | Should -Be $fromExport.Count
        $fromExport[0] | Should -BeOfType [System.Management.Automation.PSCustomObject]
        $names = $fromExport[0].PSObject.Properties.Name
        $names | Should -Be $(if ($Format -eq 'zip') {
            'ID: #', 'Caso: Fecha de creación', 'Grupo: ID', 'Agente: ID', 'Caso: Estado', 'Caso: Resuelta', 'Caso: Tiempo de primera respuesta (min)'
        } else { 'conv_id', 'conv_created', 'group_id', 'user_id', 'status', 'solved', 'first_response_minutes' })
        ($fromFile | ConvertTo-Json -Compress) | Should -BeExactly ($fromExport | ConvertTo-Json -Compress)
        # The temporary download is gone.
        Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'wcx-*.partial' | Should -BeNullOrEmpty
    }

    It 'turns S/D into $null with -NoDataAsNull, and keeps decimal commas as written' {
        Set-ExportBehaviour -Format zip
        $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        $column = 'Caso: Tiempo de primera respuesta (min)'
        $raw = @($export | Import-WcxAnalyticsReport).$column
        $nulls = @($export | Import-WcxAnalyticsReport -NoDataAsNull).$column
        $raw | Should -Contain 'S/D'
        @($raw | Where-Object { $_ -match '^\d+,\d$' }).Count | Should -BeGreaterThan 0
        $nulls.Count | Should -Be $raw.Count
        for ($i = 0; $i -lt $raw.Count; $i++) {
            if ($raw[$i] -eq 'S/D') { $nulls[$i] | Should -BeNullOrEmpty } else { $nulls[$i] | Should -BeExactly $raw[$i] }
        }
        @($nulls | Where-Object { $null -eq $_ }).Count | Should -Be @($raw | Where-Object { $_ -eq 'S/D' }).Count
    }

    It 'reads a saved file without a session, and reports a missing one per path' {
        Set-ExportBehaviour -Format zip
        $zip = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1 | Save-WcxAnalyticsExport -Path $TestDrive -Force
        $ps = [powershell]::Create().AddScript({
            param($Module, $Files)
            Import-Module $Module
            Import-WcxAnalyticsReport -Path $Files -ErrorAction Continue
        }).AddArgument($ModulePath).AddArgument(@((Join-Path $TestDrive 'missing.csv'), $zip.FullName))
        try {
            $rows = $ps.Invoke()
            $errors = @($ps.Streams.Error)
        }
        finally { $ps.Dispose() }
        $rows.Count | Should -BeGreaterThan 0
        $rows[0].'ID: #' | Should -Not -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ImportWcxAnalyticsReportCommand'
        $errors[0].Exception.Message | Should -BeLike '*missing.csv*does not exist*'
    }

    It 'exports, saves and reads a report in the <_> profile' -ForEach 'live', 'collection' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Profile $_ -Config @{ exportStepMilliseconds = 0 }
        $live = $_ -eq 'live'
        $export = Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        $file = $export | Save-WcxAnalyticsExport -Path $TestDrive -Force
        $file.Extension | Should -BeExactly $(if ($live) { '.zip' } else { '.csv' })
        $rows = @($file | Import-WcxAnalyticsReport -NoDataAsNull)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0].PSObject.Properties.Name[0] | Should -BeExactly $(if ($live) { 'ID: #' } else { 'conv_id' })
        @(Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 1
        (Get-StatusRequest).Count | Should -Be $(if ($live) { 3 } else { 1 })
    }

    It 'says how to wait when a download by id meets a new export the API does not show yet' {
        Set-ExportBehaviour -NotFoundPolls 2
        $export = Start-WcxAnalyticsExport 6541
        foreach ($command in 'Save-WcxAnalyticsExport', 'Import-WcxAnalyticsReport') {
            $caught = $null
            try {
                if ($command -eq 'Save-WcxAnalyticsExport') { Save-WcxAnalyticsExport $export.ExportId -Path $TestDrive -ErrorAction Stop }
                else { Import-WcxAnalyticsReport -ExportId $export.ExportId -ErrorAction Stop }
            }
            catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'WcxNotFound,*'
            $caught.Exception.Message | Should -BeLike "*EXPORT_NOT_FOUND*wait for it: Get-WcxAnalyticsExport $($export.ExportId) -Wait | $command*"
        }
        Get-StorageRequest | Should -BeNullOrEmpty
    }

    It 'refuses to read an export that is not completed, saying how to wait, without downloading' {
        Set-ExportBehaviour
        Set-ExportStep 60000
        $export = Start-WcxAnalyticsExport 6541
        { $export | Import-WcxAnalyticsReport -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ImportWcxAnalyticsReportCommand' -ExpectedMessage '*Get-WcxAnalyticsExport*-Wait | Import-WcxAnalyticsReport*'
        Get-StorageRequest | Should -BeNullOrEmpty
    }
}
