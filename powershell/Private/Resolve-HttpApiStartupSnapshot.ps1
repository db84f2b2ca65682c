function Resolve-HttpApiStartupSnapshot {
    <#
    .SYNOPSIS
    Names the worker's startup snapshot for this node and this worker, and says whether it is built.

    .DESCRIPTION
    A worker started with 'node --snapshot-blob BLOB serve' deserializes a heap in which the bundle is
    already compiled and evaluated, instead of compiling and evaluating it (BENCHMARKS.md, "Worker cold
    start"). A blob runs only on the node binary that built it, so it is built on this machine
    ('httpapi startup-snapshot') and named after what it depends on: node's path, length and last write
    time, and the same of httpapi-startup.cjs, the bundle it is built from. A node update or a new
    module names another blob.

    Returns $null when no startup snapshot applies: $env:HTTPAPI_STARTUP_SNAPSHOT is 'off', the worker
    has no httpapi-startup.cjs beside it (a worker script configured by path, such as a test's), or no
    cache folder is known. Otherwise a hashtable: Path (the blob), Attempt (the marker a build leaves
    beside it), StartupScript, Folder, Ready (the blob exists), and the NodePath and WorkerPath it
    was named for (Start-HttpApiStartupSnapshotBuild builds it with them).

    The folder is $env:HTTPAPI_CACHE_DIR, else HttpApi under LOCALAPPDATA on Windows, else httpapi under
    XDG_CACHE_HOME or ~/.cache: the user's own, since the worker runs whatever the blob holds.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        # The node executable the worker runs on.
        [Parameter(Mandatory)]
        [string] $NodePath,

        # The worker script (httpapi.js); the snapshot's bundle is httpapi-startup.cjs beside it.
        [Parameter(Mandatory)]
        [string] $WorkerPath
    )

    if ($env:HTTPAPI_STARTUP_SNAPSHOT -eq 'off') {
        return $null
    }
    # Every path here is a file system path already (node's and the worker's are resolved): .NET's
    # calls, not the provider cmdlets, whose first use in a session costs tens of milliseconds.
    $startupScript = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($WorkerPath), 'httpapi-startup.cjs')
    if (-not [System.IO.File]::Exists($startupScript)) {
        return $null
    }
    $folder = $null
    if ($env:HTTPAPI_CACHE_DIR) {
        $folder = $env:HTTPAPI_CACHE_DIR
    }
    elseif ($env:LOCALAPPDATA) {
        $folder = [System.IO.Path]::Combine($env:LOCALAPPDATA, 'HttpApi')
    }
    elseif ($env:XDG_CACHE_HOME) {
        $folder = [System.IO.Path]::Combine($env:XDG_CACHE_HOME, 'httpapi')
    }
    elseif ($HOME) {
        $folder = [System.IO.Path]::Combine($HOME, '.cache', 'httpapi')
    }
    if (-not $folder) {
        return $null
    }

    $identity = foreach ($file in @($NodePath, $startupScript)) {
        $item = [System.IO.FileInfo]::new($file)
        '{0}|{1}|{2}' -f $item.FullName, $item.Length, $item.LastWriteTimeUtc.Ticks
    }
    $sha256 = [System.Security.Cryptography.SHA256]::Create()
    try {
        $hash = $sha256.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($identity -join "`n"))
    }
    finally {
        $sha256.Dispose()
    }
    $name = 'worker-' + [System.BitConverter]::ToString($hash, 0, 8).Replace('-', '').ToLowerInvariant()
    $path = [System.IO.Path]::Combine($folder, "$name.blob")
    @{
        Path = $path
        Attempt = "$path.attempt"
        StartupScript = $startupScript
        Folder = $folder
        NodePath = $NodePath
        WorkerPath = $WorkerPath
        Ready = [System.IO.File]::Exists($path)
    }
}
