# One of the parallel runspaces of the ceiling scenario: asks for a case as fast as it can until the deadline,
# through a session shared with the other runspaces (and so through one rate limiter).
param(
    [Parameter(Mandatory)] $Session,
    [Parameter(Mandatory)] [long] $Id,
    [Parameter(Mandatory)] [datetime] $Deadline,
    [Parameter(Mandatory)] [hashtable] $Progress,
    [Parameter(Mandatory)] [int] $Slot
)
$done = 0
while ([datetime]::UtcNow -lt $Deadline) {
    $null = Get-WcxCase -Id $Id -Session $Session
    $done++
    $Progress[$Slot] = [pscustomobject]@{ Calls = $done; LastAt = [datetime]::UtcNow }
}
