# A list read through the module; the session's HTTP handler answers from memory (see BenchTools.cs).
param([Parameter(Mandatory)] $Session)
Get-WcxContact -Session $Session
