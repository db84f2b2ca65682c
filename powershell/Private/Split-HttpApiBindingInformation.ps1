function Split-HttpApiBindingInformation {
    <#
    .SYNOPSIS
    Splits an http/https bindingInformation (IP:PORT:HOST) into address, port and host name.

    .DESCRIPTION
    Split from the right: the host is after the last colon, the port before it, and the address is
    the rest (so bracketed IPv6 addresses keep their colons). Returns $null for strings of other
    protocols' forms (net.tcp "808:*", net.pipe "*").
    #>
    [CmdletBinding()]
    param(
        # The bindingInformation attribute.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $BindingInformation
    )

    $hostStart = $BindingInformation.LastIndexOf(':')
    if ($hostStart -lt 0) {
        return $null
    }
    $portStart = $BindingInformation.LastIndexOf(':', [Math]::Max(0, $hostStart - 1))
    if ($portStart -lt 0 -or $hostStart -eq 0) {
        return $null
    }
    $port = 0
    if (-not [int]::TryParse($BindingInformation.Substring($portStart + 1, $hostStart - $portStart - 1), [ref] $port)) {
        return $null
    }
    [pscustomobject]@{
        IPAddress = $BindingInformation.Substring(0, $portStart)
        Port = $port
        HostName = $BindingInformation.Substring($hostStart + 1)
    }
}
