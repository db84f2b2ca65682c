function Get-IisSite {
    <#
    .SYNOPSIS
    Gets IIS and IIS Express sites and their bindings from applicationHost.config.

    .DESCRIPTION
    The Get-IisSite function returns the sites of an IIS or IIS Express configuration file, each
    with its id and every binding (protocol, bindingInformation, sslFlags, and for http and https
    the address, port and host name). It reads the file through the HttpApi worker's sites/list
    method: it needs neither the WebAdministration nor the IISAdministration module, works on a
    copy of the file or a snapshot taken elsewhere, and needs no elevation to read.

    Without -Snapshot, -ConfigPath or -IisExpress it reads the live machine's
    %windir%\System32\inetsrv\config\applicationHost.config.

    .EXAMPLE
    Get-IisSite

    Demonstrates how to list every site of the local IIS with its bindings.

    .EXAMPLE
    Get-IisSite -Name 'Shop*' -Snapshot .\fixtures\demo-server

    Demonstrates how to read the sites whose names start with Shop from a snapshot folder instead of the live machine.

    .EXAMPLE
    Get-IisSite -IisExpress | Select-Object -ExpandProperty Bindings

    Demonstrates how to see every binding of the current user's IIS Express sites.

    .EXAMPLE
    Get-IisSite -ConfigPath C:\Backup\applicationHost.config | Get-IisHttpsBinding

    Demonstrates how to pipe sites into Get-IisHttpsBinding: the sites' names and the file they came from carry over.

    .OUTPUTS
    HttpApi.Site. Name, Id, Bindings (HttpApi.SiteBinding) and ConfigPath, the file they were read from.

    .LINK
    Get-IisHttpsBinding

    .LINK
    about_HttpApi
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.Site')]
    param(
        # Names of the sites to get; wildcards are allowed. By default, every site. A name without
        # wildcards that matches no site is an error (ObjectNotFound).
        [Parameter(Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('SiteName', 'Site')]
        [SupportsWildcards()]
        [string[]] $Name,

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
        $filter = Resolve-HttpApiSiteFilter -Name $Name
        $names = @($filter.Names)
        $literalNames = @($filter.LiteralNames)
        $site = $filter.Site
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sites/list' -Params @{ site = $site } -Source $source -TargetObject $site
        if ($null -eq $result) {
            return
        }

        $matched = @{}
        foreach ($object in (ConvertTo-HttpApiObject -InputObject @($result.sites) -TypeName 'HttpApi.Site' -Source $source)) {
            if ($names.Count -gt 0) {
                $hit = $false
                foreach ($pattern in $names) {
                    if ($object.Name -like $pattern) {
                        $matched[$pattern] = $true
                        $hit = $true
                    }
                }
                if (-not $hit) {
                    continue
                }
            }
            $object.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('ConfigPath', $result.file))
            $object
        }
        foreach ($literal in $literalNames) {
            if (-not $matched.ContainsKey($literal)) {
                $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "Site '$literal' was not found in $($result.file)." `
                            -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $literal))
            }
        }
    }
}
