function Start-HttpApiWorkerProcess {
    <#
    .SYNOPSIS
    Starts the session's worker: from its startup snapshot when one is built, else from the bundle.

    .DESCRIPTION
    The startup snapshot (Resolve-HttpApiStartupSnapshot) starts the worker without compiling and
    evaluating the bundle. A blob that does not start (a node that changed under the same name and
    size, a platform whose node cannot run one) is removed and the worker starts from the bundle; its
    attempt marker stays, so it is not built again. When no blob is built yet, one is built in the
    background after the worker answered, for the next session. Returns the connection
    (Open-HttpApiWorkerProcess).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param()

    $nodePath = Resolve-HttpApiNode
    $workerPath = Resolve-HttpApiWorkerScript
    # --pascal-case: the worker names properties as the module shows them, so no frame is renamed here.
    $serve = @('serve', '--pascal-case')

    $snapshot = Resolve-HttpApiStartupSnapshot -NodePath $nodePath -WorkerPath $workerPath
    if ($snapshot -and $snapshot.Ready) {
        try {
            return (Open-HttpApiWorkerProcess -NodePath $nodePath -WorkerPath $workerPath -Argument (@('--snapshot-blob', $snapshot.Path) + $serve) -StartupSnapshot $snapshot.Path)
        }
        catch [System.Management.Automation.PipelineStoppedException] {
            throw
        }
        catch {
            Write-Verbose -Message "The HttpApi worker did not start from its startup snapshot $($snapshot.Path) ($($_.Exception.Message)); the blob is removed and the worker starts from $workerPath."
            Remove-Item -LiteralPath $snapshot.Path -Force -ErrorAction Ignore
            $snapshot = $null
        }
    }
    $connection = Open-HttpApiWorkerProcess -NodePath $nodePath -WorkerPath $workerPath -Argument (@($workerPath) + $serve)
    if ($snapshot -and -not [System.IO.File]::Exists($snapshot.Attempt)) {
        [void] (Start-HttpApiStartupSnapshotBuild -Snapshot $snapshot)
    }
    $connection
}
