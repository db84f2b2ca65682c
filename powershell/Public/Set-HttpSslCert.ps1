function Set-HttpSslCert {
    <#
    .SYNOPSIS
    Changes an http.sys SSL certificate mapping, as 'netsh http update sslcert' does, keeping what is not given.

    .DESCRIPTION
    The Set-HttpSslCert function changes the certificate, application id, store or options of an
    existing SSL certificate mapping with the HttpApi worker's sslcert/update method. 'netsh http
    update sslcert' replaces the whole record, so the function first reads the mapping and carries
    over everything not given (thumbprint, app id, store and every option netsh can set again);
    the options have the names Get-HttpSslCert shows. A mapping that does not exist is NOT_FOUND.
    Instead of -Thumbprint, -DnsName names the host the new certificate must serve: the worker
    chooses the newest valid server certificate with a private key for it from the mapping's store
    (or -CertificateStoreName), and -WhatIf shows which one and why the others were not chosen.

    ConfirmImpact is High: a mapping may serve several bindings, or belong to other software
    (SSTP, AD FS, WinRM), and the change applies to all its users. -WhatIf shows the netsh command
    line; -Force skips the confirmation. Mappings piped from Get-HttpSslCert are changed one by one.

    .EXAMPLE
    Get-HttpSslCert -HostnamePort www.contoso.com:443 | Set-HttpSslCert -DisableLegacyTls -WhatIf

    Demonstrates how to see the netsh command that turns off TLS 1.0/1.1 on an SNI mapping while keeping its certificate and other options.

    .EXAMPLE
    Set-HttpSslCert -IPPort 0.0.0.0:443 -Thumbprint 8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 -Confirm:$false -PassThru

    Demonstrates how to point a mapping at another certificate without being asked, and get it back.

    .EXAMPLE
    Set-HttpSslCert -HostnamePort www.contoso.com:443 -DnsName www.contoso.com -WhatIf

    Demonstrates how to see which certificate would be chosen for the host, and why the others would not, keeping the mapping's options.

    .OUTPUTS
    HttpApi.SslCertMapping, with -PassThru.

    .LINK
    Add-HttpSslCert

    .LINK
    Switch-HttpSslCertificate

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High', DefaultParameterSetName = 'IPPort')]
    [OutputType('HttpApi.SslCertMapping')]
    param(
        # The IP-based mapping, as ip:port (0.0.0.0:443, 10.0.0.5:443, [::]:443); bound from piped mappings.
        [Parameter(Mandatory = $true, ParameterSetName = 'IPPort', ValueFromPipelineByPropertyName = $true)]
        [string] $IPPort,

        # The SNI mapping, as hostname:port (www.contoso.com:443); bound from piped mappings.
        [Parameter(Mandatory = $true, ParameterSetName = 'HostnamePort', ValueFromPipelineByPropertyName = $true)]
        [string] $HostnamePort,

        # The Central Certificate Store mapping, by port; bound from piped mappings.
        [Parameter(Mandatory = $true, ParameterSetName = 'CcsPort', ValueFromPipelineByPropertyName = $true)]
        [ValidateRange(1, 65535)]
        [int] $CcsPort,

        # The thumbprint of the new certificate (spaces and case do not matter); by default the current one.
        [Alias('CertificateHash')]
        [string] $Thumbprint,

        # Instead of -Thumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com).
        # The worker chooses the newest certificate in the store that covers it, is valid now, is for
        # server authentication and has its private key (newest: latest NotBefore, then latest
        # NotAfter, then the thumbprint that sorts first); -WhatIf shows which and why not the others.
        # Not with a typed -Thumbprint; it wins over the thumbprint of a piped mapping. Not for -CcsPort.
        [Alias('CertificateSubject')]
        [string] $DnsName,

        # The application id, a GUID; by default the current one.
        [string] $AppId,

        # The LocalMachine store holding the certificate; by default the current one.
        [string] $CertificateStoreName,

        # netsh verifyclientcertrevocation: check client certificates for revocation.
        [switch] $VerifyClientCertRevocation,

        # netsh verifyrevocationwithcachedclientcertonly: use only cached client certificates for revocation.
        [switch] $VerifyRevocationWithCachedClientCertOnly,

        # netsh usagecheck: check the certificate's usage.
        [switch] $UsageCheck,

        # netsh revocationfreshnesstime: seconds between revocation checks.
        [ValidateRange(0, 4294967295)]
        [long] $RevocationFreshnessTime,

        # netsh urlretrievaltimeout: milliseconds to wait for a revocation list.
        [ValidateRange(0, 4294967295)]
        [long] $UrlRetrievalTimeout,

        # netsh sslctlidentifier: the certificate trust list of trusted issuers.
        [string] $SslCtlIdentifier,

        # netsh sslctlstorename: the store holding that trust list.
        [string] $SslCtlStoreName,

        # netsh dsmapperusage: map client certificates to Windows accounts.
        [switch] $DsMapperUsage,

        # netsh clientcertnegotiation: negotiate a client certificate.
        [switch] $ClientCertNegotiation,

        # netsh reject: reject connections on this mapping.
        [switch] $Reject,

        # netsh disablehttp2: no HTTP/2 on this mapping.
        [switch] $DisableHttp2,

        # netsh disablequic: no QUIC (HTTP/3) on this mapping.
        [switch] $DisableQuic,

        # netsh disabletls12: no TLS 1.2 on this mapping.
        [switch] $DisableTls12,

        # netsh disabletls13: no TLS 1.3 on this mapping.
        [switch] $DisableTls13,

        # netsh disableocspstapling: no OCSP stapling on this mapping.
        [switch] $DisableOcspStapling,

        # netsh enabletokenbinding: enable token binding.
        [switch] $EnableTokenBinding,

        # netsh logextendedevents: log extended events.
        [switch] $LogExtendedEvents,

        # netsh disablelegacytls: no TLS 1.0/1.1 on this mapping.
        [switch] $DisableLegacyTls,

        # netsh enablesessionticket: enable TLS session tickets.
        [switch] $EnableSessionTicket,

        # netsh disablesessionid: disable TLS session ids.
        [switch] $DisableSessionId,

        # Do not ask for confirmation.
        [switch] $Force,

        # Return the mapping as it is after the change.
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

    begin {
        Assert-HttpApiOneCertificate -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
    }

    process {
        $source = ConvertTo-HttpApiSource -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $kind = @{ IPPort = 'ipport'; HostnamePort = 'hostnameport'; CcsPort = 'ccs' }[$PSCmdlet.ParameterSetName]
        $key = [string] $PSBoundParameters[$PSCmdlet.ParameterSetName]
        $current = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sslcert/list' -Params @{ kind = $kind; key = $key } -Source $source -TargetObject $key
        if ($null -eq $current) {
            return
        }
        $mapping = @($current.mappings) | Select-Object -First 1
        if (-not $mapping) {
            $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "No SSL certificate mapping for $kind $key; Add-HttpSslCert adds one." -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $key))
            return
        }
        # netsh replaces the whole record: what is not given is sent again as it is now.
        $options = [ordered]@{}
        foreach ($option in @($mapping.Options)) {
            if ($option.Parameter -and $null -ne $option.Value) {
                $options[[string] $option.Parameter] = $option.Value
            }
        }
        $given = ConvertTo-HttpApiSslOption -BoundParameters $PSBoundParameters
        foreach ($name in $given.Keys) {
            $options[$name] = $given[$name]
        }
        if ($options.Count -eq 0) {
            $options = $null
        }
        # A DnsName leaves the hash to the worker's choice.
        $hash = $null
        if (-not $DnsName) {
            $hash = $mapping.CertificateHash
        }
        if ($Thumbprint -and -not $DnsName) {
            $hash = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        }
        $app = $mapping.AppId
        if ($AppId) {
            $app = $AppId
        }
        $store = $mapping.CertificateStoreName
        if ($CertificateStoreName) {
            $store = $CertificateStoreName
        }
        $target = "SSL certificate mapping $kind $key"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sslcert/update' -Source $source -TargetObject $key -Change -Force:$Force -Target $target -Action 'Update' `
            -Params @{ kind = $kind; key = $key; certificateHash = $hash; certificateSubject = $DnsName; appId = $app; certificateStoreName = $store; options = $options }
        if ($PassThru -and $result -and $result.applied) {
            $select = @{ $PSCmdlet.ParameterSetName = $key }
            Get-HttpSslCert @select -HttpApiSource $source
        }
    }
}
