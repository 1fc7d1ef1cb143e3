param([Parameter(Mandatory)] $Results, [Parameter(Mandatory)] [string] $OutputDirectory)
$Results | ConvertTo-Json -Depth 8 | Set-Content (Join-Path $OutputDirectory 'results.json') -Encoding utf8NoBOM
