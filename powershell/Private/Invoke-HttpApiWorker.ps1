function Invoke-HttpApiWorker {
    <#
    .SYNOPSIS
    The one place where cmdlets call the worker: builds the request, asks ShouldProcess for changes, and turns failures into ErrorRecords.

    .DESCRIPTION
    Reads return the method's result. A change (-Change) first asks the worker for its plan
    (whatIf: true), shows that plan through the calling cmdlet's ShouldProcess (so -WhatIf prints
    the exact netsh command lines and config diff, and -Confirm asks about them), and only then sends
    the request for real. -Force skips the confirmation (the caller sends allowSharedMapping with
    it), except where -WhatIf or -Confirm is asked for explicitly: those still show the plan.

    A JSON-RPC error from the worker is written with the caller's WriteError (ErrorId = data.id,
    category = data.category, the given target object, the message in the cmdlet's own words), so
    -ErrorAction applies per item, and nothing is returned; with -ReturnError the ErrorRecord is
    returned instead, for callers that decide themselves. A missing, crashed or off-protocol worker
    ends the command with ThrowTerminatingError.
    #>
    [CmdletBinding()]
    param(
        # The calling cmdlet ($PSCmdlet): errors and ShouldProcess go through it.
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # The JSON-RPC method.
        [Parameter(Mandatory)]
        [string] $Method,

        # The method's params other than source; null values are left out.
        [System.Collections.IDictionary] $Params = @{},

        # The source param (see ConvertTo-HttpApiSource); left out when null.
        [System.Collections.IDictionary] $Source,

        # The object errors are about.
        [AllowNull()]
        [object] $TargetObject,

        # The method changes state: get the plan, ask ShouldProcess, then apply.
        [switch] $Change,

        # ShouldProcess target, for changes (for example "binding *:443:www.contoso.com of site Shop").
        [string] $Target,

        # ShouldProcess action, for changes (for example "Remove HTTPS binding").
        [string] $Action,

        # The cmdlet's -Force: the change goes ahead without confirmation.
        [switch] $Force,

        # Return a worker error as an ErrorRecord instead of writing it.
        [switch] $ReturnError,

        # Params whose empty string is a value the caller gave (bindings/update's host '' = every host name).
        [string[]] $KeepEmpty = @(),

        # The answer may be read into a .NET type (ConvertFrom-HttpApiJson -AnswerOf).
        [switch] $TypedAnswer
    )

    # An unbound [string] parameter is '' in PowerShell; no method gives '' a meaning of its own
    # unless the caller names it in -KeepEmpty, so other empty strings are left out like nulls.
    $request = [ordered]@{}
    foreach ($key in $Params.Keys) {
        $value = $Params[$key]
        if ($null -ne $value -and -not ($value -is [string] -and $value -eq '' -and $KeepEmpty -notcontains $key)) {
            $request[$key] = $value
        }
    }
    if ($Source -and $Source.Count -gt 0) {
        $request['source'] = $Source
    }
    # A request about nothing in particular (list everything) is about its source.
    if ($null -eq $TargetObject) {
        $TargetObject = $Target
    }
    if (-not $TargetObject) {
        $TargetObject = $Method
        if ($Source -and $Source.Count -gt 0) {
            $TargetObject = New-Object -TypeName PSObject -Property $Source
            $TargetObject.pstypenames.Insert(0, 'HttpApi.Source')
        }
    }

    try {
        if ($Change) {
            $planRequest = [ordered]@{}
            foreach ($key in $request.Keys) {
                $planRequest[$key] = $request[$key]
            }
            $planRequest['whatIf'] = $true
            $planResponse = Invoke-HttpApiRequest -Method $Method -Params $planRequest -Idempotent
            if ($planResponse.PSObject.Properties['error']) {
                $response = $planResponse
            }
            else {
                $plan = Format-HttpApiPlan -Plan $planResponse.result
                $description = "Performing the operation `"$Action`" on target `"$Target`":$([Environment]::NewLine)$plan"
                $warning = "Are you sure you want to perform this action?$([Environment]::NewLine)$Action on $($Target):$([Environment]::NewLine)$plan"
                # -WhatIf and an explicit -Confirm still show the plan; otherwise -Force is the confirmation.
                $asked = $WhatIfPreference -or ($Cmdlet.MyInvocation.BoundParameters.ContainsKey('Confirm') -and $Cmdlet.MyInvocation.BoundParameters['Confirm'])
                if (($asked -or -not $Force) -and -not $Cmdlet.ShouldProcess($description, $warning, 'Confirm')) {
                    return
                }
                $response = Invoke-HttpApiRequest -Method $Method -Params $request
            }
        }
        else {
            $response = Invoke-HttpApiRequest -Method $Method -Params $request -Idempotent -TypedAnswer:$TypedAnswer
        }
    }
    catch [System.Management.Automation.PipelineStoppedException] {
        throw
    }
    catch {
        if ($_.Exception.Data['HttpApiClientError']) {
            $Cmdlet.ThrowTerminatingError($_)
        }
        throw
    }

    if ($response.PSObject.Properties['error']) {
        $record = ConvertFrom-HttpApiRpcError -RpcError $response.error -TargetObject $TargetObject -CommandName $Cmdlet.MyInvocation.MyCommand.Name
        if ($ReturnError) {
            return $record
        }
        $Cmdlet.WriteError($record)
        return
    }
    if ($Change) {
        if ($response.result.PSObject.Properties['messages']) {
            foreach ($message in @($response.result.messages | Where-Object { $_ })) {
                Write-Verbose -Message $message
            }
        }
        if ($response.result.PSObject.Properties['backup'] -and $response.result.backup) {
            Write-Verbose -Message "The configuration before the change is kept in $($response.result.backup)."
        }
    }
    $response.result
}
