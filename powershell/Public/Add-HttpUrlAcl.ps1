function Add-HttpUrlAcl {
    <#
    .SYNOPSIS
    Reserves a URL prefix in http.sys for users, as 'netsh http add urlacl' does.

    .DESCRIPTION
    The Add-HttpUrlAcl function reserves a URL prefix (a full prefix with scheme, host, port and a
    trailing slash: http://+:8080/app/) for one or more users (-User, with -Listen and -Delegate
    rights) or by a security descriptor (-Sddl), with the HttpApi worker's urlacl/add method. The
    prefix and users are validated before netsh runs; an existing reservation is ALREADY_EXISTS.

    -WhatIf shows the netsh command line and changes nothing; -Confirm asks with it.

    .EXAMPLE
    Add-HttpUrlAcl -Url 'http://+:8080/app/' -User 'NT AUTHORITY\NETWORK SERVICE' -WhatIf

    Demonstrates how to see the netsh command that lets the Network Service account listen on a prefix.

    .EXAMPLE
    Add-HttpUrlAcl -Url 'https://*:44300/' -Sddl 'D:(A;;GX;;;AU)' -PassThru

    Demonstrates how to reserve a prefix with a security descriptor and get the reservation back.

    .OUTPUTS
    HttpApi.UrlAcl, with -PassThru.

    .LINK
    Remove-HttpUrlAcl

    .LINK
    Get-HttpUrlAcl

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('HttpApi.UrlAcl')]
    param(
        # The URL prefix to reserve, with scheme, host (+, * or a name), port and trailing slash.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [string] $Url,

        # The users or groups (DOMAIN\name) the reservation is for.
        [Parameter(Mandatory = $true, ParameterSetName = 'User')]
        [string[]] $User,

        # Give the users the right to listen on the prefix (netsh's default when -Listen is not given).
        [Parameter(ParameterSetName = 'User')]
        [switch] $Listen,

        # Give the users the right to delegate the prefix to other processes.
        [Parameter(ParameterSetName = 'User')]
        [switch] $Delegate,

        # A security descriptor (SDDL) instead of users; bound from piped reservations.
        [Parameter(Mandatory = $true, ParameterSetName = 'Sddl', ValueFromPipelineByPropertyName = $true)]
        [string] $Sddl,

        # Do not ask for confirmation.
        [switch] $Force,

        # Return the reservation as it is after the change.
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
        $users = $null
        if ($PSCmdlet.ParameterSetName -eq 'User') {
            $users = @(ConvertTo-HttpApiUrlAclUser -User $User -BoundParameters $PSBoundParameters)
        }
        $target = "URL reservation $Url"
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'urlacl/add' -Source $source -TargetObject $Url -Change -Force:$Force -Target $target -Action 'Reserve' `
            -Params @{ url = $Url; users = $users; sddl = $Sddl }
        if ($PassThru -and $result -and $result.applied) {
            Get-HttpUrlAcl -Url $Url -HttpApiSource $source
        }
    }
}
