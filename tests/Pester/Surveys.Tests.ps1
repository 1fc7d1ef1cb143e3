BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxSurvey' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'lists the surveys of the account as WiseCx.Survey objects' {
        $surveys = @(Get-WcxSurvey)
        $surveys.Count | Should -Be 3
        $surveys[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Survey'
        $surveys.Id | Should -Be 1, 5, 198
        ($surveys | Where-Object Id -eq 1).Completion.SubmitButtonLabel | Should -BeExactly 'Completar Encuesta'
        (Get-ApiRequest -Sandbox $sandbox -Method GET -PathLike '*/surveys').Count | Should -Be 1
    }

    It 'asks for fields and sorts on the server' {
        $surveys = @(Get-WcxSurvey -Property id, name -Sort name -Descending)
        $surveys.Name | Should -Be ($surveys.Name | Sort-Object -Descending)
        $surveys | ForEach-Object { $_.Title | Should -BeNullOrEmpty }
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeLike '*fields=id%2Cname&sort=desc&sort_field=name*'
    }

    It 'sends a filter, which the endpoint does not document, with a warning, for the API to judge' {
        Get-WcxSurvey -Filter @{ name = 'x' } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -Be "/surveys documents no filter; the field 'name' is sent as 'survey.name' and the API decides."
        $requests = Get-ApiRequest -Sandbox $sandbox
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'survey.name','operator':'EQUAL','value':'x'}]&") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It '-Property completes the field names' {
        $line = 'Get-WcxSurvey -Property logo'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'logo_url'
    }
}

Describe 'Get-WcxSurveyQuestion' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'gets the questions of surveys piped in, each carrying its survey id' {
        $questions = @(Get-WcxSurvey | Where-Object Active | Get-WcxSurveyQuestion)
        $questions[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.SurveyQuestion'
        ($questions | Group-Object SurveyId).Name | Should -Be '1', '5'
        $first = $questions | Where-Object { $_.SurveyId -eq 1 -and $_.Position -eq 1 }
        $first.Id | Should -BeExactly '0050db233d7e4e62a91b85846a18e46f'
        $first.NpsLabels.Min | Should -BeExactly 'Nada probable'
        ($questions | Where-Object Type -eq 'checkboxes').Options.Count | Should -BeGreaterThan 1
        (Get-ApiRequest -Sandbox $sandbox -PathLike '*/questions').path | Should -Be '/core/v1/surveys/1/questions', '/core/v1/surveys/5/questions'
    }

    It 'reports a survey that does not exist and goes on with the next one' {
        $questions = @(999, 5 | Get-WcxSurveyQuestion -ErrorAction SilentlyContinue -ErrorVariable failure)
        $questions.SurveyId | Sort-Object -Unique | Should -Be 5
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxSurveyQuestionCommand'
        $failure[0].TargetObject | Should -Be 999
    }
}

Describe 'Get-WcxSurveyResponse' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'streams every response over pages it counts itself, not by the paging object' {
        # Without prefetching, the requests are exactly the pages the module's own counter asks for.
        $serial = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PrefetchPages 0 -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $responses = @(Get-WcxSurvey -Session $serial | Where-Object Id -eq 1 | Get-WcxSurveyResponse -Session $serial)
        $responses.Count | Should -Be 262
        $responses[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.SurveyResponse'
        ($responses.ResponseId | Select-Object -Unique).Count | Should -Be 262
        # 262 at 100 a page: pages 1, 2 and 3, although the API says "page": 2 for the first two.
        (Get-ApiRequest -Sandbox $sandbox -PathLike '*/responses').query | Should -Be '?limit=100&page=1', '?limit=100&page=2', '?limit=100&page=3'
    }

    It 'reads "never" as null and answers as plain values' {
        $responses = @(Get-WcxSurveyResponse -SurveyId 1 -First 100)
        ($responses | Where-Object Status -eq 'not_responded' | Select-Object -First 1).RespondedAt | Should -BeNullOrEmpty
        $answered = $responses | Where-Object Status -eq 'responded' | Select-Object -First 1
        $answered.RespondedAt | Should -BeOfType [datetime]
        ($answered.Answers | Where-Object QuestionType -eq 'rating').Value | Should -BeOfType [long]
        ($answered.Answers | Where-Object QuestionType -eq 'boolean').Value | Should -BeOfType [bool]
    }

    It 'treats "Survey Responses Not Found" as an empty result, not an error' {
        $responses = @(Get-WcxSurveyResponse -SurveyId 198 -ErrorVariable failure)
        $responses.Count | Should -Be 0
        $failure | Should -BeNullOrEmpty
        $requests = Get-ApiRequest -Sandbox $sandbox -PathLike '*/responses'
        $requests.Count | Should -Be 1
        $requests[0].status | Should -Be 400
    }

    It 'ends at a "not found" page after a full last page' {
        $serial = Connect-WcxAccount -User $sandbox.User -ApiKey $sandbox.ApiKey -BaseUri $sandbox.BaseUri -PrefetchPages 0 -PassThru
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        $responses = @(Get-WcxSurveyResponse -SurveyId 1 -Filter @{ status = 'responded' } -PageSize 10 -ErrorVariable failure -Session $serial)
        $failure | Should -BeNullOrEmpty
        $pages = Get-ApiRequest -Sandbox $sandbox -PathLike '*/responses'
        $pages.Count | Should -Be ([math]::Floor($responses.Count / 10) + 1)
    }

    It 'filters by status and by date bounds as the sandbox applies them' {
        $since = [datetime]::UtcNow.AddDays(-45)
        $responses = @(Get-WcxSurveyResponse -SurveyId 1 -Filter @{ status = 'responded'; responded_since = @{ ge = $since } })
        $responses.Count | Should -BeGreaterThan 0
        $responses.Status | Sort-Object -Unique | Should -BeExactly 'responded'
        $responses | Where-Object RespondedAt -lt $since.AddSeconds(-1) | Should -BeNullOrEmpty
        $filtering = [uri]::UnescapeDataString((Get-ApiRequest -Sandbox $sandbox)[0].query)
        $filtering | Should -BeLike "*{'field':'response.status','operator':'EQUAL','value':'responded'}*"
        $filtering | Should -BeLike "*{'field':'response.responded_since','operator':'GREATER EQUAL','value':'*"
    }

    It 'refuses an operator the ALLOWED OPERATORS table does not allow on a field it lists, before any request' {
        { Get-WcxSurveyResponse -SurveyId 1 -Filter @{ status = @{ contains = 'resp' } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxSurveyResponseCommand' -ExpectedMessage "*not allowed on 'status'*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'sends a field the table does not list, with a warning, for the API to judge' {
        Get-WcxSurveyResponse -SurveyId 1 -Filter @{ case_id = 5 } -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -BeLike "The filter field 'case_id' is not documented for /surveys/{id}/responses; it is sent as 'response.case_id' and the API decides.*"
        $requests = Get-ApiRequest -Sandbox $sandbox
        [uri]::UnescapeDataString($requests[0].query) | Should -BeLike ([WildcardPattern]::Escape("?filtering=[{'field':'response.case_id','operator':'EQUAL','value':'5'}]&") + '*')
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }

    It '-Skip and -First return the same slice as reading everything' {
        $all = @(Get-WcxSurveyResponse -SurveyId 1 -PageSize 20 -First 60)
        $slice = @(Get-WcxSurveyResponse -SurveyId 1 -PageSize 20 -Skip 25 -First 10)
        $slice.ResponseId | Should -Be $all[25..34].ResponseId
    }
}
