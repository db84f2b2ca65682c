function Test-IisHttpsBinding {
    <#
    .SYNOPSIS
    Tests the HTTPS set-up of IIS and http.sys and returns the findings, or $true/$false with -Quiet.

    .DESCRIPTION
    The Test-IisHttpsBinding function runs the HttpApi worker's diagnostics/run method and returns
    its findings: https bindings without a certificate mapping, mappings whose certificate is not
    in the named store, certificates expired or expiring soon, without a private key, without the
    server-authentication usage or not matching the host name, SNI flags without a host, duplicate
    bindings, IP mappings shared by bindings with different expectations, orphaned or shadowing
    mappings, IIS Express ports that need a mapping, and unknown sslFlags bits. Each finding has a
    stable code, a severity (error, warning, info), the objects involved and how to fix it.

    Without a site or binding it returns every finding, including those about mappings no binding
    uses. Given sites (-SiteName) or bindings (piped from Get-IisHttpsBinding), it returns the
    findings about those. A site name without wildcards that names no site is an error
    (NOT_FOUND), as with Get-IisHttpsBinding: a misspelt site is never reported healthy.

    With -Quiet it returns a single $true when the check ran and none of the selected findings is
    an error (warnings and information do not fail the test), and $false when one is or a named
    site does not exist, for scripts and DSC Test methods. When the check cannot run at all (no
    source, an unreadable file, a worker failure) -Quiet throws instead of answering, so "HTTPS is
    broken" ($false) and "the check is broken" (an exception) can be told apart.

    .EXAMPLE
    Test-IisHttpsBinding

    Demonstrates how to check the whole HTTPS set-up of the local machine.

    .EXAMPLE
    Get-IisHttpsBinding -Port 443 | Where-Object Sni | Test-IisHttpsBinding -ExpiryDays 60

    Demonstrates how to test only the SNI bindings on port 443, warning about certificates that expire within 60 days.

    .EXAMPLE
    if (-not (Test-IisHttpsBinding -SiteName Shop -Quiet)) { throw 'Shop has HTTPS errors' }

    Demonstrates how to use the result in a script: -Quiet returns $true when the site has no error findings, and throws when the check cannot run.

    .EXAMPLE
    Test-IisHttpsBinding -AsOf (Get-Date).AddDays(90) -Severity error

    Demonstrates how to see which certificates will have expired in 90 days.

    .EXAMPLE
    Test-IisHttpsBinding -Snapshot .\fixtures\demo-server -Severity error, warning | Format-Table Severity, Code, Site, Binding

    Demonstrates how to list only the errors and warnings of a snapshot taken on another machine.

    .EXAMPLE
    Test-IisHttpsBinding -Session $all -ThrottleLimit 8 -Severity error | Group-Object PSComputerName -NoElement

    Demonstrates how to count the errors of every server in the sessions $all, eight servers at a time.

    .OUTPUTS
    HttpApi.Finding, or System.Boolean with -Quiet.

    .LINK
    Get-IisHttpsBinding

    .LINK
    about_HttpApi
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.Finding', [bool])]
    param(
        # Names of the sites whose findings to return; wildcards are allowed. Bound from the Site
        # property of piped bindings and the Name of piped sites.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'Site')]
        [SupportsWildcards()]
        [string] $SiteName,

        # The binding (IP:port:host) whose findings to return; bound from piped bindings.
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [string] $BindingInformation,

        # Only findings about bindings on this address ('*', an IPv4 address, a bracketed IPv6 address); wildcards are allowed.
        [SupportsWildcards()]
        [string] $IPAddress,

        # Only findings about bindings on this port.
        [ValidateRange(1, 65535)]
        [int] $Port,

        # Only findings about bindings with this host name; wildcards are allowed.
        [SupportsWildcards()]
        [AllowEmptyString()]
        [string] $HostName,

        # Only findings of these severities. -Quiet still fails only on errors.
        [ValidateSet('error', 'warning', 'info')]
        [string[]] $Severity,

        # Warn about certificates that expire within this many days (the worker's default is 30).
        [ValidateRange(0, 3650)]
        [int] $ExpiryDays,

        # Also connect to each binding's endpoint and compare the certificate it serves (slower).
        [switch] $Live,

        # Judge certificate dates as of this moment instead of now: what will have expired by then.
        [datetime] $AsOf,

        # Return $true when no selected finding is an error, $false otherwise, instead of the findings.
        [switch] $Quiet,

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

    begin {
        # One diagnosis per source (and site, when the worker filters) serves every piped binding.
        $diagnoses = @{}
        $typedFindings = @{}
        $siteLists = @{}
        $passed = $true
    }

    process {
        if ($Session) {
            Invoke-HttpApiFanOut -Cmdlet $PSCmdlet -Session $Session -ThrottleLimit $ThrottleLimit -BoundParameters $PSBoundParameters
            return
        }
        $source = ConvertTo-HttpApiSource -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $literal = $SiteName -and -not [WildcardPattern]::ContainsWildcardCharacters($SiteName)
        # A name typed on the command line goes to the worker, which answers NOT_FOUND for a site
        # that does not exist; piped objects share one diagnosis and are checked against the site list.
        $site = $null
        if ($literal -and -not $MyInvocation.ExpectingInput) {
            $site = $SiteName
        }
        $asOfText = $null
        if ($PSBoundParameters.ContainsKey('AsOf')) {
            $asOfText = $AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [Globalization.CultureInfo]::InvariantCulture)
        }
        $expiry = $null
        if ($PSBoundParameters.ContainsKey('ExpiryDays')) {
            $expiry = $ExpiryDays
        }
        $cacheKey = ConvertTo-Json -InputObject @($source, $site, [bool] $Live, $expiry, $asOfText) -Depth 4 -Compress
        if (-not $diagnoses.ContainsKey($cacheKey)) {
            $target = $SiteName
            if ($BindingInformation) {
                $target = "$SiteName $BindingInformation"
            }
            $diagnoses[$cacheKey] = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'diagnostics/run' -Params @{ site = $site; live = [bool] $Live; expiryDays = $expiry; asOf = $asOfText } -Source $source -TargetObject $target -ReturnError
        }
        $result = $diagnoses[$cacheKey]
        if ($result -is [System.Management.Automation.ErrorRecord]) {
            $passed = $false
            if ($site -and $result.FullyQualifiedErrorId -eq 'NOT_FOUND') {
                $PSCmdlet.WriteError($result)
                return
            }
            # The check could not run: with -Quiet that must not read as "HTTPS is broken".
            if ($Quiet) {
                $PSCmdlet.ThrowTerminatingError($result)
            }
            $PSCmdlet.WriteError($result)
            return
        }
        if ($literal -and -not $site) {
            $sourceKey = ConvertTo-Json -InputObject @($source) -Depth 4 -Compress
            if (-not $siteLists.ContainsKey($sourceKey)) {
                $sites = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sites/list' -Params @{} -Source $source -ReturnError
                if ($sites -is [System.Management.Automation.ErrorRecord]) {
                    if ($Quiet) {
                        $PSCmdlet.ThrowTerminatingError($sites)
                    }
                    $PSCmdlet.WriteError($sites)
                    $passed = $false
                    return
                }
                $siteLists[$sourceKey] = @($sites.sites | ForEach-Object { $_.name })
            }
            if (-not ($siteLists[$sourceKey] | Where-Object { $_ -eq $SiteName })) {
                $passed = $false
                $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "No site named '$SiteName' in $($result.file)." -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $SiteName))
                return
            }
        }

        # Typed once per diagnosis: every piped binding then filters the same objects.
        if (-not $typedFindings.ContainsKey($cacheKey)) {
            $typedFindings[$cacheKey] = @(ConvertTo-HttpApiFinding -InputObject @($result.Findings) -Source $source)
        }
        foreach ($finding in $typedFindings[$cacheKey]) {
            $findingSite = $null
            $binding = $null
            if ($finding.PSObject.Properties['Site']) {
                $findingSite = $finding.Site
            }
            if ($finding.PSObject.Properties['Binding']) {
                $binding = $finding.Binding
            }
            if ($SiteName -and -not ($findingSite -and $findingSite -like $SiteName)) {
                continue
            }
            if ($BindingInformation -and $binding -ne $BindingInformation) {
                continue
            }
            if ($PSBoundParameters.ContainsKey('IPAddress') -or $PSBoundParameters.ContainsKey('Port') -or $PSBoundParameters.ContainsKey('HostName')) {
                $endpoint = $null
                if ($binding) {
                    $endpoint = Split-HttpApiBindingInformation -BindingInformation $binding
                }
                if (-not $endpoint) {
                    continue
                }
                if ($PSBoundParameters.ContainsKey('IPAddress') -and -not ($endpoint.IPAddress -like $IPAddress)) {
                    continue
                }
                if ($PSBoundParameters.ContainsKey('Port') -and $endpoint.Port -ne $Port) {
                    continue
                }
                if ($PSBoundParameters.ContainsKey('HostName') -and -not ($endpoint.HostName -like $HostName)) {
                    continue
                }
            }
            if ($Severity -and $Severity -notcontains $finding.Severity) {
                continue
            }
            if ($finding.Severity -eq 'error') {
                $passed = $false
            }
            if (-not $Quiet) {
                $finding
            }
        }
    }

    end {
        # With -Session each target answers for itself, tagged with its computer.
        if ($Quiet -and -not $Session) {
            $passed
        }
    }
}
