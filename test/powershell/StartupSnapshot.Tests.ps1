# The worker's startup snapshot (about_HttpApi, STARTUP SNAPSHOT): built in the background by the
# first session, used by the next, named after node and the bundle it is built from, tried once,
# and dropped for the bundle when it does not start. Real node, real worker, real blobs.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:SuiteCache = $env:HTTPAPI_CACHE_DIR
    $script:SuiteSwitch = $env:HTTPAPI_STARTUP_SNAPSHOT
    $script:Node = (Get-Command -Name node -CommandType Application | Select-Object -First 1).Path

    function Use-Cache {
        # A cache folder of this test's own, and a worker that will be started anew.
        param([string] $Name)
        Stop-HttpApiWorker
        $env:HTTPAPI_CACHE_DIR = Join-Path $TestDrive $Name
        $env:HTTPAPI_CACHE_DIR
    }

    function Wait-Blob {
        # The background build's blob, once it is there (a second or two here; a minute at most).
        param([string] $Folder)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        do {
            $blob = @(Get-ChildItem -LiteralPath $Folder -Filter 'worker-*.blob' -File -ErrorAction Ignore)
            if ($blob.Count -gt 0) {
                return $blob[0].FullName
            }
            Start-Sleep -Milliseconds 200
        } while ([DateTime]::UtcNow -lt $deadline)
        throw "no startup snapshot was built in $Folder within 60 s"
    }

    function Get-BindingText {
        Get-IisHttpsBinding -Snapshot $DemoServer -AsOf '2027-01-01' | ConvertTo-Json -Depth 5 -WarningAction Ignore
    }
}

