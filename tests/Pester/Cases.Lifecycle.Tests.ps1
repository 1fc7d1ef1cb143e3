BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'New-WcxCase, Set-WcxCase and Remove-WcxCase: a case from creation to deletion, over HTTP against the sandbox' {
    It 'creates, finds by filter, updates, removes, and is gone' {
        $subject = "Lifecycle $([guid]::NewGuid())"
        $created = New-WcxCase -GroupId 1234 -SourceChannel web -Subject $subject -Tag 'api', 'test' `
            -Activity @{ type = 'contact_message'; content = 'Hello'; contact_from = @{ email = 'ana@example.com'; name = 'Ana' } }
        $created.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Case'
        $created.Id | Should -BeGreaterThan 0
        $created.Status | Should -BeExactly 'opened'
        $created.Tags | Should -Be @('api', 'test')

        $found = @(Get-WcxCase -Filter @{ subject = $subject; status = 'opened' })
        $found.Count | Should -Be 1
        $found[0].Id | Should -Be $created.Id

        $updated = $found[0] | Set-WcxCase -Status solved -Priority high -PassThru
        $updated.Status | Should -BeExactly 'solved'
        $updated.Priority | Should -BeExactly 'high'
        $updated.SolvedAt | Should -BeOfType [datetime]
        (Get-WcxCase -Id $created.Id).Status | Should -BeExactly 'solved'

        $created | Remove-WcxCase -Confirm:$false
        Get-WcxCase -Id $created.Id -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxCaseCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be $created.Id
        @(Get-WcxCase -Filter @{ subject = $subject }).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        $existing = Get-WcxCase -First 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        New-WcxCase -GroupId 1234 -SourceChannel web -Subject 'never' -Activity @{ type = 'contact_message'; content = 'x'; contact_from = 'a@b.c' } -WhatIf
        Set-WcxCase -Id $existing.Id -Status closed -WhatIf
        $existing | Remove-WcxCase -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
        (Get-WcxCase -Id $existing.Id).Status | Should -BeExactly $existing.Status
    }
}
