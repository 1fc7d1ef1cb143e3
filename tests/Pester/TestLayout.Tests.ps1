# The Pester convention of DEVELOPING.md ("Where the tests of a cmdlet are"), checked so that it cannot drift: every
# exported cmdlet is named in the title of a Describe or Context, so `git grep "Describe '.*<Verb-Noun>"` finds its tests.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $exported = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $exported = (Import-PowerShellDataFile $ModulePath).CmdletsToExport
    # The literal titles of every Describe and Context block, read from the files' syntax trees (not run).
    $titles = foreach ($file in Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1) {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$null, [ref]$null)
        $blocks = $ast.FindAll({
            param($node)
            $node -is [System.Management.Automation.Language.CommandAst] -and $node.GetCommandName() -in 'Describe', 'Context'
        }, $true)
        foreach ($block in $blocks) {
            $title = $block.CommandElements[1]
            if ($title -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
                [pscustomobject]@{ File = $file.Name; Title = $title.Value }
            }
        }
    }
}

Describe 'Where the tests of a cmdlet are' {
    It 'the module exports cmdlets to check' {
        $exported.Count | Should -BeGreaterThan 0
    }

    It '<_> is named in the title of a Describe or Context' -ForEach $exported {
        $name = $_
        $named = @($titles | Where-Object { $_.Title -match "(^|[^\w-])$([regex]::Escape($name))(?![\w-])" })
        $named.Count | Should -BeGreaterThan 0 -Because "DEVELOPING.md asks for a Describe or Context titled with the cmdlet's name in the file of its area"
    }
}
