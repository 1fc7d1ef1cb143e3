# What the project needs of platyPS, which is not obtainable here: write a platyPS-layout page from a cmdlet's
# metadata, and read pages back (for the drift tests, the examples-as-tests and the MAML compiler).
Set-StrictMode -Version Latest

$script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$script:PagingDescriptions = @{
    First             = 'Returns at most this many objects; no page beyond them is requested.'
    Skip              = 'Passes over this many objects first; whole pages before them are not requested.'
    IncludeTotalCount = 'Writes the total number of records before the first record: the API''s own total where it gives one, the exact count when the whole list fits in the first page, otherwise "Unknown total count" (Accuracy 0).'
}

function Get-ParameterDescription {
    param([xml] $XmlDoc, [System.Management.Automation.ParameterMetadata] $Parameter, [type] $CmdletType)
    if ($script:PagingDescriptions.ContainsKey($Parameter.Name)) { return $script:PagingDescriptions[$Parameter.Name] }
    $declaring = $CmdletType.GetProperty($Parameter.Name).DeclaringType
    $member = $XmlDoc.doc.members.member | Where-Object name -eq "P:$($declaring.FullName).$($Parameter.Name)"
    if (-not $member) { return '' }
    $para = $member.summary.para | Where-Object { $_.type -eq 'description' } | Select-Object -First 1
    if ($para) { ($para.InnerText -replace '\s+', ' ').Trim() } else { ($member.summary.InnerText -replace '\s+', ' ').Trim() }
}

function Get-SyntaxBlock {
    param([System.Management.Automation.CommandInfo] $Command)
    foreach ($set in $Command.ParameterSets) {
        $title = if ($set.IsDefault -and $Command.ParameterSets.Count -gt 1) { "$($set.Name) (Default)" } else { $set.Name }
        "### $title`n" + '```' + "`n$($Command.Name) $set`n" + '```' + "`n"
    }
}

