function Stop-HttpApiWorkerProcess {
    <#
    .SYNOPSIS
    Ends a worker: closes its stdin (it exits when its input ends), kills it if it lingers, and forgets it.
    #>
    [CmdletBinding()]
    param(
        # The worker connection.
        [Parameter(Mandatory)]
        [hashtable] $Connection,

        # Kill at once: the worker's output can no longer be trusted.
        [switch] $Kill
    )

    $process = $Connection.Process
    try {
        if (-not $process.HasExited -and -not $Kill) {
            try {
                $Connection.Input.Close()
            }
            catch {
                Write-Verbose -Message "Closing the worker's stdin failed: $($_.Exception.Message)"
            }
            [void] $process.WaitForExit(3000)
        }
        if (-not $process.HasExited) {
            $process.Kill()
            [void] $process.WaitForExit(3000)
        }
    }
    catch [System.InvalidOperationException], [System.ComponentModel.Win32Exception] {
        Write-Verbose -Message "The worker (process $($Connection.ProcessId)) was already gone: $($_.Exception.Message)"
    }
    finally {
        $process.Dispose()
        if ([object]::ReferenceEquals($script:HttpApiWorker, $Connection)) {
            $script:HttpApiWorker = $null
        }
    }
}
