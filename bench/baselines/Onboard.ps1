# Onboarding new agents from a CSV without the module: an Invoke-RestMethod POST per user, one after the other, then
# the bulk PUT of all the new ids (the API takes many users in one PUT /queues/{id}/users).
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [hashtable] $Headers,
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [long] $QueueId
)
$ids = foreach ($row in Import-Csv $CsvPath) {
    $body = @{ user_name = $row.UserName }
    foreach ($column in 'Nick', 'FirstName', 'LastName') {
        $name = @{ Nick = 'nick'; FirstName = 'first_name'; LastName = 'last_name' }[$column]
        if ($row.$column) { $body[$name] = $row.$column }
    }
    $body.is_bot = $row.IsBot -in 'true', '1', 'yes'
    (Invoke-RestMethod -Method Post -Uri "$BaseUri/users" -Headers $Headers -ContentType 'application/json' -Body (ConvertTo-Json $body -Compress)).data.id
}
$members = @($ids | ForEach-Object { @{ id = $_; auto_assign = $false } })
Invoke-RestMethod -Method Put -Uri "$BaseUri/queues/$QueueId/users" -Headers $Headers -ContentType 'application/json' -Body (ConvertTo-Json -InputObject $members -Compress)
