function New-HttpApiErrorRecord {
    <#
    .SYNOPSIS
    Builds the ErrorRecord for every failure the module reports, so ids, categories and messages stay in one place.

    .DESCRIPTION
    The exception type follows the category, so callers can catch ItemNotFoundException,
    ArgumentException or UnauthorizedAccessException as they would for built-in cmdlets. The
    JSON-RPC code and error data travel in Exception.Data ('HttpApiErrorCode', 'HttpApiErrorData'
    as JSON text, since .NET Framework only accepts serializable values there), and failures of
    the client itself (worker missing, crashed or off-protocol) are marked 'HttpApiClientError'
    so the choke point can make them terminating.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        # What failed, on what, and why.
        [Parameter(Mandatory)]
        [string] $Message,

        # Stable id: the worker's data.id, a JSON-RPC error name, or a client id such as WORKER_EXITED.
        [Parameter(Mandatory)]
        [string] $ErrorId,

        # PowerShell error category.
        [System.Management.Automation.ErrorCategory] $Category = 'NotSpecified',

        # The object the error is about (a site name, a binding, a mapping key).
        [AllowNull()]
        [object] $TargetObject,

        # The underlying .NET exception, if any.
        [System.Exception] $InnerException,

        # The JSON-RPC error code, when the worker answered with an error.
        [Nullable[long]] $Code,

        # The JSON-RPC error data (any object), kept as JSON text.
        [AllowNull()]
        [object] $Data,

        # What to do about it, shown by Get-Error and $Error[0].ErrorDetails.
        [string] $RecommendedAction,

        # Marks a failure of the client (worker missing, crashed, off-protocol): terminating.
        [switch] $ClientError
    )

    $exceptionType = switch ($Category) {
        'ObjectNotFound' { [System.Management.Automation.ItemNotFoundException] }
        'InvalidArgument' { [System.ArgumentException] }
        'PermissionDenied' { [System.UnauthorizedAccessException] }
        'NotImplemented' { [System.NotImplementedException] }
        'OperationStopped' { [System.OperationCanceledException] }
        default { [System.InvalidOperationException] }
    }
    if ($InnerException) {
        $exception = New-Object -TypeName $exceptionType.FullName -ArgumentList $Message, $InnerException
    }
    else {
        $exception = New-Object -TypeName $exceptionType.FullName -ArgumentList $Message
    }
    if ($null -ne $Code) {
        $exception.Data['HttpApiErrorCode'] = [long] $Code
    }
    if ($null -ne $Data) {
        $exception.Data['HttpApiErrorData'] = ConvertTo-Json -InputObject $Data -Depth 16 -Compress
    }
    if ($ClientError) {
        $exception.Data['HttpApiClientError'] = $true
    }

    $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, $ErrorId, $Category, $TargetObject
    if ($RecommendedAction) {
        $record.ErrorDetails = New-Object -TypeName System.Management.Automation.ErrorDetails -ArgumentList $Message
        $record.ErrorDetails.RecommendedAction = $RecommendedAction
    }
    $record
}