AfterAll {
    Stop-HttpApiWorker
    $env:HTTPAPI_CACHE_DIR = $script:SuiteCache
    $env:HTTPAPI_STARTUP_SNAPSHOT = $script:SuiteSwitch
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'The worker''s startup snapshot' {
    AfterEach {
        Remove-Item -Path Env:HTTPAPI_STARTUP_SNAPSHOT -ErrorAction Ignore
    }

    It 'the first session starts from the bundle and builds the blob; the next starts from it and answers alike' {
        $cache = Use-Cache 'first'
        $fromBundle = Get-BindingText
        (Get-HttpApiWorker).StartupSnapshot | Should -BeNullOrEmpty
        $blob = Wait-Blob $cache
        Get-Content -LiteralPath "$blob.attempt" -Raw | Should -BeLike "*startup-snapshot --out $blob*"

        Stop-HttpApiWorker
        $fromBlob = Get-BindingText
        $worker = Get-HttpApiWorker
        $worker.StartupSnapshot | Should -Be $blob
        $worker.WorkerPath | Should -Be (Resolve-Path -LiteralPath $WorkerScript).ProviderPath
        $fromBlob | Should -Be $fromBundle
        # Only the blob and its marker: no partial file left by the build.
        @(Get-ChildItem -LiteralPath $cache -Name) | Sort-Object | Should -Be @((Split-Path $blob -Leaf), "$(Split-Path $blob -Leaf).attempt")
    }

    It 'a blob that does not start is removed, the worker starts from the bundle, and no second build is tried' {
        $cache = Use-Cache 'broken'
        $null = Get-BindingText
        $blob = Wait-Blob $cache
        Stop-HttpApiWorker
        [System.IO.File]::WriteAllText($blob, 'not a startup snapshot')

        $verbose = @(Get-IisHttpsBinding -Snapshot $DemoServer -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        (Get-HttpApiWorker).StartupSnapshot | Should -BeNullOrEmpty
        @($verbose | Where-Object { $_.Message -like "The HttpApi worker did not start from its startup snapshot $blob*the blob is removed*" }).Count | Should -Be 1
        Test-Path -LiteralPath $blob | Should -BeFalse
        Start-Sleep -Seconds 2
        @(Get-ChildItem -LiteralPath $cache -Name) | Should -Be @("$(Split-Path $blob -Leaf).attempt")
    }

    It 'with $env:HTTPAPI_STARTUP_SNAPSHOT = ''off'' no blob is built or used' {
        $cache = Use-Cache 'off'
        $env:HTTPAPI_STARTUP_SNAPSHOT = 'off'
        $null = Get-BindingText
        (Get-HttpApiWorker).StartupSnapshot | Should -BeNullOrEmpty
        Start-Sleep -Seconds 1
        Test-Path -LiteralPath $cache | Should -BeFalse
    }
}

Describe 'Naming the blob and building it' {
    BeforeAll {
        # A worker folder of its own: a bundle and its startup twin, copied from dist/.
        $script:Folder = Join-Path $TestDrive 'worker'
        $null = New-Item -ItemType Directory -Path $script:Folder
        Copy-Item -LiteralPath $WorkerScript -Destination $script:Folder
        Copy-Item -LiteralPath (Join-Path (Split-Path $WorkerScript) 'httpapi-startup.cjs') -Destination $script:Folder
        $script:Worker = Join-Path $script:Folder 'httpapi.js'
        $env:HTTPAPI_CACHE_DIR = Join-Path $TestDrive 'naming'
    }

    It 'names another blob when node or the startup bundle changes, and the same one otherwise' {
        $resolve = { param($node, $worker) & (Get-Module HttpApi) { Resolve-HttpApiStartupSnapshot -NodePath $args[0] -WorkerPath $args[1] } $node $worker }
        $first = & $resolve $Node $Worker
        $first.Path | Should -BeLike (Join-Path $env:HTTPAPI_CACHE_DIR 'worker-*.blob')
        $first.Ready | Should -BeFalse
        (& $resolve $Node $Worker).Path | Should -Be $first.Path

        $otherNode = Join-Path $TestDrive 'node-copy'
        Set-Content -LiteralPath $otherNode -Value 'another node'
        (& $resolve $otherNode $Worker).Path | Should -Not -Be $first.Path

        (Get-Item -LiteralPath (Join-Path $Folder 'httpapi-startup.cjs')).LastWriteTimeUtc = [DateTime]::UtcNow.AddMinutes(5)
        (& $resolve $Node $Worker).Path | Should -Not -Be $first.Path
    }

    It 'a worker script with no httpapi-startup.cjs beside it (a test''s fake worker) has no startup snapshot' {
        & (Get-Module HttpApi) { Resolve-HttpApiStartupSnapshot -NodePath $args[0] -WorkerPath $args[1] } $Node $FakeWorker | Should -BeNullOrEmpty
    }

    It 'one build per name: a second attempt does nothing; blobs of other names older than 30 days go, recent ones stay' {
        $cache = $env:HTTPAPI_CACHE_DIR
        $null = New-Item -ItemType Directory -Path $cache -Force
        foreach ($name in 'worker-0ld.blob', 'worker-0ld.blob.attempt', 'worker-recent.blob') {
            Set-Content -LiteralPath (Join-Path $cache $name) -Value 'x'
        }
        foreach ($name in 'worker-0ld.blob', 'worker-0ld.blob.attempt') {
            (Get-Item -LiteralPath (Join-Path $cache $name)).LastWriteTimeUtc = [DateTime]::UtcNow.AddDays(-31)
        }
        $build = {
            & (Get-Module HttpApi) {
                $snapshot = Resolve-HttpApiStartupSnapshot -NodePath $args[0] -WorkerPath $args[1]
                Start-HttpApiStartupSnapshotBuild -Snapshot $snapshot
            } $Node $Worker
        }
        $process = & $build
        $process | Should -BeOfType ([System.Diagnostics.Process])
        & $build | Should -BeNullOrEmpty
        $process.WaitForExit(60000) | Should -BeTrue
        $process.ExitCode | Should -Be 0

        $names = @(Get-ChildItem -LiteralPath $cache -Name)
        $names | Should -Not -Contain 'worker-0ld.blob'
        $names | Should -Not -Contain 'worker-0ld.blob.attempt'
        $names | Should -Contain 'worker-recent.blob'
        & (Get-Module HttpApi) { (Resolve-HttpApiStartupSnapshot -NodePath $args[0] -WorkerPath $args[1]).Ready } $Node $Worker | Should -BeTrue
    }
}
