function Register-HttpApiTypeData {
    <#
    .SYNOPSIS
    Gives nested objects a readable ToString, so Format-List shows "ipport 0.0.0.0:443 -> 3F2A..." instead of "@{Kind=...}", and bindings their SharedWith.

    .DESCRIPTION
    Update-TypeData -Force is idempotent, unlike a TypesToProcess file, which Windows PowerShell
    5.1 refuses to load twice when the module is imported again with -Force.
    #>
    [CmdletBinding()]
    param()

    $toString = @{
        'HttpApi.Certificate' = { '{0} ({1})' -f $this.Subject, $this.Thumbprint }
        'HttpApi.MappingRef' = {
            $text = '{0} {1}' -f $this.Kind, $this.Key
            if (-not $this.Exists) { $text + ' (missing)' } elseif ($this.CertificateHash) { $text + ' -> ' + $this.CertificateHash } else { $text }
        }
        'HttpApi.EffectiveMapping' = { 'with SNI: {0}; without SNI: {1}' -f $(if ($this.WithSni) { $this.WithSni } else { 'none' }), $(if ($this.WithoutSni) { $this.WithoutSni } else { 'none' }) }
        'HttpApi.ClientPath' = {
            $text = '{0} {1}: {2}' -f $(if ($this.Family -eq 'ipv6') { 'IPv6' } else { 'IPv4' }), $(if ($this.Sni) { 'SNI' } else { 'no SNI' }), $(if ($this.Mapping) { $this.Mapping } else { 'none (handshake fails)' })
            if (@($this.IpFirst).Count -gt 0) { $text += '; if ip:port overrules SNI: ' + (@($this.IpFirst) -join ', ') }
            $text
        }
        'HttpApi.Finding' = { '{0} {1}: {2}' -f $this.Severity, $this.Code, $this.Message }
        'HttpApi.BindingRef' = { '{0} {1}' -f $this.Site, $this.BindingInformation }
        'HttpApi.SiteBinding' = { '{0} {1}' -f $this.Protocol, $this.BindingInformation }
        'HttpApi.SslCertOption' = { '{0}={1}' -f $this.Name, $this.Raw }
        'HttpApi.UrlAclUser' = {
            $rights = @(if ($this.Listen) { 'listen' }; if ($this.Delegate) { 'delegate' }) -join ', '
            '{0} ({1})' -f $this.User, $(if ($rights) { $rights } else { 'no rights' })
        }
        'HttpApi.Source' = {
            @(foreach ($property in $this.PSObject.Properties) { '{0}={1}' -f $property.Name, $property.Value }) -join '; '
        }
    }
    $bindingProperties = [ordered]@{}
    # The other bindings on the same IP mapping, from the mapping's one list of sharers, when read:
    # a copy in every sharer would cost the square of their number (ConvertTo-HttpApiHttpsBinding).
    $bindingProperties['SharedWith'] = {
        $mapping = $this.DeclaredMapping
        $others = @()
        if ($mapping -and $mapping.PSObject.Properties['SharedBy']) {
            $others = @(foreach ($sharer in $mapping.SharedBy) { if ($sharer.Site -ne $this.Site -or $sharer.BindingInformation -ne $this.BindingInformation) { $sharer } })
        }
        , $others
    }
    # What New-WebBinding and New-IISSiteBinding call a binding's parts, computed when read: added
    # to every object, they cost more than the worker's whole answer at thousands of bindings.
    # (IPAddress and HostName are added by ConvertTo-HttpApiHttpsBinding: a binding the worker could
    # not split is split by a private function, which type data, made from the scripts' text,
    # cannot call.)
    $bindingProperties['Sni'] = { ([int] $this.SslFlags -band 1) -eq 1 }
    $bindingProperties['CentralCertificateStore'] = { ([int] $this.SslFlags -band 2) -eq 2 }
    # Of the mapping the binding declares, else of the certificate it resolves to.
    $bindingProperties['Thumbprint'] = {
        $thumbprint = $null
        if ($this.DeclaredMapping) { $thumbprint = $this.DeclaredMapping.CertificateHash }
        if (-not $thumbprint -and $this.Certificate) { $thumbprint = $this.Certificate.Thumbprint }
        $thumbprint
    }
    # "MY" for an existing mapping that netsh shows with (null); a CCS mapping takes its certificate
    # from the Central Certificate Store: no store to default to.
    $bindingProperties['CertificateStoreName'] = {
        $declared = $this.DeclaredMapping
        if ($declared) {
            $storeName = $declared.CertificateStoreName
            if ($declared.Exists -and -not $storeName -and $declared.Kind -in 'ipport', 'hostnameport') { 'MY' } else { $storeName }
        }
    }
    # What clients get per address family, with SNI / without, as the CLI's "Clients get" column;
    # computed when read, so only a table that shows it pays for it.
    $bindingProperties['ClientsGet'] = {
        # As the CLI's show(): the ip-first doubt of a specific-address binding can be its own
        # mapping, and then reads "declared" like the SNI answer does. Inline, without a script
        # block or cmdlet per path: a table of thousands of bindings reads it for every row.
        $declared = $this.DeclaredMapping
        $declaredKey = $null
        if ($declared -and $declared.Exists) { $declaredKey = $declared.Key }
        $families = @()
        $cells = @{}
        foreach ($path in $this.ClientPaths) {
            $mapping = $path.Mapping
            $shown = if (-not $mapping) { 'FAIL' } elseif ($null -ne $declaredKey -and $mapping.Key -eq $declaredKey) { 'declared' } else { $mapping.Key }
            $count = $path.IpFirstCount
            if ($count -eq 1) {
                $other = @($path.IpFirst)[0]
                $shown += ' or ' + $(if (-not $other) { 'FAIL' } elseif ($null -ne $declaredKey -and $other.Key -eq $declaredKey) { 'declared' } else { $other.Key })
            }
            elseif ($count -gt 1) { $shown += " or $count IP mappings" }
            $family = [string] $path.Family
            $cell = $cells[$family]
            if ($null -eq $cell) {
                $cell = @('', '')
                $cells[$family] = $cell
                $families += $family
            }
            $cell[[int] (-not $path.Sni)] = $shown
        }
        $texts = @(foreach ($family in $families) { $cells[$family][0] + ' / ' + $cells[$family][1] })
        if ($texts.Count -eq 2 -and $texts[0] -eq $texts[1]) { $texts[0] }
        else { @(for ($index = 0; $index -lt $texts.Count; $index++) { ($families[$index] -replace '^ip', '') + ' ' + $texts[$index] }) -join '; ' }
    }
    # One Update-TypeData for all of it: a call per member was a fifth of Import-Module.
    $types = New-Object -TypeName System.Collections.Generic.List[System.Management.Automation.Runspaces.TypeData]
    foreach ($typeName in $toString.Keys) {
        # Objects from a -Session target are property bags named Deserialized.*: they read the same.
        foreach ($name in $typeName, "Deserialized.$typeName") {
            $type = New-Object -TypeName System.Management.Automation.Runspaces.TypeData -ArgumentList $name
            $type.Members.Add('ToString', (New-Object -TypeName System.Management.Automation.Runspaces.ScriptMethodData -ArgumentList 'ToString', $toString[$typeName]))
            $types.Add($type)
        }
    }
    $binding = New-Object -TypeName System.Management.Automation.Runspaces.TypeData -ArgumentList 'HttpApi.HttpsBinding'
    foreach ($name in $bindingProperties.Keys) {
        $binding.Members.Add($name, (New-Object -TypeName System.Management.Automation.Runspaces.ScriptPropertyData -ArgumentList $name, $bindingProperties[$name]))
    }
    $types.Add($binding)
    # Remoting serializes one level deep by default: a binding's mapping, certificate and findings,
    # and the bindings sharing its mapping, would arrive as strings from a -Session target.
    $binding.SerializationDepth = 3
    foreach ($typeName in 'HttpApi.Site', 'HttpApi.SslCertMapping', 'HttpApi.UrlAcl', 'HttpApi.SnapshotExport') {
        $type = New-Object -TypeName System.Management.Automation.Runspaces.TypeData -ArgumentList $typeName
        $type.SerializationDepth = 3
        $types.Add($type)
    }
    Update-TypeData -TypeData $types.ToArray() -Force
}
