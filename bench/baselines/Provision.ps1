# Adding users to a service group the way it is done without the module: a foreach of single calls, one PUT per user.
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [hashtable] $Headers,
    [Parameter(Mandatory)] [long] $QueueId,
    [Parameter(Mandatory)] [long[]] $UserId
)
foreach ($id in $UserId) {
    $body = ConvertTo-Json -InputObject @(@{ id = $id; auto_assign = $false }) -Compress
    Invoke-RestMethod -Method Put -Uri "$BaseUri/queues/$QueueId/users" -Headers $Headers -ContentType 'application/json' -Body $body
}
