# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll and BeforeDiscovery): paths, a fresh
# import of the module, and the skip for methods the current worker build does not implement yet.

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).ProviderPath
$script:ModuleManifest = Join-Path -Path $script:RepoRoot -ChildPath 'powershell/HttpApi.psd1'
$script:WorkerScript = Join-Path -Path $script:RepoRoot -ChildPath 'dist/httpapi.js'
$script:DemoServer = Join-Path -Path $script:RepoRoot -ChildPath 'fixtures/demo-server'
$script:FakeWorker = Join-Path -Path $PSScriptRoot -ChildPath 'fixtures/fake-worker.mjs'
# The pwsh running the suite (scripts/run-pester.mjs says which), for tests that need a second one.
$script:Pwsh = $env:HTTPAPI_PWSH
if (-not $script:Pwsh) {
    $script:Pwsh = (Get-Command -Name pwsh -CommandType Application | Select-Object -First 1).Path
}

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

function Skip-UnlessImplemented {
    # Called first in an It: skips it, with the reason, while the worker answers NOT_IMPLEMENTED.
    param([Parameter(Mandatory)] [string[]] $Method)
    $missing = @($Method | Where-Object { (Get-ImplementedMethod) -notcontains $_ })
    if ($missing.Count -gt 0) {
        Set-ItResult -Skipped -Because "the worker does not implement $($missing -join ', ') yet (server/info); this test runs once it does"
    }
}

function Get-WorkerProcessId {
    (Get-HttpApiWorker).ProcessId
}
