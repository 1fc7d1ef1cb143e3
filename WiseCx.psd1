# Module manifest template. build.ps1 copies it into out/WiseCx/<version>/ and stamps ModuleVersion from
# Directory.Build.props, the one place the version is kept.
@{
    RootModule             = 'WiseCx.PowerShell.dll'
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '5a0f3c51-8f0e-4a56-9d3c-6a0d2f0c7e21'
    Author                 = 'WiseCx contributors'
    CompanyName            = 'WiseCx'
    Copyright              = '(c) WiseCx contributors. All rights reserved.'
    Description            = 'Manage WiseCX customer-service data (cases, contacts, service groups, users, analytics, surveys, orders, Nitro) from PowerShell.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    RequiredAssemblies     = @('WiseCx.Models.dll')
    FormatsToProcess       = @('WiseCx.Format.ps1xml')
    # Filled in by build.ps1 from the cmdlet classes: an explicit list in the published manifest.
    CmdletsToExport        = @(
        '{{CmdletsToExport}}'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            # build.ps1 adds PSIncludes_Cmdlet and a PSCommand_<name> tag per exported cmdlet (the gallery's search by
            # command), since Publish-PSResource derives none from CmdletsToExport.
            Tags         = @('WiseCX', 'CustomerService', 'Helpdesk', 'API', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS', '{{CommandTags}}')
            # Stamped by build.ps1: the two URIs from RepositoryUrl in Directory.Build.props, the release notes from
            # CHANGELOG.md's section for ModuleVersion. No IconUri: the project has no icon.
            ProjectUri   = '{{ProjectUri}}'
            LicenseUri   = '{{LicenseUri}}'
            ReleaseNotes = '{{ReleaseNotes}}'
        }
    }
}
