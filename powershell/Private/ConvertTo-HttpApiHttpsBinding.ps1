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
    mapping that netsh shows with (null)), and ClientsGet (per address family, what clients get with
    SNI / without, as the CLI's column); Port is the worker's.
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

    $findings = New-Object -TypeName System.Collections.Generic.List[object]
    $bindings = @($Result.Bindings)
    foreach ($object in $bindings) {
        $object.PSObject.TypeNames.Insert(0, 'HttpApi.HttpsBinding')
        $declared = $null
        if ($null -ne $object.DeclaredMapping) {
            $declared = $mappings[$object.DeclaredMapping]
            $object.DeclaredMapping = $declared
        }
        $effective = $object.EffectiveMapping
        $effective.PSObject.TypeNames.Insert(0, 'HttpApi.EffectiveMapping')
        if ($null -ne $effective.WithSni) {
            $effective.WithSni = $mappings[$effective.WithSni]
        }
        if ($null -ne $effective.WithoutSni) {
            $effective.WithoutSni = $mappings[$effective.WithoutSni]
        }
        # Every way a client arrives (family x SNI), ids replaced by the mapping objects; the
        # compact ClientsGet reads as the CLI's "Clients get (SNI / no SNI)" column.
        $pairs = [ordered]@{}
        foreach ($path in @($object.ClientPaths)) {
            $path.PSObject.TypeNames.Insert(0, 'HttpApi.ClientPath')
            if ($null -ne $path.Mapping) {
                $path.Mapping = $mappings[$path.Mapping]
            }
            $path.IpFirst = @(foreach ($id in @($path.IpFirst)) { $mappings[$id] })
            $shown = 'FAIL'
            if ($path.Mapping) {
                $shown = $path.Mapping.Key
                if ($declared -and $declared.Exists -and $path.Mapping.Key -eq $declared.Key) { $shown = 'declared' }
            }
            if ($path.IpFirst.Count -eq 1) { $shown += ' or ' + $path.IpFirst[0].Key }
            elseif ($path.IpFirst.Count -gt 1) { $shown += ' or {0} IP mappings' -f $path.IpFirst.Count }
            $family = [string] $path.Family
            if (-not $pairs.Contains($family)) { $pairs[$family] = @('', '') }
            $pairs[$family][[int] (-not $path.Sni)] = $shown
        }
        $texts = @(foreach ($family in $pairs.Keys) { '{0} / {1}' -f $pairs[$family][0], $pairs[$family][1] })
        $clientsGet = ''
        if ($texts.Count -eq 2 -and $texts[0] -eq $texts[1]) { $clientsGet = $texts[0] }
        else { $clientsGet = @(foreach ($family in $pairs.Keys) { '{0} {1} / {2}' -f ($family -replace '^ip', ''), $pairs[$family][0], $pairs[$family][1] }) -join '; ' }
        $certificate = $null
        if ($null -ne $object.Certificate) {
            $certificate = $certificates[$object.Certificate]
            $object.Certificate = $certificate
        }
        foreach ($finding in $object.Findings) {
            $findings.Add($finding)
        }

        # The worker splits the endpoint; only a binding it could not read is split here.
        $ipAddress = $object.Address
        $hostName = $object.Host
        if ($null -eq $ipAddress) {
            $endpoint = Split-HttpApiBindingInformation -BindingInformation $object.BindingInformation
            if ($endpoint) {
                $ipAddress = $endpoint.IPAddress
                $hostName = $endpoint.HostName
            }
        }
        $thumbprint = $null
        $storeName = $null
        if ($declared) {
            $thumbprint = $declared.CertificateHash
            $storeName = $declared.CertificateStoreName
            # A CCS mapping takes its certificate from the Central Certificate Store: no store to default to.
            if ($declared.Exists -and -not $storeName -and $declared.Kind -in 'ipport', 'hostnameport') {
                $storeName = 'MY'
            }
        }
        if (-not $thumbprint -and $certificate) {
            $thumbprint = $certificate.Thumbprint
        }
        $sslFlags = [int] $object.SslFlags
        $properties = $object.PSObject.Properties
        # PSNoteProperty::new, not New-Object: a cmdlet call per property is most of the cost at thousands of bindings.
        if ($sourceObject) {
            $properties.Add([System.Management.Automation.PSNoteProperty]::new('HttpApiSource', $sourceObject))
        }
        # Port is the worker's own.
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('IPAddress', $ipAddress))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('HostName', $hostName))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('Sni', ($sslFlags -band 1) -eq 1))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('CentralCertificateStore', ($sslFlags -band 2) -eq 2))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('Thumbprint', $thumbprint))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('CertificateStoreName', $storeName))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('ClientsGet', $clientsGet))
    }
    [void] (ConvertTo-HttpApiFinding -InputObject $findings.ToArray())
    $bindings
}
