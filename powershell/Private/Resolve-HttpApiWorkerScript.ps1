function Resolve-HttpApiWorkerScript {
    <#
    .SYNOPSIS
    Finds the bundled worker (httpapi.js) the module starts with node.

    .DESCRIPTION
    In order: the module variable $script:HttpApiWorkerPath, $env:HTTPAPI_WORKER, bin/httpapi.js
    inside the module folder (the packaged module carries it), then ../dist/httpapi.js (the module
    loaded from a checkout of the repository, after 'npm run build').
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $candidates = New-Object System.Collections.Generic.List[string]
    foreach ($configured in @($script:HttpApiWorkerPath, $env:HTTPAPI_WORKER)) {
        if ($configured) {
            # A configured path is the only candidate: falling back would hide the mistake.
            if (Test-Path -LiteralPath $configured -PathType Leaf) {
                return (Resolve-Path -LiteralPath $configured).ProviderPath
            }
            $message = "The HttpApi worker script '$configured' does not exist (set by HttpApiWorkerPath or `$env:HTTPAPI_WORKER)."
            throw (New-HttpApiErrorRecord -Message $message -ErrorId 'WORKER_NOT_FOUND' -Category ObjectNotFound -TargetObject $configured -ClientError)
        }
    }
    # The module's own folder is a file system path: .NET's calls, not the provider cmdlets, whose
    # first use in a session costs tens of milliseconds.
    $candidates.Add([System.IO.Path]::Combine($script:HttpApiModuleRoot, 'bin', 'httpapi.js'))
    $candidates.Add([System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($script:HttpApiModuleRoot), 'dist', 'httpapi.js'))
    foreach ($candidate in $candidates) {
        if ([System.IO.File]::Exists($candidate)) {
            return [System.IO.Path]::GetFullPath($candidate)
        }
    }
    $message = "The HttpApi worker script was not found; looked for $($candidates -join ' and ')."
    throw (New-HttpApiErrorRecord -Message $message -ErrorId 'WORKER_NOT_FOUND' -Category ObjectNotFound -TargetObject $candidates[0] -ClientError `
            -RecommendedAction "In a checkout of the repository run 'npm run build'; a packaged module carries bin/httpapi.js.")
}
