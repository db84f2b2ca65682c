function Write-HttpApiFrame {
    <#
    .SYNOPSIS
    Sends one JSON-RPC message to the worker with Content-Length framing.

    .DESCRIPTION
    The header is ASCII and the body UTF-8 without a byte order mark, written to the raw stdin
    stream so that no StreamWriter encoding (the console's code page on .NET Framework) is involved.
    #>
    [CmdletBinding()]
    param(
        # The worker connection.
        [Parameter(Mandatory)]
        [hashtable] $Connection,

        # The message (jsonrpc, id, method, params), already reduced to plain values.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $Message
    )

    $json = ConvertTo-Json -InputObject $Message -Depth 32 -Compress
    $body = [System.Text.Encoding]::UTF8.GetBytes($json)
    $header = [System.Text.Encoding]::ASCII.GetBytes("Content-Length: $($body.Length)`r`n`r`n")
    try {
        $Connection.Input.Write($header, 0, $header.Length)
        $Connection.Input.Write($body, 0, $body.Length)
        $Connection.Input.Flush()
    }
    catch [System.IO.IOException], [System.ObjectDisposedException], [System.InvalidOperationException] {
        throw (New-HttpApiWorkerExitedRecord -Connection $Connection -Method ([string] $Message['method']) -Exception $_.Exception)
    }
}
