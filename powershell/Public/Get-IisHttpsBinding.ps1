function Get-IisHttpsBinding {
    <#
    .SYNOPSIS
    Gets the HTTPS bindings of IIS sites joined with the http.sys certificate mappings that serve them.

    .DESCRIPTION
    The Get-IisHttpsBinding function returns every https binding of the configuration together with
    what IIS Manager only shows after a lookup: the http.sys SSL certificate mapping the binding
    declares (ipport, hostnameport for SNI, ccs for the Central Certificate Store), the mapping a
    client actually gets with and without SNI, the certificate, the other bindings that share the
    same IP mapping (changing its certificate changes theirs), and the findings about it.

    It uses the HttpApi worker's bindings/https method, which reads applicationHost.config and
    'netsh http show sslcert' (or a snapshot's captures) and joins them. The filter parameters use
    the names of New-WebBinding and New-IISSiteBinding.

    .EXAMPLE
    Get-IisHttpsBinding

    Demonstrates how to list every HTTPS binding of the local IIS with its certificate thumbprint and status.

    .EXAMPLE
    Get-IisHttpsBinding -SiteName Shop -Port 443 -Sni

    Demonstrates how to get the SNI bindings of the site Shop on port 443.

    .EXAMPLE
    Get-IisHttpsBinding -Snapshot .\fixtures\demo-server | Where-Object { $_.Findings } | Format-List Site, BindingInformation, Findings

    Demonstrates how to find the bindings of a snapshot that have problems, and show them.

    .EXAMPLE
    Get-IisHttpsBinding -Thumbprint '8a 79 7a ef 3f 7f bc 8c 14 8d dc 6c bd a8 65 54 c4 29 72 f5' | Select-Object Site, BindingInformation, SharedWith

    Demonstrates how to find every binding served by a certificate before replacing it; a thumbprint copied from certmgr, with spaces, is accepted.

    .EXAMPLE
    Get-IisHttpsBinding -Session (New-PSSession -ComputerName web01, web02, web03) -Thumbprint $oldThumbprint | Format-Table PSComputerName, Site, BindingInformation

    Demonstrates how to find, on three servers at once, every binding still served by a certificate; each binding says its server in PSComputerName.

    .OUTPUTS
    HttpApi.HttpsBinding

    .LINK
    Test-IisHttpsBinding

    .LINK
    Get-HttpSslCert

    .LINK
    about_HttpApi
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.HttpsBinding')]
    param(
        # Names of the sites whose bindings to get; wildcards are allowed. By default, every site.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'Site')]
        [SupportsWildcards()]
        [string[]] $SiteName,

        # Only bindings on this address: '*' for all unassigned, an IPv4 address, or a bracketed IPv6 address. Wildcards are allowed.
        [SupportsWildcards()]
        [string] $IPAddress,

        # Only bindings on this port.
        [ValidateRange(1, 65535)]
        [int] $Port,

        # Only bindings with this host name (the host header); wildcards are allowed, '' for bindings without one.
        [SupportsWildcards()]
        [AllowEmptyString()]
        [string] $HostName,

        # Only SNI bindings (sslFlags bit 1); -Sni:$false for the bindings without SNI.
        [switch] $Sni,

        # Only bindings served by the certificate with this thumbprint (spaces and case do not matter).
        [Alias('CertificateHash', 'CertificateThumbprint')]
        [string] $Thumbprint,

        # Only bindings whose mapping names this certificate store (MY, WebHosting, ...).
        [string] $CertificateStoreName,

        # Also connect to each binding's endpoint and compare the certificate it serves (slower).
        [switch] $Live,

        # Judge certificate dates (the Findings) as of this moment instead of now.
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
        $filter = Resolve-HttpApiSiteFilter -Name $SiteName
        $names = @($filter.Names)
        $literalNames = @($filter.LiteralNames)
        $site = $filter.Site
        $asOfText = $null
        if ($PSBoundParameters.ContainsKey('AsOf')) {
            $asOfText = $AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
        }
        # Thousands of bindings are read into .NET types on PowerShell 7; live checks add members those types do not hold.
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'bindings/https' -Params @{ site = $site; live = [bool] $Live; asOf = $asOfText } -Source $source -TargetObject $site -TypedAnswer:(-not $Live)
        if ($null -eq $result) {
            return
        }
        $wantedThumbprint = $null
        if ($PSBoundParameters.ContainsKey('Thumbprint')) {
            $wantedThumbprint = ConvertTo-HttpApiThumbprint -Thumbprint $Thumbprint
        }

        # Which filters apply is settled once, not asked of $PSBoundParameters for every binding.
        $byIPAddress = $PSBoundParameters.ContainsKey('IPAddress')
        $byPort = $PSBoundParameters.ContainsKey('Port')
        $byHostName = $PSBoundParameters.ContainsKey('HostName')
        $bySni = $PSBoundParameters.ContainsKey('Sni')
        $byStore = $PSBoundParameters.ContainsKey('CertificateStoreName')
        $filtered = $names.Count -gt 0 -or $byIPAddress -or $byPort -or $byHostName -or $bySni -or $wantedThumbprint -or $byStore
        $bindings = @(ConvertTo-HttpApiHttpsBinding -Result $result -Source $source)
        if (-not $filtered) {
            # Enumerated by the pipeline itself: no script loop over thousands of bindings.
            $PSCmdlet.WriteObject($bindings, $true)
            return
        }
        $matchedSites = @{}
        foreach ($binding in $bindings) {
            if ($names.Count -gt 0) {
                $hit = $false
                foreach ($pattern in $names) {
                    if ($binding.Site -like $pattern) {
                        $matchedSites[$pattern] = $true
                        $hit = $true
                    }
                }
                if (-not $hit) {
                    continue
                }
            }
            if ($byIPAddress -and -not ($binding.IPAddress -like $IPAddress)) {
                continue
            }
            if ($byPort -and $binding.Port -ne $Port) {
                continue
            }
            if ($byHostName -and -not ($binding.HostName -like $HostName)) {
                continue
            }
            if ($bySni -and $binding.Sni -ne $Sni.IsPresent) {
                continue
            }
            if ($wantedThumbprint -and $binding.Thumbprint -ne $wantedThumbprint) {
                continue
            }
            if ($byStore -and $binding.CertificateStoreName -ne $CertificateStoreName) {
                continue
            }
            $binding
        }
        # A named site without https bindings is not an error; a site that does not exist is.
        $missing = @(foreach ($literal in $literalNames) { if (-not $matchedSites.ContainsKey($literal)) { $literal } })
        if ($missing.Count -gt 0) {
            $sites = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sites/list' -Params @{} -Source $source
            if ($null -eq $sites) {
                return
            }
            foreach ($literal in $missing) {
                if (-not @($sites.sites | Where-Object { $_.name -eq $literal })) {
                    $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "Site '$literal' was not found in $($sites.file)." `
                                -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $literal))
                }
            }
        }
    }
}
