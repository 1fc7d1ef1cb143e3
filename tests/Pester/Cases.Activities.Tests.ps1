# Case activities (reading and adding, New-WcxActivity), case types and tags, and assistant nodes, over HTTP against the sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    $cmd = 'WiseCx.PowerShell.Commands'
    $files = Join-Path ([IO.Path]::GetTempPath()) ("wcx-activities-" + [guid]::NewGuid())
    $null = New-Item -ItemType Directory -Path $files
}
AfterAll {
    $sandbox | Stop-WcxDevSandbox
    Remove-Item $files -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-WcxCaseActivity' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'gets the activities of piped cases, and single ones by id' {
        $case = Get-WcxCase -First 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $activities = @($case | Get-WcxCaseActivity)
        $activities.Count | Should -BeGreaterThan 0
        $activities[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.CaseActivity'
        $activities.Type | ForEach-Object { $_ | Should -BeIn 'contact_message', 'user_reply', 'note', 'system' }
        (Get-ApiRequest -Sandbox $sandbox)[0].path | Should -BeExactly "/core/v1/cases/$($case.Id)/activities"

        $one = Get-WcxCaseActivity -CaseId $case.Id -ActivityId $activities[-1].Id
        $one.Id | Should -Be $activities[-1].Id
        $one.Content | Should -BeExactly $activities[-1].Content
    }

    It 'reads embedded contacts as WiseCx.Contact objects' {
        $message = Get-WcxCase -First 20 | Get-WcxCaseActivity | Where-Object Type -eq 'contact_message' | Select-Object -First 1
        $message | Should -Not -BeNullOrEmpty
        $message.ContactFrom.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Contact'
        $message.ContactFrom.Id | Should -BeGreaterThan 0
    }

    It 'completes -Property, sends -Filter (none is documented) with a warning, and reports an unknown activity' {
        $completion = TabExpansion2 -inputScript 'Get-WcxCaseActivity -CaseId 1 -Property sending' -cursorColumn 'Get-WcxCaseActivity -CaseId 1 -Property sending'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'sending_status'
        Get-WcxCaseActivity -CaseId 1270001 -Filter @{ type = 'note' } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be "/cases/{id}/activities documents no filter; the field 'type' is sent as 'activity.type' and the API decides."
        $requests = Get-ApiRequest -Sandbox $sandbox
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'activity.type','operator':'EQUAL','value':'note'}]&") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure

        $case = Get-WcxCase -First 1
        Get-WcxCaseActivity -CaseId $case.Id -ActivityId 1 -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly "WcxNotFound,$cmd.GetWcxCaseActivityCommand"
    }
}

