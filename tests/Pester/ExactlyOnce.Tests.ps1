# A list piped into a command that removes or changes what the list reads acts on every record exactly once: cases are
# read by key (each page "after the last id"), the other lists by number, reading their remaining pages before the first
# write of the session. Counted on the sandbox's request log and its data, in both profiles where the shape differs.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox

    function Get-WriteId([string] $Method, [string] $PathLike) {
        # The ids written to, one per request (the id is the last path segment).
        @(Get-ApiRequest -Sandbox $sandbox -Method $Method -PathLike $PathLike | ForEach-Object { [long](@(($_.path -split '/') -match '^\d+$')[-1]) })
    }
}
AfterAll {
    Reset-WcxSandbox -Sandbox $sandbox
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Cases piped into a write, in the <_> profile' -ForEach 'live', 'collection' {
    BeforeEach {
        Reset-WcxSandbox -Sandbox $sandbox
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Profile $_
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
    }

    It 'removes every case once: Get-WcxCase | Remove-WcxCase' {
        $before = @(Get-WcxCase -Property id).Id
        $before.Count | Should -BeGreaterThan 200
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        Get-WcxCase | Remove-WcxCase -Confirm:$false

        $removed = Get-WriteId DELETE '*/cases/*'
        $removed.Count | Should -Be $before.Count
        @($removed | Sort-Object -Unique).Count | Should -Be $before.Count
        @(Get-WcxCase).Count | Should -Be 0
    }

    It 'changes every matching case once when the change takes it out of the filter: Get-WcxCase -Filter … | Set-WcxCase -Status' {
        $open = @(Get-WcxCase -Filter @{ status = 'opened', 'pending', 'hold' } -Property id).Id
        $open.Count | Should -BeGreaterThan 60
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        Get-WcxCase -Filter @{ status = 'opened', 'pending', 'hold' } -PageSize 25 | Set-WcxCase -Status solved

        $changed = Get-WriteId PUT '*/cases/*'
        ($changed | Sort-Object) | Should -Be ($open | Sort-Object)
        @(Get-WcxCase -Filter @{ status = 'opened', 'pending', 'hold' }).Count | Should -Be 0
    }

    It 'asks for each page after the last id of the one before, not by page number' {
        $null = @(Get-WcxCase -PageSize 50 -First 120)
        $pages = @(Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/cases')
        $pages.Count | Should -Be 3
        $pages[1].query | Should -Match 'sort_field=id'
        [uri]::UnescapeDataString($pages[1].query) | Should -Match "case\.id.+LOWER"
        [uri]::UnescapeDataString($pages[2].query) | Should -Match "case\.id.+LOWER"
    }
}

Describe 'Lists without a stable key piped into a write, in the <_> profile' -ForEach 'live', 'collection' {
    BeforeEach {
        Reset-WcxSandbox -Sandbox $sandbox
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Profile $_
    }

    It 'removes every contact once: Get-WcxContact | Remove-WcxContact' {
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
        1..150 | ForEach-Object { [pscustomobject]@{ Email = "once-$marker-$_@example.com"; Name = "Once $_" } } | New-WcxContact | Out-Null
        $before = @(Get-WcxContact -Property id).Id
        $before.Count | Should -BeGreaterThan 250
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        Get-WcxContact -PageSize 40 | Remove-WcxContact -Confirm:$false

        $removed = Get-WriteId DELETE '*/contacts/*'
        ($removed | Sort-Object) | Should -Be ($before | Sort-Object)
        @(Get-WcxContact).Count | Should -Be 0
    }

    It 'changes every matching contact once when the change takes it out of the filter' {
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $emails = 1..120 | ForEach-Object { "move-$marker-$_@example.com" }
        $emails | ForEach-Object { [pscustomobject]@{ Email = $_ } } | New-WcxContact | Out-Null
        $targets = @(Get-WcxContact -Filter @{ email = $emails } -Property id).Id
        $targets.Count | Should -Be 120
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        Get-WcxContact -Filter @{ email = $emails } -PageSize 25 | ForEach-Object {
            Set-WcxContact -Id $_.Id -Email ($_.Email -replace '^move-', 'moved-')
        }

        $changed = Get-WriteId PUT '*/contacts/*'
        ($changed | Sort-Object) | Should -Be ($targets | Sort-Object)
        @(Get-WcxContact -Filter @{ email = $emails }).Count | Should -Be 0
    }

    It 'creates one copy of every contact, none of a copy: Get-WcxContact -Sort id -Descending | … | New-WcxContact' {
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $before = @(Get-WcxContact -Property id).Id
        Clear-WcxSandboxRequestLog -Sandbox $sandbox

        # Newest first: every new contact lands at the front, where reading by page number would read it again.
        Get-WcxContact -Sort id -Descending -PageSize 25 -First $before.Count |
            ForEach-Object { [pscustomobject]@{ Email = "copy-$($_.Id)-$marker@example.com" } } | New-WcxContact | Out-Null

        $copied = @(Get-WcxContact | Where-Object Email -Like "copy-*-$marker@example.com" | ForEach-Object { [long]($_.Email -split '-')[1] })
        ($copied | Sort-Object) | Should -Be ($before | Sort-Object)
    }

    It 'reads its remaining pages before the first write, then sends no more GET' {
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ latencyMs = 0 }
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Get-WcxContact -PageSize 20 -First 60 | Select-Object -First 3 | Remove-WcxContact -Confirm:$false
        $log = @(Get-ApiRequest -Sandbox $sandbox)
        $firstWrite = [array]::IndexOf(@($log.method), 'DELETE')
        $firstWrite | Should -BeGreaterThan 0
        @($log | Select-Object -Skip $firstWrite | Where-Object method -EQ 'GET').Count | Should -Be 0
        @($log | Where-Object method -EQ 'GET').Count | Should -Be 3
    }
}

Describe '-IncludeTotalCount, in the <_> profile' -ForEach 'live', 'collection' {
    BeforeEach {
        Reset-WcxSandbox -Sandbox $sandbox
        $null = Set-WcxSandboxConfig -Sandbox $sandbox -Profile $_
    }

    It 'comes first, and is exact for a list that fits one page' {
        $contact = Get-WcxContact -First 1
        $expected = @(Get-WcxCase -Filter @{ contact_id = $contact.Id }).Count
        $output = @(Get-WcxCase -Filter @{ contact_id = $contact.Id } -IncludeTotalCount)
        $output.Count | Should -Be ($expected + 1)
        $output[0] | Should -Not -BeOfType WiseCx.Case
        $output[0].ToString() | Should -Be "Total count: $expected"
        @($output | Select-Object -Skip 1 | Where-Object { $_ -isnot [WiseCx.Case] }).Count | Should -Be 0
    }

    It 'comes first, and says unknown where the API gives no total for a longer list' {
        $output = @(Get-WcxContact -PageSize 20 -First 45 -IncludeTotalCount)
        $output.Count | Should -Be 46
        $output[0].ToString() | Should -Be 'Unknown total count'
        $output[0].Accuracy | Should -Be 0
        $output[1] | Should -BeOfType WiseCx.Contact
    }
}
