# Get-HttpApiWorker: the session's worker, started on first use and reused by every cmdlet.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-HttpApiWorker' {
    It 'reports no worker after the import: importing the module or asking does not start one' {
        $worker = Get-HttpApiWorker
        $worker.PSObject.TypeNames[0] | Should -Be 'HttpApi.Worker'
        $worker.Running | Should -BeFalse
        $worker.ProcessId | Should -BeNullOrEmpty
        $worker.Starts | Should -Be 0
        (Get-HttpApiWorker).Running | Should -BeFalse
    }

    It 'describes the worker the first cmdlet started: process, node, bundle, version, methods' {
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
        $worker = Get-HttpApiWorker
        $worker.Running | Should -BeTrue
        $worker.ProcessId | Should -BeGreaterThan 0
        (Get-Process -Id $worker.ProcessId).ProcessName | Should -Match 'node'
        $worker.WorkerPath | Should -Be (Resolve-Path -LiteralPath $WorkerScript).ProviderPath
        $worker.NodePath | Should -Be (Get-Command -Name node -CommandType Application | Select-Object -First 1).Path
        $worker.Version | Should -Be (Get-Content -LiteralPath (Join-Path $RepoRoot 'package.json') -Raw | ConvertFrom-Json).version
        $worker.NodeVersion | Should -Be (& node --version)
        $worker.Platform | Should -Not -BeNullOrEmpty
        $worker.StartTime | Should -BeOfType ([datetime])
        $worker.ImplementedMethods | Should -Be (Get-ImplementedMethod)
        $worker.Starts | Should -Be 1
    }

    It 'shows that one process answers many calls' {
        $first = Get-WorkerProcessId
        $before = (Get-HttpApiWorker).Requests
        foreach ($index in 1..10) {
            $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
            $null = Get-HttpApiCertificate -Snapshot $DemoServer -ErrorAction SilentlyContinue
        }
        $worker = Get-HttpApiWorker
        $worker.ProcessId | Should -Be $first
        $worker.Requests | Should -Be ($before + 20)
        $worker.Starts | Should -Be 1
    }

    It 'lists the recent requests with their params as sent' {
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -Url 'http://+:5985/wsman/' -ErrorAction SilentlyContinue
        $last = (Get-HttpApiWorker).RecentRequests | Select-Object -Last 1
        $last.Method | Should -Be 'urlacl/list'
        $params = $last.Params | ConvertFrom-Json
        $params.url | Should -Be 'http://+:5985/wsman/'
        $params.source.snapshot | Should -Be $DemoServer
    }

    It 'has a table view' {
        $text = Get-HttpApiWorker | Out-String -Width 200
        $text | Should -Match 'Running\s+ProcessId\s+Version\s+Requests\s+Starts\s+WorkerPath'
        $text | Should -Match ([regex]::Escape((Get-HttpApiWorker).WorkerPath))
    }
}
