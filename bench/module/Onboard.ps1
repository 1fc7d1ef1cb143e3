# Onboarding new agents from a CSV with the module: creates overlap (New-WcxUser -ThrottleLimit, default 8), the new
# users are read back 100 at a time, and Add-WcxQueueUser collects them into one bulk PUT.
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [long] $QueueId
)
Import-Csv $CsvPath | New-WcxUser | Add-WcxQueueUser -QueueId $QueueId
