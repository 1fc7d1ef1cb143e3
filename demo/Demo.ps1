<#
.SYNOPSIS
The walkthrough a new admin would try first, against a WiseCX API (build.ps1 Demo runs it against the local sandbox):
a CSV of agents becomes users, the users a new service group with auto-assign, a customer's case is routed to the
group, then everything is cleaned up. With -RateLimitStore (build.ps1 Demo starts a Garnet for it), two jobs in
processes of their own then share the account's limits with this session through the store.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $User = 'sandbox',
    [string] $ApiKey = 'wcx-sandbox-key',
    # A Redis-compatible store (redis://127.0.0.1:<port>) for the last step; skipped without one.
    [string] $RateLimitStore
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Step([string] $Text) { Write-Host "`n>>> $Text" -ForegroundColor Yellow }

Import-Module $ModulePath
$stamp = Get-Date -Format 'HHmmss'
$csv = Join-Path ([IO.Path]::GetTempPath()) "wcx-demo-agents-$stamp.csv"
@"
UserName,Nick,FirstName,LastName,IsBot
ana.lopez.$stamp@example.com,Ana,Ana,López,false
bruno.diaz.$stamp@example.com,Bruno,Bruno,Díaz,false
carla.o.brien.$stamp@example.com,Carla,Carla,O'Brien,false
triage-bot.$stamp@example.com,Triage,Triage,Bot,true
"@ | Set-Content -Path $csv -Encoding utf8

try {
    Step 'Connect-WcxAccount, then Get-WcxContext'
    Connect-WcxAccount -User $User -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force) -BaseUri $BaseUri
    Get-WcxContext | Format-List User, BaseUri, TokenExpiresAt, RequestsPerMinute, DailyRequestLimit | Out-Host

    Step "Import-Csv agents.csv | New-WcxUser"
    Get-Content $csv | Out-Host
    $agents = Import-Csv $csv | New-WcxUser
    $agents | Format-Table Id, UserName, Nick, IsBot -AutoSize | Out-Host

    Step "New-WcxQueue 'Refunds (demo)', then the agents added with auto-assign in one request"
    $queue = New-WcxQueue -Name "Refunds (demo $stamp)"
    $summary = $agents | Add-WcxQueueUser -QueueId $queue.Id -AutoAssign
    $summary | Out-Host
    Get-WcxQueue -Id $queue.Id | Select-Object -ExpandProperty Users | Format-Table Id, Name, AutoAssign -AutoSize | Out-Host

    Step 'New-WcxCase: a customer writes in, routed to the new group'
    $case = New-WcxCase -GroupId $queue.Id -SourceChannel email -Subject "Refund for order 1001 (demo $stamp)" -Tag 'demo', 'refund' -Priority medium `
        -Activity @{ type = 'contact_message'; content = 'I was charged twice.'; contact_from = @{ email = 'customer@example.com'; name = "Seán O'Neill" } }
    $case | Format-List Id, Number, Subject, Status, Priority, GroupId, Tags, CreatedAt | Out-Host

    Step "Get-WcxCase -Filter { group_id -eq `$queue.Id -and status -eq 'opened' }"
    Get-WcxCase -Filter { group_id -eq $queue.Id -and status -eq 'opened' } | Format-Table -AutoSize | Out-Host

    Step "Set-WcxCase: an agent's note, then solved"
    $case | Set-WcxCase -Activity @{ type = 'note'; user_id = $agents[0].Id; content = 'Refund issued.' }
    $case | Set-WcxCase -Status solved -PassThru | Format-Table Id, Status, SolvedAt, Subject -AutoSize | Out-Host

    Step 'A filter the API does not allow is refused before anything is sent'
    try { Get-WcxCase -Filter { status -gt 'opened' } } catch { "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" | Out-Host }

    Step 'Clean-up: the case deleted, the agents taken out of the group (one bulk request)'
    $case | Remove-WcxCase -Confirm:$false
    $agents | Remove-WcxQueueUser -QueueId $queue.Id -Confirm:$false
    "Users left in the group: $(@((Get-WcxQueue -Id $queue.Id).Users).Count)" | Out-Host
    "Requests this session sent: $((Get-WcxContext).RequestCount)" | Out-Host

    if ($RateLimitStore) {
        Step 'Many jobs, one account: two jobs (processes of their own) and this session share the limits through a store'
        $key = ConvertTo-SecureString $ApiKey -AsPlainText -Force
        Connect-WcxAccount -User $User -ApiKey $key -BaseUri $BaseUri -RateLimitStore $RateLimitStore -RequestsPerMinute 600
        $jobs = 1..2 | ForEach-Object {
            Start-Job -ArgumentList $ModulePath, $User, $ApiKey, $BaseUri, $RateLimitStore -ScriptBlock {
                param($ModulePath, $User, $ApiKey, $BaseUri, $RateLimitStore)
                Import-Module $ModulePath
                $key = ConvertTo-SecureString $ApiKey -AsPlainText -Force
                Connect-WcxAccount -User $User -ApiKey $key -BaseUri $BaseUri -RateLimitStore $RateLimitStore -RequestsPerMinute 600
                1..10 | ForEach-Object { $null = Get-WcxCase -First 1 }
                "Job in process $PID sent $((Get-WcxContext).RequestCount) requests"
            }
        }
        $jobs | Wait-Job | Receive-Job | Out-Host
        $jobs | Remove-Job
        Get-WcxContext | Format-List RateLimitStore, RateLimitStoreStatus, RequestsThisMinute, RequestsPerMinute, RequestsToday | Out-Host
        'RequestsThisMinute counts the jobs'' requests with this session''s own: the store keeps one window for the account.' | Out-Host
    }
}
finally {
    Disconnect-WcxAccount
    Remove-Item $csv -ErrorAction SilentlyContinue
}
Write-Host "`nDone." -ForegroundColor Green
