function Get-HttpApiWorker {
    <#
    .SYNOPSIS
    Gets the HttpApi worker process of this PowerShell session.

    .DESCRIPTION
    The HttpApi cmdlets do their work in one Node.js process per session ('node httpapi.js serve',
    JSON-RPC over its stdin and stdout), started by the first cmdlet that needs it, reused by every
    later one, restarted if it died, and stopped when the module is removed. Get-HttpApiWorker
    describes it: whether it runs, its process id, the node and worker script it runs (and the
    startup snapshot it started from, if any: about_HttpApi), the worker's version and the
    protocol methods it implements, how many requests it answered and how many times the session
    started a worker. It does not start one.

    .EXAMPLE
    Get-HttpApiWorker

    Demonstrates how to see whether a worker runs and which process it is.

    .EXAMPLE
    (Get-HttpApiWorker).ImplementedMethods

    Demonstrates how to list the protocol methods the running worker implements.

    .EXAMPLE
    Get-HttpApiWorker | Select-Object -ExpandProperty RecentRequests

    Demonstrates how to see the last requests the cmdlets sent (method and params), for troubleshooting.

    .OUTPUTS
    HttpApi.Worker

    .LINK
    Stop-HttpApiWorker

    .LINK
    about_HttpApi
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.Worker')]
    param()

    $connection = $script:HttpApiWorker
    $running = $false
    if ($connection) {
        try {
            $running = -not $connection.Process.HasExited
        }
        catch [System.InvalidOperationException] {
            $running = $false
        }
    }
    $properties = [ordered]@{
        Running = $running
        ProcessId = $null
        StartTime = $null
        Version = $null
        Platform = $null
        NodeVersion = $null
        NodePath = $null
        WorkerPath = $null
        StartupSnapshot = $null
        Requests = 0
        Starts = $script:HttpApiWorkerStarts
        ImplementedMethods = [string[]] @()
        RecentRequests = [object[]] $script:HttpApiRequestHistory.ToArray()
    }
    if ($connection) {
        $info = $connection.Info
        $properties.ProcessId = $connection.ProcessId
        $properties.StartTime = $connection.StartTime
        $properties.NodePath = $connection.NodePath
        $properties.WorkerPath = $connection.WorkerPath
        $properties.StartupSnapshot = $connection.StartupSnapshot
        $properties.Requests = $connection.RequestCount
        if ($info) {
            $properties.Version = $info.version
            $properties.Platform = $info.platform
            $properties.NodeVersion = $info.node
            $properties.ImplementedMethods = [string[]] @($info.methods | Where-Object { $_.implemented } | ForEach-Object { $_.name })
        }
    }
    $worker = New-Object -TypeName PSObject -Property $properties
    $worker.pstypenames.Insert(0, 'HttpApi.Worker')
    $worker
}
