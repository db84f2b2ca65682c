function Add-HttpSslCert {
    <#
    .SYNOPSIS
    Adds an http.sys SSL certificate mapping, as 'netsh http add sslcert' does.

    .DESCRIPTION
    The Add-HttpSslCert function adds an SSL certificate mapping of the HTTP Server API (http.sys)
    for an ip:port (-IPPort), a hostname:port (-HostnamePort, SNI) or a Central Certificate Store
    port (-CcsPort), with the HttpApi worker's sslcert/add method. Every option Get-HttpSslCert
    shows can be given by the same name (-ClientCertNegotiation, -DisableLegacyTls, ...); options not
    given keep netsh's defaults. The key, thumbprint and app id are validated before netsh runs; an
    existing mapping is ALREADY_EXISTS (use Set-HttpSslCert). Instead of -Thumbprint, -DnsName names
    the host the certificate must serve: the worker chooses the newest valid server certificate
    with a private key for it from the store, and -WhatIf shows which one and why each other
    certificate of the store was not chosen (CERTIFICATE_NOT_CHOSEN when none qualifies).

    -WhatIf shows the netsh command line and changes nothing; -Confirm asks with it.

    .EXAMPLE
    Add-HttpSslCert -IPPort 0.0.0.0:8443 -Thumbprint 8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}' -WhatIf

    Demonstrates how to see the netsh command that maps port 8443 on all addresses to a certificate, for IIS's app id.

    .EXAMPLE
    Add-HttpSslCert -HostnamePort www.contoso.com:443 -Thumbprint $certificate.Thumbprint -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}' -CertificateStoreName WebHosting -DisableLegacyTls -PassThru

    Demonstrates how to add an SNI mapping to a certificate in the WebHosting store, without TLS 1.0/1.1, and get it back.

    .EXAMPLE
    Add-HttpSslCert -HostnamePort www.contoso.com:443 -DnsName www.contoso.com -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}' -WhatIf

    Demonstrates how to see which certificate of the MY store would be chosen for www.contoso.com, and why the others would not.

    .OUTPUTS
    HttpApi.SslCertMapping, with -PassThru.

    .LINK
    Set-HttpSslCert

    .LINK
    Get-HttpSslCert

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium', DefaultParameterSetName = 'IPPort')]
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

        # The thumbprint of the certificate (spaces and case do not matter); none for -CcsPort.
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('CertificateHash')]
        [string] $Thumbprint,

        # Instead of -Thumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com).
        # The worker chooses the newest certificate in the store that covers it, is valid now, is for
        # server authentication and has its private key (newest: latest NotBefore, then latest
        # NotAfter, then the thumbprint that sorts first); -WhatIf shows which and why not the others.
        # Not with a typed -Thumbprint; it wins over the thumbprint of a piped mapping. Not for -CcsPort.
        [Alias('CertificateSubject')]
        [string] $DnsName,

        # The application id that owns the mapping, a GUID ({4dc3e181-e14b-4a21-b022-59fc669b0914} is IIS).
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [string] $AppId,

        # The LocalMachine store holding the certificate (MY by default; WebHosting, ...).
        [Parameter(ValueFromPipelineByPropertyName = $true)]
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
        $hash = $null
        if ($Thumbprint -and -not $DnsName) {
            $hash = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        }
        $options = ConvertTo-HttpApiSslOption -BoundParameters $PSBoundParameters
        if ($options.Count -eq 0) {
            $options = $null
        }
        $target = "SSL certificate mapping $kind $key"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sslcert/add' -Source $source -TargetObject $key -Change -Force:$Force -Target $target -Action 'Add' `
            -Params @{ kind = $kind; key = $key; certificateHash = $hash; certificateSubject = $DnsName; appId = $AppId; certificateStoreName = $CertificateStoreName; options = $options }
        if ($PassThru -and $result -and $result.applied) {
            $select = @{ $PSCmdlet.ParameterSetName = $key }
            Get-HttpSslCert @select -HttpApiSource $source
        }
    }
}
