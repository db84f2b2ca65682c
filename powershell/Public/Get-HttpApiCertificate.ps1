function Get-HttpApiCertificate {
    <#
    .SYNOPSIS
    Gets the server certificates that http.sys mappings can use, from the LocalMachine stores or a snapshot.

    .DESCRIPTION
    The Get-HttpApiCertificate function returns certificates with what matters for HTTPS: the
    thumbprint, the store, subject and issuer, the DNS names (subject alternative names), the
    validity period, whether the private key is present and whether the certificate allows server
    authentication. It uses the HttpApi worker's certificates/list method, which reads the
    LocalMachine stores on Windows or the certs/ folder of a snapshot anywhere, so a snapshot
    taken on a server can be checked on a workstation.

    .EXAMPLE
    Get-HttpApiCertificate

    Demonstrates how to list the certificates of the LocalMachine stores.

    .EXAMPLE
    Get-HttpApiCertificate -ExpiringWithinDays 30 | Sort-Object NotAfter

    Demonstrates how to find the certificates that expire within a month.

    .EXAMPLE
    Get-HttpSslCert -IPPort 0.0.0.0:443 | Get-HttpApiCertificate

    Demonstrates how to get the certificate of a mapping: its CertificateHash binds to -Thumbprint.

    .EXAMPLE
    Get-HttpApiCertificate -Snapshot .\fixtures\demo-server -DnsName '*.contoso.com'

    Demonstrates how to find the certificates of a snapshot issued for contoso.com host names.

    .OUTPUTS
    HttpApi.Certificate

    .LINK
    Get-HttpSslCert

    .LINK
    about_HttpApi
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.Certificate')]
    param(
        # Thumbprints of the certificates to get (spaces and case do not matter). By default, every
        # certificate. A thumbprint that matches none is an error (ObjectNotFound).
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('CertificateHash')]
        [string[]] $Thumbprint,

        # Only certificates in this store (MY, WebHosting, ...).
        [Alias('Store')]
        [string] $CertificateStoreName,

        # Only certificates with a DNS name (subject alternative name) matching this one; wildcards are allowed.
        [SupportsWildcards()]
        [string] $DnsName,

        # Only certificates that expire within this many days from now (expired ones included).
        [ValidateRange(0, 36500)]
        [int] $ExpiringWithinDays,

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
        $thumbprints = @($Thumbprint | Where-Object { $_ } | ForEach-Object { ConvertTo-HttpApiThumbprint -Thumbprint $_ })
        if ($thumbprints.Count -eq 0) {
            $thumbprints = @($null)
        }
        $deadline = $null
        if ($PSBoundParameters.ContainsKey('ExpiringWithinDays')) {
            $deadline = (Get-Date).AddDays($ExpiringWithinDays)
        }
        foreach ($wanted in $thumbprints) {
            $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'certificates/list' -Params @{ store = $CertificateStoreName; thumbprint = $wanted } `
                -Source $source -TargetObject $wanted
            if ($null -eq $result) {
                continue
            }
            $certificates = @($result.certificates)
            if ($wanted -and $certificates.Count -eq 0) {
                $where = 'the certificate stores'
                if ($CertificateStoreName) {
                    $where = "the store $CertificateStoreName"
                }
                $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "No certificate with thumbprint $wanted in $where." `
                            -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $wanted))
                continue
            }
            foreach ($certificate in (ConvertTo-HttpApiObject -InputObject $certificates -TypeName 'HttpApi.Certificate' -Source $source)) {
                if ($DnsName) {
                    # A loop, not Where-Object: a pipeline per certificate costs more than the rest of its filtering.
                    $named = $false
                    foreach ($name in $certificate.DnsNames) {
                        if ($name -like $DnsName) {
                            $named = $true
                            break
                        }
                    }
                    if (-not $named) {
                        continue
                    }
                }
                if ($deadline -and $certificate.NotAfter -gt $deadline) {
                    continue
                }
                $certificate
            }
        }
    }
}
