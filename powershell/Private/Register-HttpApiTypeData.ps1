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
            $rights = @(@('listen', 'delegate') | Where-Object { $this.$_ }) -join ', '
            '{0} ({1})' -f $this.User, $(if ($rights) { $rights } else { 'no rights' })
        }
        'HttpApi.Source' = {
            @(foreach ($property in $this.PSObject.Properties) { '{0}={1}' -f $property.Name, $property.Value }) -join '; '
        }
    }
    foreach ($typeName in $toString.Keys) {
        Update-TypeData -TypeName $typeName -MemberType ScriptMethod -MemberName 'ToString' -Value $toString[$typeName] -Force
    }
    # The other bindings on the same IP mapping, from the mapping's one list of sharers, when read:
    # a copy in every sharer would cost the square of their number (ConvertTo-HttpApiHttpsBinding).
    Update-TypeData -TypeName 'HttpApi.HttpsBinding' -MemberType ScriptProperty -MemberName 'SharedWith' -Force -Value {
        $mapping = $this.DeclaredMapping
        $others = @()
        if ($mapping -and $mapping.PSObject.Properties['SharedBy']) {
            $others = @(foreach ($sharer in $mapping.SharedBy) { if ($sharer.Site -ne $this.Site -or $sharer.BindingInformation -ne $this.BindingInformation) { $sharer } })
        }
        , $others
    }
}
