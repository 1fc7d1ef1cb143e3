# Importing contacts from a CSV with the module: one bulk import (POST /contacts/import), the rows in adds of 50, then
# the import's status until it is completed (issue 17; endpoints of the vendor's Spanish documentation).
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [long] $GroupId
)
Import-Csv $CsvPath | Import-WcxContact -GroupId $GroupId -Wait -PollIntervalSeconds 0.5