Describe 'New-WcxActivity and Add-WcxCaseActivity' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'builds an activity with a file read as base64 and a file by URL, and sends nothing' {
        $path = Join-Path $files 'steps.txt'
        Set-Content -Path $path -Value 'Open Settings, then Reset password.' -NoNewline
        $activity = New-WcxActivity user_reply 'Here are the steps.' -UserId 6405 -ContactsTo 'ana@example.com', @{ phone = '+5491155550000' } `
            -Attachment $path -AttachmentUrl 'https://files.example.com/guides/reset%20password.pdf' -Channel Email
        $activity.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.ActivityInput'
        $activity.Type | Should -BeExactly 'user_reply'
        $activity.Channel | Should -BeExactly 'email'
        $activity.ContactsTo[0].Email | Should -BeExactly 'ana@example.com'
        $activity.ContactsTo[1].Phone | Should -BeExactly '+5491155550000'
        $activity.Attachments[0].Filename | Should -BeExactly 'steps.txt'
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($activity.Attachments[0].Content)) | Should -BeExactly 'Open Settings, then Reset password.'
        $activity.Attachments[1].Filename | Should -BeExactly 'reset password.pdf'
        $activity.Attachments[1].Url | Should -BeExactly 'https://files.example.com/guides/reset%20password.pdf'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'adds a note and a reply to a piped case and returns them as the API then shows them' {
        $case = Get-WcxCase -First 1
        $before = @($case | Get-WcxCaseActivity).Count
        $path = Join-Path $files 'invoice.txt'
        Set-Content -Path $path -Value 'Invoice 1001'
        $note = New-WcxActivity note 'Called the customer back.' -UserId 6405
        $contact = Get-WcxContact -First 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $added = @($case | Add-WcxCaseActivity -Activity $note, @{ type = 'user_reply'; user_id = 6405; content = 'Invoice attached.'; contacts_to = $contact }, (
            New-WcxActivity contact_message 'Thanks!' -ContactFrom $contact -Attachment $path))
        $added.Count | Should -Be 3
        $added[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.CaseActivity'
        $added.Type | Should -Be @('note', 'user_reply', 'contact_message')
        $added[0].Content | Should -BeExactly 'Called the customer back.'
        $added[1].ContactsTo.Id | Should -Be $contact.Id
        $added[2].Attachments[0].Filename | Should -BeExactly 'invoice.txt'
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).path | Should -BeExactly "/core/v1/cases/$($case.Id)"
        @($case | Get-WcxCaseActivity).Count | Should -Be ($before + 3)
    }

    It 'builds activities that New-WcxCase and Set-WcxCase take too' {
        $contact = Get-WcxContact -First 1
        $case = New-WcxCase -GroupId 1234 -SourceChannel email -Subject "From New-WcxActivity $([guid]::NewGuid())" `
            -Activity (New-WcxActivity contact_message 'My order arrived damaged.' -ContactFrom $contact)
        $case.ContactId | Should -Be $contact.Id
        $case | Set-WcxCase -Status pending -Activity (New-WcxActivity note 'Asked for photos.' -UserId 6405)
        $activities = @($case | Get-WcxCaseActivity)
        $activities.Content | Should -Contain 'My order arrived damaged.'
        $activities.Content | Should -Contain 'Asked for photos.'
        $case | Remove-WcxCase -Confirm:$false
    }

    It 'refuses activities that lack what their type needs, before any request' {
        { New-WcxActivity note 'No author' -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.NewWcxActivityCommand" -ExpectedMessage '*needs the user_id*'
        { New-WcxActivity user_reply 'To nobody' -UserId 6405 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*needs contacts_to*'
        { New-WcxActivity contact_message -ContactFrom 'ana@example.com' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*needs content or attachments*'
        { New-WcxActivity note 'x' -UserId 1 -Attachment (Join-Path $files 'missing.pdf') -ErrorAction Stop } | Should -Throw -ExpectedMessage '*was not found*'
        { New-WcxActivity note 'x' -UserId 1 -AttachmentUrl 'ftp://files.example.com/a.pdf' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*http or https*'
        { Add-WcxCaseActivity -CaseId 1270001 -Activity @{ type = 'note'; content = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.AddWcxCaseActivityCommand"
        { Add-WcxCaseActivity -CaseId 1270001 -Activity @{ type = 'note'; user_id = 1; content = 'x'; colour = 'red' } -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.AddWcxCaseActivityCommand" -ExpectedMessage "*unknown key 'colour'*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'checks the 5 MB limit per request before reading files and before sending' {
        $big = Join-Path $files 'big.bin'
        $stream = [IO.File]::Create($big); $stream.SetLength(6MB); $stream.Dispose()
        { New-WcxActivity note 'x' -UserId 1 -Attachment $big -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.NewWcxActivityCommand" -ExpectedMessage '*at most 5 MB*'

        $half = Join-Path $files 'half.bin'
        $stream = [IO.File]::Create($half); $stream.SetLength(3MB); $stream.Dispose()
        $one = New-WcxActivity note 'part 1' -UserId 1 -Attachment $half
        $two = New-WcxActivity note 'part 2' -UserId 1 -Attachment $half
        { Add-WcxCaseActivity -CaseId 1270001 -Activity $one, $two -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.AddWcxCaseActivityCommand" -ExpectedMessage '*total 6 MB*at most 5 MB*'
        { New-WcxCase -GroupId 1234 -SourceChannel web -Subject 'Too big' -Activity $one, $two -ErrorAction Stop } | Should -Throw -ExpectedMessage '*at most 5 MB*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        Get-WcxCase -First 2 | Add-WcxCaseActivity -Activity @{ type = 'note'; user_id = 6405; content = 'never' } -WhatIf
        (Get-ApiRequest -Sandbox $sandbox -Method PUT) | Should -BeNullOrEmpty
    }
}

Describe 'Get-WcxCaseType and Get-WcxCaseTag' {
    It 'lists case types with their parents, and matches names with wildcards' {
        $types = @(Get-WcxCaseType)
        $types.Count | Should -BeGreaterThan 0
        $types[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.CaseType'
        $types | ForEach-Object { $_.ParentId | Should -Not -BeNullOrEmpty }
        $name = $types[0].Name
        $pattern = $name.Substring(0, [Math]::Min(3, $name.Length)) + '*'
        $matched = @(Get-WcxCaseType -Name $pattern)
        $matched.Name | Should -Contain $name
        $matched | ForEach-Object { $_.Name | Should -BeLike $pattern }
        @(Get-WcxCaseType -Name $pattern -First 1).Count | Should -Be 1
    }

    It 'lists case tags and matches names with wildcards' {
        $tags = @(Get-WcxCaseTag)
        $tags.Count | Should -BeGreaterThan 0
        $tags[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.CaseTag'
        @(Get-WcxCaseTag -Name $tags[-1].Name.ToUpperInvariant()).Id | Should -Be $tags[-1].Id
        @(Get-WcxCaseTag -Name 'no such tag *') | Should -BeNullOrEmpty
    }

    It 'sends a -Filter on tags, which the API does not document, with a warning, for the API to judge' {
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $null = Get-WcxCaseTag -Filter @{ name = 'Bug' } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be "/cases/tags documents no filter; the field 'name' is sent as 'tag.name' and the API decides."
        Assert-ApiJudged -Request (Get-ApiRequest -Sandbox $sandbox) -ErrorRecord $failure
    }
}

Describe 'Invoke-WcxAssistantNode' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'runs a node on piped cases, with context' {
        $cases = @(Get-WcxCase -First 2)
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $runs = @($cases | Invoke-WcxAssistantNode -NodeId 420 -Context ([ordered]@{ order = '1001'; note = 'a:b' }))
        $runs.Count | Should -Be 2
        $runs[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.AssistantNodeExecution'
        $runs[0].Message | Should -BeExactly 'OK'
        $runs.CaseId | Should -Be $cases.Id
        $runs.NodeId | Sort-Object -Unique | Should -Be 420
        (Get-ApiRequest -Sandbox $sandbox -Method POST).path | Sort-Object -Unique | Should -BeExactly '/core/v1/assistans/node/420/execute'
        # The sandbox leaves the context it received, in order, on the case as a system activity.
        ($cases[0] | Get-WcxCaseActivity -Sort id -Descending -First 1).Content | Should -BeLike '*node 420*(order:1001, note:a:b)'
    }

    It 'refuses a context key the "key:value" form cannot carry, and sends nothing with -WhatIf' {
        { Invoke-WcxAssistantNode -NodeId 420 -CaseId 1270001 -Context @{ 'a:b' = 1 } -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxInvalidArgument,$cmd.InvokeWcxAssistantNodeCommand" -ExpectedMessage '*holds a colon*'
        Invoke-WcxAssistantNode -NodeId 420 -CaseId 1270001 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }
}
