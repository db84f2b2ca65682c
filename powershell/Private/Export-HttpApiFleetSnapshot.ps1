function Export-HttpApiFleetSnapshot {
    <#
    .SYNOPSIS
    Export-HttpApiSnapshot -Session: every target exports its snapshot, which comes back to <Directory>/<computer>.

    .DESCRIPTION
    The local folders are checked first, so a target whose folder is taken (not empty, or a second
    session to the same computer) is an error before anything runs there. -WhatIf and -Confirm
    are asked per computer, with the local folder as the target.
    #>
    [CmdletBinding()]
    param(
        # Export-HttpApiSnapshot itself: ShouldProcess and the error stream.
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # The sessions to collect from.
        [Parameter(Mandatory)]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        # How many targets export at once.
        [int] $ThrottleLimit = 32,

        # Export-HttpApiSnapshot's $PSBoundParameters; its -Path stays here.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        # The local folder that gets one subfolder per computer.
        [Parameter(Mandatory)]
        [string] $Directory
    )

    $folders = @{}
    $targets = New-Object -TypeName 'System.Collections.Generic.List[System.Management.Automation.Runspaces.PSSession]'
    foreach ($target in $Session) {
        # A computer name is a folder name on every platform: IPv6 colons and the like become _.
        $folder = Join-Path -Path $Directory -ChildPath ($target.ComputerName -replace '[\\/:*?"<>|]', '_')
        $taken = $folders.ContainsValue($folder) -or
            ((Test-Path -LiteralPath $folder) -and @(Get-ChildItem -LiteralPath $folder -Force).Count -gt 0)
        if ($taken) {
            $Cmdlet.WriteError((New-HttpApiErrorRecord -Message "The snapshot of '$($target.ComputerName)' would go to $folder, which is not empty (or another session goes there); give another -Path." `
                        -ErrorId 'ALREADY_EXISTS' -Category ResourceExists -TargetObject $target.ComputerName))
            continue
        }
        if (-not $Cmdlet.ShouldProcess($folder, "Export HttpApi snapshot of $($target.ComputerName)")) {
            continue
        }
        $folders[$target.InstanceId] = $folder
        $targets.Add($target)
    }
    if ($targets.Count -eq 0) {
        return
    }
    # Collected first: a session stays busy until the whole Invoke-Command ends, and Copy-Item
    # -FromSession needs it idle.
    $exports = @(Invoke-HttpApiFanOut -Cmdlet $Cmdlet -Session $targets.ToArray() -ThrottleLimit $ThrottleLimit -BoundParameters $BoundParameters -Exclude 'Path' -TemporaryPathParameter 'Path')
    foreach ($export in $exports) {
        Receive-HttpApiSnapshot -Cmdlet $Cmdlet -Export $export -Session $targets.ToArray() -Destination $folders[$export.RunspaceId]
    }
}
