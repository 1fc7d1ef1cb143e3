<#
.SYNOPSIS
A first walkthrough of the WiseCx module against a WiseCX API (build.ps1 Demo runs it against the local sandbox).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $User = 'sandbox',
    [string] $ApiKey = 'wcx-sandbox-key'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Step([string] $Text) { Write-Host "`n>>> $Text" -ForegroundColor Yellow }

Import-Module $ModulePath
Step 'Connect-WcxAccount, then Get-WcxContext'
Connect-WcxAccount -User $User -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force) -BaseUri $BaseUri
Get-WcxContext | Format-List User, BaseUri, TokenExpiresAt, IsConnected | Out-Host

Step 'New-WcxCase: a customer writes in'
$case = New-WcxCase -GroupId 1234 -SourceChannel email -Subject "Refund for order 1001 (demo $(Get-Date -Format HHmmss))" -Tag 'demo', 'refund' -Priority medium `
    -Activity @{ type = 'contact_message'; content = 'I was charged twice.'; contact_from = @{ email = 'ana@example.com'; name = "Ana O'Brien" } }
$case | Format-List Id, Number, Subject, Status, Priority, Tags, GroupId, CreatedAt | Out-Host

Step "Get-WcxCase -Filter @{ status = 'opened'; subject = @{ contains = 'refund' } }"
Get-WcxCase -Filter @{ status = 'opened'; subject = @{ contains = 'refund' } } -First 5 |
    Format-Table Id, Status, Priority, Subject, CreatedAt -AutoSize | Out-Host

Step 'Set-WcxCase: a note for the team, then solved'
$case | Set-WcxCase -Activity @{ type = 'note'; user_id = 6405; content = 'Refund issued.' }
$case | Set-WcxCase -Status solved -PassThru | Format-Table Id, Status, SolvedAt, Subject -AutoSize | Out-Host

Step 'Remove-WcxCase, and it is gone'
$case | Remove-WcxCase -Confirm:$false
Get-WcxCase -Id $case.Id -ErrorAction SilentlyContinue -ErrorVariable missing
"Get-WcxCase -Id $($case.Id): $($missing[0].FullyQualifiedErrorId.Split(',')[0]) - $($missing[0].Exception.Message)" | Out-Host

Step 'A filter the API does not allow is refused before anything is sent'
try { Get-WcxCase -Filter @{ status = @{ gt = 'opened' } } } catch { "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" | Out-Host }

Disconnect-WcxAccount
Write-Host "`nDone." -ForegroundColor Green
