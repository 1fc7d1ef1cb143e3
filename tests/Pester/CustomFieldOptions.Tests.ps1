# Custom-field options (Get/New/Set/Remove-WcxCustomFieldOption), their Tab completion, and the other catalogue endpoints
# of the vendor's Spanish documentation (Invoke-WcxAssistantNode -AssistantId -NodeName), over HTTP against the sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    $cmd = 'WiseCx.PowerShell.Commands'

    function Get-Completion {
        param([Parameter(Mandatory)] [string] $Line)
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
    # The bodies the module sent (the sandbox's log has paths, the session's history has bodies).
    function Get-SentBody {
        param([string] $Method, [string] $PathLike)
        @(Get-WcxRequestHistory | Where-Object { $_.Method -eq $Method -and $_.Path -like $PathLike } | ForEach-Object { $_.RequestBody | ConvertFrom-Json })
    }
    $emptyFolder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ("wcx-cfo-" + [guid]::NewGuid()))
    Push-Location $emptyFolder
}
AfterAll {
    Pop-Location
    Remove-Item $emptyFolder -Recurse -Force -ErrorAction SilentlyContinue
    $sandbox | Stop-WcxDevSandbox
}

Describe 'Get-WcxCustomFieldOption' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'reads the options of a field in one request, with the field name set on each' {
        $options = @(Get-WcxCustomFieldOption -FieldName plan)
        $options.Value | Should -Be 'Básico', 'Pro', 'Empresa'
        $options[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.CustomFieldOption'
        $options.FieldName | Sort-Object -Unique | Should -BeExactly 'plan'
        $options.Id | ForEach-Object { $_ | Should -BeGreaterThan 0 }
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -BeExactly '/core/v1/cases/fields/plan/options'
    }

    It 'filters by -Value wildcards and -Id here, and reports an id the field does not have' {
        $all = @(Get-WcxCustomFieldOption plan)
        (Get-WcxCustomFieldOption plan -Value 'e*', '*sic*').Value | Should -Be 'Básico', 'Empresa'
        (Get-WcxCustomFieldOption plan -Id $all[1].Id).Value | Should -BeExactly 'Pro'
        $found = @(Get-WcxCustomFieldOption plan -Id $all[0].Id, 987654 -ErrorVariable failure -ErrorAction SilentlyContinue)
        $found.Value | Should -BeExactly 'Básico'
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be "WcxNotFound,$cmd.GetWcxCustomFieldOptionCommand"
    }

    It 'escapes the field name as one path segment and reports an unknown field as not found' {
        { Get-WcxCustomFieldOption -FieldName 'no such/field' -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxNotFound,$cmd.GetWcxCustomFieldOptionCommand"
        # The sandbox's log shows the path decoded, except the escaped slash that keeps the name one segment.
        (Get-ApiRequest -Sandbox $sandbox)[0].path | Should -BeExactly '/core/v1/cases/fields/no such%2Ffield/options'
    }

    It 'takes field names by property name from the pipeline' {
        $options = @([pscustomobject]@{ FieldName = 'plan' }, [pscustomobject]@{ FieldName = 'motivo' } | Get-WcxCustomFieldOption)
        ($options | Where-Object FieldName -eq 'motivo').Value | Should -Contain 'Envío'
        (Get-ApiRequest -Sandbox $sandbox).path | Should -Be '/core/v1/cases/fields/plan/options', '/core/v1/cases/fields/motivo/options'
    }
}

Describe 'New-WcxCustomFieldOption, Set-WcxCustomFieldOption and Remove-WcxCustomFieldOption' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }
    AfterAll { Reset-WcxSandbox -Sandbox $sandbox }

    It 'adds one option per value (also piped), each with one POST {"value": …}, and returns the created options' {
        $created = @('Premium', 'Gold' | New-WcxCustomFieldOption -FieldName plan)
        $created.Count | Should -Be 2
        $created.Value | Should -Be 'Premium', 'Gold'
        $created.FieldName | Sort-Object -Unique | Should -BeExactly 'plan'
        $created[1].Id | Should -BeGreaterThan $created[0].Id
        $posts = Get-ApiRequest -Sandbox $sandbox -Method POST
        $posts.Count | Should -Be 2
        $posts.path | Sort-Object -Unique | Should -BeExactly '/core/v1/cases/fields/plan/options'
        (Get-SentBody -Method POST -PathLike '*/cases/fields/plan/options' | Select-Object -Last 2).value | Should -Be 'Premium', 'Gold'
        (Get-WcxCustomFieldOption plan).Value | Should -Contain 'Gold'
    }

    It 'sends a list of values as one POST each, and reports a value the field already has' {
        $created = @(New-WcxCustomFieldOption motivo -Value 'Garantía', 'envío' -ErrorVariable failure -ErrorAction SilentlyContinue)
        $created.Value | Should -BeExactly 'Garantía'
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike "WcxBadRequest*,$cmd.NewWcxCustomFieldOptionCommand"
        (Get-ApiRequest -Sandbox $sandbox -Method POST).Count | Should -Be 2
    }

    It 'changes a piped option with PUT {"value": …} and -PassThru returns it' {
        $option = Get-WcxCustomFieldOption plan -Value Gold
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $changed = $option | Set-WcxCustomFieldOption -Value 'Oro' -PassThru
        $changed.Id | Should -Be $option.Id
        $changed.Value | Should -BeExactly 'Oro'
        $changed.FieldName | Should -BeExactly 'plan'
        $puts = Get-ApiRequest -Sandbox $sandbox -Method PUT
        $puts.Count | Should -Be 1
        $puts[0].path | Should -BeExactly "/core/v1/cases/fields/plan/options/$($option.Id)"
        (Get-SentBody -Method PUT -PathLike "*/options/$($option.Id)")[-1].value | Should -BeExactly 'Oro'
        Set-WcxCustomFieldOption plan $option.Id 'Oro2' | Should -BeNullOrEmpty
    }

    It 'removes each piped option once with DELETE, and -WhatIf sends nothing' {
        $options = @(Get-WcxCustomFieldOption plan -Value 'Premium', 'Oro*')
        $options.Count | Should -Be 2
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $options | Remove-WcxCustomFieldOption -WhatIf
        $options | Set-WcxCustomFieldOption -Value x -WhatIf
        New-WcxCustomFieldOption plan -Value y -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty

        $options | Remove-WcxCustomFieldOption -Confirm:$false
        $deletes = Get-ApiRequest -Sandbox $sandbox -Method DELETE
        $deletes.path | Should -Be ($options | ForEach-Object { "/core/v1/cases/fields/plan/options/$($_.Id)" })
        (Get-WcxCustomFieldOption plan).Value | Should -Be 'Básico', 'Pro', 'Empresa'
        { Remove-WcxCustomFieldOption plan $options[0].Id -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxNotFound,$cmd.RemoveWcxCustomFieldOptionCommand"
    }

    It 'refuses an object of another kind piped as the option, sending nothing for it' {
        $case = Get-WcxCase -First 1
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $case | Add-Member -NotePropertyName FieldName -NotePropertyValue plan -PassThru |
            Remove-WcxCustomFieldOption -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'WcxWrongInputType*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'works against an API without the endpoints only as far as saying so: <Mode> is reported, not swallowed' -TestCases @(
        @{ Mode = 'not-found'; Status = 404 }, @{ Mode = 'not-implemented'; Status = 501 }
    ) {
        Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ spanishEndpoints = $Mode }
        try {
            { Get-WcxCustomFieldOption plan -ErrorAction Stop } | Should -Throw
            (Get-ApiRequest -Sandbox $sandbox)[0].status | Should -Be $Status
        }
        finally { Set-WcxSandboxConfig -Sandbox $sandbox -Config @{ spanishEndpoints = 'served' } }
    }
}

