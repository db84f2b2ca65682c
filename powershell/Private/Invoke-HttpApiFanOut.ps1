function Invoke-HttpApiFanOut {
    <#
    .SYNOPSIS
    Runs the calling cmdlet on every remote session (Invoke-Command fan-out, throttled) and passes its output on, tagged with PSComputerName.

    .DESCRIPTION
    The cmdlet runs on each target with the parameters it was given here, so paths (-Snapshot,
    -ConfigPath, ...) name files on the target and are resolved there, as the target's own prompt
    would. Invoke-Command tags every object with PSComputerName and gives it the type name
    'Deserialized.<type>', which the module's views also select. Errors of a target carry its
    computer name (OriginInfo) and do not stop the others. A target where the module cannot be
    loaded gives one MODULE_NOT_ON_TARGET error naming the computer and how to put the module
    there, and the rest go on.

    With -TemporaryPathParameter, each target gets a new folder under its own temporary path for
    that parameter (Export-HttpApiSnapshot's -Path); a target whose command returns nothing
    removes it again, so a failed export leaves nothing behind.
    #>
    [CmdletBinding()]
    param(
        # The calling cmdlet: its name is run on the targets and its error stream gets the errors.
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # The sessions to run on.
        [Parameter(Mandatory)]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        # How many targets run at once (Invoke-Command -ThrottleLimit).
        [int] $ThrottleLimit = 32,

        # The cmdlet's $PSBoundParameters; -Session, -ThrottleLimit and the local-only common
        # parameters are not sent.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        # Parameters to leave out as well (the local destination of an export).
        [string[]] $Exclude = @(),

        # A parameter set, on each target, to a new folder under that target's temporary path.
        [string] $TemporaryPathParameter
    )

    # The preferences act here, on what comes back: -ErrorAction SilentlyContinue sent along would
    # silence a target's errors before -ErrorVariable could see them.
    $localOnly = @('Session', 'ThrottleLimit', 'RunspaceId', 'HttpApiSource', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction',
        'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm') + $Exclude
    $parameters = @{}
    foreach ($name in $BoundParameters.Keys) {
        if ($localOnly -contains $name) {
            continue
        }
        $value = $BoundParameters[$name]
        # A SwitchParameter would arrive as a property bag; a bool splats onto a switch as -Name:$value.
        if ($value -is [System.Management.Automation.SwitchParameter]) {
            $value = $value.IsPresent
        }
        $parameters[$name] = $value
    }

    # An object piped from a target goes back to it alone, read from the same source there; a local
    # object's source names files here, so it stays here.
    if ($BoundParameters.ContainsKey('RunspaceId')) {
        $origin = @($Session | Where-Object { $_.InstanceId -eq $BoundParameters['RunspaceId'] })
        if ($origin.Count -eq 0) {
            $message = "The piped object came from a session (runspace $($BoundParameters['RunspaceId'])) that is not among -Session; give that session too."
            $Cmdlet.WriteError((New-HttpApiErrorRecord -Message $message -ErrorId 'SESSION_NOT_GIVEN' -Category InvalidArgument -TargetObject $BoundParameters['RunspaceId']))
            return
        }
        $Session = $origin
        if ($BoundParameters.ContainsKey('HttpApiSource') -and $BoundParameters['HttpApiSource']) {
            $parameters['HttpApiSource'] = $BoundParameters['HttpApiSource']
        }
    }

    # Runs on the target: sent as text, so it uses nothing of this module.
    $remote = {
        param($CommandName, $Parameters, $TemporaryPathParameter)
        $reason = $null
        if (-not (Get-Module -Name HttpApi)) {
            $importErrors = $null
            Import-Module -Name HttpApi -ErrorAction SilentlyContinue -ErrorVariable importErrors
            if ($importErrors) {
                $reason = @($importErrors | ForEach-Object { $_.ToString() }) -join ' '
            }
        }
        $command = Get-Command -Name $CommandName -Module HttpApi -CommandType Function -ErrorAction Ignore
        if (-not $command) {
            if (-not $reason) {
                $reason = "no module HttpApi with $CommandName is imported or on PSModulePath"
            }
            Write-Error -Message $reason -ErrorId 'HTTPAPI_MODULE_NOT_ON_TARGET' -Category ObjectNotFound -TargetObject $CommandName
            return
        }
        $temporary = $null
        if ($TemporaryPathParameter) {
            $temporary = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('httpapi-{0}' -f [guid]::NewGuid().ToString('N'))
            $Parameters[$TemporaryPathParameter] = $temporary
            $Parameters['Confirm'] = $false
            $output = @(& $command @Parameters)
            if ($output.Count -eq 0) {
                Remove-Item -LiteralPath $temporary -Recurse -Force -ErrorAction Ignore
            }
            return $output
        }
        & $command @Parameters
    }

    $commandName = $Cmdlet.MyInvocation.MyCommand.Name
    # Errors are taken as objects so each can be passed on (or rewritten) while the others' output streams on.
    Invoke-Command -Session $Session -ThrottleLimit $ThrottleLimit -ScriptBlock $remote -ArgumentList $commandName, $parameters, $TemporaryPathParameter -ErrorAction Continue 2>&1 |
        ForEach-Object {
            if ($_ -isnot [System.Management.Automation.ErrorRecord]) {
                return $_
            }
            if ($_.FullyQualifiedErrorId -notlike 'HTTPAPI_MODULE_NOT_ON_TARGET*') {
                $Cmdlet.WriteError($_)
                return
            }
            $computer = $_.OriginInfo.PSComputerName
            $message = "The HttpApi module is not available on '$computer' ($($_.Exception.Message)). " +
            "Copy the packaged module there (npm run package makes dist/powershell/HttpApi; it needs only Node.js on the target): " +
            "Copy-Item -Path .\HttpApi -Destination <a folder on the target's PSModulePath> -ToSession `$session -Recurse, " +
            "or import it in that session first (Invoke-Command -Session `$session { Import-Module <folder>\HttpApi.psd1 })."
            $Cmdlet.WriteError((New-HttpApiErrorRecord -Message $message -ErrorId 'MODULE_NOT_ON_TARGET' -Category ObjectNotFound -TargetObject $computer `
                        -RecommendedAction "Copy the packaged HttpApi module to '$computer' with Copy-Item -ToSession."))
        }
}
