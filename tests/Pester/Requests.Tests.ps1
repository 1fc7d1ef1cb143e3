BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Invoke-WcxRequest' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'GETs any path with the session''s token, encoding the query' {
        $answer = @(Invoke-WcxRequest cases -Query @{ limit = 3; fields = 'id', 'subject' })
        # The body as the API sent it: the live API wraps /cases in data, the collection shows a bare array.
        $cases = @(if ($answer.Count -eq 1 -and $answer[0].PSObject.Properties['data']) { $answer[0].data } else { $answer })
        $cases.Count | Should -Be 3
        $cases[0].PSObject.Properties.Name | Should -Be @('id', 'subject')
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -Be '?fields=id%2Csubject&limit=3'
    }

    It 'accepts /path, the API root path and a full URL on the session host' {
        $id = (Get-WcxCase -First 1).Id
        (Invoke-WcxRequest "/cases/$id").id | Should -Be $id
        (Invoke-WcxRequest "/core/v1/cases/$id").id | Should -Be $id
        (Invoke-WcxRequest "$($sandbox.BaseUri)cases/$id").id | Should -Be $id
    }

    It 'refuses another host, so the token goes nowhere else' {
        { Invoke-WcxRequest 'https://example.com/core/v1/cases' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*another host*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It '-All pages through a list' {
        $all = @(Invoke-WcxRequest cases -All -PageSize 40)
        $all.Count | Should -Be @(Get-WcxCase).Count
        $pages = [math]::Floor($all.Count / 40) + 1 + [math]::Floor($all.Count / 100) + 1
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases').Count | Should -BeGreaterOrEqual $pages
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases').Count | Should -BeLessOrEqual ($pages + 14)
    }

    It 'sends a hashtable or a JSON string as the body, and honours -WhatIf' {
        $body = @{ group_id = 1234; source_channel = 'web'; subject = 'raw request'; activities = @(@{ type = 'contact_message'; content = 'x'; contact_from = @{ email = 'raw@example.com' } }) }
        Invoke-WcxRequest -Method POST -Path cases -Body $body -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        $created = Invoke-WcxRequest -Method POST -Path cases -Body $body
        $created.case_id | Should -BeGreaterThan 0
        $json = '{"status": "solved"}'
        (Invoke-WcxRequest -Method PUT -Path "cases/$($created.case_id)" -Body $json).case_id | Should -Be $created.case_id
        (Get-WcxCase -Id $created.case_id).Status | Should -Be 'solved'
        (Invoke-WcxRequest -Method DELETE -Path "cases/$($created.case_id)").message | Should -Be 'Case removed.'
    }

    It 'reports the API''s error with its status and message' {
        Invoke-WcxRequest -Method POST -Path cases -Body '{"group_id": 1234}' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxBadRequest,WiseCx.PowerShell.Commands.InvokeWcxRequestCommand'
        $failure[0].Exception.StatusCode | Should -Be 400
        $failure[0].Exception.ApiMessage | Should -Not -BeNullOrEmpty
        { Invoke-WcxRequest -Method POST -Path cases -Body '{not json' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*not valid JSON*'
    }
}
