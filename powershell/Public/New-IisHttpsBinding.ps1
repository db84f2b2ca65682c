function New-IisHttpsBinding {
    <#
    .SYNOPSIS
    Adds an https binding to an IIS site together with the http.sys certificate mapping it declares.

    .DESCRIPTION
    The New-IisHttpsBinding function adds an https binding to a site of applicationHost.config and,
    in the same change, the http.sys SSL certificate mapping the binding declares: hostname:port for
    an SNI binding, ip:port otherwise, none for the Central Certificate Store (that mapping is the
    CCS's). It uses the HttpApi worker's bindings/add method, which first checks that the site
    exists, that an SNI binding has a host name, that no binding is a duplicate and that the
    certificate is in the store the mapping will name, then adds the mapping and edits the
    configuration (written atomically, with a backup beside it). If the configuration cannot be
    written, the mapping just added is deleted again.

    The certificate is named by -Thumbprint or by -DnsName: then the worker chooses the newest valid
    server certificate with a private key for that name from the store, and -WhatIf shows which one
    and why each other certificate of the store was not chosen (CERTIFICATE_NOT_CHOSEN when none qualifies).

    -WhatIf shows the netsh command line and the configuration diff and changes nothing; -Confirm
    asks with the same text. An IP mapping that other bindings already share changes only with
    -Force, which also skips the confirmation.

    .EXAMPLE
    New-IisHttpsBinding -SiteName Shop -HostName shop.fabrikam.com -Sni -Thumbprint D448C934BE5A5E720BB27C199EA38DC5A6F92C66 -WhatIf

    Demonstrates how to see the netsh command and the configuration diff an SNI binding on port 443 would need, without changing anything.

    .EXAMPLE
    New-IisHttpsBinding -SiteName Admin -Port 8443 -Thumbprint 8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 -DisableLegacyTls -PassThru

    Demonstrates how to add a binding on all addresses, port 8443, without TLS 1.0/1.1, and get the new binding back.

    .EXAMPLE
    Get-IisSite -Name 'Contoso*' | New-IisHttpsBinding -Port 44301 -Thumbprint $certificate.Thumbprint -Confirm:$false

    Demonstrates how to add the same binding to several sites piped from Get-IisSite without being asked for each.

    .EXAMPLE
    New-IisHttpsBinding -SiteName 'Contoso WWW' -Port 8443 -HostName www.contoso.com -Sni -DnsName www.contoso.com -WhatIf

    Demonstrates how to add an SNI binding with the newest valid certificate for its host name, after seeing which one that is.

    .OUTPUTS
    HttpApi.HttpsBinding, with -PassThru.

    .LINK
    Remove-IisHttpsBinding

    .LINK
    Get-IisHttpsBinding

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Thumbprint')]
    [OutputType('HttpApi.HttpsBinding')]
    param(
        # The site to add the binding to; bound from the Name of sites piped from Get-IisSite.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'Site')]
        [string] $SiteName,

        # The address: '*' (all unassigned, the default), an IPv4 address or a bracketed IPv6 address.
        [string] $IPAddress = '*',

        # The port (443 by default).
        [ValidateRange(1, 65535)]
        [int] $Port = 443,

        # The host name (host header); required with -Sni.
        [string] $HostName = '',

        # Require Server Name Indication (sslFlags bit 1): the binding gets its own hostname:port mapping.
        [switch] $Sni,

        # The whole sslFlags value; the switches below add their bits to it.
        [ValidateRange(0, 2147483647)]
        [int] $SslFlags = 0,

        # Use the Central Certificate Store (sslFlags bit 2): no mapping is added, the CCS serves the certificate.
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

        # The thumbprint of the certificate the mapping serves (spaces and case do not matter).
        [Parameter(ParameterSetName = 'Thumbprint')]
        [Alias('CertificateHash', 'CertificateThumbprint')]
        [string] $Thumbprint,

        # Instead of -Thumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com).
        # The worker chooses the newest certificate in the store that covers it, is valid now, is for
        # server authentication and has its private key (newest: latest NotBefore, then latest
        # NotAfter, then the thumbprint that sorts first); -WhatIf shows which and why not the others.
        [Parameter(Mandatory = $true, ParameterSetName = 'DnsName')]
        [Alias('CertificateSubject')]
        [string] $DnsName,

        # The LocalMachine store holding the certificate (MY by default; WebHosting, ...).
        [string] $CertificateStoreName,

        # Change an IP mapping that other bindings share (for all of them), and do not ask for confirmation.
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
        $flags = Merge-HttpApiSslFlag -SslFlags $SslFlags -BoundParameters $PSBoundParameters
        $hash = $null
        if ($Thumbprint) {
            $hash = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        }
        $bindingInformation = '{0}:{1}:{2}' -f $IPAddress, $Port, $HostName
        $target = "https binding $bindingInformation of site '$SiteName'"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'bindings/add' -Source $source -TargetObject $SiteName -Change -Force:$Force -Target $target -Action 'Add HTTPS binding' `
            -Params @{ site = $SiteName; protocol = 'https'; address = $IPAddress; port = $Port; host = $HostName; sslFlags = $flags; certificateHash = $hash; certificateSubject = $DnsName; certificateStoreName = $CertificateStoreName; allowSharedMapping = [bool] $Force }
        if ($PassThru -and $result -and $result.applied) {
            Get-IisHttpsBinding -SiteName $SiteName -HttpApiSource $source | Where-Object { $_.BindingInformation -eq $bindingInformation }
        }
    }
}
