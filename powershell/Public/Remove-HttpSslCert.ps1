function Remove-HttpSslCert {
    <#
    .SYNOPSIS
    Deletes an http.sys SSL certificate mapping, as 'netsh http delete sslcert' does.

    .DESCRIPTION
    The Remove-HttpSslCert function deletes the SSL certificate mapping of an ip:port, a
    hostname:port or a Central Certificate Store port with the HttpApi worker's sslcert/delete
    method. A mapping that does not exist is NOT_FOUND (netsh error 2), found before netsh runs. A
    mapping that IIS bindings use (declared, or reached with or without SNI) takes their certificate
    with it: it is deleted only with -Force (SHARED_MAPPING_NEEDS_ACK otherwise, naming them). To
    take a site off HTTPS use Remove-IisHttpsBinding, which keeps mappings other bindings still need.

    ConfirmImpact is High (something is deleted): PowerShell asks first unless -Confirm:$false or
    -Force is given. Mappings piped from Get-HttpSslCert are deleted one by one; one that fails is
    reported and the others still go.

    .EXAMPLE
    Get-HttpSslCert -HostnamePort old.contoso.com:443 | Remove-HttpSslCert

    Demonstrates how to delete an orphaned SNI mapping after confirming.

    .EXAMPLE
    Remove-HttpSslCert -IPPort 10.0.0.5:443 -Force

    Demonstrates how to delete a mapping that bindings still use, without being asked.

    .EXAMPLE
    Remove-HttpSslCert -IPPort 10.0.0.9:443 -WhatIf

    Demonstrates how to see the netsh command that would delete a stray IP mapping.

    .OUTPUTS
    None.

    .LINK
    Add-HttpSslCert

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High', DefaultParameterSetName = 'IPPort')]
    [OutputType([void])]
    param(
        # The IP-based mapping, as ip:port (0.0.0.0:443, 10.0.0.5:443, [::]:443); bound from piped mappings.
        [Parameter(Mandatory = $true, ParameterSetName = 'IPPort', ValueFromPipelineByPropertyName = $true)]
        [string] $IPPort,

        # The SNI mapping, as hostname:port (www.contoso.com:443); bound from piped mappings.
        [Parameter(Mandatory = $true, ParameterSetName = 'HostnamePort', ValueFromPipelineByPropertyName = $true)]
        [string] $HostnamePort,

        # The Central Certificate Store mapping, by port; bound from piped mappings.
        [Parameter(Mandatory = $true, ParameterSetName = 'CcsPort', ValueFromPipelineByPropertyName = $true)]
        [ValidateRange(1, 65535)]
        [int] $CcsPort,

        # Do not ask for confirmation, and delete the mapping even when IIS bindings use it.
        [switch] $Force,

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
        $kind = @{ IPPort = 'ipport'; HostnamePort = 'hostnameport'; CcsPort = 'ccs' }[$PSCmdlet.ParameterSetName]
        $key = [string] $PSBoundParameters[$PSCmdlet.ParameterSetName]
        $target = "SSL certificate mapping $kind $key"
        $null = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'sslcert/delete' -Source $source -TargetObject $key -Change -Force:$Force -Target $target -Action 'Delete' `
            -Params @{ kind = $kind; key = $key; allowSharedMapping = [bool] $Force }
    }
}
