# An OpenSSH server for PowerShell's SSH remoting, started for one test file and thrown away after:
# its own host key, client key, authorized_keys and configuration in a folder of the test's, the
# PowerShell subsystem, listening on loopback addresses only. Dot-sourced by Remoting.Tests.ps1.

$script:SshServerPath = '/usr/sbin/sshd'

function Get-SshServerSkipReason {
    # Why the remoting tests cannot run here, or $null when they can.
    if (-not $IsLinux) {
        return 'the remoting tests start an sshd on Linux loopback addresses (127.0.0.2 and up exist only there).'
    }
    if (-not (Test-Path -LiteralPath $script:SshServerPath -PathType Leaf)) {
        return "sshd is not installed ($script:SshServerPath is missing)."
    }
    foreach ($program in 'ssh', 'ssh-keygen') {
        if (-not (Get-Command -Name $program -CommandType Application -ErrorAction Ignore)) {
            return "$program is not installed."
        }
    }
    $null
}

function Get-FreeLoopbackPort {
    $listener = New-Object -TypeName System.Net.Sockets.TcpListener -ArgumentList ([System.Net.IPAddress]::Loopback), 0
    $listener.Start()
    try {
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

function Start-TestSshServer {
    param(
        [Parameter(Mandatory)] [string] $Directory,
        [Parameter(Mandatory)] [string[]] $Address
    )
    $null = New-Item -ItemType Directory -Path $Directory -Force
    $hostKey = Join-Path -Path $Directory -ChildPath 'host_key'
    $clientKey = Join-Path -Path $Directory -ChildPath 'client_key'
    foreach ($key in $hostKey, $clientKey) {
        & ssh-keygen -q -t ed25519 -N '' -C 'httpapi-remoting-test' -f $key
        if ($LASTEXITCODE -ne 0) {
            throw "ssh-keygen failed for $key"
        }
    }
    $authorizedKeys = Join-Path -Path $Directory -ChildPath 'authorized_keys'
    Copy-Item -LiteralPath "$clientKey.pub" -Destination $authorizedKeys

    # The subsystem starts with sshd's environment, not ours: the wrapper gives it the PATH that finds
    # dotnet (pwsh as a .NET tool is a shim that starts it) and node (the module's worker).
    $subsystem = Join-Path -Path $Directory -ChildPath 'pwsh-subsystem.sh'
    $lines = @('#!/bin/sh', "export PATH='$env:PATH'")
    if ($env:DOTNET_ROOT) {
        $lines += "export DOTNET_ROOT='$env:DOTNET_ROOT'"
    }
    $lines += "exec '$Pwsh' -sshs -NoLogo -NoProfile"
    Set-Content -LiteralPath $subsystem -Value $lines
    & chmod 755 $subsystem

    $port = Get-FreeLoopbackPort
    $config = Join-Path -Path $Directory -ChildPath 'sshd_config'
    $log = Join-Path -Path $Directory -ChildPath 'sshd.log'
    $settings = @(foreach ($ip in $Address) { "ListenAddress ${ip}:$port" }) + @(
        "HostKey $hostKey"
        "PidFile $(Join-Path -Path $Directory -ChildPath 'sshd.pid')"
        "AuthorizedKeysFile $authorizedKeys"
        'PubkeyAuthentication yes'
        'PasswordAuthentication no'
        'KbdInteractiveAuthentication no'
        'UsePAM no'
        # The keys live in the test's folder, whose owner and modes are not sshd's business here.
        'StrictModes no'
        # CI runs as root.
        'PermitRootLogin yes'
        "AllowUsers $([Environment]::UserName)"
        "Subsystem powershell $subsystem"
    )
    Set-Content -LiteralPath $config -Value $settings
    # sshd refuses to start without its privilege separation folder, which a fresh container lacks.
    if (-not (Test-Path -LiteralPath '/run/sshd')) {
        $null = New-Item -ItemType Directory -Path '/run/sshd'
    }
    $process = Start-Process -FilePath $script:SshServerPath -ArgumentList '-D', '-f', $config, '-E', $log -PassThru
    $server = [pscustomobject]@{ Process = $process; Port = $port; ClientKey = $clientKey; Log = $log }
    $deadline = [DateTime]::UtcNow.AddSeconds(15)
    foreach ($ip in $Address) {
        while ($true) {
            $client = New-Object -TypeName System.Net.Sockets.TcpClient
            try {
                $client.Connect($ip, $port)
                break
            }
            catch {
                if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
                    Stop-TestSshServer -Server $server
                    throw "sshd did not listen on ${ip}:$port; its log: $(Get-Content -LiteralPath $log -Raw -ErrorAction Ignore)"
                }
                Start-Sleep -Milliseconds 100
            }
            finally {
                $client.Dispose()
            }
        }
    }
    $server
}

function Stop-TestSshServer {
    param([Parameter(Mandatory)] $Server)
    if (-not $Server.Process.HasExited) {
        $Server.Process.Kill()
        $null = $Server.Process.WaitForExit(10000)
    }
}

function New-TestSshSession {
    param(
        [Parameter(Mandatory)] $Server,
        [Parameter(Mandatory)] [string] $Address
    )
    # The host key is thrown away with the server: nothing to check it against, nothing to remember.
    $options = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
    # A session to a daemon that has just started is sometimes refused once ("the SSH transport
    # process has abruptly terminated"); a second try is what an admin would do. The last failure
    # carries sshd's log, which says why.
    for ($try = 1; ; $try++) {
        try {
            return New-PSSession -HostName $Address -Port $Server.Port -UserName ([Environment]::UserName) -KeyFilePath $Server.ClientKey -Options $options -ErrorAction Stop
        }
        catch {
            if ($try -ge 3) {
                throw "No PowerShell session to ${Address}:$($Server.Port) after $try tries: $($_.Exception.Message) sshd's log: $(Get-Content -LiteralPath $Server.Log -Raw -ErrorAction Ignore)"
            }
            Start-Sleep -Milliseconds (500 * $try)
        }
    }
}

function Initialize-TestTarget {
    # Gives a target a folder of its own, as a separate machine would have: its temporary path
    # ($env:TMPDIR, where an export goes), its cache (where its worker's startup snapshot is built in
    # the background: the build must not touch the session's SSH transport), server/, the copy of a sample snapshot that -Snapshot server
    # names there (relative paths resolve against the target's location), and Modules/ with the
    # packaged module, found on PSModulePath or imported by path. Without -Module the target has
    # nothing but PowerShell's own modules on its PSModulePath.
    param(
        [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession] $Session,
        [Parameter(Mandatory)] [string] $Folder,
        [Parameter(Mandatory)] [string] $Sample,
        [string] $Module,
        [switch] $ImportByPath
    )
    Invoke-Command -Session $Session -ArgumentList $Folder -ScriptBlock {
        param($Folder)
        $null = New-Item -ItemType Directory -Path "$Folder/tmp", "$Folder/Modules" -Force
        $env:TMPDIR = "$Folder/tmp"
        $env:HTTPAPI_CACHE_DIR = "$Folder/cache"
        Set-Location -LiteralPath $Folder
    }
    Copy-Item -LiteralPath $Sample -Destination "$Folder/server" -ToSession $Session -Recurse
    if (-not $Module) {
        Invoke-Command -Session $Session -ScriptBlock { $env:PSModulePath = Join-Path -Path $PSHOME -ChildPath 'Modules' }
        return
    }
    Copy-Item -LiteralPath $Module -Destination "$Folder/Modules" -ToSession $Session -Recurse
    Invoke-Command -Session $Session -ArgumentList $Folder, $ImportByPath.IsPresent -ScriptBlock {
        param($Folder, $ByPath)
        if ($ByPath) {
            Import-Module -Name "$Folder/Modules/HttpApi/HttpApi.psd1" -ErrorAction Stop
        }
        else {
            $env:PSModulePath = "$Folder/Modules" + [IO.Path]::PathSeparator + $env:PSModulePath
        }
    }
}
