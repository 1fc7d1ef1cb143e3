# Compiles docs/cmdlets/*.md (platyPS layout) into the MAML file Get-Help reads for a binary module:
# what platyPS's New-ExternalHelp would do, which is not obtainable here.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'DocTools.psm1')
$script:Ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# What in-box help (platyPS's MAML) says of the ShouldProcess parameters, which a page lists in its SYNTAX only.
$script:ShouldProcessParameters = @{
    WhatIf  = @{ Description = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'; Aliases = 'wi' }
    Confirm = @{ Description = 'Prompts you for confirmation before running the cmdlet.'; Aliases = 'cf' }
}

function Format-Paragraph([string] $Text) {
    <#
    One paragraph of Markdown as Get-Help shows it: wrapped lines are joined, but lines set out on their own keep their
    break (an indented block such as a CSV sample, with its indentation beyond Markdown's four spaces; list items).
    #>
    $out = [System.Text.StringBuilder]::new()
    $previousBlock = $false
    foreach ($line in $Text -split '\n') {
        $isBlock = $line -match '^(\t| {4})'
        $isItem = $line -match '^ {0,3}([-*+]|\d+\.) '
        # An indented block loses the four spaces (or tab) that mark it in Markdown and keeps any indentation beyond.
        $content = if ($isBlock) { ($line -replace '^(\t| {4})', '').TrimEnd() } else { $line.Trim() }
        if (-not $content) { continue }
        if ($out.Length -eq 0) { [void] $out.Append($content) }
        elseif ($isBlock -or $isItem -or $previousBlock) { [void] $out.Append("`n").Append($content) }
        else { [void] $out.Append(' ').Append($content) }
        $previousBlock = $isBlock
    }
    $out.ToString()
}

function Add-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Text) {
    foreach ($para in ($Text -split "\n\s*\n") | Where-Object { $_.Trim() }) {
        $Writer.WriteElementString('maml', 'para', $script:Ns['maml'], (Format-Paragraph $para))
    }
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, [string] $Required, [string] $Position) {
    $m = $Parameter.Metadata
    $pipeline = if ($m['Accept pipeline input'] -like 'True*') { $m['Accept pipeline input'] -replace '^True', 'True' } else { 'False' }
    if (-not $Position) { $Position = if ($m['Position'] -eq 'Named') { 'named' } else { $m['Position'] } }
    if (-not $Required) { $Required = ($m['Required'] -eq 'True').ToString().ToLowerInvariant() }
    $aliases = if ($m['Aliases']) { $m['Aliases'] } else { 'none' }
    $Writer.WriteStartElement('command', 'parameter', $script:Ns['command'])
    $Writer.WriteAttributeString('required', $Required)
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $script:Ns['maml'], $Parameter.Name)
    $Writer.WriteStartElement('maml', 'description', $script:Ns['maml']); Add-Paragraphs $Writer $Parameter.Description; $Writer.WriteEndElement()
    if ($m['Type'] -ne 'SwitchParameter') {
        $Writer.WriteStartElement('command', 'parameterValue', $script:Ns['command'])
        $Writer.WriteAttributeString('required', 'true'); $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($m['Type']); $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $script:Ns['dev']); $Writer.WriteElementString('maml', 'name', $script:Ns['maml'], $m['Type']); $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $script:Ns['dev'], $m['Default value'])
    $Writer.WriteEndElement()
}

function New-ShouldProcessParameter([string] $Name) {
    [pscustomobject]@{
        Name        = $Name
        Description = $script:ShouldProcessParameters[$Name].Description
        Metadata    = @{
            'Type' = 'SwitchParameter'; 'Parameter Sets' = '(All)'; 'Aliases' = $script:ShouldProcessParameters[$Name].Aliases
            'Required' = 'False'; 'Position' = 'Named'; 'Default value' = 'False'; 'Accept pipeline input' = 'False'
        }
    }
}

