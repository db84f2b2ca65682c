function ConvertTo-HttpApiCommandLine {
    <#
    .SYNOPSIS
    Joins arguments into one command line that Windows' argument parser splits back exactly.

    .DESCRIPTION
    ProcessStartInfo.ArgumentList does not exist in Windows PowerShell 5.1 (.NET Framework), so the
    arguments are quoted by the MSVCRT rules: quotes around arguments with blanks or quotes,
    backslashes doubled before a quote, embedded quotes escaped.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        # The arguments, unquoted.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string[]] $Argument
    )

    $quoted = foreach ($item in $Argument) {
        if ($item -ne '' -and $item -notmatch '[\s"]') {
            $item
            continue
        }
        $escaped = [regex]::Replace($item, '(\\*)"', { param($match) ($match.Groups[1].Value * 2) + '\"' })
        $escaped = [regex]::Replace($escaped, '(\\+)$', { param($match) $match.Groups[1].Value * 2 })
        '"' + $escaped + '"'
    }
    $quoted -join ' '
}
