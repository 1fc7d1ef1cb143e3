# Every contact, page by page: the Invoke-RestMethod loop people write. Each page's records go to the pipeline as the
# page arrives; the loop stops at the first page that is not full.
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [hashtable] $Headers
)
$page = 1
do {
    $answer = Invoke-RestMethod -Uri "$BaseUri/contacts?limit=100&page=$page" -Headers $Headers
    $answer.data
    $page++
} while ($answer.data.Count -eq 100)
