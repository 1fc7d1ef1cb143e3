BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $sandbox = Start-TestSandbox
    Connect-TestSandbox -Sandbox $sandbox
    $customer = @{ name = 'Ana Gómez'; email = 'ana.gomez@example.com'; phone = '5491155550000'; personal_id = '30111222' }
}
AfterAll { $sandbox | Stop-WcxDevSandbox }

Describe 'Get-WcxOrder' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'lists orders as WiseCx.Order objects with their buyer and raw data' {
        $orders = @(Get-WcxOrder)
        $orders.Count | Should -BeGreaterOrEqual 30
        $orders[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Order'
        $john = $orders | Where-Object Id -eq 1001
        $john.Customer.Name | Should -BeExactly 'John Doe'
        $john.CreatedAt | Should -Be ([datetime]::new(2024, 3, 15, 10, 30, 0, [DateTimeKind]::Utc))
        $john.OrderData['currency'] | Should -BeExactly 'ARS'
    }

    It 'filters with the order table: store id, status contains, date bounds' {
        $orders = @(Get-WcxOrder -Filter @{ ecommerce_store_id = 'store-08wc10clz4'; status = @{ contains = 'pend' }; created_at = @{ le = [datetime]::UtcNow } })
        $orders.Count | Should -BeGreaterThan 0
        $orders.EcommerceStoreId | Sort-Object -Unique | Should -BeExactly 'store-08wc10clz4'
        $orders.Status | ForEach-Object { $_ | Should -BeLike '*pend*' }
        [uri]::UnescapeDataString((Get-ApiRequest -Sandbox $sandbox)[0].query) | Should -BeLike "*{'field':'order.status','operator':'CONTAINS','value':'pend'}*"
    }

    It 'refuses an operator the table does not allow, before any request' {
        { Get-WcxOrder -Filter @{ created_at = @{ ne = [datetime]::UtcNow } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.GetWcxOrderCommand' -ExpectedMessage "*not allowed on 'created_at'*"
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'asks for fields and sorts on the server' {
        $orders = @(Get-WcxOrder -Property id, status, created_at -Sort created_at -Descending -First 10)
        $orders.Count | Should -Be 10
        $orders.CreatedAt | Should -Be ($orders.CreatedAt | Sort-Object -Descending)
        $orders | ForEach-Object { $_.Customer | Should -BeNullOrEmpty }
        (Get-ApiRequest -Sandbox $sandbox)[0].query | Should -BeLike '?fields=id%2Cstatus%2Ccreated_at&sort=desc&sort_field=created_at&limit=10&page=1'
        $line = 'Get-WcxOrder -Property sales'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'sales_recovery'
    }
}

Describe 'New-WcxOrder and Set-WcxOrder' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'creates an order, reads the id out of the answer, and changes it through the pipeline' {
        $orderId = "T-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $order = New-WcxOrder -EcommerceStoreId 'store-test' -EcommercePlatform Custom -EcommerceOrderId $orderId -TotalAmount 466.50 `
            -Customer $customer -Status cancelled -RejectReason 'Tarjeta sin fondos' -SalesRecovery
        $order.PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Order'
        $order.Id | Should -BeGreaterThan 7387491
        $order.EcommercePlatform | Should -BeExactly 'custom'
        $order.Customer.Email | Should -BeExactly 'ana.gomez@example.com'
        (Get-ApiRequest -Sandbox $sandbox -Method POST -PathLike '*/orders').Count | Should -Be 1

        $order | Set-WcxOrder -RejectReason 'Sin Stock' -SalesRecovery $false
        (Get-ApiRequest -Sandbox $sandbox -Method PUT).path | Should -Be "/core/v1/orders/$($order.Id)"

        $stored = @(Get-WcxOrder -Filter @{ ecommerce_store_id = 'store-test' } | Where-Object Id -eq $order.Id)
        $stored.Count | Should -Be 1
        $stored[0].EcommerceOrderId | Should -BeExactly $orderId
        $stored[0].RejectReason | Should -BeExactly 'Sin Stock'
        $stored[0].SalesRecovery | Should -BeFalse
        $stored[0].TotalAmount | Should -Be 466.50
        $stored[0].Status | Should -BeExactly 'cancelled'
    }

    It 'refuses a buyer without an e-mail address before any request' {
        { New-WcxOrder -EcommerceStoreId 's' -EcommercePlatform vtex -EcommerceOrderId 'x' -TotalAmount 1 -Customer @{ name = 'Bo' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxOrderCommand' -ExpectedMessage '*name and an e-mail*'
        { New-WcxOrder -EcommerceStoreId 's' -EcommercePlatform vtex -EcommerceOrderId 'x' -TotalAmount 1 -Customer @{ name = 'Bo'; shoe = 42 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.NewWcxOrderCommand' -ExpectedMessage "*unknown key 'shoe'*"
        { Set-WcxOrder -Id 1001 -ErrorAction Stop } |
            Should -Throw -ErrorId 'WcxInvalidArgument,WiseCx.PowerShell.Commands.SetWcxOrderCommand' -ExpectedMessage 'Nothing to change*'
        Get-ApiRequest -Sandbox $sandbox | Should -BeNullOrEmpty
    }

    It 'reports an order that does not exist with WcxNotFound' {
        Set-WcxOrder -Id 999999 -Status closed -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.SetWcxOrderCommand'
        $failure[0].TargetObject | Should -Be 999999
    }

    It 'sends nothing with -WhatIf' {
        New-WcxOrder -EcommerceStoreId 's' -EcommercePlatform shopify -EcommerceOrderId 'never' -TotalAmount 1 -Customer $customer -WhatIf
        Get-WcxOrder -First 1 | Set-WcxOrder -Status closed -WhatIf
        Get-ApiRequest -Sandbox $sandbox -Method POST | Should -BeNullOrEmpty
        Get-ApiRequest -Sandbox $sandbox -Method PUT | Should -BeNullOrEmpty
    }
}

Describe 'Get-WcxMeliOrder' {
    It 'gets Mercado Libre orders by id from the pipeline, reporting the unknown ones' {
        $orders = @(12990000, 1, 12990001 | Get-WcxMeliOrder -ErrorAction SilentlyContinue -ErrorVariable failure)
        $orders.Id | Should -Be 12990000, 12990001
        $orders[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.MeliOrder'
        $orders[0].MeliOrderId | Should -BeExactly '200000111111450'
        $orders[1].OrderData['currency_id'] | Should -BeExactly 'ARS'
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeExactly 'WcxNotFound,WiseCx.PowerShell.Commands.GetWcxMeliOrderCommand'
        $failure[0].TargetObject | Should -Be 1
    }
}

Describe 'Get-WcxChannel and Get-WcxWhatsAppTemplate' {
    BeforeEach { Clear-WcxSandboxRequestLog -Sandbox $sandbox }

    It 'lists channels with string ids, one request' {
        $channels = @(Get-WcxChannel)
        $channels[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.Channel'
        $channels.Id | Should -Contain '11330'
        $channels[0].Id | Should -BeOfType [string]
        (Get-ApiRequest -Sandbox $sandbox).Count | Should -Be 1
        @(Get-WcxChannel -Property id, name | Where-Object Source).Count | Should -Be 0
    }

    It 'lists WhatsApp templates with the fields asked for' {
        $templates = @(Get-WcxWhatsAppTemplate -Property template_id, name, whatsapp_number -Sort name)
        $templates[0].PSObject.TypeNames[0] | Should -BeExactly 'WiseCx.WhatsAppTemplate'
        $templates.Name | Should -Be ($templates.Name | Sort-Object)
        ($templates | Where-Object TemplateId -eq 1).WhatsappNumber | Should -BeExactly '5493514544'
        $templates | ForEach-Object { $_.Content | Should -BeNullOrEmpty }
    }

    It 'sends a field /whatsapp_templates does not document as given, with a warning' {
        Clear-WcxSandboxRequestLog -Sandbox $sandbox
        Get-WcxWhatsAppTemplate -Property template_id, colour -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failure -ErrorAction SilentlyContinue
        $warnings.Message | Should -BeLike "-Property 'colour' is not a documented field of /whatsapp_templates; it is sent as given*"
        $requests = Get-ApiRequest -Sandbox $sandbox
        $requests[0].query | Should -BeLike '?fields=template_id%2Ccolour&*'
        Assert-ApiJudged -Request $requests -ErrorRecord $failure
    }
}
