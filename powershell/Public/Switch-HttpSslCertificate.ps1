function Switch-HttpSslCertificate {
    <#
    .SYNOPSIS
    Renews a certificate everywhere http.sys serves it: every mapping of the old certificate gets the new one.

    .DESCRIPTION
    The Switch-HttpSslCertificate function replaces the certificate -Thumbprint by -NewThumbprint
    in every SSL certificate mapping that serves it, keeping each mapping's application id, store
    and options (netsh http update sslcert replaces the whole record, so the worker passes them
    again). It uses the HttpApi worker's certificates/replace method; if one update fails, the
    mappings already updated are put back (CHANGE_ROLLED_BACK).

    Instead of -NewThumbprint, -DnsName names the host the new certificate must serve: the worker
    chooses the newest valid server certificate with a private key for it from the store the
    mappings name (give -CertificateStoreName when they name several), and -WhatIf shows which
    one and why each other certificate of the store was not chosen.

    ConfirmImpact is High: every mapping of the old certificate changes, whichever site or software
    it serves. -WhatIf lists the netsh command of each mapping and changes nothing; -Force skips
    the confirmation.

    .EXAMPLE
    Switch-HttpSslCertificate -Thumbprint D448C934BE5A5E720BB27C199EA38DC5A6F92C66 -NewThumbprint 8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 -WhatIf

    Demonstrates how to see which mappings an expired certificate would be replaced in.

    .EXAMPLE
    Switch-HttpSslCertificate -Thumbprint D448C934BE5A5E720BB27C199EA38DC5A6F92C66 -DnsName shop.fabrikam.com -WhatIf

    Demonstrates how to replace an expiring certificate by the newest valid one for its host name, after seeing which that is.

    .EXAMPLE
    Get-HttpApiCertificate -ExpiringWithinDays 30 | Switch-HttpSslCertificate -NewThumbprint $renewed.Thumbprint -Confirm:$false -PassThru

    Demonstrates how to put a renewed certificate in place of an expiring one without being asked, and get the mappings back.

    .OUTPUTS
    HttpApi.SslCertMapping, with -PassThru.

    .LINK
    Set-IisHttpsBindingCertificate

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High', DefaultParameterSetName = 'NewThumbprint')]
    [OutputType('HttpApi.SslCertMapping')]
    param(
        # The thumbprint of the certificate being replaced (spaces and case do not matter); bound from piped certificates.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('CertificateHash', 'OldThumbprint')]
        [string] $Thumbprint,

        # The thumbprint of the certificate that replaces it.
        [Parameter(Mandatory = $true, Position = 1, ParameterSetName = 'NewThumbprint')]
        [string] $NewThumbprint,

        # Instead of -NewThumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com).
        # The worker chooses the newest certificate in the store that covers it, is valid now, is for
        # server authentication and has its private key (newest: latest NotBefore, then latest
        # NotAfter, then the thumbprint that sorts first); -WhatIf shows which and why not the others.
        [Parameter(Mandatory = $true, ParameterSetName = 'DnsName')]
        [Alias('CertificateSubject')]
        [string] $DnsName,

        # The LocalMachine store holding the new certificate; by default each mapping's own.
        [string] $CertificateStoreName,

        # Do not ask for confirmation.
        [switch] $Force,

        # Return the mappings as they are after the change.
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
        $old = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        $new = $null
        $action = "Replace with the certificate chosen for $DnsName"
        if ($PSCmdlet.ParameterSetName -eq 'NewThumbprint') {
            $new = ConvertTo-HttpApiThumbprint -Thumbprint $NewThumbprint
            $action = "Replace with $new"
        }
        $target = "every SSL certificate mapping of certificate $old"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'certificates/replace' -Source $source -TargetObject $old -Change -Force:$Force -Target $target -Action $action `
            -Params @{ oldHash = $old; newHash = $new; certificateSubject = $DnsName; certificateStoreName = $CertificateStoreName }
        if ($PassThru -and $result -and $result.applied) {
            $served = $new
            if ($result.PSObject.Properties['certificateChoice'] -and $result.certificateChoice) {
                $served = $result.certificateChoice.chosen
            }
            Get-HttpSslCert -Thumbprint $served -HttpApiSource $source
        }
    }
}
