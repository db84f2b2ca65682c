function Set-IisHttpsBindingCertificate {
    <#
    .SYNOPSIS
    Points an https binding's http.sys certificate mapping at another certificate.

    .DESCRIPTION
    The Set-IisHttpsBindingCertificate function changes the certificate of the mapping a binding
    declares (hostname:port for SNI, ip:port otherwise), keeping the mapping's application id and
    options, with the HttpApi worker's bindings/setCertificate method. The certificate must be in
    the store the mapping will name. Name it by -Thumbprint, or by -DnsName: the worker then chooses
    the newest valid server certificate with a private key for that name from the store, and
    -WhatIf shows which one and why each other certificate of the store was not chosen
    (CERTIFICATE_NOT_CHOSEN when none qualifies).

    An ip:port mapping serves every binding on that address and port: when other bindings share
    it, the worker refuses (SHARED_MAPPING_NEEDS_ACK) unless -Force is given, which changes it for
    all of them and is the acknowledgement; -WhatIf lists the bindings affected. ConfirmImpact is
    Medium because a shared mapping cannot change without -Force.

    .EXAMPLE
    Get-IisHttpsBinding -SiteName 'Fabrikam Shop' | Set-IisHttpsBindingCertificate -Thumbprint $renewed.Thumbprint -WhatIf

    Demonstrates how to see which netsh command would point the binding at a renewed certificate.

    .EXAMPLE
    Set-IisHttpsBindingCertificate -SiteName 'Contoso Portal' -BindingInformation '10.0.0.5:443:portal.contoso.com' -Thumbprint 8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 -Force -PassThru

    Demonstrates how to change a mapping shared with other bindings, for all of them, and get the binding back.

    .EXAMPLE
    Set-IisHttpsBindingCertificate -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DnsName www.contoso.com -WhatIf

    Demonstrates how to see which certificate of the MY store would be chosen for www.contoso.com, and why the others would not.

    .OUTPUTS
    HttpApi.HttpsBinding, with -PassThru.

    .LINK
    Switch-HttpSslCertificate

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Thumbprint')]
    [OutputType('HttpApi.HttpsBinding')]
    param(
        # The site the binding belongs to; bound from the Site of piped bindings.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'Site')]
        [string] $SiteName,

        # The binding as IP:port:host ('*:443:www.contoso.com'); bound from piped bindings.
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [string] $BindingInformation,

        # The thumbprint of the new certificate (spaces and case do not matter). Not taken from piped
        # bindings, whose Thumbprint is the current one.
        [Parameter(Mandatory = $true, ParameterSetName = 'Thumbprint')]
        [Alias('CertificateHash', 'CertificateThumbprint')]
        [string] $Thumbprint,

        # Instead of -Thumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com).
        # The worker chooses the newest certificate in the store that covers it, is valid now, is for
        # server authentication and has its private key (newest: latest NotBefore, then latest
        # NotAfter, then the thumbprint that sorts first); -WhatIf shows which and why not the others.
        [Parameter(Mandatory = $true, ParameterSetName = 'DnsName')]
        [Alias('CertificateSubject')]
        [string] $DnsName,

        # The LocalMachine store holding the new certificate (MY by default; WebHosting, ...).
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
        $hash = $null
        $action = "Set the certificate chosen for $DnsName"
        if ($PSCmdlet.ParameterSetName -eq 'Thumbprint') {
            $hash = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
            $action = "Set certificate $hash"
        }
        $target = "https binding $BindingInformation of site '$SiteName'"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'bindings/setCertificate' -Source $source -TargetObject $target -Change -Force:$Force -Target $target -Action $action `
            -Params @{ site = $SiteName; bindingInformation = $BindingInformation; certificateHash = $hash; certificateSubject = $DnsName; certificateStoreName = $CertificateStoreName; allowSharedMapping = [bool] $Force }
        if ($PassThru -and $result -and $result.applied) {
            Get-IisHttpsBinding -SiteName $SiteName -HttpApiSource $source | Where-Object { $_.BindingInformation -eq $BindingInformation }
        }
    }
}
