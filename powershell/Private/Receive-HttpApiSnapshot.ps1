function Receive-HttpApiSnapshot {
    <#
    .SYNOPSIS
    Copies a snapshot a target exported into its temporary folder back to this machine (Copy-Item -FromSession), then removes the target's folder.

    .DESCRIPTION
    Export-HttpApiSnapshot -Session makes each target export into a folder of its own temporary
    path (Export-HttpApiFleetSnapshot); this brings that folder to <Destination>/<computer> and returns the
    export as the local one would be, with the local paths and PSComputerName. The target's folder
    is removed whether or not the copy worked, so a fleet export leaves nothing on the servers.
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.SnapshotExport')]
    param(
        # The calling cmdlet, whose error stream gets a failed copy.
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # What a target's Export-HttpApiSnapshot returned (deserialized, with PSComputerName and RunspaceId).
        [Parameter(Mandatory)]
        [object] $Export,

        # The sessions of the fan-out; the one the export came from is found by its runspace.
        [Parameter(Mandatory)]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        # The local folder for this computer's snapshot (new or empty).
        [Parameter(Mandatory)]
        [string] $Destination
    )

    $from = @($Session | Where-Object { $_.InstanceId -eq $Export.RunspaceId })[0]
    $computer = $Export.PSComputerName
    $remoteDirectory = [string] $Export.Directory
    try {
        if (Test-Path -LiteralPath $Destination) {
            # Checked empty before the export; Copy-Item would otherwise nest the folder inside it.
            Remove-Item -LiteralPath $Destination -Force
        }
        $parent = [System.IO.Path]::GetDirectoryName($Destination)
        if (-not (Test-Path -LiteralPath $parent)) {
            $null = New-Item -ItemType Directory -Path $parent -Force
        }
        Copy-Item -FromSession $from -LiteralPath $remoteDirectory -Destination $Destination -Recurse -ErrorAction Stop
        [pscustomobject]@{
            PSTypeName = 'HttpApi.SnapshotExport'
            PSComputerName = $computer
            Directory = $Destination
            Files = @(Get-ChildItem -LiteralPath $Destination -Recurse -File | ForEach-Object { $_.FullName })
            Notes = @($Export.Notes)
        }
    }
    catch {
        $message = "The snapshot of '$computer' was exported to $remoteDirectory there but could not be copied to ${Destination}: $($_.Exception.Message)"
        $Cmdlet.WriteError((New-HttpApiErrorRecord -Message $message -ErrorId 'SNAPSHOT_COPY_FAILED' -Category WriteError -TargetObject $computer -InnerException $_.Exception))
    }
    finally {
        Invoke-Command -Session $from -ScriptBlock { param($Directory) Remove-Item -LiteralPath $Directory -Recurse -Force -ErrorAction Ignore } -ArgumentList $remoteDirectory
    }
}
