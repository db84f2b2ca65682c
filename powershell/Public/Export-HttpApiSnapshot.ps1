function Export-HttpApiSnapshot {
    <#
    .SYNOPSIS
    Writes what a source holds (configuration, netsh output, certificates) into a snapshot folder that -Snapshot reads back.

    .DESCRIPTION
    The Export-HttpApiSnapshot function writes applicationHost.config, the 'netsh http show
    sslcert' and 'show urlacl' output as printed, and the certificates (never private keys) of the
    live machine or of another source into a new or empty folder, with the HttpApi worker's
    snapshot/export method. The folder can be copied to another machine and read there with
    -Snapshot by every cmdlet of this module.

    It changes nothing on the machine, only creates files, so ConfirmImpact is Low; -WhatIf names the
    folder and writes nothing (the worker has no plan to show for an export).

    With -Session, each target exports into a folder of its own temporary path; the folder is copied
    back to <Path>/<computer> (Copy-Item -FromSession) and removed from the target.

    .EXAMPLE
    Export-HttpApiSnapshot -Path C:\Temp\web01-https

    Demonstrates how to capture the live machine's HTTPS set-up for a look elsewhere.

    .EXAMPLE
    Export-HttpApiSnapshot -Path ./copy -ConfigPath D:\backup\applicationHost.config -SslcertFile D:\backup\sslcert.txt

    Demonstrates how to turn a configuration file and a netsh capture into one snapshot folder.

    .EXAMPLE
    Export-HttpApiSnapshot -Session (New-PSSession -ComputerName web01, web02) -Path C:\Temp\fleet -ThrottleLimit 4

    Demonstrates how to collect the snapshots of servers for offline diagnosis, four at a time: C:\Temp\fleet\web01 and C:\Temp\fleet\web02, each readable with -Snapshot.

    .OUTPUTS
    HttpApi.SnapshotExport

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType('HttpApi.SnapshotExport')]
    param(
        # The new or empty folder to write the snapshot into. With -Session, the local folder that
        # gets one new or empty subfolder per computer (its name, with \ / : * ? " < > | as _).
        [Parameter(Mandatory = $true, Position = 0)]
        [string] $Path,

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

        # Remote sessions (New-PSSession, over WinRM or SSH) whose snapshots to collect: each target
        # exports with the other parameters (paths name files on the target), and its snapshot is
        # copied back under -Path. Each target needs the HttpApi module (about_HttpApi, FLEET).
        # An empty list (New-PSSession failed for every computer) must not fall back to this machine.
        [ValidateNotNullOrEmpty()]
        [System.Management.Automation.Runspaces.PSSession[]] $Session,

        # With -Session, how many targets export at once (Invoke-Command's default: 32).
        [ValidateRange(1, 1000)]
        [int] $ThrottleLimit = 32,

        # The source a piped object was read from; bound from the pipeline, not typed.
        [Parameter(ValueFromPipelineByPropertyName = $true, DontShow = $true)]
        [object] $HttpApiSource
    )

    process {
        $source = ConvertTo-HttpApiSource -Cmdlet $PSCmdlet -BoundParameters $PSBoundParameters
        $directory = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
        if ($Session) {
            Export-HttpApiFleetSnapshot -Cmdlet $PSCmdlet -Session $Session -ThrottleLimit $ThrottleLimit -BoundParameters $PSBoundParameters -Directory $directory
            return
        }
        if (-not $PSCmdlet.ShouldProcess($directory, 'Export HttpApi snapshot')) {
            return
        }
        $result = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'snapshot/export' -Params @{ directory = $directory } -Source $source -TargetObject $directory
        if ($null -ne $result) {
            ConvertTo-HttpApiObject -InputObject @($result) -TypeName 'HttpApi.SnapshotExport' -Source $source
        }
    }
}
