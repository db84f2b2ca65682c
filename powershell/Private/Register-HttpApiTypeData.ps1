function Register-HttpApiTypeData {
    <#
    .SYNOPSIS
    Gives nested objects a readable ToString, so Format-List shows "ipport 0.0.0.0:443 -> 3F2A..." instead of "@{Kind=...}".

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
}
