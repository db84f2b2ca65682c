function Open-HttpApiWorkerProcess {
    <#
    .SYNOPSIS
    Starts node with the worker's arguments, redirected stdio, and checks it answers server/info.

    .DESCRIPTION
    Returns the connection: the process, its raw stdin/stdout streams, the receive buffer, the
    stderr log and what server/info said (version, implemented methods). The worker runs in the
    worker script's folder, so it locks no folder of the caller; every path the cmdlets send is
    already absolute.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        # The node executable.
        [Parameter(Mandatory)]
        [string] $NodePath,

        # The worker script (httpapi.js), named in messages and the connection.
        [Parameter(Mandatory)]
        [string] $WorkerPath,

        # node's arguments: the worker script, or a startup snapshot, then 'serve' and its options.
        [Parameter(Mandatory)]
        [string[]] $Argument,

        # The startup snapshot the arguments start from, if any (Get-HttpApiWorker shows it).
        [string] $StartupSnapshot
    )

    $commandLine = ConvertTo-HttpApiCommandLine -Argument $Argument

    $startInfo = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = $nodePath
    $startInfo.Arguments = $commandLine
    $startInfo.WorkingDirectory = [System.IO.Path]::GetDirectoryName($workerPath)
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.StandardErrorEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $utf8Console = $null
    if ($startInfo.PSObject.Properties['StandardInputEncoding']) {
        $startInfo.StandardInputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    }
    else {
        # .NET Framework opens stdin with Console.InputEncoding and, with AutoFlush, writes its byte
        # order mark at once; under 'chcp 65001' that BOM would precede the first header.
        try {
            if ([Console]::InputEncoding.GetPreamble().Length -gt 0) {
                $utf8Console = [Console]::InputEncoding
                [Console]::InputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
            }
        }
        catch {
            $utf8Console = $null
        }
    }

    $process = New-Object -TypeName System.Diagnostics.Process
    $process.StartInfo = $startInfo
    try {
        [void] $process.Start()
    }
    catch {
        $message = "Could not start the HttpApi worker '$nodePath $commandLine': $($_.Exception.Message)"
        throw (New-HttpApiErrorRecord -Message $message -ErrorId 'WORKER_START_FAILED' -Category ResourceUnavailable -TargetObject $nodePath `
                -InnerException $_.Exception -ClientError)
    }
    finally {
        if ($utf8Console) {
            [Console]::InputEncoding = $utf8Console
        }
    }

    $connection = @{
        Process = $process
        ProcessId = $process.Id
        NodePath = $nodePath
        WorkerPath = $workerPath
        StartupSnapshot = $(if ($StartupSnapshot) { $StartupSnapshot } else { $null })
        StartTime = $process.StartTime
        Input = $process.StandardInput.BaseStream
        Output = $process.StandardOutput.BaseStream
        Errors = $process.StandardError
        # Received bytes: Buffer[0..Filled) holds what is not yet taken as a frame.
        Buffer = New-Object -TypeName byte[] -ArgumentList 65536
        Filled = 0
        # Where the frame being received ends, once its header is read (Get-HttpApiBufferedFrame); 0: not known.
        FrameEnd = 0
        PendingRead = $null
        PendingLogLine = $null
        LogEnded = $false
        Log = New-Object -TypeName 'System.Collections.Generic.Queue[string]'
        NextId = 0
        RequestCount = 0
        Info = $null
    }
    Write-Verbose -Message "Started the HttpApi worker: process $($process.Id), $nodePath $commandLine"

    $answered = $false
    try {
        $response = Send-HttpApiRequest -Connection $connection -Method 'server/info'
        if (-not $response.PSObject.Properties['result'] -or -not $response.result.PSObject.Properties['methods']) {
            $message = "The HttpApi worker '$workerPath' did not answer server/info as HttpApi does: $(ConvertTo-Json -InputObject $response -Depth 4 -Compress)"
            throw (New-HttpApiErrorRecord -Message $message -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -TargetObject $workerPath -ClientError)
        }
        $answered = $true
    }
    finally {
        # Not yet the session's worker: nobody else would stop it (Ctrl+C during start-up included).
        if (-not $answered) {
            Stop-HttpApiWorkerProcess -Connection $connection -Kill
        }
    }
    $connection.Info = $response.result
    $connection
}
