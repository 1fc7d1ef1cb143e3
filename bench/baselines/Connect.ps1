# Signing in without the module, as scripts do it today: GET /authenticate with the API key in the x-api-key header
# and the user in the query, then the token as a bearer header on every later request. The key comes from the
# environment, as in an unattended job. (Never add -Debug or -Verbose here: Invoke-RestMethod would print the key.)
param(
    # The API root without a trailing slash, e.g. http://127.0.0.1:5000/core/v1
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $User
)
$answer = Invoke-RestMethod -Uri "$BaseUri/authenticate?user=$([uri]::EscapeDataString($User))" -Headers @{ 'x-api-key' = $env:WISECX_API_KEY }
@{ Authorization = "Bearer $($answer.token)" }
