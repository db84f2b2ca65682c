# What the module's conversions pay per object for the ways PowerShell offers to type an object and
# to read or add its members, on objects parsed by ConvertFrom-Json as the worker's answers are.
# The conversions (ConvertTo-HttpApiHttpsBinding, ConvertTo-HttpApiFinding, ConvertTo-HttpApiObject)
# use the cheap ones: pstypenames, members read directly. Prints microseconds per object, median of 5.
# Run: pwsh -NoProfile -File measure-member-costs.ps1 [-Objects 4000]
param([int] $Objects = 4000)
$ErrorActionPreference = 'Stop'
$json = '[' + ((1..$Objects | ForEach-Object { '{"A":"m1","B":null,"P":[{"M":"m1"},{"M":"m2"}]}' }) -join ',') + ']'
$ways = [ordered]@{
    'PSObject.TypeNames.Insert'  = { param($list) foreach ($item in $list) { $item.PSObject.TypeNames.Insert(0, 'HttpApi.X') } }
    'pstypenames.Insert'         = { param($list) foreach ($item in $list) { $item.pstypenames.Insert(0, 'HttpApi.X') } }
    'PSObject.Properties[name]'  = { param($list) foreach ($item in $list) { $null = $item.PSObject.Properties['A'] } }
    'member read directly'       = { param($list) foreach ($item in $list) { $null = $item.A } }
    'PSObject.Properties.Add'    = { param($list) foreach ($item in $list) { $item.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('Z', 1)) } }
    'Add-Member'                 = { param($list) foreach ($item in $list) { Add-Member -InputObject $item -NotePropertyName Z -NotePropertyValue 1 } }
}
foreach ($name in $ways.Keys) {
    $times = foreach ($round in 1..5) {
        $list = ConvertFrom-Json -InputObject $json
        [GC]::Collect()
        (Measure-Command { & $ways[$name] $list }).TotalMilliseconds * 1000 / $Objects
    }
    $sorted = @($times | Sort-Object)
    '{0,-28} {1,8:n2} us' -f $name, $sorted[2]
}
