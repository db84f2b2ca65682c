<#
.SYNOPSIS
Runs the HttpApi Pester suite and prints a closing summary line "N passed, N failed[, N skipped]".

.DESCRIPTION
Started by scripts/run-pester.mjs (npm run test:powershell) with the Pester module to import.
Exits 1 when a test, a block or a whole file failed, 0 otherwise.
#>
[CmdletBinding()]
param(
    # Pester.psd1 to import (Pester 5).
    [Parameter(Mandatory)]
    [string] $PesterPath,

    # Test files or folders to run, separated by the path separator (':' or ';'); by default every
    # *.Tests.ps1 next to this script.
    [string] $Path = $PSScriptRoot,

    # Pester output verbosity: None, Normal, Detailed, Diagnostic.
    [string] $Verbosity = 'Normal'
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterPath -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = @($Path -split [regex]::Escape([string] [System.IO.Path]::PathSeparator) | Where-Object { $_ })
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = $Verbosity
$configuration.Should.ErrorAction = 'Stop'
# The workers of the suite build and use their startup snapshot (about_HttpApi) in a folder of this
# run, not the user's cache: the first tests start from the bundle, the rest from the blob.
$ownCache = -not $env:HTTPAPI_CACHE_DIR
if ($ownCache) {
    $env:HTTPAPI_CACHE_DIR = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath "httpapi-pester-$PID"
}
try {
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    if ($ownCache) {
        Remove-Item -LiteralPath $env:HTTPAPI_CACHE_DIR -Recurse -Force -ErrorAction Ignore
        Remove-Item -Path Env:HTTPAPI_CACHE_DIR
    }
}

# Each skipped test with its reason (Set-ItResult -Because; a -Skip condition's test says it in its name),
# so a skip never hides in the count.
if ($result.SkippedCount -gt 0) {
    [Console]::Out.WriteLine(('Skipped tests ({0}), with their reason:' -f $result.SkippedCount))
    foreach ($test in $result.Skipped) {
        $reason = @($test.ErrorRecord | ForEach-Object { $_.Exception.Message } | Where-Object { $_ }) -join ' '
        [Console]::Out.WriteLine(('  {0}{1}' -f $test.ExpandedPath, $(if ($reason) { ": $reason" } else { '' })))
    }
}
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
$summary = '{0} passed, {1} failed' -f $result.PassedCount, $failed
if ($result.SkippedCount -gt 0) {
    $summary += ', {0} skipped' -f $result.SkippedCount
}
[Console]::Out.WriteLine($summary)
if ($failed -gt 0) {
    exit 1
}
exit 0