function Get-ParameterTypeName {
    <#
    The type of a parameter as PowerShell itself prints it in the syntax (`<datetime>` for a Nullable[datetime],
    `<string[]>`, `<long>`, `<WcxSession>`): read from the parameter set's syntax text, so that the page's Type line,
    its SYNTAX block and the compiled help all say the same. A switch is `SwitchParameter`, as platyPS writes it.
    #>
    param([System.Management.Automation.CommandInfo] $Command, [string] $Name)
    $type = $Command.Parameters[$Name].ParameterType
    if ($type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    foreach ($set in $Command.ParameterSets | Where-Object { $_.Parameters.Name -contains $Name }) {
        $match = [regex]::Match($set.ToString(), "-$([regex]::Escape($Name))\]? <(?<type>[^>]+)>")
        if ($match.Success) { return $match.Groups['type'].Value }
    }
    $type = [Nullable]::GetUnderlyingType($type) ?? $type
    $type.Name
}

function Get-ParameterYaml {
    <# The metadata block of one parameter, exactly as the code declares it. #>
    param([System.Management.Automation.CommandInfo] $Command, [string] $Name)
    $parameter = $Command.Parameters[$Name]
    $sets = @($Command.ParameterSets | Where-Object { $_.Parameters.Name -contains $Name })
    $setNames = if ($sets.Count -eq $Command.ParameterSets.Count) { '(All)' } else { ($sets.Name) -join ', ' }
    $lines = foreach ($set in $sets) {
        $p = $set.Parameters | Where-Object Name -eq $Name
        [pscustomobject]@{
            Required = $p.IsMandatory
            Position = if ($p.Position -ge 0) { $p.Position } else { 'Named' }
            Pipeline = @(if ($p.ValueFromPipeline) { 'ByValue' }; if ($p.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
        }
    }
    $first = $lines | Select-Object -First 1
    $pipeline = if ($first.Pipeline.Count) { "True ($($first.Pipeline -join ', '))" } else { 'False' }
    $typeName = Get-ParameterTypeName -Command $Command -Name $Name
    @(
        '```yaml'
        "Type: $typeName"
        "Parameter Sets: $setNames"
        ("Aliases: " + ($parameter.Aliases -join ', ')).TrimEnd()
        ''
        "Required: $($first.Required)"
        "Position: $($first.Position)"
        'Default value: None'
        "Accept pipeline input: $pipeline"
        'Accept wildcard characters: False'
        '```'
    ) -join "`n"
}

function New-WcxCmdletDoc {
    <# Writes docs/cmdlets/<Name>.md for a cmdlet that has none yet, filled from its metadata and XML doc comments. #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command,
        [Parameter(Mandatory)] [string] $XmlDocPath,
        [Parameter(Mandatory)] [string] $OutputFolder
    )
    $path = Join-Path $OutputFolder "$($Command.Name).md"
    if (Test-Path $path) { return }
    $xml = [xml](Get-Content $XmlDocPath -Raw)
    $type = $Command.ImplementingType
    $typeDoc = $xml.doc.members.member | Where-Object name -eq "T:$($type.FullName)"
    $synopsis = if ($typeDoc) { (($typeDoc.summary.para | Where-Object type -eq 'synopsis' | Select-Object -First 1).InnerText -replace '\s+', ' ').Trim() } else { '' }
    $parameters = $Command.Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters } | Sort-Object
    $text = @(
        '---'
        'external help file: WiseCx.PowerShell.dll-Help.xml'
        'Module Name: WiseCx'
        'online version:'
        'schema: 2.0.0'
        '---'
        ''
        "# $($Command.Name)"
        ''
        '## SYNOPSIS'
        $synopsis
        ''
        '## SYNTAX'
        ''
        (Get-SyntaxBlock $Command)
        '## DESCRIPTION'
        $synopsis
        ''
        '## EXAMPLES'
        ''
        '### Example 1'
        '```powershell'
        "$($Command.Name)"
        '```'
        ''
        '## PARAMETERS'
        ''
        foreach ($name in $parameters) {
            "### -$name"
            Get-ParameterDescription -XmlDoc $xml -Parameter $Command.Parameters[$name] -CmdletType $type
            ''
            Get-ParameterYaml -Command $Command -Name $name
            ''
        }
        '### CommonParameters'
        'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'
        ''
        '## INPUTS'
        ''
        '## OUTPUTS'
        ''
        foreach ($output in $Command.OutputType) { "### $($output.Name)"; '' }
        '## NOTES'
        ''
        '## RELATED LINKS'
        ''
    ) -join "`n"
    Set-Content -Path $path -Value ($text -replace "`n{3,}", "`n`n") -Encoding utf8NoBOM
    $path
}

function Update-WcxCmdletDoc {
    <#
    .SYNOPSIS
    Brings an existing page in step with the code: the SYNTAX section and every parameter's metadata block are
    rewritten from the cmdlet; parameters the code no longer has are dropped; new ones are added with the text of
    their doc comment. Hand-written descriptions, examples and the other sections are kept.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command,
        [Parameter(Mandatory)] [string] $XmlDocPath,
        [Parameter(Mandatory)] [string] $Path
    )
    $text = (Get-Content $Path -Raw) -replace "`r`n", "`n"
    $xml = [xml](Get-Content $XmlDocPath -Raw)
    $existing = Get-WcxCmdletDoc -Path $Path
    $names = $Command.Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters } | Sort-Object
    $parameters = foreach ($name in $names) {
        $known = $existing.Parameters | Where-Object Name -eq $name
        $description = if ($known -and $known.Description) { $known.Description } else {
            Get-ParameterDescription -XmlDoc $xml -Parameter $Command.Parameters[$name] -CmdletType $Command.ImplementingType }
        $yaml = Get-ParameterYaml -Command $Command -Name $name
        if ($known -and $known.Metadata['Default value']) { $yaml = $yaml.Replace('Default value: None', "Default value: $($known.Metadata['Default value'])") }
        "### -$name`n$description`n`n$yaml`n"
    }
    $common = [regex]::Match($text, '(?ms)^### CommonParameters\n.*?(?=^## )').Value
    $text = [regex]::Replace($text, '(?ms)^## SYNTAX\n.*?(?=^## )', { "## SYNTAX`n`n$((Get-SyntaxBlock $Command) -join "`n")`n" })
    $text = [regex]::Replace($text, '(?ms)^## PARAMETERS\n.*?(?=^## INPUTS)', { "## PARAMETERS`n`n$($parameters -join "`n")`n$common" })
    Set-Content -Path $Path -Value (($text -replace "`n{3,}", "`n`n").TrimEnd() + "`n") -Encoding utf8NoBOM -NoNewline
}

function Get-WcxCmdletDoc {
    <#
    .SYNOPSIS
    Reads a platyPS-layout page: synopsis, description, syntax lines, examples (title, code, remarks, hidden preamble),
    parameters (description and metadata), inputs and outputs.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $text = (Get-Content $Path -Raw) -replace "`r`n", "`n"
    $sections = [ordered]@{}
    foreach ($match in [regex]::Matches($text, '(?ms)^## (?<name>[A-Z ]+)\n(?<body>.*?)(?=^## |\z)')) {
        $sections[$match.Groups['name'].Value.Trim()] = $match.Groups['body'].Value.Trim()
    }
    $examples = foreach ($m in [regex]::Matches($sections['EXAMPLES'], '(?ms)^### (?<title>.+?)\n(?<body>.*?)(?=^### |\z)')) {
        $body = $m.Groups['body'].Value
        $code = [regex]::Matches($body, '(?ms)```powershell\n(?<code>.*?)\n```') | ForEach-Object { $_.Groups['code'].Value }
        $preamble = [regex]::Match($body, '(?ms)<!--\s*preamble\s*\n(?<code>.*?)-->').Groups['code'].Value
        [pscustomobject]@{
            Title    = $m.Groups['title'].Value.Trim()
            Code     = ($code -join "`n")
            # The text around the code; another fenced block in it (a CSV, some output) is kept as an indented block.
            Remarks  = ([regex]::Replace([regex]::Replace($body, '(?ms)```powershell\n.*?```|<!--.*?-->', ''), '(?ms)^```[^\n]*\n(?<block>.*?)\n```',
                    { param($f) ($f.Groups['block'].Value -split '\n' | ForEach-Object { "    $_" }) -join "`n" })).Trim()
            Preamble = $preamble.Trim()
        }
    }
    $parameters = foreach ($m in [regex]::Matches($sections['PARAMETERS'], '(?ms)^### -(?<name>\S+)\n(?<body>.*?)(?=^### |\z)')) {
        $body = $m.Groups['body'].Value
        $yaml = [regex]::Match($body, '(?ms)```yaml\n(?<y>.*?)\n```').Groups['y'].Value
        $meta = @{}
        foreach ($line in $yaml -split "`n") { if ($line -match '^(?<k>[^:]+):\s*(?<v>.*)$') { $meta[$Matches.k] = $Matches.v.Trim() } }
        [pscustomobject]@{
            Name        = $m.Groups['name'].Value
            Description = ([regex]::Replace($body, '(?ms)```yaml.*?```', '')).Trim()
            Yaml        = $yaml
            Metadata    = $meta
        }
    }
    $syntax = [regex]::Matches($sections['SYNTAX'], '(?ms)```\n(?<line>.*?)\n```') | ForEach-Object { $_.Groups['line'].Value.Trim() }
    [pscustomobject]@{
        Name        = [regex]::Match($text, '(?m)^# (\S+)').Groups[1].Value
        Synopsis    = $sections['SYNOPSIS']
        Description = $sections['DESCRIPTION']
        Syntax      = @($syntax)
        Examples    = @($examples)
        Parameters  = @($parameters | Where-Object Name -ne 'CommonParameters')
        Inputs      = $sections['INPUTS']
        Outputs     = $sections['OUTPUTS']
        Notes       = $sections['NOTES']
    }
}

Export-ModuleMember -Function New-WcxCmdletDoc, Update-WcxCmdletDoc, Get-WcxCmdletDoc, Get-ParameterYaml, Get-ParameterTypeName, Get-SyntaxBlock
