# Times the administrator's baseline in one pwsh session: the first run (cold .NET paths) and
# warm runs; prints one JSON line. Run: pwsh -NoProfile -File measure-admin.ps1 -Snapshot DIR
param(
    [Parameter(Mandatory = $true)] [string] $Snapshot,
    [int] $Runs = 3
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Get-AdminHttpsBinding.ps1')
$times = New-Object System.Collections.Generic.List[double]
$count = 0
$withHash = 0
for ($run = 0; $run -lt $Runs; $run++) {
    [GC]::Collect()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $bindings = @(Get-AdminHttpsBinding -Snapshot $Snapshot)
    $times.Add($watch.Elapsed.TotalMilliseconds)
    $count = $bindings.Count
    $withHash = @($bindings | Where-Object { $_.CertificateHash }).Count
}
[pscustomobject]@{ runsMs = $times.ToArray(); bindings = $count; withHash = $withHash } | ConvertTo-Json -Compress
