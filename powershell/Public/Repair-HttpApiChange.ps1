function Repair-HttpApiChange {
    <#
    .SYNOPSIS
    Finds a change that was interrupted (a worker killed between its steps), says which of its steps are done, and finishes or undoes it.

    .DESCRIPTION
    The Repair-HttpApiChange function calls the HttpApi worker's changes/recover method. Every change
    of several steps writes a journal beside applicationHost.config before its first step and removes
    it after its last; a journal left behind means the change stopped half way, and until it is
    recovered every other change of that configuration is refused (CHANGE_INTERRUPTED).

    Without -Apply it only reports: the interrupted change, each step as 'done', 'not done' or
    'unknown' (read from the configuration and http.sys as they are now), and the backup taken before
    it. -Apply Finish does the steps not done, in order; -Apply Undo undoes the steps done, newest first.
    A step in neither its before nor its after state (someone else changed it meanwhile) is never
    touched. Applying changes the machine, so it goes through -WhatIf and -Confirm (ConfirmImpact High)
    with the report as the message. Temporary files of writers that died are removed either way.

    .EXAMPLE
    Repair-HttpApiChange

    Demonstrates how to see whether a change of the live IIS configuration was interrupted, and how far it got.

    .EXAMPLE
    Repair-HttpApiChange -Apply Undo -WhatIf

    Demonstrates how to see what undoing the interrupted change would do, without doing it.

    .OUTPUTS
    HttpApi.ChangeRecovery

    .LINK
    about_HttpApi
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType('HttpApi.ChangeRecovery')]
    param(
        # Finish: do the steps not done yet. Undo: undo the steps done, newest first. Without it, only report.
        [ValidateSet('Finish', 'Undo')]
        [string] $Apply,

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
        $report = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'changes/recover' -Params @{} -Source $source -TargetObject $Apply
        if ($null -eq $report) {
            return
        }
        if ($Apply -and $report.interrupted) {
            $steps = @($report.steps | ForEach-Object { '  {0,-9} {1}' -f $_.state, $_.description }) -join [Environment]::NewLine
            $message = "$($Apply.ToLowerInvariant()) the interrupted change '$($report.change)' ($($report.journal)):$([Environment]::NewLine)$steps"
            if (-not $PSCmdlet.ShouldProcess($message, $message, "$Apply interrupted change")) {
                return
            }
            $report = Invoke-HttpApiWorker -Cmdlet $PSCmdlet -Method 'changes/recover' -Params @{ apply = $Apply.ToLowerInvariant() } -Source $source -TargetObject $Apply
            if ($null -eq $report) {
                return
            }
        }
        ConvertTo-HttpApiObject -InputObject @($report) -TypeName 'HttpApi.ChangeRecovery' -Source $source
    }
}
