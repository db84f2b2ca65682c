function Stop-HttpApiWorker {
    <#
    .SYNOPSIS
    Stops the HttpApi worker process of this PowerShell session.

    .DESCRIPTION
    The Stop-HttpApiWorker function ends the session's worker (see Get-HttpApiWorker): it closes
    the worker's input, which makes it exit once the request it is working on is answered, and
    kills it if it has not exited after three seconds (at once with -Force). The next HttpApi
    cmdlet starts a new worker, so this is how to pick up a rebuilt worker or a new
    $env:HTTPAPI_NODE. Removing the module stops the worker too. Without a worker it does nothing.

    .EXAMPLE
    Stop-HttpApiWorker

    Demonstrates how to stop the worker; the next cmdlet starts a new one.

    .EXAMPLE
    $env:HTTPAPI_NODE = 'C:\Tools\node22\node.exe'; Stop-HttpApiWorker; Get-HttpApiWorker

    Demonstrates how to switch to another Node.js: the worker started by the next cmdlet uses it.

    .OUTPUTS
    None.

    .LINK
    Get-HttpApiWorker

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([void])]
    param(
        # Kill the worker at once instead of letting it finish the request in progress.
        [switch] $Force
    )

    $connection = $script:HttpApiWorker
    if (-not $connection) {
        Write-Verbose -Message 'No HttpApi worker is running in this session.'
        return
    }
    if ($PSCmdlet.ShouldProcess("HttpApi worker (node process $($connection.ProcessId))", 'Stop')) {
        Stop-HttpApiWorkerProcess -Connection $connection -Kill:$Force
    }
}
