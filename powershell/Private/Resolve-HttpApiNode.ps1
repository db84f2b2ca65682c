function Resolve-HttpApiNode {
    <#
    .SYNOPSIS
    Finds the Node.js executable that runs the worker.

    .DESCRIPTION
    In order: the module variable $script:HttpApiNodePath, $env:HTTPAPI_NODE, then 'node' on PATH
    (node.exe on Windows).
    Either setting may be a full path or a command name. Throws a terminating NODE_NOT_FOUND record
    that names what was looked for.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $configured = $null
    $origin = $null
    if ($script:HttpApiNodePath) {
        $configured = $script:HttpApiNodePath
        $origin = 'the module variable HttpApiNodePath'
    }
    elseif ($env:HTTPAPI_NODE) {
        $configured = $env:HTTPAPI_NODE
        $origin = 'the environment variable HTTPAPI_NODE'
    }

    if ($configured) {
        if (Test-Path -LiteralPath $configured -PathType Leaf) {
            return (Resolve-Path -LiteralPath $configured).ProviderPath
        }
        $command = Get-Command -Name $configured -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        if ($command) {
            return $command.Path
        }
        $message = "Node.js was not found at '$configured' (from $origin): no such file, and no such command on PATH."
        throw (New-HttpApiErrorRecord -Message $message -ErrorId 'NODE_NOT_FOUND' -Category ObjectNotFound -TargetObject $configured -ClientError `
                -RecommendedAction 'Set $env:HTTPAPI_NODE to the full path of node (node.exe on Windows), or remove it to use node from PATH.')
    }

    # The folders of PATH first, as Get-Command walks them, for node's own file name: Get-Command's
    # first use in a session costs tens of milliseconds, paid on every first call of a scheduled script.
    # It stays the fallback for what this walk leaves out (relative folders, other extensions).
    $windows = [System.IO.Path]::DirectorySeparatorChar -eq '\'
    $fileName = if ($windows) { 'node.exe' } else { 'node' }
    $unixMode = [System.IO.File].GetMethod('GetUnixFileMode', [type[]] @([string]))
    foreach ($folder in ([string] $env:PATH).Split([System.IO.Path]::PathSeparator)) {
        $folder = $folder.Trim().Trim('"')
        if (-not $folder -or -not [System.IO.Path]::IsPathRooted($folder)) {
            continue
        }
        $candidate = [System.IO.Path]::Combine($folder, $fileName)
        # On Linux and macOS only an executable file runs (.NET 7 and later tell; Get-Command asks the same).
        if ([System.IO.File]::Exists($candidate) -and ($windows -or -not $unixMode -or ([int] $unixMode.Invoke($null, @($candidate)) -band 0x49))) {
            return $candidate
        }
    }
    $command = Get-Command -Name 'node' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($command) {
        return $command.Path
    }
    $message = "Node.js was not found: the HttpApi module runs its worker with Node.js 20 or later, and 'node' is not on PATH."
    throw (New-HttpApiErrorRecord -Message $message -ErrorId 'NODE_NOT_FOUND' -Category ObjectNotFound -TargetObject 'node' -ClientError `
            -RecommendedAction 'Install Node.js 20 or later (https://nodejs.org), or set $env:HTTPAPI_NODE to the full path of node.')
}
