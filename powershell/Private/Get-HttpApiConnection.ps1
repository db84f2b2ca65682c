function Get-HttpApiConnection {
    <#
    .SYNOPSIS
    Returns the session's worker connection, starting the worker on first use or when it died.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param()

    $connection = $script:HttpApiWorker
    if ($connection) {
        $exited = $true
        try {
            $exited = $connection.Process.HasExited
        }
        catch [System.InvalidOperationException] {
            $exited = $true
        }
        if (-not $exited) {
            return $connection
        }
        Write-Verbose -Message "The HttpApi worker (process $($connection.ProcessId)) has exited; starting a new one."
        Stop-HttpApiWorkerProcess -Connection $connection
    }
    $connection = Start-HttpApiWorkerProcess
    $script:HttpApiWorker = $connection
    $script:HttpApiWorkerStarts = $script:HttpApiWorkerStarts + 1
    $connection
}
