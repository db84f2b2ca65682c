function Assert-HttpApiOneCertificate {
    <#
    .SYNOPSIS
    Ends the calling cmdlet when both -Thumbprint and -DnsName were typed: they would name two certificates.

    .DESCRIPTION
    Called from begin, where only typed parameters are bound: the thumbprint of a piped mapping
    gives way to -DnsName. Not a parameter set: the key's three sets bind piped mappings, and
    DnsName sets beside them leave PowerShell unable to choose one from a piped mapping.
    #>
    [CmdletBinding()]
    param(
        # The calling cmdlet ($PSCmdlet).
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # The calling cmdlet's $PSBoundParameters.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    if ($BoundParameters.ContainsKey('Thumbprint') -and $BoundParameters.ContainsKey('DnsName')) {
        $Cmdlet.ThrowTerminatingError((New-HttpApiErrorRecord -Message 'Give -Thumbprint or -DnsName, not both.' -ErrorId 'INVALID_PARAMS' -Category InvalidArgument -TargetObject $BoundParameters['DnsName']))
    }
}
