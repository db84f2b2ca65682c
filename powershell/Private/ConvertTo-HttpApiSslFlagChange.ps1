function ConvertTo-HttpApiSslFlagChange {
    <#
    .SYNOPSIS
    Turns the sslFlags switches a cmdlet was given (-Sni, -DisableTls13:$false, ...) into the bits to set and to clear.

    .DESCRIPTION
    A switch given as present is a bit to set, given as $false a bit to clear; one not given is in
    neither. Set-IisHttpsBinding sends them as bindings/update's setSslFlags and clearSslFlags, which
    the worker applies to the binding's value as it reads it under the change lock: no read before
    the change, so no change made between a read and the write is undone. Returns a hashtable with
    Set and Clear (0 when no bit).
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        # The calling cmdlet's $PSBoundParameters.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    $change = @{ Set = 0; Clear = 0 }
    foreach ($name in $script:HttpApiSslFlagBits.Keys) {
        if ($BoundParameters.ContainsKey($name)) {
            if ($BoundParameters[$name]) {
                $change.Set = $change.Set -bor $script:HttpApiSslFlagBits[$name]
            }
            else {
                $change.Clear = $change.Clear -bor $script:HttpApiSslFlagBits[$name]
            }
        }
    }
    $change
}
