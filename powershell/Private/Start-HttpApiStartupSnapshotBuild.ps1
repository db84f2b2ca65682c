function Start-HttpApiStartupSnapshotBuild {
    <#
    .SYNOPSIS
    Starts building the worker's startup snapshot in the background, once per blob name.

    .DESCRIPTION
    Runs 'node httpapi.js startup-snapshot --out BLOB' hidden, at below-normal priority, and does not
    wait: this session's worker already runs from the bundle, and the next session starts from the
    blob. The build writes the blob beside its final name and renames it, so no worker reads half of
    one. The attempt marker (BLOB.attempt, holding the command line and the time) is created first and
    never removed, so a node that cannot build or run startup snapshots costs one try, not one per
    session; delete the marker to try again. Blobs of other names (an older node or module) that
    were written more than 30 days ago are removed with their markers: two modules or nodes in use
    side by side keep their own. Returns the started process, or $null when another session
    already tried.
    #>
    [CmdletBinding()]
    [OutputType([System.Diagnostics.Process])]
    param(
        # What Resolve-HttpApiStartupSnapshot returned: the blob, and the node and worker script
        # (whose startup-snapshot command builds it) it is named for.
        [Parameter(Mandatory)]
        [hashtable] $Snapshot
    )

    $nodePath = $Snapshot.NodePath
    $arguments = @($Snapshot.WorkerPath, 'startup-snapshot', '--out', $Snapshot.Path)
    $commandLine = ConvertTo-HttpApiCommandLine -Argument $arguments
    try {
        [void] [System.IO.Directory]::CreateDirectory($Snapshot.Folder)
        # CreateNew: of two sessions starting at once, one builds.
        $marker = New-Object -TypeName System.IO.FileStream -ArgumentList $Snapshot.Attempt, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write)
        try {
            $text = [System.Text.Encoding]::UTF8.GetBytes("$([DateTime]::UtcNow.ToString('o')) $nodePath $commandLine`n")
            $marker.Write($text, 0, $text.Length)
        }
        finally {
            $marker.Dispose()
        }
    }
    catch {
        Write-Verbose -Message "No startup snapshot is built for the HttpApi worker: $($_.Exception.Message)"
        return $null
    }
    $staleBefore = [DateTime]::UtcNow.AddDays(-30)
    foreach ($stale in @(Get-ChildItem -LiteralPath $Snapshot.Folder -Filter 'worker-*' -File -ErrorAction Ignore)) {
        if ($stale.LastWriteTimeUtc -lt $staleBefore -and -not $stale.FullName.StartsWith($Snapshot.Path, [System.StringComparison]::OrdinalIgnoreCase)) {
            Remove-Item -LiteralPath $stale.FullName -Force -ErrorAction Ignore
        }
    }

    $startInfo = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = $nodePath
    $startInfo.Arguments = $commandLine
    $startInfo.WorkingDirectory = $Snapshot.Folder
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    # Every stream its own: under PowerShell remoting over SSH this session's stdin and stdout are the
    # transport, which an inherited handle would break. Output is never read (two lines fit the
    # pipe), and stdin is closed at once.
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = New-Object -TypeName System.Diagnostics.Process
    $process.StartInfo = $startInfo
    try {
        [void] $process.Start()
    }
    catch {
        Write-Verbose -Message "Could not start building the HttpApi worker's startup snapshot ($nodePath $commandLine): $($_.Exception.Message)"
        return $null
    }
    $process.StandardInput.Close()
    try {
        $process.PriorityClass = [System.Diagnostics.ProcessPriorityClass]::BelowNormal
    }
    catch {
        Write-Verbose -Message "The startup snapshot build keeps normal priority: $($_.Exception.Message)"
    }
    Write-Verbose -Message "Building the HttpApi worker's startup snapshot in the background: process $($process.Id), $nodePath $commandLine"
    $process
}
