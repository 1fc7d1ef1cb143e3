# Analytics exports over HTTP against the sandbox, whose report_url points at a second listener (the storage host):
# its request log records, per request, the host and whether an Authorization header came with it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Reset-Sandbox { $null = Invoke-RestMethod -Method Post -Uri "$($sandbox.Root)/_sandbox/reset" }
    function Set-ExportStep([int] $Milliseconds) { $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ exportStepMilliseconds = $Milliseconds } }
    function Get-StorageRequest { @(Get-WcxSandboxRequestLog -Sandbox $sandbox | Where-Object path -like '/storage/*') }
    $apiHost = ([uri]$sandbox.BaseUri).Authority
}
AfterAll { $sandbox | Stop-WcxSandbox }

Describe 'Start-WcxAnalyticsExport' {
    BeforeEach {
        Reset-Sandbox
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
        # Progress cannot be redirected; a separate PowerShell instance collects it in its Progress stream.
        $ps = [powershell]::Create().AddScript({
            param($Module, $Sandbox)
            Import-Module $Module
            Connect-WcxAccount -User $Sandbox.User -ApiKey $Sandbox.ApiKey -BaseUri $Sandbox.BaseUri
            Start-WcxAnalyticsExport 6541 -Wait -PollIntervalSeconds 0.1
        }).AddArgument($ModulePath).AddArgument($sandbox)
        try {
            $export = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $export.Status | Should -BeExactly 'completed'
            $records = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }
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
        { Start-WcxAnalyticsExport 6541 -GroupBy week -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,WiseCx.PowerShell.Commands.StartWcxAnalyticsExportCommand'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
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
