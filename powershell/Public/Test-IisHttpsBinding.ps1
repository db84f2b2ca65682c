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
    findings about those. With -Quiet it returns a single $true when none of the selected findings
    is an error (warnings and information do not fail the test) and $false otherwise, for scripts
    and DSC Test methods.

    .EXAMPLE
    Test-IisHttpsBinding

    Demonstrates how to check the whole HTTPS set-up of the local machine.

    .EXAMPLE
    Get-IisHttpsBinding -Port 443 | Where-Object Sni | Test-IisHttpsBinding -ExpiryDays 60

    Demonstrates how to test only the SNI bindings on port 443, warning about certificates that expire within 60 days.

    .EXAMPLE
    if (-not (Test-IisHttpsBinding -SiteName Shop -Quiet)) { throw 'Shop has HTTPS errors' }

    Demonstrates how to use the result in a script: -Quiet returns $true when the site has no error findings.

    .EXAMPLE
    Test-IisHttpsBinding -Snapshot .\fixtures\demo-server -Severity error, warning | Format-Table Severity, Code, Site, Binding

    Demonstrates how to list only the errors and warnings of a snapshot taken on another machine.

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

        # Return $true when no selected finding is an error, $false otherwise, instead of the findings.
        [switch] $Quiet,

        # A snapshot folder to read instead of the live machine: applicationHost.config, sslcert.txt,
        # urlacl.txt and certs/.
        [string] $Snapshot,

        # The applicationHost.config file to read (overrides the snapshot's and the machine's).
        [string] $ConfigPath,

        # Read the current user's IIS Express configuration (Documents\IISExpress\config\applicationhost.config).
        [switch] $IisExpress,

        # The netsh executable the worker runs for the http.sys side, instead of netsh.exe or the snapshot's captures.
        [string] $NetshPath,

        # The source a piped object was read from; bound from the pipeline, not typed.
        [Parameter(ValueFromPipelineByPropertyName = $true, DontShow = $true)]
        [object] $HttpApiSource
    )

    begin {
        # One diagnosis per source serves every piped binding.
        $diagnoses = @{}
        $passed = $true
    }

    process {
        $source = ConvertTo-HttpApiSource -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $params = [ordered]@{ live = [bool] $Live; expiryDays = $null }
        if ($PSBoundParameters.ContainsKey('ExpiryDays')) {
            $params.expiryDays = $ExpiryDays
        }
        $cacheKey = ConvertTo-Json -InputObject @($source, $params) -Depth 4 -Compress
        if (-not $diagnoses.ContainsKey($cacheKey)) {
            $target = $SiteName
            if ($BindingInformation) {
                $target = "$SiteName $BindingInformation"
            }
            $diagnosis = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'diagnostics/run' -Params @{ live = $params.live; expiryDays = $params.expiryDays } -Source $source -TargetObject $target
            # Typed once, when received: every piped binding then filters the same objects.
            $diagnoses[$cacheKey] = $null
            if ($null -ne $diagnosis) {
                $diagnoses[$cacheKey] = @(ConvertTo-HttpApiFinding -InputObject @($diagnosis.Findings) -Source $source)
            }
        }
        $findings = $diagnoses[$cacheKey]
        if ($null -eq $findings) {
            $passed = $false
            return
        }

        foreach ($finding in $findings) {
            $site = $null
            $binding = $null
            if ($finding.PSObject.Properties['Site']) {
                $site = $finding.Site
            }
            if ($finding.PSObject.Properties['Binding']) {
                $binding = $finding.Binding
            }
            if ($SiteName -and -not ($site -and $site -like $SiteName)) {
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
        if ($Quiet) {
            $passed
        }
    }
}
