# One case by id with the module.
param([Parameter(Mandatory)] [long] $Id)
Get-WcxCase -Id $Id
