function Remove-HttpUrlAcl {
    <#
    .SYNOPSIS
    Deletes an http.sys URL reservation, as 'netsh http delete urlacl' does.

    .DESCRIPTION
    The Remove-HttpUrlAcl function deletes the reservation of a URL prefix with the HttpApi
    worker's urlacl/delete method. The prefix must be given exactly as reserved; a prefix that is
    not reserved is NOT_FOUND.

    ConfirmImpact is High (something is deleted): PowerShell asks first unless -Confirm:$false or
    -Force is given. Reservations piped from Get-HttpUrlAcl are deleted one by one; one that fails
    is reported and the others still go.

    .EXAMPLE
    Get-HttpUrlAcl -User '*Everyone' | Remove-HttpUrlAcl -WhatIf

    Demonstrates how to see the netsh commands that would delete every reservation granted to Everyone.

    .EXAMPLE
    Remove-HttpUrlAcl -Url 'http://+:8080/app/' -Force

    Demonstrates how to delete one reservation without being asked.

    .OUTPUTS
    None.

    .LINK
    Add-HttpUrlAcl

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([void])]
    param(
        # The URL prefix, exactly as reserved; bound from piped reservations.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [string] $Url,

        # Do not ask for confirmation.
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
        $target = "URL reservation $Url"
        $null = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'urlacl/delete' -Source $source -TargetObject $Url -Change -Force:$Force -Target $target -Action 'Delete' `
            -Params @{ url = $Url }
    }
}
