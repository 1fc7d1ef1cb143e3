BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'ConvertFrom-WcxWebhook' {
    It 'reads an activity_new payload into a typed event, offline' {
        $event = '{ "event": "activity_new", "case_id": 12345, "activity_id": 6789, "activity_type": "contact_message" }' | ConvertFrom-WcxWebhook
        $event.PSObject.TypeNames | Should -Contain 'WiseCx.CaseActivityWebhookEvent'
        $event.PSObject.TypeNames | Should -Contain 'WiseCx.WebhookEvent'
        $event.Event | Should -Be 'activity_new'
        $event.CaseId | Should -Be 12345
        $event.ActivityId | Should -Be 6789
        $event.ActivityType | Should -Be 'contact_message'
    }

    It 'reads <Event> payloads' -ForEach @(
        @{ Event = 'status_update'; Json = '{ "event": "status_update", "case_id": 1, "activity_id": 2, "activity_type": "whatsapp_status" }'; Type = 'WiseCx.CaseActivityWebhookEvent' }
        @{ Event = 'survey'; Json = '{ "event": "survey", "case_id": 12345, "url_survey": "https://example.com/pub/survey.html#?survey=87e9" }'; Type = 'WiseCx.SurveyWebhookEvent' }
        @{ Event = 'meli_new_order'; Json = '{ "id": 7387492, "event": "meli_new_order" }'; Type = 'WiseCx.MeliOrderWebhookEvent' }
        @{ Event = 'meli_order_updated'; Json = '{ "id": 7387474, "event": "meli_order_updated" }'; Type = 'WiseCx.MeliOrderWebhookEvent' }
    ) {
        $result = ConvertFrom-WcxWebhook -InputObject $Json
        $result.PSObject.TypeNames[0] | Should -Be $Type
        $result.Event | Should -Be $Event
        if ($Event -like 'meli*') { $result.OrderId | Should -BeGreaterThan 0 }
        if ($Event -eq 'survey') { $result.UrlSurvey | Should -BeLike 'https://*' }
    }

    It 'takes an Azure Automation $WebhookData object, and a parsed object' {
        $webhookData = [pscustomobject]@{ WebhookName = 'wcx'; RequestHeader = @{}; RequestBody = '{ "event": "survey", "case_id": 9, "url_survey": "u" }' }
        (ConvertFrom-WcxWebhook -WebhookData $webhookData).CaseId | Should -Be 9
        $asJson = $webhookData | ConvertTo-Json -Compress
        (ConvertFrom-WcxWebhook $asJson).CaseId | Should -Be 9
        (ConvertFrom-WcxWebhook ([pscustomobject]@{ event = 'meli_new_order'; id = 5 })).OrderId | Should -Be 5
        (@{ event = 'activity_new'; case_id = 3 } | ConvertFrom-WcxWebhook).CaseId | Should -Be 3
    }

    It 'refuses unknown events and non-JSON with clear errors' {
        { '{ "event": "party" }' | ConvertFrom-WcxWebhook -ErrorAction Stop } | Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.ConvertFromWcxWebhookCommand' -ExpectedMessage "*Unknown webhook event 'party'*"
        { 'hello' | ConvertFrom-WcxWebhook -ErrorAction Stop } | Should -Throw -ExpectedMessage '*not JSON*'
        { '{ "event": "activity_new" }' | ConvertFrom-WcxWebhook -ErrorAction Stop } | Should -Throw -ExpectedMessage '*no case_id*'
    }

    It '-Expand fetches the case and the activity it points at' {
        Connect-TestSandbox -Sandbox $sandbox
        $case = Get-WcxCase -First 1
        $activity = @(Invoke-WcxRequest "cases/$($case.Id)/activities")[0]
        $event = "{ `"event`": `"activity_new`", `"case_id`": $($case.Id), `"activity_id`": $($activity.id), `"activity_type`": `"$($activity.type)`" }" |
            ConvertFrom-WcxWebhook -Expand
        $event.Case.Id | Should -Be $case.Id
        $event.Case.Subject | Should -Be $case.Subject
        $event.Activity.Id | Should -Be $activity.id
        $event.Activity.PSObject.TypeNames[0] | Should -Be 'WiseCx.CaseActivity'
    }

    It '-Expand fetches the Mercado Libre order of a meli event' {
        Connect-TestSandbox -Sandbox $sandbox
        $order = Get-WcxMeliOrder -Id 12990000
        $event = '{ "id": 12990000, "event": "meli_order_updated" }' | ConvertFrom-WcxWebhook -Expand
        $event.Order.PSObject.TypeNames[0] | Should -Be 'WiseCx.MeliOrder'
        $event.Order.Id | Should -Be $order.Id
    }
}
