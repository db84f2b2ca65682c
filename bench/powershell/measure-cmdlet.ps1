# Times Get-IisHttpsBinding in one pwsh session: module import, the first call (which starts
# the worker), warm calls, and a loop of calls as an admin's script makes them; prints one
# JSON line. Run: pwsh -NoProfile -File measure-cmdlet.ps1 -Module PATH.psd1 -Snapshot DIR -AsOf 2026-06-01T00:00:00Z
param(
    [Parameter(Mandatory = $true)] [string] $Module,
    [Parameter(Mandatory = $true)] [string] $Snapshot,
    # The moment certificate dates are judged as of, as the CLI rows use: the data's certificates
    # would otherwise age into the expiry warnings, and the answer grow with the date of the run.
    [Parameter(Mandatory = $true)] [datetime] $AsOf,
    [int] $WarmCalls = 20,
    [int] $LoopCalls = 0
)
$ErrorActionPreference = 'Stop'
$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Module
$importMs = $watch.Elapsed.TotalMilliseconds
$first = @(Get-IisHttpsBinding -Snapshot $Snapshot -AsOf $AsOf)
$firstMs = $watch.Elapsed.TotalMilliseconds

$warm = New-Object System.Collections.Generic.List[double]
for ($call = 0; $call -lt $WarmCalls; $call++) {
    $watch.Restart()
    $null = @(Get-IisHttpsBinding -Snapshot $Snapshot -AsOf $AsOf)
    $warm.Add($watch.Elapsed.TotalMilliseconds)
}

$loopMs = $null
if ($LoopCalls -gt 0) {
    $watch.Restart()
    for ($call = 0; $call -lt $LoopCalls; $call++) {
        $null = Get-IisHttpsBinding -Snapshot $Snapshot -AsOf $AsOf
    }
    $loopMs = $watch.Elapsed.TotalMilliseconds
}
$fromBlob = [bool] (Get-HttpApiWorker).StartupSnapshot
Stop-HttpApiWorker
[pscustomobject]@{
    importMs  = $importMs
    firstMs   = $firstMs
    warmMs    = $warm.ToArray()
    loopCalls = $LoopCalls
    loopMs    = $loopMs
    startupSnapshot = $fromBlob
    bindings  = $first.Count
} | ConvertTo-Json -Compress
