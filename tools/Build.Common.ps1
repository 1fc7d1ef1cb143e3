# The helpers every script of the repository shares (build.ps1, bench/, tools/, tests/Pester/Common.ps1):
# dot-source this file. Defined once here so that a change of version source or of launcher is made in one place.

function Get-WcxModuleVersion {
    # The module's one version: <Version> in Directory.Build.props at the repository root (the assemblies and the
    # manifest both take it from there).
    param([string] $RepositoryRoot = (Split-Path -Parent $PSScriptRoot))
    ([xml](Get-Content (Join-Path $RepositoryRoot 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version |
        Where-Object { $_ } | Select-Object -First 1
}

function Get-WcxRepositoryUrl {
    # The repository's public address: <RepositoryUrl> in Directory.Build.props, beside the version.
    param([string] $RepositoryRoot = (Split-Path -Parent $PSScriptRoot))
    ([xml](Get-Content (Join-Path $RepositoryRoot 'Directory.Build.props') -Raw)).Project.PropertyGroup.RepositoryUrl |
        Where-Object { $_ } | Select-Object -First 1
}

function Get-WcxPwshCommand {
    # The PowerShell that runs the caller, as the executable and its leading arguments: `dotnet pwsh.dll` under
    # `dotnet pwsh` (the repository's local tool), else the pwsh executable itself. A child started this way is the
    # same PowerShell version as its parent, whatever is on PATH.
    $self = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { , @($self, (Join-Path $PSHOME 'pwsh.dll')) }
    else { , @($self) }
}

function Invoke-WcxChildPwsh {
    # Runs a fresh PowerShell process (no profile, non-interactive) with the given arguments, e.g. '-File', $path, …;
    # its output streams to the caller and $LASTEXITCODE is the child's.
    param([Parameter(Mandatory)] [string[]] $Arguments)
    $pwsh = Get-WcxPwshCommand
    $launcher = @($pwsh | Select-Object -Skip 1)
    & $pwsh[0] @launcher -NoProfile -NonInteractive @Arguments
}
