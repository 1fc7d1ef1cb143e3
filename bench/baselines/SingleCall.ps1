# One case by id with Invoke-RestMethod.
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [hashtable] $Headers,
    [Parameter(Mandatory)] [long] $Id
)
Invoke-RestMethod -Uri "$BaseUri/cases/$Id" -Headers $Headers
