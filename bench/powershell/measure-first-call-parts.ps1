# Where the first Get-IisHttpsBinding of a fresh pwsh spends its time, step by step as the
# cmdlet takes them, from inside the module (its private functions): Import-Module; finding node,
# the worker script and the startup snapshot; starting the worker and its first answer
# (server/info); the first bindings/https round trip (the worker's cold code, then the frame read
# into objects); the conversion into HttpApi.HttpsBinding objects; and the default table a console
# shows. Each step pays PowerShell's first use of the commands and types it needs, which is most
# of the first call (BENCHMARKS.md, *The first call*). The same requests made again give each
# step's warm cost beside it. Prints one JSON line.
# Run in a fresh pwsh: pwsh -NoProfile -File measure-first-call-parts.ps1 -Module PATH.psd1 -Snapshot DIR
param(
    [Parameter(Mandatory = $true)] [string] $Module,
    [Parameter(Mandatory = $true)] [string] $Snapshot
)
$ErrorActionPreference = 'Stop'
$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Module
$importMs = $watch.Elapsed.TotalMilliseconds
$Snapshot = [IO.Path]::GetFullPath($Snapshot)

$steps = & (Get-Module HttpApi) {
    param($snapshot)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $lap = { $ms = $watch.Elapsed.TotalMilliseconds; $watch.Restart(); [math]::Round($ms, 1) }
    $first = [ordered]@{}
    $nodePath = Resolve-HttpApiNode
    $workerPath = Resolve-HttpApiWorkerScript
    $blob = Resolve-HttpApiStartupSnapshot -NodePath $nodePath -WorkerPath $workerPath
    $first.findNodeWorkerAndBlob = & $lap
    $null = Get-HttpApiConnection
    $first.startWorker = & $lap
    $params = [ordered]@{ source = [ordered]@{ snapshot = $snapshot } }
    # The steps a call takes once the worker runs, into $times: first, then again.
    $requestSteps = {
        param($times)
        $null = Invoke-HttpApiRequest -Method 'server/info' -Params ([ordered]@{})
        $times.serverInfo = & $lap
        $response = Invoke-HttpApiRequest -Method 'bindings/https' -Params $params -TypedAnswer
        $times.bindingsHttps = & $lap
        $bindings = @(ConvertTo-HttpApiHttpsBinding -Result $response.result -Source @{ snapshot = $snapshot })
        $times.conversion = & $lap
        $null = $bindings | Format-Table | Out-String -Width 120
        $times.defaultTable = & $lap
        $bindings.Count
    }
    $count = & $requestSteps $first
    $again = [ordered]@{}
    $watch.Restart()
    $null = & $requestSteps $again
    [pscustomobject]@{ first = $first; again = $again; startupSnapshot = [bool] ($blob -and $blob.Ready); bindings = $count }
} $Snapshot
Stop-HttpApiWorker
[pscustomobject]@{
    importMs        = [math]::Round($importMs, 1)
    firstMs         = $steps.first
    againMs         = $steps.again
    startupSnapshot = $steps.startupSnapshot
    bindings        = $steps.bindings
} | ConvertTo-Json -Compress
