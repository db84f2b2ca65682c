function ConvertTo-HttpApiHttpsBinding {
    <#
    .SYNOPSIS
    Shapes a bindings/https result as HttpApi.HttpsBinding objects with the names admins know.

    .DESCRIPTION
    The worker lists each mapping and certificate once and a binding names them by id; here each
    id is replaced by its object, found in a hashtable, so DeclaredMapping, EffectiveMapping and
    Certificate hold objects as before (bindings that share a mapping or a certificate share the
    object). The parsed objects are kept and typed in place, never copied. SharedWith is computed
    when read (Register-HttpApiTypeData) from the mapping's one list of sharers: copying that list
    into every sharer would cost the square of their number.

    Beside the worker's fields it adds what New-WebBinding and New-IISSiteBinding call them:
    IPAddress, Port, HostName, Sni, CentralCertificateStore, Thumbprint (of the mapping the binding
    declares, else of the certificate it resolves to) and CertificateStoreName ("MY" for an existing
    mapping that netsh shows with (null)).
    #>
    [CmdletBinding()]
    param(
        # The bindings/https result.
        [Parameter(Mandatory)]
        [object] $Result,

        # The request's source.
        [System.Collections.IDictionary] $Source
    )

    # Ids are compared exactly, as the worker made them (a hashtable literal would ignore case).
    $mappings = New-Object -TypeName System.Collections.Hashtable
    foreach ($mapping in @($Result.Mappings)) {
        $mapping.PSObject.TypeNames.Insert(0, 'HttpApi.MappingRef')
        foreach ($sharer in @($mapping.SharedBy)) {
            $sharer.PSObject.TypeNames.Insert(0, 'HttpApi.BindingRef')
        }
        $mappings[$mapping.Id] = $mapping
    }
    $certificates = New-Object -TypeName System.Collections.Hashtable
    foreach ($certificate in @($Result.Certificates)) {
        $certificate.PSObject.TypeNames.Insert(0, 'HttpApi.Certificate')
        # As X509Certificate2 shows them: local DateTime values.
        foreach ($name in 'NotBefore', 'NotAfter') {
            $property = $certificate.PSObject.Properties[$name]
            if ($property -and $property.Value -is [string]) {
                $property.Value = [DateTime]::Parse($property.Value, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToLocalTime()
            }
        }
        $certificates[$certificate.Id] = $certificate
    }
    $sourceObject = $null
    if ($Source -and $Source.Count -gt 0) {
        $sourceObject = New-Object -TypeName PSObject -Property $Source
        $sourceObject.PSObject.TypeNames.Insert(0, 'HttpApi.Source')
    }

    foreach ($object in @($Result.Bindings)) {
        $object.PSObject.TypeNames.Insert(0, 'HttpApi.HttpsBinding')
        if ($null -ne $object.DeclaredMapping) {
            $object.DeclaredMapping = $mappings[$object.DeclaredMapping]
        }
        $effective = $object.EffectiveMapping
        $effective.PSObject.TypeNames.Insert(0, 'HttpApi.EffectiveMapping')
        if ($null -ne $effective.WithSni) {
            $effective.WithSni = $mappings[$effective.WithSni]
        }
        if ($null -ne $effective.WithoutSni) {
            $effective.WithoutSni = $mappings[$effective.WithoutSni]
        }
        if ($null -ne $object.Certificate) {
            $object.Certificate = $certificates[$object.Certificate]
        }
        [void] (ConvertTo-HttpApiFinding -InputObject @($object.Findings))

        $endpoint = Split-HttpApiBindingInformation -BindingInformation $object.BindingInformation
        $thumbprint = $null
        $storeName = $null
        if ($object.DeclaredMapping) {
            $thumbprint = $object.DeclaredMapping.CertificateHash
            $storeName = $object.DeclaredMapping.CertificateStoreName
            if ($object.DeclaredMapping.Exists -and -not $storeName) {
                $storeName = 'MY'
            }
        }
        if (-not $thumbprint -and $object.Certificate) {
            $thumbprint = $object.Certificate.Thumbprint
        }
        $extra = [ordered]@{
            HttpApiSource = $sourceObject
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
            if (-not $object.PSObject.Properties[$name] -and ($name -ne 'HttpApiSource' -or $sourceObject)) {
                $object.PSObject.Properties.Add((New-Object -TypeName System.Management.Automation.PSNoteProperty -ArgumentList $name, $extra[$name]))
            }
        }
        $object
    }
}
