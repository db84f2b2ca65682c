function Send-HttpApiRequest {
    <#
    .SYNOPSIS
    Sends one JSON-RPC request over a worker connection and returns the response message.

    .DESCRIPTION
    Every request carries a progressToken; the worker's $/progress notifications for it become
    Write-Progress records. Responses to other ids (requests abandoned by Ctrl+C) are dropped. When
    the wait is interrupted, $/cancelRequest is sent so the worker stops working for nobody. A
    client failure (exit, protocol break) kills the worker: its stream can no longer be trusted,
    and the next request starts a new one.
    #>
    [CmdletBinding()]
    param(
        # The worker connection.
        [Parameter(Mandatory)]
        [hashtable] $Connection,

        # The JSON-RPC method.
        [Parameter(Mandatory)]
        [string] $Method,

        # The params, by name; reduced to plain values here.
        [System.Collections.IDictionary] $Params = @{},

        # The answer may be read into a .NET type (ConvertFrom-HttpApiJson -AnswerOf).
        [switch] $TypedAnswer
    )

    $Connection.NextId = $Connection.NextId + 1
    $id = $Connection.NextId
    $token = "httpapi-powershell-$id"
    $body = ConvertTo-HttpApiJsonValue -InputObject $Params
    $body['progressToken'] = $token
    $request = [ordered]@{ jsonrpc = '2.0'; id = $id; method = $Method; params = $body }

    $script:HttpApiRequestHistory.Enqueue((New-Object -TypeName PSObject -Property ([ordered]@{ Method = $Method; Params = (ConvertTo-Json -InputObject $body -Depth 16 -Compress) })))
    while ($script:HttpApiRequestHistory.Count -gt 50) {
        [void] $script:HttpApiRequestHistory.Dequeue()
    }

    $completed = $false
    $progressShown = $false
    $activity = "HttpApi: $Method"
    try {
        Write-HttpApiFrame -Connection $Connection -Message $request
        $Connection.RequestCount = $Connection.RequestCount + 1
        while ($true) {
            $message = ConvertFrom-HttpApiJson -Json (Read-HttpApiFrame -Connection $Connection -Method $Method) -AnswerOf $(if ($TypedAnswer) { $Method })
            if ($message.PSObject.Properties['method']) {
                if ($message.method -eq '$/progress' -and $message.params.token -eq $token) {
                    $value = $message.params.value
                    $progress = @{ Activity = $activity; Status = ([string] $value.message); Id = 46710 }
                    if ($value.PSObject.Properties['percentage'] -and $null -ne $value.percentage) {
                        $progress['PercentComplete'] = [int] $value.percentage
                    }
                    Write-Progress @progress
                    $progressShown = $true
                }
                continue
            }
            if (-not $message.PSObject.Properties['id']) {
                continue
            }
            # An error with a null id answers a request the worker could not read: only ours is outstanding.
            if ($message.id -eq $id -or ($null -eq $message.id -and $message.PSObject.Properties['error'])) {
                $completed = $true
                return $message
            }
        }
    }
    catch {
        if ($_.Exception.Data['HttpApiClientError']) {
            $completed = $true
            Stop-HttpApiWorkerProcess -Connection $Connection -Kill
        }
        throw
    }
    finally {
        if (-not $completed) {
            try {
                Write-HttpApiFrame -Connection $Connection -Message ([ordered]@{ jsonrpc = '2.0'; method = '$/cancelRequest'; params = [ordered]@{ id = $id } })
            }
            catch {
                Write-Verbose -Message "Could not cancel $Method on the worker: $($_.Exception.Message)"
            }
        }
        if ($progressShown) {
            Write-Progress -Activity $activity -Id 46710 -Completed
        }
    }
}
