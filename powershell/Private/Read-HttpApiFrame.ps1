function Read-HttpApiFrame {
    <#
    .SYNOPSIS
    Waits for the next frame from the worker and returns its JSON body as text.

    .DESCRIPTION
    Reads the raw stdout stream with a pending ReadAsync kept on the connection, waited on in short
    slices: Ctrl+C stops the command between slices, and the read still pending then serves the next
    request, so no byte is lost and the worker stays usable. End of stream means the worker exited.
    Each read goes straight into the free end of the connection's one buffer, which is sized for the
    whole frame as soon as its header is known: a large answer costs a few bulk reads, no copies.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The worker connection.
        [Parameter(Mandatory)]
        [hashtable] $Connection,

        # The method whose answer is awaited, for messages.
        [Parameter(Mandatory)]
        [string] $Method
    )

    while ($true) {
        # Once a frame's header is read, nothing is parsed again until its whole body is buffered: a
        # 14 MB answer arrives in hundreds of reads (216 of 64 KB on Linux; on Windows, inferred, not
        # measured: thousands, a redirected pipe's default buffer being 4 KB), and each look costs a
        # function call and the header's parse (about 0.25 ms).
        if (-not ($Connection['FrameEnd'] -gt $Connection.Filled)) {
            $body = Get-HttpApiBufferedFrame -Connection $Connection
            if ($null -ne $body) {
                return $body
            }
        }
        if ($null -eq $Connection.PendingRead) {
            try {
                if ($Connection.Filled -eq $Connection.Buffer.Length) {
                    # A full buffer without a complete header: room for the rest of the 8 KiB header limit.
                    $grown = New-Object -TypeName byte[] -ArgumentList ($Connection.Buffer.Length * 2)
                    [System.Buffer]::BlockCopy($Connection.Buffer, 0, $grown, 0, $Connection.Filled)
                    $Connection.Buffer = $grown
                }
                $Connection.PendingRead = $Connection.Output.ReadAsync($Connection.Buffer, $Connection.Filled, $Connection.Buffer.Length - $Connection.Filled)
            }
            catch {
                throw (New-HttpApiWorkerExitedRecord -Connection $Connection -Method $Method -Exception $_.Exception)
            }
        }
        $pending = [System.Threading.Tasks.Task[]] @($Connection.PendingRead)
        while ([System.Threading.Tasks.Task]::WaitAny($pending, 100) -lt 0) {
            Receive-HttpApiWorkerLog -Connection $Connection
        }
        $count = 0
        try {
            # Statements in a finally block are not interrupted by Ctrl+C: the bytes are counted
            # and the read cleared together, or neither.
        }
        finally {
            $task = $Connection.PendingRead
            if ($task.Status -eq 'RanToCompletion') {
                $count = $task.Result
            }
            $Connection.Filled = $Connection.Filled + $count
            $Connection.PendingRead = $null
        }
        if ($count -eq 0) {
            throw (New-HttpApiWorkerExitedRecord -Connection $Connection -Method $Method -Exception $task.Exception)
        }
    }
}
