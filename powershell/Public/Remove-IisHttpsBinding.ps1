function Remove-IisHttpsBinding {
    <#
    .SYNOPSIS
    Removes an https binding from an IIS site, and its http.sys certificate mapping when nothing else uses it.

    .DESCRIPTION
    The Remove-IisHttpsBinding function removes a binding from applicationHost.config and then
    deletes the SSL certificate mapping the binding declared, but only when no other binding still
    declares or reaches it; mappings of other software (SSTP, AD FS, WinRM...) are never touched.
    It uses the HttpApi worker's bindings/remove method. The configuration is written atomically
    with a backup; if netsh then fails, the configuration is put back byte for byte and the error
    is CHANGE_ROLLED_BACK.

    ConfirmImpact is High: removing a binding takes a site off HTTPS, so PowerShell asks first
    unless -Confirm:$false or -Force is given. -WhatIf shows the configuration diff and the netsh
    command line and changes nothing. Bindings are taken one by one from the pipeline; one that
    fails is reported and the others still go.

    .EXAMPLE
    Get-IisHttpsBinding -SiteName blog | Remove-IisHttpsBinding -WhatIf

    Demonstrates how to see what removing every https binding of the site blog would change, without changing anything.

    .EXAMPLE
    Remove-IisHttpsBinding -SiteName Kiosk -BindingInformation '*:4443:' -Confirm:$false

    Demonstrates how to remove one binding without being asked.

    .OUTPUTS
    None.

    .LINK
    New-IisHttpsBinding

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType([void])]
    param(
        # The site the binding belongs to; bound from the Site of piped bindings.
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'Site')]
        [string] $SiteName,

        # The binding as IP:port:host ('*:443:www.contoso.com'); bound from piped bindings.
        [Parameter(Mandatory = $true, Position = 1, ValueFromPipelineByPropertyName = $true)]
        [string] $BindingInformation,

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
        $target = "https binding $BindingInformation of site '$SiteName'"
        $null = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'bindings/remove' -Source $source -TargetObject $target -Change -Force:$Force -Target $target -Action 'Remove HTTPS binding' `
            -Params @{ site = $SiteName; protocol = 'https'; bindingInformation = $BindingInformation }
    }
}
