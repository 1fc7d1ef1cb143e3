<#
.SYNOPSIS
Writes a skeleton docs/cmdlets/<Cmdlet>.md for each cmdlet of the built module that has no page yet.

.DESCRIPTION
The skeleton carries the exact syntax and parameter metadata and the descriptions from the C# doc comments; write
the description, examples, inputs and outputs by hand. Existing pages are never touched. Run after ./build.ps1 Build.
Runs in a child pwsh so that this session does not load the module.
#>
param([string] $Configuration = 'Release')
$root = Split-Path -Parent $PSScriptRoot
$version = ([xml](Get-Content (Join-Path $root 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
$script = @"
Import-Module '$root/tools/DocTools.psm1'
Import-Module '$root/out/WiseCx/$version/WiseCx.psd1'
foreach (`$c in Get-Command -Module WiseCx) {
    New-WcxCmdletDoc -Command `$c -XmlDocPath '$root/src/WiseCx.PowerShell/bin/$Configuration/netstandard2.0/WiseCx.PowerShell.xml' -OutputFolder '$root/docs/cmdlets'
}
"@
$self = [Environment]::ProcessPath
if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { & $self (Join-Path $PSHOME 'pwsh.dll') -NoProfile -Command $script }
else { & $self -NoProfile -Command $script }
