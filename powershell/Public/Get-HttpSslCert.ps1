function Get-HttpSslCert {
    <#
    .SYNOPSIS
    Gets http.sys SSL certificate mappings, as 'netsh http show sslcert' lists them.

    .DESCRIPTION
    The Get-HttpSslCert function returns the SSL certificate mappings of the HTTP Server API
    (http.sys): IP-based (ipport), SNI (hostnameport), Central Certificate Store (ccs) and scoped
    CCS (scopedccs) mappings, each with its certificate hash, application id, certificate store
    and every option netsh shows (with its raw text, so nothing is lost), plus its Owner (IIS,
    IIS Express, AD FS, SSTP, WinRM, another known application, or 'unknown app id') and the
    Status of its certificate, whoever owns it (ok, missing, expired, expiring, no private key,
    key unknown, not server auth, or 'not checked' when the source has no certificates), with
    the reason in StatusDetail. It uses the HttpApi
    worker's sslcert/list method, which runs 'netsh http show sslcert' (or the netsh given by
    -NetshPath) or reads a snapshot's sslcert.txt, and understands localized output.

    .EXAMPLE
    Get-HttpSslCert

    Demonstrates how to list every SSL certificate mapping of the machine.

    .EXAMPLE
    Get-HttpSslCert -IPPort 0.0.0.0:443

    Demonstrates how to get the mapping for all addresses on port 443, the one bindings on *:443 without SNI use.

    .EXAMPLE
    Get-HttpSslCert -HostnamePort www.contoso.com:443 | Select-Object -ExpandProperty Options

    Demonstrates how to see every option of an SNI mapping.

    .EXAMPLE
    Get-HttpSslCert | Where-Object Status -NE 'ok' | Format-List Key, Owner, Status, StatusDetail

    Demonstrates how to find every mapping whose certificate http.sys or its clients will reject, bound or not.

    .EXAMPLE
    Get-HttpSslCert -Thumbprint $oldCertificate.Thumbprint

    Demonstrates how to find every mapping that still uses a certificate before it is renewed.

    .EXAMPLE
    Get-HttpSslCert -Session (New-PSSession -HostName web01, web02 -UserName admin) -IPPort 0.0.0.0:443 | Format-Table PSComputerName, Key, CertificateHash

    Demonstrates how to compare the 0.0.0.0:443 mapping of two servers over SSH remoting.

    .OUTPUTS
    HttpApi.SslCertMapping

    .LINK
    Get-IisHttpsBinding

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(DefaultParameterSetName = 'All')]
    [OutputType('HttpApi.SslCertMapping')]
    param(
        # Only mappings of this kind: ipport, hostnameport, ccs or scopedccs.
        [Parameter(ParameterSetName = 'All')]
        [ValidateSet('ipport', 'hostnameport', 'ccs', 'scopedccs')]
        [string] $Kind,

        # IP-based mappings to get, as ip:port (0.0.0.0:443, 10.0.0.5:443, [::]:443).
        [Parameter(Mandatory = $true, ParameterSetName = 'IPPort', ValueFromPipelineByPropertyName = $true)]
        [string[]] $IPPort,

        # SNI mappings to get, as hostname:port (www.contoso.com:443).
        [Parameter(Mandatory = $true, ParameterSetName = 'HostnamePort', ValueFromPipelineByPropertyName = $true)]
        [string[]] $HostnamePort,

        # Central Certificate Store mappings to get, by port.
        [Parameter(Mandatory = $true, ParameterSetName = 'CcsPort', ValueFromPipelineByPropertyName = $true)]
        [ValidateRange(1, 65535)]
        [int[]] $CcsPort,

        # Only mappings to the certificate with this thumbprint (spaces and case do not matter).
        [Alias('CertificateHash')]
        [string] $Thumbprint,

        # Only mappings with this application id (a GUID, with or without braces).
        [string] $AppId,

        # Only mappings in this certificate store (MY, WebHosting, ...); a mapping netsh shows with (null) is in MY.
        [string] $CertificateStoreName,

        # Status 'expiring' for certificates that expire within this many days (default 30).
        [ValidateRange(0, 3650)]
        [int] $ExpiryDays,

        # Judge certificate dates (the Status) as of this moment instead of now.
        [datetime] $AsOf,

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

        # Remote sessions (New-PSSession, over WinRM or SSH) to run on instead of this machine: the
        # command runs on every target at once (see -ThrottleLimit) with the other parameters, whose
        # paths name files on the target, and every object says where it came from in PSComputerName.
        # Each target needs the HttpApi module (about_HttpApi, FLEET); one without it is an error for
        # that target alone (MODULE_NOT_ON_TARGET).
        # An empty list (New-PSSession failed for every computer) must not fall back to this machine.
        [ValidateNotNullOrEmpty()]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        # With -Session, how many targets run at once (Invoke-Command's default: 32).
        [ValidateRange(1, 1000)]
        [int] $ThrottleLimit = 32,

        # The session a piped object came back from (its RunspaceId, with -Session): the object goes
        # back to that target only, with the source it was read from there. Bound from the pipeline, not typed.
        [Parameter(ValueFromPipelineByPropertyName = $true, DontShow = $true)]
        [guid] $RunspaceId,

        # The source a piped object was read from; bound from the pipeline, not typed.
        [Parameter(ValueFromPipelineByPropertyName = $true, DontShow = $true)]
        [object] $HttpApiSource
    )

    process {
        if ($Session) {
            Invoke-HttpApiFanOut -Cmdlet $PSCmdlet -Session $Session -ThrottleLimit $ThrottleLimit -BoundParameters $PSBoundParameters
            return
        }
        $source = ConvertTo-HttpApiSource -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $queries = switch ($PSCmdlet.ParameterSetName) {
            'IPPort' { foreach ($key in $IPPort) { @{ kind = 'ipport'; key = $key } } }
            'HostnamePort' { foreach ($key in $HostnamePort) { @{ kind = 'hostnameport'; key = $key } } }
            'CcsPort' { foreach ($key in $CcsPort) { @{ kind = 'ccs'; key = [string] $key } } }
            default { @{ kind = $Kind; key = $null } }
        }
        $wantedThumbprint = $null
        if ($PSBoundParameters.ContainsKey('Thumbprint')) {
            $wantedThumbprint = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        }
        $wantedAppId = $null
        if ($PSBoundParameters.ContainsKey('AppId')) {
            $wantedAppId = '{' + $AppId.Trim('{', '}').ToLowerInvariant() + '}'
        }

        $expiryDaysParam = $null
        if ($PSBoundParameters.ContainsKey('ExpiryDays')) {
            $expiryDaysParam = $ExpiryDays
        }
        $asOfText = $null
        if ($PSBoundParameters.ContainsKey('AsOf')) {
            $asOfText = $AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
        }

        foreach ($query in $queries) {
            $target = $query.key
            if (-not $target) {
                $target = $query.kind
            }
            $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sslcert/list' -Params @{ kind = $query.kind; key = $query.key; expiryDays = $expiryDaysParam; asOf = $asOfText } -Source $source -TargetObject $target
            if ($null -eq $result) {
                continue
            }
            $mappings = @($result.mappings)
            if ($query.key -and $mappings.Count -eq 0) {
                $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "No SSL certificate mapping for $($query.kind) $($query.key)." `
                            -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $query.key))
                continue
            }
            foreach ($mapping in (ConvertTo-HttpApiSslCertMapping -InputObject $mappings -Source $source)) {
                if ($wantedThumbprint -and $mapping.CertificateHash -ne $wantedThumbprint) {
                    continue
                }
                if ($wantedAppId -and ([string] $mapping.AppId).ToLowerInvariant() -ne $wantedAppId) {
                    continue
                }
                if ($PSBoundParameters.ContainsKey('CertificateStoreName')) {
                    $store = $mapping.CertificateStoreName
                    if (-not $store) {
                        $store = 'MY'
                    }
                    if ($store -ne $CertificateStoreName) {
                        continue
                    }
                }
                $mapping
            }
        }
    }
}
