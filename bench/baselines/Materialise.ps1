# JSON list pages turned into pipeline objects without the module: ConvertFrom-Json, then Select-Object to unwrap
# each page's records.
param(
    [Parameter(Mandatory)] [string[]] $Body
)
foreach ($page in $Body) {
    ConvertFrom-Json -InputObject $page | Select-Object -ExpandProperty data
}
