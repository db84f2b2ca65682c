function ConvertTo-HttpApiHttpsBinding {
    <#
    .SYNOPSIS
    Shapes bindings/https entries as HttpApi.HttpsBinding objects with the names admins know.

    .DESCRIPTION
    Beside the worker's fields (Site, BindingInformation, SslFlags, DeclaredMapping,
    EffectiveMapping, Certificate, SharedWith, Findings) it adds what New-WebBinding and
    New-IISSiteBinding call them: IPAddress, Port, HostName, Sni, CentralCertificateStore,
    Thumbprint (of the mapping the binding declares, else of the certificate it resolves to) and
    CertificateStoreName ("MY" for an existing ipport/hostnameport mapping that netsh shows with (null)).
    #>
    [CmdletBinding()]
    param(
        # The bindings/https result's bindings.
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $InputObject,

        # The request's source.
        [System.Collections.IDictionary] $Source
    )

    foreach ($object in (ConvertTo-HttpApiObject -InputObject $InputObject -TypeName 'HttpApi.HttpsBinding' -Source $Source)) {
        $endpoint = Split-HttpApiBindingInformation -BindingInformation $object.BindingInformation
        $thumbprint = $null
        $storeName = $null
        if ($object.DeclaredMapping) {
            $thumbprint = $object.DeclaredMapping.CertificateHash
            $storeName = $object.DeclaredMapping.CertificateStoreName
            # A CCS mapping takes its certificate from the Central Certificate Store: no store to default to.
            if ($object.DeclaredMapping.Exists -and -not $storeName -and $object.DeclaredMapping.Kind -in 'ipport', 'hostnameport') {
                $storeName = 'MY'
            }
        }
        if (-not $thumbprint -and $object.Certificate) {
            $thumbprint = $object.Certificate.Thumbprint
        }
        $extra = [ordered]@{
            IPAddress = $null
            Port = $null
            HostName = $null
            Sni = (([int] $object.SslFlags) -band 1) -eq 1
            CentralCertificateStore = (([int] $object.SslFlags) -band 2) -eq 2
            Thumbprint = $thumbprint
            CertificateStoreName = $storeName
        }
        if ($endpoint) {
            $extra.IPAddress = $endpoint.IPAddress
            $extra.Port = $endpoint.Port
            $extra.HostName = $endpoint.HostName
        }
        foreach ($name in $extra.Keys) {
            # The worker may already send some of these (Port): its value stands.
            if (-not $object.PSObject.Properties[$name]) {
                $object.PSObject.Properties.Add((New-Object -TypeName System.Management.Automation.PSNoteProperty -ArgumentList $name, $extra[$name]))
            }
        }
        $object
    }
}
