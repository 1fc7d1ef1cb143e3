<#
.SYNOPSIS
Writes a skeleton docs/cmdlets/<Cmdlet>.md for each cmdlet of the built module that has no page yet, and brings
the syntax and parameter sections of existing pages in step with the code.

.DESCRIPTION
The skeleton carries the exact syntax and parameter metadata and the descriptions from the C# doc comments; write
the description, examples, inputs and outputs by hand. On existing pages only SYNTAX and the parameter metadata are
rewritten (new parameters get their doc-comment text); everything written by hand is kept. Run after ./build.ps1 Build.
Runs in a child pwsh so that this session does not load the module.
#>
param([string] $Configuration = 'Release')
$root = Split-Path -Parent $PSScriptRoot
. (Join-Path $PSScriptRoot 'Build.Common.ps1')
$version = Get-WcxModuleVersion -RepositoryRoot $root
$script = @"
Import-Module '$root/tools/DocTools.psm1'
Import-Module '$root/out/WiseCx/$version/WiseCx.psd1'
`$xmlDoc = '$root/src/WiseCx.PowerShell/bin/$Configuration/netstandard2.0/WiseCx.PowerShell.xml'
foreach (`$c in Get-Command -Module WiseCx) {
    `$page = Join-Path '$root/docs/cmdlets' "`$(`$c.Name).md"
    if (Test-Path `$page) { Update-WcxCmdletDoc -Command `$c -XmlDocPath `$xmlDoc -Path `$page }
    else { New-WcxCmdletDoc -Command `$c -XmlDocPath `$xmlDoc -OutputFolder '$root/docs/cmdlets' }
}
"@
Invoke-WcxChildPwsh -Arguments @('-Command', $script)
