function Merge-HttpApiSslFlag {
    <#
    .SYNOPSIS
    Lays the sslFlags switches a cmdlet was given (-Sni, -DisableTls13:$false, ...) over an sslFlags value.

    .DESCRIPTION
    A switch given as present sets its bit, given as $false clears it, and one not given leaves it
    as it is, so -Sni alone keeps every other bit of the value (ConvertTo-HttpApiSslFlagChange says
    which bits the switches set and clear).
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param(
        # The value the switches change.
        [int] $SslFlags,

        # The calling cmdlet's $PSBoundParameters.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    $bits = ConvertTo-HttpApiSslFlagChange -BoundParameters $BoundParameters
    ($SslFlags -bor $bits.Set) -band (-bnot $bits.Clear)
}
