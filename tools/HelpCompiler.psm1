# Compiles docs/cmdlets/*.md (platyPS layout) into the MAML file Get-Help reads for a binary module:
# what platyPS's New-ExternalHelp would do, which is not obtainable here.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'DocTools.psm1')
$script:Ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Add-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Text) {
    foreach ($para in ($Text -split "\n\s*\n") | Where-Object { $_.Trim() }) {
        $Writer.WriteElementString('maml', 'para', $script:Ns['maml'], (($para -replace '\s*\n\s*', ' ').Trim()))
    }
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter) {
    $m = $Parameter.Metadata
    $pipeline = if ($m['Accept pipeline input'] -like 'True*') { $m['Accept pipeline input'] -replace '^True', 'True' } else { 'False' }
    $position = if ($m['Position'] -eq 'Named') { 'named' } else { $m['Position'] }
    $aliases = if ($m['Aliases']) { $m['Aliases'] } else { 'none' }
    $Writer.WriteStartElement('command', 'parameter', $script:Ns['command'])
    $Writer.WriteAttributeString('required', ($m['Required'] -eq 'True').ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position)
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
    <# .SYNOPSIS Writes the MAML help file for every page in a docs folder. #>
    param([Parameter(Mandatory)] [string] $DocsFolder, [Parameter(Mandatory)] [string] $OutputPath)
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

            # One syntax item per parameter set, from the SYNTAX headings and each parameter's "Parameter Sets".
            $text = Get-Content $file.FullName -Raw
            $sets = [regex]::Matches($text, '(?m)^### (?<set>\S+)( \(Default\))?\n```') | ForEach-Object { $_.Groups['set'].Value }
            $writer.WriteStartElement('command', 'syntax', $script:Ns['command'])
            foreach ($set in $sets) {
                $writer.WriteStartElement('command', 'syntaxItem', $script:Ns['command'])
                $writer.WriteElementString('maml', 'name', $script:Ns['maml'], $doc.Name)
                foreach ($p in $doc.Parameters) {
                    $inSets = $p.Metadata['Parameter Sets']
                    if ($inSets -eq '(All)' -or ($inSets -split ',\s*') -contains $set) { Write-Parameter $writer $p }
                }
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()
            $writer.WriteStartElement('command', 'parameters', $script:Ns['command'])
            foreach ($p in $doc.Parameters) { Write-Parameter $writer $p }
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