Describe 'Completion of -CustomField (New-WcxCase, Set-WcxCase) and of the *-WcxCustomFieldOption parameters' {
    It 'completes whole hashtables of a named field''s options for <Line>' -TestCases @(
        @{ Line = 'New-WcxCase -CustomField plan='; Expected = "@{ plan = 'Básico' }", "@{ plan = 'Pro' }", "@{ plan = 'Empresa' }" }
        @{ Line = 'Set-WcxCase 1 -CustomField plan=p'; Expected = "@{ plan = 'Pro' }", "@{ plan = 'Empresa' }" }
        @{ Line = "Set-WcxCase 1 -CustomField 'motivo=env"; Expected = , "@{ motivo = 'Envío' }" }
    ) {
        (Get-Completion $Line).CompletionText | Should -Be $Expected
    }

    It 'offers the options of the fields this session knows for a bare word' {
        $null = Get-WcxCustomFieldOption -FieldName store
        $all = @(Get-Completion 'New-WcxCase -CustomField ')
        $all.CompletionText | Should -Contain "@{ store = 'Córdoba' }"
        $all.CompletionText | Should -Contain "@{ plan = 'Pro' }"
        (Get-Completion 'New-WcxCase -CustomField sto').CompletionText | Should -Be "@{ store = 'Palermo' }", "@{ store = 'Córdoba' }", "@{ store = 'Online' }"
        (Get-Completion 'New-WcxCase -CustomField Onl').CompletionText | Should -Be "@{ store = 'Online' }"
        # What Tab inserts runs: the completed hashtable is what -CustomField takes.
        $text = (Get-Completion 'New-WcxCase -CustomField plan=Pro')[0].CompletionText
        (Invoke-Expression $text).plan | Should -BeExactly 'Pro'
    }

    It 'completes -FieldName, -Id and -Value of the option commands from the field typed' {
        (Get-Completion 'Get-WcxCustomFieldOption -FieldName pl').CompletionText | Should -Be 'plan'
        $ids = Get-Completion 'Remove-WcxCustomFieldOption -FieldName plan -Id '
        $ids.ListItemText | Should -Be 'Básico (1)', 'Empresa (3)', 'Pro (2)'
        $ids[0].CompletionText | Should -Be '1'
        (Get-Completion 'Get-WcxCustomFieldOption plan -Value em').CompletionText | Should -Be "'Empresa'"
    }

    It 'offers nothing, and reports nothing, inside a hashtable literal (PowerShell calls no completer there) or without a session' {
        # PowerShell hands no argument completer the inside of @{ … }: the value completes only as a whole argument.
        $errorsBefore = $global:Error.Count
        Get-Completion "New-WcxCase -CustomField @{ plan = 'P" | Should -BeNullOrEmpty
        $session = Get-WcxContext
        Disconnect-WcxAccount
        try {
            Get-Completion 'New-WcxCase -CustomField plan=' | Should -BeNullOrEmpty
            Get-Completion 'Set-WcxCustomFieldOption -FieldName plan -Id ' | Should -BeNullOrEmpty
        }
        finally { Connect-TestSandbox -Sandbox $sandbox }
        $global:Error.Count | Should -Be $errorsBefore
        # Connected again, the same line completes.
        (Get-Completion 'New-WcxCase -CustomField plan=').Count | Should -Be 3
    }
}

