# Importing contacts from a CSV without a bulk endpoint: an Invoke-RestMethod POST /contacts per row, one after the
# other, as a script does with the documented API (what New-WcxContact per row sends). Joining the contact group would
# take one more request per contact (PUT /contacts/{id}/groups/{gid}); it is left out, in the baseline's favour.
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [hashtable] $Headers,
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [long] $GroupId
)
foreach ($row in Import-Csv $CsvPath) {
    $body = @{ email = $row.Email; name = $row.Name }
    (Invoke-RestMethod -Method Post -Uri "$BaseUri/contacts/" -Headers $Headers -ContentType 'application/json' -Body (ConvertTo-Json $body -Compress)).id
}
