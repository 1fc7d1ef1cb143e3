# Adding users to a service group from a pipeline: the module collects them and sends the bulk PUT.
param(
    [Parameter(Mandatory)] [long] $QueueId,
    [Parameter(Mandatory)] [long[]] $UserId
)
$UserId | Add-WcxQueueUser -QueueId $QueueId
