# Every contact with the module (paging and prefetch are its business). -First limits the read.
param([long] $First)
if ($First) { Get-WcxContact -First $First } else { Get-WcxContact }
