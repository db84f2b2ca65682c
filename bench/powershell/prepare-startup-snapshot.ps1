# Makes the module build its worker's startup snapshot before the bench times anything: a session
# that starts the worker (from the bundle, which starts the build in the background), then waits
# for the blob. Run: pwsh -NoProfile -File prepare-startup-snapshot.ps1 -Module PATH.psd1 -Snapshot DIR
param(
    [Parameter(Mandatory = $true)] [string] $Module,
    [Parameter(Mandatory = $true)] [string] $Snapshot
)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$null = Get-IisHttpsBinding -Snapshot $Snapshot
$worker = Get-HttpApiWorker
$blob = & (Get-Module HttpApi) { (Resolve-HttpApiStartupSnapshot -NodePath $args[0] -WorkerPath $args[1]).Path } $worker.NodePath $worker.WorkerPath
$deadline = [DateTime]::UtcNow.AddSeconds(120)
while (-not (Test-Path -LiteralPath $blob)) {
    if ([DateTime]::UtcNow -gt $deadline) {
        throw "the module built no startup snapshot at $blob within 120 s (see $blob.attempt)"
    }
    Start-Sleep -Milliseconds 200
}
Stop-HttpApiWorker
