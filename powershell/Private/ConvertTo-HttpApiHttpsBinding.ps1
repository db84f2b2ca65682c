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

    Beside the worker's fields a binding has what New-WebBinding and New-IISSiteBinding call them:
    IPAddress and HostName added here (Port is the worker's), Sni, CentralCertificateStore,
    Thumbprint and CertificateStoreName computed when read (Register-HttpApiTypeData): at thousands
    of bindings each property added here costs more than the worker's answer.
    ClientPaths holds every way a client arrives (family x SNI) with mapping objects, and
    ClientsGet (computed when read) says it compactly, as the CLI's "Clients get" column.
    #>
    [CmdletBinding()]
    param(
        # The bindings/https result.
        [Parameter(Mandatory)]
        [object] $Result,

        # The request's source.
        [System.Collections.IDictionary] $Source
    )

    # Thousands of objects. On PowerShell 7 the answer was read into .NET types named as the module's
    # objects are typed (Get-HttpApiAnswerType), so nothing is inserted in their type names and the
    # members the module adds are already fields. Objects from ConvertFrom-Json (Windows PowerShell 5.1,
    # or an answer the types could not hold) are typed here: pstypenames costs about 1 us an object
    # where PSObject.TypeNames costs 30 us, and members are read directly, not through PSObject.Properties (9 us).
    $typed = $Result.GetType().FullName -eq 'HttpApi.HttpsBindingList'

    # Ids are compared exactly, as the worker made them (a hashtable literal would ignore case). They are
    # strings either way (the .NET types read them with New-HttpApiIdReaderType).
    $mappings = New-Object -TypeName System.Collections.Hashtable
    foreach ($mapping in $Result.Mappings) {
        if (-not $typed) {
            $mapping.pstypenames.Insert(0, 'HttpApi.MappingRef')
            foreach ($sharer in @($mapping.SharedBy)) {
                $sharer.pstypenames.Insert(0, 'HttpApi.BindingRef')
            }
        }
        $mappings[$mapping.Id] = $mapping
    }
    $certificates = New-Object -TypeName System.Collections.Hashtable
    # Typed, with local dates as X509Certificate2 shows them, as every cmdlet's certificates are.
    foreach ($certificate in (ConvertTo-HttpApiObject -InputObject @($Result.Certificates) -TypeName 'HttpApi.Certificate')) {
        $certificates[$certificate.Id] = $certificate
    }
    $sourceObject = $null
    if ($Source -and $Source.Count -gt 0) {
        $sourceObject = New-Object -TypeName PSObject -Property $Source
        $sourceObject.pstypenames.Insert(0, 'HttpApi.Source')
    }

    $findings = New-Object -TypeName System.Collections.Generic.List[object]
    $bindings = $Result.Bindings
    if ($null -eq $bindings) {
        $bindings = @()
    }
    foreach ($object in $bindings) {
        $effective = $object.EffectiveMapping
        if (-not $typed) {
            $object.pstypenames.Insert(0, 'HttpApi.HttpsBinding')
            $effective.pstypenames.Insert(0, 'HttpApi.EffectiveMapping')
        }
        if ($null -ne $object.DeclaredMapping) {
            $object.DeclaredMapping = $mappings[$object.DeclaredMapping]
        }
        if ($null -ne $effective.WithSni) {
            $effective.WithSni = $mappings[$effective.WithSni]
        }
        if ($null -ne $effective.WithoutSni) {
            $effective.WithoutSni = $mappings[$effective.WithoutSni]
        }
        # Every way a client arrives (family x SNI), ids replaced by the mapping objects.
        foreach ($path in $object.ClientPaths) {
            if (-not $typed) {
                $path.pstypenames.Insert(0, 'HttpApi.ClientPath')
            }
            if ($null -ne $path.Mapping) {
                $path.Mapping = $mappings[$path.Mapping]
            }
            # Most paths are in no doubt: their empty list is kept rather than rebuilt, a cost per path.
            if ($path.IpFirstCount -gt 0) {
                $path.IpFirst = @(foreach ($id in $path.IpFirst) { $mappings[$id] })
            }
        }
        if ($null -ne $object.Certificate) {
            $object.Certificate = $certificates[$object.Certificate]
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
        if ($typed) {
            $object.HttpApiSource = $sourceObject
            $object.IPAddress = $ipAddress
            $object.HostName = $hostName
            continue
        }
        $properties = $object.PSObject.Properties
        # PSNoteProperty::new, not New-Object: a cmdlet call per property is most of the cost at thousands of bindings.
        if ($sourceObject) {
            $properties.Add([System.Management.Automation.PSNoteProperty]::new('HttpApiSource', $sourceObject))
        }
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('IPAddress', $ipAddress))
        $properties.Add([System.Management.Automation.PSNoteProperty]::new('HostName', $hostName))
    }
    [void] (ConvertTo-HttpApiFinding -InputObject $findings.ToArray())
    $bindings
}
