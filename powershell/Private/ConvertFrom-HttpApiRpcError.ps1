function ConvertFrom-HttpApiRpcError {
    <#
    .SYNOPSIS
    Turns a JSON-RPC error from the worker into an ErrorRecord.

    .DESCRIPTION
    ErrorId is the worker's stable data.id (NOT_FOUND, NO_SOURCE, ... from src/errors.ts), and the
    category is data.category, a PowerShell ErrorCategory name chosen by the worker. JSON-RPC's own
    errors (invalid params, unknown method, cancelled) carry no data.id: they get the names the
    OpenRPC document gives them.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        # The "error" member of a JSON-RPC response.
        [Parameter(Mandatory)]
        [object] $RpcError,

        # The object the request was about.
        [AllowNull()]
        [object] $TargetObject,

        # The cmdlet that asked: the message is put in its words (ConvertTo-HttpApiCallerWord).
        [string] $CommandName
    )

    $code = [long] $RpcError.code
    $data = $null
    if ($RpcError.PSObject.Properties['data']) {
        $data = $RpcError.data
    }
    $wellKnown = @{
        '-32700' = @('PARSE_ERROR', 'InvalidData')
        '-32600' = @('INVALID_REQUEST', 'InvalidData')
        '-32601' = @('METHOD_NOT_FOUND', 'NotImplemented')
        '-32602' = @('INVALID_PARAMS', 'InvalidArgument')
        '-32603' = @('INTERNAL_ERROR', 'InvalidOperation')
        '-32800' = @('REQUEST_CANCELLED', 'OperationStopped')
    }
    $errorId = "RPC_ERROR_$code"
    $category = [System.Management.Automation.ErrorCategory]::NotSpecified
    if ($wellKnown.ContainsKey([string] $code)) {
        $errorId = $wellKnown[[string] $code][0]
        $category = $wellKnown[[string] $code][1]
    }
    if ($data -and $data.PSObject.Properties['id'] -and $data.id) {
        $errorId = [string] $data.id
    }
    if ($data -and $data.PSObject.Properties['category'] -and $data.category) {
        $parsed = [System.Management.Automation.ErrorCategory]::NotSpecified
        if ([System.Enum]::TryParse([string] $data.category, $true, [ref] $parsed)) {
            $category = $parsed
        }
    }

    $advice = @{
        NO_SOURCE = 'Give -Snapshot, -ConfigPath, -IisExpress, -Solution, -NetshPath, -SslcertFile, -UrlaclFile or -CertsDir, or run on the Windows machine itself.'
        NOT_ELEVATED = 'Run PowerShell as Administrator: http.sys changes need elevation.'
        NETSH_UNAVAILABLE = 'Check the -NetshPath value, or that netsh.exe is present.'
    }
    $recommended = ''
    if ($advice.ContainsKey($errorId)) {
        $recommended = $advice[$errorId]
    }

    $message = [string] $RpcError.message
    if ($CommandName) {
        $message = ConvertTo-HttpApiCallerWord -Text $message
    }
    New-HttpApiErrorRecord -Message $message -ErrorId $errorId -Category $category -TargetObject $TargetObject `
        -Code $code -Data $data -RecommendedAction $recommended
}
