function Invoke-HttpApiRequest {
    <#
    .SYNOPSIS
    Sends a request to the session's worker and returns the JSON-RPC response (result or error).

    .DESCRIPTION
    A worker that died between calls is replaced before the request is sent. One that is found dead
    while a request is on its way (killed a moment ago, so the exit was not yet visible) is replaced
    and the request sent once more, but only for requests that are safe to repeat: a change that
    may have reached the worker is never sent twice. Client failures are thrown as ErrorRecords.
    #>
    [CmdletBinding()]
    param(
        # The JSON-RPC method.
        [Parameter(Mandatory)]
        [string] $Method,

        # The params, by name.
        [System.Collections.IDictionary] $Params = @{},

        # The request reads only (or is a whatIf plan), so sending it twice is harmless.
        [switch] $Idempotent,

        # The answer may be read into a .NET type (ConvertFrom-HttpApiJson -AnswerOf).
        [switch] $TypedAnswer
    )

    $connection = Get-HttpApiConnection
    $reused = $connection.RequestCount -gt 1
    try {
        Send-HttpApiRequest -Connection $connection -Method $Method -Params $Params -TypedAnswer:$TypedAnswer
    }
    catch {
        if (-not ($Idempotent -and $reused -and $_.FullyQualifiedErrorId -like 'WORKER_EXITED*')) {
            throw
        }
        Write-Verbose -Message "The HttpApi worker was gone ($($_.Exception.Message)); sending $Method to a new one."
        Send-HttpApiRequest -Connection (Get-HttpApiConnection) -Method $Method -Params $Params -TypedAnswer:$TypedAnswer
    }
}
