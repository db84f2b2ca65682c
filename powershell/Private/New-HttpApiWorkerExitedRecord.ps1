function New-HttpApiWorkerExitedRecord {
    <#
    .SYNOPSIS
    Describes a worker that went away in the middle of a request: its exit code and last stderr lines.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        # The worker connection.
        [Parameter(Mandatory)]
        [hashtable] $Connection,

        # The method being sent or awaited.
        [Parameter(Mandatory)]
        [string] $Method,

        # The I/O exception, if one was raised.
        [System.Exception] $Exception
    )

    $process = $Connection.Process
    $exitCode = 'unknown (it had not exited after 2 s)'
    try {
        if ($process.WaitForExit(2000)) {
            $exitCode = $process.ExitCode
        }
    }
    catch {
        $exitCode = 'unknown'
    }
    Receive-HttpApiWorkerLog -Connection $Connection -UntilEndWithin 1000
    $tail = @($Connection.Log.ToArray() | Select-Object -Last 5)
    $message = "The HttpApi worker (node process $($Connection.ProcessId)) exited with code $exitCode while handling $Method"
    if ($tail.Count -gt 0) {
        $message += ': ' + ($tail -join ' | ')
    }
    else {
        $message += '; it wrote nothing to stderr.'
    }
    New-HttpApiErrorRecord -Message $message -ErrorId 'WORKER_EXITED' -Category ResourceUnavailable -TargetObject $Method `
        -InnerException $Exception -ClientError `
        -RecommendedAction "Run the command again: the module starts a new worker. If it keeps failing, run '$($Connection.NodePath) $($Connection.WorkerPath) serve' to see why."
}
