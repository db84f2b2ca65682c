function ConvertTo-HttpApiSslCertMapping {
    <#
    .SYNOPSIS
    Shapes sslcert/list entries as HttpApi.SslCertMapping objects.

    .DESCRIPTION
    Keeps the worker's fields (Kind, Key, CertificateHash, AppId, CertificateStoreName, Options,
    Owner, Status, StatusDetail)
    and adds the key under the name of the parameter that selects it (IPPort, HostnamePort or
    CcsPort), so mappings pipe into the cmdlets that take those parameters, plus Thumbprint, the
    name admins use for the hash.
    #>
    [CmdletBinding()]
    param(
        # The sslcert/list result's mappings.
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $InputObject,

        # The request's source.
        [System.Collections.IDictionary] $Source
    )

    $keyProperties = @{ ipport = 'IPPort'; hostnameport = 'HostnamePort'; ccs = 'CcsPort' }
    foreach ($mapping in (ConvertTo-HttpApiObject -InputObject $InputObject -TypeName 'HttpApi.SslCertMapping' -Source $Source)) {
        $keyProperty = $keyProperties[[string] $mapping.Kind]
        if ($keyProperty) {
            $mapping.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new($keyProperty, $mapping.Key))
        }
        $mapping.PSObject.Properties.Add([System.Management.Automation.PSAliasProperty]::new('Thumbprint', 'CertificateHash'))
        $mapping
    }
}