function Get-SyntaxToken([string] $Line) {
    <#
    The parameters of one syntax line as PowerShell prints it (`[-Id] <long>`, `[[-Path] <string>]`,
    `[-Status <string>]`, `-Name <string>`, `[-PassThru]`, `-Force`), in its order: name, type, required, positional.
    #>
    $pattern = '\[\[-(?<name>\w+)\] <(?<type>[^>]+)>\]|\[-(?<name>\w+)\] <(?<type>[^>]+)>|\[-(?<name>\w+) <(?<type>[^>]+)>\]|\[-(?<name>\w+)\]|-(?<name>\w+) <(?<type>[^>]+)>|(?<=\s)-(?<name>\w+)'
    foreach ($m in [regex]::Matches($Line, $pattern)) {
        $text = $m.Value
        $positional = $text -match '^\[\[-' -or $text -match '^\[-\w+\] <'
        [pscustomobject]@{
            Name       = $m.Groups['name'].Value
            Type       = if ($m.Groups['type'].Success) { $m.Groups['type'].Value } else { 'SwitchParameter' }
            Required   = $text.StartsWith('-') -or $text -match '^\[-\w+\] <'
            Positional = $positional
        }
    }
}

function Write-TypeList([System.Xml.XmlWriter] $Writer, [string] $Outer, [string] $Inner, [string] $Section) {
    $Writer.WriteStartElement('command', $Outer, $script:Ns['command'])
    foreach ($m in [regex]::Matches($Section, '(?ms)^### (?<type>.+?)\n(?<text>.*?)(?=^### |\z)')) {
        $Writer.WriteStartElement('command', $Inner, $script:Ns['command'])
        $Writer.WriteStartElement('dev', 'type', $script:Ns['dev']); $Writer.WriteElementString('maml', 'name', $script:Ns['maml'], $m.Groups['type'].Value.Trim()); $Writer.WriteEndElement()
        $Writer.WriteStartElement('maml', 'description', $script:Ns['maml']); Add-Paragraphs $Writer $m.Groups['text'].Value; $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function ConvertTo-WcxMaml {
    <#
    .SYNOPSIS
    Writes the MAML help file for every page in a docs folder. With -RepositoryUrl, each command's first related link
    is its page in the repository (<RepositoryUrl>/blob/main/docs/cmdlets/<Name>.md), which Get-Help -Online opens.
    #>
    param([Parameter(Mandatory)] [string] $DocsFolder, [Parameter(Mandatory)] [string] $OutputPath, [string] $RepositoryUrl)
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($file in Get-ChildItem $DocsFolder -Filter '*-*.md' | Sort-Object Name) {
            $doc = Get-WcxCmdletDoc -Path $file.FullName
            $verb, $noun = $doc.Name -split '-', 2
            $writer.WriteStartElement('command', 'command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
            $writer.WriteAttributeString('xmlns', 'maml', $null, 'http://schemas.microsoft.com/maml/2004/10')
            $writer.WriteAttributeString('xmlns', 'dev', $null, 'http://schemas.microsoft.com/maml/dev/2004/10')
            $writer.WriteStartElement('command', 'details', $script:Ns['command'])
            $writer.WriteElementString('command', 'name', $script:Ns['command'], $doc.Name)
            $writer.WriteElementString('command', 'verb', $script:Ns['command'], $verb)
            $writer.WriteElementString('command', 'noun', $script:Ns['command'], $noun)
            $writer.WriteStartElement('maml', 'description', $script:Ns['maml']); Add-Paragraphs $writer $doc.Synopsis; $writer.WriteEndElement()
            $writer.WriteEndElement()
            $writer.WriteStartElement('maml', 'description', $script:Ns['maml']); Add-Paragraphs $writer $doc.Description; $writer.WriteEndElement()

            # One syntax item per parameter set, in the order and with the types of the page's SYNTAX lines (which
            # are PowerShell's own); -WhatIf and -Confirm where the line has them, described as in-box help does.
            $text = (Get-Content $file.FullName -Raw) -replace "`r`n", "`n"
            $parameters = [System.Collections.Generic.List[object]]::new()
            $doc.Parameters | ForEach-Object { $parameters.Add($_) }
            if ($doc.Syntax -match '\[-WhatIf\]') { 'WhatIf', 'Confirm' | Where-Object { $_ -notin $parameters.Name } | ForEach-Object { $parameters.Add((New-ShouldProcessParameter $_)) } }
            $writer.WriteStartElement('command', 'syntax', $script:Ns['command'])
            foreach ($line in $doc.Syntax) {
                $writer.WriteStartElement('command', 'syntaxItem', $script:Ns['command'])
                $writer.WriteElementString('maml', 'name', $script:Ns['maml'], $doc.Name)
                $ordinal = 0
                foreach ($token in Get-SyntaxToken $line) {
                    $p = $parameters | Where-Object Name -eq $token.Name | Select-Object -First 1
                    if (-not $p) {
                        $p = [pscustomobject]@{ Name = $token.Name; Description = ''; Metadata = @{ Type = $token.Type; Position = 'Named'; Required = 'False'; 'Default value' = 'None' } }
                    }
                    $position = 'named'
                    if ($token.Positional) {
                        $position = if ($p.Metadata['Position'] -match '^\d+$') { $p.Metadata['Position'] } else { "$ordinal" }
                        $ordinal++
                    }
                    # The type as the SYNTAX line prints it, so that the compiled syntax is the page's, line for line.
                    $metadata = @{} + $p.Metadata; $metadata['Type'] = $token.Type
                    $item = [pscustomobject]@{ Name = $p.Name; Description = $p.Description; Metadata = $metadata }
                    Write-Parameter $writer $item -Required $token.Required.ToString().ToLowerInvariant() -Position $position
                }
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
            $writer.WriteStartElement('command', 'parameters', $script:Ns['command'])
            foreach ($p in $parameters | Sort-Object Name) { Write-Parameter $writer $p }
            $writer.WriteEndElement()
            Write-TypeList $writer 'inputTypes' 'inputType' $doc.Inputs
            Write-TypeList $writer 'returnValues' 'returnValue' $doc.Outputs
            $writer.WriteStartElement('maml', 'alertSet', $script:Ns['maml'])
            $writer.WriteStartElement('maml', 'alert', $script:Ns['maml']); Add-Paragraphs $writer $doc.Notes; $writer.WriteEndElement()
            $writer.WriteEndElement()
            $writer.WriteStartElement('command', 'examples', $script:Ns['command'])
            foreach ($example in $doc.Examples) {
                $writer.WriteStartElement('command', 'example', $script:Ns['command'])
                $writer.WriteElementString('maml', 'title', $script:Ns['maml'], "-------------------------- $($example.Title) --------------------------")
                $writer.WriteElementString('dev', 'code', $script:Ns['dev'], $example.Code)
                $writer.WriteStartElement('dev', 'remarks', $script:Ns['dev']); Add-Paragraphs $writer $example.Remarks; $writer.WriteEndElement()
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
            $writer.WriteStartElement('command', 'relatedLinks', $script:Ns['command'])
            if ($RepositoryUrl) {
                # First, as platyPS writes "online version:": the link Get-Help -Online opens.
                $writer.WriteStartElement('maml', 'navigationLink', $script:Ns['maml'])
                $writer.WriteElementString('maml', 'linkText', $script:Ns['maml'], 'Online Version:')
                $writer.WriteElementString('maml', 'uri', $script:Ns['maml'], "$($RepositoryUrl.TrimEnd('/'))/blob/main/docs/cmdlets/$($doc.Name).md")
                $writer.WriteEndElement()
            }
            foreach ($link in [regex]::Matches($text, '(?m)^\[(?<name>[^\]]+)\]\((?<uri>[^)]*)\)')) {
                $writer.WriteStartElement('maml', 'navigationLink', $script:Ns['maml'])
                $writer.WriteElementString('maml', 'linkText', $script:Ns['maml'], $link.Groups['name'].Value)
                $uri = $link.Groups['uri'].Value
                $writer.WriteElementString('maml', 'uri', $script:Ns['maml'], $(if ($uri -like 'http*') { $uri } else { '' }))
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

Export-ModuleMember -Function ConvertTo-WcxMaml
