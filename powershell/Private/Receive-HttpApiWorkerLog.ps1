function Receive-HttpApiWorkerLog {
    <#
    .SYNOPSIS
    Drains what the worker wrote to stderr, without blocking, into the connection's log.

    .DESCRIPTION
    The worker logs to stderr; an undrained pipe would eventually block it. Lines are read with a
    pending ReadLineAsync that is polled while a request waits (no event handlers, which would need
    a runspace on another thread). The last 50 lines are kept for error messages and each line is
    written to the verbose stream.
    #>
    [CmdletBinding()]
    param(
        # The worker connection (see Start-HttpApiWorkerProcess).
        [Parameter(Mandatory)]
        [hashtable] $Connection,

        # Read until stderr ends or this many milliseconds pass (used after the worker exited).
        [int] $UntilEndWithin = 0
    )

    $deadline = [DateTime]::UtcNow.AddMilliseconds($UntilEndWithin)
    while (-not $Connection.LogEnded) {
        if ($null -eq $Connection.PendingLogLine) {
            try {
                $Connection.PendingLogLine = $Connection.Errors.ReadLineAsync()
            }
            catch {
                $Connection.LogEnded = $true
                return
            }
        }
        $wait = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        $task = $Connection.PendingLogLine
        if ([System.Threading.Tasks.Task]::WaitAny([System.Threading.Tasks.Task[]] @($task), $wait) -lt 0) {
            return
        }
        $line = $null
        if ($task.Status -eq 'RanToCompletion') {
            $line = $task.Result
        }
        $Connection.PendingLogLine = $null
        if ($null -eq $line) {
            $Connection.LogEnded = $true
            return
        }
        $Connection.Log.Enqueue($line)
        while ($Connection.Log.Count -gt 50) {
            [void] $Connection.Log.Dequeue()
        }
        Write-Verbose -Message "HttpApi worker: $line"
    }
}
