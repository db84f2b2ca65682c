function Set-IisHttpsBinding {
    <#
    .SYNOPSIS
    Changes an https binding's address, port, host name or sslFlags in place; its http.sys certificate mapping moves with it.

    .DESCRIPTION
    The Set-IisHttpsBinding function edits an https binding of applicationHost.config where it
    stands (only the values in its <binding> element change) with the HttpApi worker's
    bindings/update method. When the mapping the binding declares changes key (a new host of an
    SNI binding, a new address or port), the new mapping is added first with the old one's
    certificate, store, application id and every option (or the certificate given with
    -Thumbprint or chosen by -DnsName), then the configuration is written, then the old mapping is deleted, but only
    when no other binding still uses it and it is this server's. When the key stays (sslFlags bits
    beyond SNI and CCS) the mapping stays. If a step fails, the steps done are undone.

    Parameters not given keep the binding's value. -WhatIf shows the netsh command lines and the
    configuration diff and changes nothing; -Confirm asks with the same text. A mapping that other
    bindings share changes only with -Force, which also skips the confirmation. ConfirmImpact is
    Medium: the binding keeps serving, at its new address.

    .EXAMPLE
    Set-IisHttpsBinding -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -HostName www2.contoso.com -WhatIf

    Demonstrates how to see the netsh commands and the configuration diff of a new host name, without changing anything.

    .EXAMPLE
    Get-IisHttpsBinding -SiteName Admin | Set-IisHttpsBinding -Port 9443 -Confirm:$false -PassThru

    Demonstrates how to move a piped binding to another port, its mapping with it, and get the binding back.

    .EXAMPLE
    Set-IisHttpsBinding -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -HostName shop.contoso.com -DnsName shop.contoso.com -WhatIf

    Demonstrates how to move a binding to a new host name with the newest valid certificate for it, and see which certificate would be chosen and why not the others.

    .EXAMPLE
    Set-IisHttpsBinding -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DisableLegacyTls

    Demonstrates how to set one sslFlags bit and keep the others; the mapping stays as it is.

    .OUTPUTS
    HttpApi.HttpsBinding, with -PassThru.

    .LINK
    New-IisHttpsBinding

    .LINK
    Set-IisHttpsBindingCertificate

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    [OutputType('HttpApi.HttpsBinding')]
    param(
        # The site the binding belongs to; bound from the Site of piped bindings.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'Site')]
        [string] $SiteName,

        # The binding as it is now, IP:port:host ('*:443:www.contoso.com'); bound from piped bindings.
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [string] $BindingInformation,

        # The new address: '*' (all unassigned), an IPv4 address or a bracketed IPv6 address.
        [string] $IPAddress,

        # The new port.
        [ValidateRange(1, 65535)]
        [int] $Port,

        # The new host name (host header); '' for every host name (not with SNI).
        [AllowEmptyString()]
        [string] $HostName,

        # The whole new sslFlags value; the switches below set or clear their bits in it. Without it the switches change those bits of the binding's value as the worker reads it under its change lock, so no change made meanwhile is undone.
        [ValidateRange(0, 2147483647)]
        [int] $SslFlags,

        # Require Server Name Indication (sslFlags bit 1); -Sni:$false clears it.
        [switch] $Sni,

        # Use the Central Certificate Store (sslFlags bit 2).
        [switch] $CentralCertificateStore,

        # Disable HTTP/2 on this binding (sslFlags bit 4).
        [switch] $DisableHttp2,

        # Disable OCSP stapling (sslFlags bit 8).
        [switch] $DisableOcspStapling,

        # Disable QUIC (HTTP/3) (sslFlags bit 16).
        [switch] $DisableQuic,

        # Disable TLS 1.3 (sslFlags bit 32).
        [switch] $DisableTls13,

        # Disable TLS 1.0 and 1.1 (sslFlags bit 64).
        [switch] $DisableLegacyTls,

        # The thumbprint of the certificate the binding's mapping serves after the change; by default the one it serves now.
        # Not taken from piped bindings.
        [Alias('CertificateHash', 'CertificateThumbprint')]
        [string] $Thumbprint,

        # Instead of -Thumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com).
        # The worker chooses the newest certificate in the store that covers it, is valid now, is for
        # server authentication and has its private key; -WhatIf shows which and why not the others.
        # Given with -Thumbprint, the worker refuses both.
        [Alias('CertificateSubject')]
        [string] $DnsName,

        # The LocalMachine store holding -Thumbprint's certificate, or the one -DnsName chooses from (by default the mapping's store now).
        [string] $CertificateStoreName,

        # Change a mapping that other bindings share (for all of them), and do not ask for confirmation.
        [switch] $Force,

        # Return the binding as it is after the change.
        [switch] $PassThru,

        # A snapshot folder to read instead of the live machine: applicationHost.config, sslcert.txt,
        # urlacl.txt and certs/.
        [string] $Snapshot,

        # The applicationHost.config file to read (overrides the snapshot's and the machine's).
        [string] $ConfigPath,

        # Read the current user's IIS Express configuration (Documents\IISExpress\config\applicationhost.config).
        [switch] $IisExpress,

        # A Visual Studio solution folder whose IIS Express configuration (.vs\<name>\config\applicationhost.config) is read.
        [string] $Solution,

        # The netsh executable the worker runs for the http.sys side, instead of netsh.exe or the snapshot's captures.
        [string] $NetshPath,

        # A captured 'netsh http show sslcert' output to read instead of running netsh.
        [string] $SslcertFile,

        # A captured 'netsh http show urlacl' output to read instead of running netsh.
        [string] $UrlaclFile,

        # A folder of certificate files standing for the LocalMachine stores (subfolders name the store: MY, WebHosting).
        [string] $CertsDir,

        # A folder standing for the Central Certificate Store: <host>.pfx files and provider.json (a snapshot's ccs/).
        [string] $CcsDir,

        # The source a piped object was read from; bound from the pipeline, not typed.
        [Parameter(ValueFromPipelineByPropertyName = $true, DontShow = $true)]
        [object] $HttpApiSource
    )

    process {
        $source = ConvertTo-HttpApiSource -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $switches = @($script:HttpApiSslFlagBits.Keys | Where-Object { $PSBoundParameters.ContainsKey($_) })
        $flags = $null
        $setFlags = $null
        $clearFlags = $null
        if ($PSBoundParameters.ContainsKey('SslFlags')) {
            $flags = Merge-HttpApiSslFlag -SslFlags $SslFlags -BoundParameters $PSBoundParameters
        }
        elseif ($switches.Count -gt 0) {
            # Switches alone change bits of the binding's value as the worker reads it under the change
            # lock: read here first, a change made in between would be undone by this one.
            $bits = ConvertTo-HttpApiSslFlagChange -BoundParameters $PSBoundParameters
            if ($bits.Set) { $setFlags = $bits.Set }
            if ($bits.Clear) { $clearFlags = $bits.Clear }
        }
        $hash = $null
        if ($Thumbprint) {
            $hash = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        }
        # Only the parts given are sent (null is left out); a given empty host or address is a value.
        $newAddress = $null
        $newPort = $null
        $newHost = $null
        if ($PSBoundParameters.ContainsKey('IPAddress')) {
            $newAddress = $IPAddress
        }
        if ($PSBoundParameters.ContainsKey('Port')) {
            $newPort = $Port
        }
        if ($PSBoundParameters.ContainsKey('HostName')) {
            $newHost = $HostName
        }
        $target = "https binding $BindingInformation of site '$SiteName'"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'bindings/update' -Source $source -TargetObject $target -Change -Force:$Force -Target $target -Action 'Update HTTPS binding' -KeepEmpty 'host', 'address' `
            -Params @{ site = $SiteName; bindingInformation = $BindingInformation; address = $newAddress; port = $newPort; host = $newHost; sslFlags = $flags; setSslFlags = $setFlags; clearSslFlags = $clearFlags; certificateHash = $hash; certificateSubject = $DnsName; certificateStoreName = $CertificateStoreName; allowSharedMapping = [bool] $Force }
        if ($PassThru -and $result -and $result.applied) {
            # The binding as it is now: the parts given replace the old ones (the worker may respell an address, so parts are compared, not text).
            $now = Split-HttpApiBindingInformation -BindingInformation $BindingInformation
            foreach ($name in 'IPAddress', 'Port', 'HostName') {
                if ($PSBoundParameters.ContainsKey($name)) {
                    $now.$name = $PSBoundParameters[$name]
                }
            }
            Get-IisHttpsBinding -SiteName $SiteName -HttpApiSource $source | Where-Object {
                $parts = Split-HttpApiBindingInformation -BindingInformation $_.BindingInformation
                $parts -and $parts.Port -eq $now.Port -and $parts.HostName -eq $now.HostName -and ($parts.IPAddress -eq $now.IPAddress -or ($parts.IPAddress -in '*', '' -and $now.IPAddress -in '*', ''))
            }
        }
    }
}
