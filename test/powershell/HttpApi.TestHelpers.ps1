# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll): paths, a fresh import of the module,
# what the built worker implements, and the netsh test double (with a logging front for change tests).

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).ProviderPath
$script:ModuleManifest = Join-Path -Path $script:RepoRoot -ChildPath 'powershell/HttpApi.psd1'
$script:WorkerScript = Join-Path -Path $script:RepoRoot -ChildPath 'dist/httpapi.js'
$script:DemoServer = Join-Path -Path $script:RepoRoot -ChildPath 'fixtures/demo-server'
$script:FakeWorker = Join-Path -Path $PSScriptRoot -ChildPath 'fixtures/fake-worker.mjs'
# The pwsh running the suite (scripts/run-pester.mjs says which), for tests that need a second one.
$script:Pwsh = @(
    $env:HTTPAPI_PWSH
    (Get-Command -Name pwsh -CommandType Application -ErrorAction Ignore | Select-Object -First 1).Path
    (Join-Path -Path $HOME -ChildPath '.dotnet/tools/pwsh')
) | Where-Object { $_ -and (Test-Path -LiteralPath $_) } | Select-Object -First 1

function Import-HttpApiForTest {
    # A fresh module (and so a fresh worker) for each test file; no worker override left behind.
    Remove-Item -Path Env:HTTPAPI_WORKER, Env:HTTPAPI_NODE -ErrorAction Ignore
    Remove-Module -Name HttpApi -ErrorAction Ignore
    Import-Module -Name $script:ModuleManifest -Force -ErrorAction Stop
}

function Get-ImplementedMethod {
    # What the built worker says about itself, asked once per session through its CLI.
    if ($null -eq $global:HttpApiTestImplementedMethods) {
        $info = & node $script:WorkerScript info --json | ConvertFrom-Json
        $global:HttpApiTestImplementedMethods = @($info.methods | Where-Object { $_.implemented } | ForEach-Object { $_.name })
    }
    $global:HttpApiTestImplementedMethods
}

function Get-WorkerProcessId {
    (Get-HttpApiWorker).ProcessId
}

$script:NetshDouble = Join-Path -Path $script:RepoRoot -ChildPath 'test/netsh-double/netsh.mjs'

function Use-NetshDouble {
    # Points the netsh test double at a fresh state file. The worker passes its environment on to
    # netsh and takes it when it starts, so the running worker is stopped first.
    param([hashtable] $State = @{}, [hashtable] $Setting = @{})
    $file = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ("httpapi-netsh-{0}.json" -f [guid]::NewGuid())
    $content = @{ sslcert = @(); urlacl = @() }
    foreach ($key in $State.Keys) {
        $content[$key] = @($State[$key])
    }
    Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $content -Depth 8) -Encoding utf8
    Stop-HttpApiWorker
    $env:HTTPAPI_NETSH_STATE = $file
    foreach ($name in $Setting.Keys) {
        Set-Item -Path "Env:$name" -Value $Setting[$name]
    }
    $file
}

function Reset-NetshDouble {
    Stop-HttpApiWorker
    Remove-Item -Path Env:HTTPAPI_NETSH_STATE, Env:HTTPAPI_NETSH_LAYOUT, Env:HTTPAPI_NETSH_LOCALE, Env:HTTPAPI_NETSH_JSON, Env:HTTPAPI_NETSH_CODEPAGE -ErrorAction Ignore
}

# Mappings for the double, in its state format (the fields netsh add sslcert takes).
$script:DoubleMappings = @(
    @{ kind = 'ipport'; key = '0.0.0.0:443'; certhash = '8a797aef3f7fbc8c148ddc6cbda86554c42972f5'; appid = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'; certstorename = 'MY' }
    @{ kind = 'hostnameport'; key = 'www.contoso.com:443'; certhash = '8a797aef3f7fbc8c148ddc6cbda86554c42972f5'; appid = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'; certstorename = 'MY' }
    @{ kind = 'hostnameport'; key = 'shop.fabrikam.com:443'; certhash = 'd448c934be5a5e720bb27c199ea38dc5a6f92c66'; appid = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'; certstorename = $null }
)
$script:DoubleReservations = @(
    @{ url = 'http://+:8080/app/'; users = @(@{ user = '\Everyone'; listen = $true; delegate = $false }); sddl = 'D:(A;;GX;;;WD)' }
    @{ url = 'https://*:44300/'; users = @(@{ user = 'NT AUTHORITY\Authenticated Users'; listen = $true; delegate = $false }); sddl = 'D:(A;;GX;;;AU)' }
)

function New-LoggingNetsh {
    # The netsh double behind a shell script in TestDrive that appends each command line to $Log
    # (what Get-NetshChangeCall reads) and runs $Line (shell, e.g. to fail some calls) before
    # passing on; returns the script's path, for -NetshPath.
    param([Parameter(Mandatory)] [string] $Log, [string[]] $Line = @())
    $path = Join-Path -Path $TestDrive -ChildPath 'netsh-logged'
    Set-Content -LiteralPath $path -Value @(
        '#!/bin/sh'
        "printf '%s\n' `"`$*`" >> '$Log'"
        $Line
        "exec node '$script:NetshDouble' `"`$@`""
    )
    & chmod +x $path
    $path
}

# The add, update and delete calls New-LoggingNetsh logged to the test file's $NetshLog.
function Get-NetshChangeCall { @(Get-Content -LiteralPath $NetshLog | Where-Object { $_ -match '^http (add|update|delete) ' }) }

# The double's state as the test file's $StateFile (from Use-NetshDouble) holds it now.
function Get-DoubleState { Get-Content -LiteralPath $StateFile -Raw | ConvertFrom-Json }

function Get-DemoServerDoubleMapping {
    # The sample server's mappings, as its capture lists them, in the double's state format.
    Get-HttpSslCert -Snapshot $script:DemoServer | ForEach-Object {
        @{ kind = $_.Kind; key = $_.Key; certhash = ([string] $_.CertificateHash).ToLowerInvariant(); appid = $_.AppId; certstorename = $_.CertificateStoreName }
    }
}
