function Set-HttpUrlAcl {
    <#
    .SYNOPSIS
    Changes the access list of an http.sys URL reservation: who may listen on the prefix, or delegate it.

    .DESCRIPTION
    The Set-HttpUrlAcl function gives an existing URL reservation a new access list, for one user
    (-User, with -Listen and -Delegate rights) or by a security descriptor (-Sddl), with the HttpApi
    worker's urlacl/update method. netsh has no command that changes a reservation, so the worker
    reads it first (a prefix that is not reserved is NOT_FOUND before anything runs), deletes it
    and adds it again; if the add fails, the reservation is put back with its old access list and
    the error is CHANGE_ROLLED_BACK.

    ConfirmImpact is High: the accounts that may listen now can lose the reservation, so PowerShell
    asks first unless -Confirm:$false or -Force is given. -WhatIf shows both netsh command lines
    and changes nothing.

    .EXAMPLE
    Set-HttpUrlAcl -Url 'http://+:8080/app/' -Sddl 'D:(A;;GX;;;WD)' -WhatIf

    Demonstrates how to see the netsh commands that would let Everyone (by SID, so on any Windows language) listen on a reserved prefix.

    .EXAMPLE
    Get-HttpUrlAcl -Url 'http://+:8080/app/' | Set-HttpUrlAcl -User 'NT AUTHORITY\NETWORK SERVICE' -Force -PassThru

    Demonstrates how to give a piped reservation to the Network Service account without being asked, and get it back.

    .OUTPUTS
    HttpApi.UrlAcl, with -PassThru.

    .LINK
    Add-HttpUrlAcl

    .LINK
    Remove-HttpUrlAcl

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High', DefaultParameterSetName = 'User')]
    [OutputType('HttpApi.UrlAcl')]
    param(
        # The reserved URL prefix, as Get-HttpUrlAcl shows it; bound from piped reservations.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [string] $Url,

        # The user or group (DOMAIN\name) the reservation is for from now on.
        [Parameter(Mandatory = $true, ParameterSetName = 'User')]
        [string[]] $User,

        # Give the users the right to listen on the prefix (netsh's default when -Listen is not given).
        [Parameter(ParameterSetName = 'User')]
        [switch] $Listen,

        # Give the users the right to delegate the prefix to other processes.
        [Parameter(ParameterSetName = 'User')]
        [switch] $Delegate,

        # The new security descriptor (SDDL) instead of users. Not taken from piped reservations, whose Sddl is the current one.
        [Parameter(Mandatory = $true, ParameterSetName = 'Sddl')]
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
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'urlacl/update' -Source $source -TargetObject $Url -Change -Force:$Force -Target $target -Action 'Update' `
            -Params @{ url = $Url; users = $users; sddl = $Sddl }
        if ($PassThru -and $result -and $result.applied) {
            Get-HttpUrlAcl -Url $Url -HttpApiSource $source
        }
    }
}
