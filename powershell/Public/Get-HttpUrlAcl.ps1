function Get-HttpUrlAcl {
    <#
    .SYNOPSIS
    Gets http.sys URL reservations, as 'netsh http show urlacl' lists them.

    .DESCRIPTION
    The Get-HttpUrlAcl function returns the URL reservations (URL ACLs) of the HTTP Server API:
    each URL prefix with the users allowed to listen on it or delegate it, and its SDDL. A
    reservation lets a non-administrator process (an IIS Express site, a self-hosted service)
    listen on a prefix. It uses the HttpApi worker's urlacl/list method, which runs
    'netsh http show urlacl' (or the netsh given by -NetshPath) or reads a snapshot's urlacl.txt;
    localized user names (Jeder for Everyone) are returned as netsh shows them.

    .EXAMPLE
    Get-HttpUrlAcl

    Demonstrates how to list every URL reservation of the machine.

    .EXAMPLE
    Get-HttpUrlAcl -Url 'https://*:443/'

    Demonstrates how to get one reservation by its exact URL prefix (a * in a URL is part of the prefix, not a wildcard).

    .EXAMPLE
    Get-HttpUrlAcl -User '*\Everyone' | Select-Object Url, Sddl

    Demonstrates how to find the prefixes reserved for Everyone.

    .EXAMPLE
    Get-HttpUrlAcl -Session $all -User '*\Everyone' | Sort-Object PSComputerName | Format-Table PSComputerName, Url

    Demonstrates how to find, on every server in the sessions $all, the prefixes reserved for Everyone.

    .OUTPUTS
    HttpApi.UrlAcl

    .LINK
    Get-HttpSslCert

    .LINK
    about_HttpApi
    #>
    [CmdletBinding()]
    [OutputType('HttpApi.UrlAcl')]
    param(
        # URL prefixes to get, exactly as reserved (http://+:80/Temporary_Listen_Addresses/).
        # By default, every reservation. A prefix that is not reserved is an error (ObjectNotFound).
        [Parameter(Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [string[]] $Url,

        # Only reservations that grant a right to a user matching this name; wildcards are allowed.
        [SupportsWildcards()]
        [string] $User,

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
        $urls = @($Url | Where-Object { $_ })
        if ($urls.Count -eq 0) {
            $urls = @($null)
        }
        foreach ($prefix in $urls) {
            $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'urlacl/list' -Params @{ url = $prefix } -Source $source -TargetObject $prefix
            if ($null -eq $result) {
                continue
            }
            $reservations = @($result.reservations)
            if ($prefix -and $reservations.Count -eq 0) {
                $PSCmdlet.WriteError((New-HttpApiErrorRecord -Message "No URL reservation for $prefix." -ErrorId 'NOT_FOUND' -Category ObjectNotFound -TargetObject $prefix))
                continue
            }
            foreach ($reservation in (ConvertTo-HttpApiObject -InputObject $reservations -TypeName 'HttpApi.UrlAcl' -Source $source)) {
                if ($User) {
                    # A loop, not Where-Object: a pipeline per reservation costs more than the rest of its filtering.
                    $granted = $false
                    foreach ($entry in $reservation.Users) {
                        if ($entry.User -like $User) {
                            $granted = $true
                            break
                        }
                    }
                    if (-not $granted) {
                        continue
                    }
                }
                $reservation
            }
        }
    }
}
