# Compiles src/WiseCx.PowerShell/Formats.psd1 into a PowerShell format file (ps1xml).
Set-StrictMode -Version Latest

function ConvertTo-FormatColumn([string] $Spec) {
    $name, $kind = $Spec -split ':', 2
    $script = switch ($kind) {
        # The module's dates are already local (about_WiseCx): shown as they are, so the screen agrees with the object.
        'date' { "if (`$null -ne `$_.$name) { `$_.$name.ToString('yyyy-MM-dd HH:mm') }" }
        'join' { "if (`$null -ne `$_.$name) { @(`$_.$name) -join ', ' }" }
        # @($null).Count is 1: an absent list counts as none.
        'count' { "if (`$null -eq `$_.$name) { 0 } else { @(`$_.$name).Count }" }
        default { $null }
    }
    [pscustomobject]@{ Name = $name; Script = $script }
}

function ConvertTo-WcxFormatXml {
    <# .SYNOPSIS Returns the ps1xml text for the views described in a Formats.psd1 table. #>
    param([Parameter(Mandatory)] [hashtable] $Views)
    $xml = [System.Text.StringBuilder]::new()
    $null = $xml.AppendLine('<?xml version="1.0" encoding="utf-8"?>').AppendLine('<Configuration>').AppendLine('  <ViewDefinitions>')
    foreach ($type in $Views.Keys | Sort-Object) {
        $view = $Views[$type]
        if ($view.ContainsKey('Table')) {
            $columns = @($view.Table | ForEach-Object { ConvertTo-FormatColumn $_ })
            $null = $xml.AppendLine("    <View><Name>$type</Name><ViewSelectedBy><TypeName>$type</TypeName></ViewSelectedBy><TableControl><AutoSize />")
            $null = $xml.AppendLine('      <TableHeaders>')
            foreach ($c in $columns) { $null = $xml.AppendLine("        <TableColumnHeader><Label>$($c.Name)</Label></TableColumnHeader>") }
            $null = $xml.AppendLine('      </TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems>')
            foreach ($c in $columns) { $null = $xml.AppendLine('        <TableColumnItem>' + (Get-Item $c) + '</TableColumnItem>') }
            $null = $xml.AppendLine('      </TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View>')
        }
        if ($view.ContainsKey('List')) {
            $null = $xml.AppendLine("    <View><Name>$type</Name><ViewSelectedBy><TypeName>$type</TypeName></ViewSelectedBy><ListControl><ListEntries><ListEntry><ListItems>")
            foreach ($c in @($view.List | ForEach-Object { ConvertTo-FormatColumn $_ })) {
                $null = $xml.AppendLine("        <ListItem><Label>$($c.Name)</Label>" + (Get-Item $c) + '</ListItem>')
            }
            $null = $xml.AppendLine('      </ListItems></ListEntry></ListEntries></ListControl></View>')
        }
    }
    $null = $xml.AppendLine('  </ViewDefinitions>').AppendLine('</Configuration>')
    $xml.ToString()
}

function Get-Item($Column) {
    if ($Column.Script) { '<ScriptBlock>' + [System.Security.SecurityElement]::Escape($Column.Script) + '</ScriptBlock>' }
    else { "<PropertyName>$($Column.Name)</PropertyName>" }
}

Export-ModuleMember -Function ConvertTo-WcxFormatXml