Describe 'Invoke-WcxAssistantNode -AssistantId -NodeName' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'runs a node by name on piped cases through POST /assistans/{assistantID}/{nodeName}/execute' {
        $cases = @(Get-WcxCase -First 2)
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $runs = @($cases | Invoke-WcxAssistantNode -AssistantId 7 -NodeName consulta_pedido -Context ([ordered]@{ order = '1001' }))
        $runs.Count | Should -Be 2
        $runs[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.AssistantNodeExecution'
        $runs.AssistantId | Sort-Object -Unique | Should -Be 7
        $runs.NodeName | Sort-Object -Unique | Should -BeExactly 'consulta_pedido'
        $runs.CaseId | Should -Be $cases.Id
        $runs[0].Message | Should -BeExactly 'OK'
        $posts = Get-ApiRequest -Sandbox $sandbox -Method POST
        $posts.Count | Should -Be 2
        $posts.path | Sort-Object -Unique | Should -BeExactly '/core/v1/assistans/7/consulta_pedido/execute'
        $bodies = Get-SentBody -Method POST -PathLike '*/assistans/7/consulta_pedido/execute' | Select-Object -Last 2
        $bodies.case_id | Should -Be $cases.Id
        $bodies[0].context | Should -Be 'order:1001'
        # The same trace as the by-id route: node 421 is consulta_pedido.
        ($cases[0] | Get-WcxCaseActivity -Sort id -Descending -First 1).Content | Should -BeLike "*node 421 'consulta_pedido'*(order:1001)"
    }

    It 'escapes the node name, reports an unknown node as not found, and sends nothing with -WhatIf' {
        { Invoke-WcxAssistantNode -AssistantId 7 -NodeName 'no such' -CaseId 1270001 -ErrorAction Stop } |
            Should -Throw -ErrorId "WcxNotFound,$cmd.InvokeWcxAssistantNodeCommand"
        (Get-ApiRequest -Sandbox $sandbox)[0].path | Should -BeExactly '/core/v1/assistans/7/no such/execute'
        (Get-WcxRequestHistory -Last 1).Path | Should -BeExactly '/core/v1/assistans/7/no%20such/execute'
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Invoke-WcxAssistantNode -AssistantId 7 -NodeName inicio -CaseId 1270001 -WhatIf
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'keeps -NodeId as the default parameter set' {
        (Get-Command Invoke-WcxAssistantNode).DefaultParameterSet | Should -Be 'ByNodeId'
        { Invoke-WcxAssistantNode -NodeId 420 -AssistantId 7 -CaseId 1 -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }
}
