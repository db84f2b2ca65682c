# The worker client: restart, finding node and the script, framing, progress, cancellation, how
# failures of the worker surface, and the ShouldProcess choke point. Start, reuse and stop are in
# Get-HttpApiWorker.Tests.ps1 and Stop-HttpApiWorker.Tests.ps1. Uses the real worker where its behaviour is needed, and a fake
# worker (fixtures/fake-worker.mjs) for the failures the real one does not produce on demand.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
}

AfterAll {
    Remove-Item -Path Env:HTTPAPI_WORKER, Env:FAKE_WORKER_LOG -ErrorAction Ignore
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Restarting the worker' {
    BeforeAll {
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
    }

    It 'is restarted transparently after it was killed' {
        $first = Get-WorkerProcessId
        Stop-Process -Id $first -Force
        Wait-Process -Id $first -Timeout 10 -ErrorAction SilentlyContinue
        $reservations = @(Get-HttpUrlAcl -Snapshot $DemoServer)
        $reservations.Count | Should -BeGreaterThan 0
        $worker = Get-HttpApiWorker
        $worker.ProcessId | Should -Not -Be $first
        $worker.Running | Should -BeTrue
        $worker.Starts | Should -Be 2
    }

    It 'is restarted even when it is killed a moment before the next call' {
        $first = Get-WorkerProcessId
        # No wait: the exit may not be visible yet when the request is written.
        Stop-Process -Id $first -Force
        { Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction Stop } | Should -Not -Throw
        Get-WorkerProcessId | Should -Not -Be $first
    }

}

Describe 'Finding node and the worker script' {
    AfterEach {
        Remove-Item -Path Env:HTTPAPI_NODE, Env:HTTPAPI_WORKER -ErrorAction Ignore
        & (Get-Module -Name HttpApi) { $script:HttpApiNodePath = $null; $script:HttpApiWorkerPath = $null }
        Stop-HttpApiWorker
    }

    It 'uses $env:HTTPAPI_NODE, and names it when it is wrong' {
        Stop-HttpApiWorker
        $env:HTTPAPI_NODE = Join-Path $TestDrive 'no-such-node'
        $caught = $null
        try { Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be 'NODE_NOT_FOUND,Get-HttpUrlAcl'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.Exception.Message | Should -BeLike "*no-such-node*HTTPAPI_NODE*"
        $caught.ErrorDetails.RecommendedAction | Should -BeLike '*HTTPAPI_NODE*'
    }

    It 'fails with a terminating NODE_NOT_FOUND error that -ErrorAction SilentlyContinue does not hide' {
        $env:HTTPAPI_NODE = 'no-such-node-command'
        { Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'NODE_NOT_FOUND,Get-HttpUrlAcl'
    }

    It 'finds node on PATH as Get-Command does, passing over relative folders and a file that is not executable' {
        $node = (Get-Command -Name node -CommandType Application | Select-Object -First 1).Path
        & (Get-Module -Name HttpApi) { Resolve-HttpApiNode } | Should -Be $node
        $decoy = Join-Path $TestDrive 'decoy'
        $null = New-Item -ItemType Directory -Path $decoy -Force
        $decoyNode = Join-Path $decoy $(if ($IsWindows) { 'node.txt' } else { 'node' })
        Set-Content -LiteralPath $decoyNode -Value 'not node'
        if (-not $IsWindows) {
            [System.IO.File]::SetUnixFileMode($decoyNode, [System.IO.UnixFileMode] 'UserRead, UserWrite')
        }
        $path = $env:PATH
        try {
            $env:PATH = 'relative-folder' + [System.IO.Path]::PathSeparator + $decoy + [System.IO.Path]::PathSeparator + $path
            & (Get-Module -Name HttpApi) { Resolve-HttpApiNode } | Should -Be $node
            if (-not $IsWindows) {
                # Made executable, the same file is what PATH names first.
                [System.IO.File]::SetUnixFileMode($decoyNode, [System.IO.UnixFileMode] 'UserRead, UserWrite, UserExecute')
                & (Get-Module -Name HttpApi) { Resolve-HttpApiNode } | Should -Be $decoyNode
            }
        }
        finally {
            $env:PATH = $path
        }
    }

    It 'takes the module variable HttpApiNodePath before $env:HTTPAPI_NODE' {
        $env:HTTPAPI_NODE = 'no-such-node-command'
        $node = (Get-Command -Name node -CommandType Application | Select-Object -First 1).Path
        & (Get-Module -Name HttpApi) { param($path) $script:HttpApiNodePath = $path } $node
        { Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction Stop } | Should -Not -Throw
        (Get-HttpApiWorker).NodePath | Should -Be $node
    }

    It 'names the worker script it could not find' {
        $env:HTTPAPI_WORKER = Join-Path $TestDrive 'missing.js'
        { Get-HttpUrlAcl -Snapshot $DemoServer } | Should -Throw -ErrorId 'WORKER_NOT_FOUND,Get-HttpUrlAcl'
    }
}

Describe 'A worker that fails' {
    BeforeAll {
        Stop-HttpApiWorker
        $env:HTTPAPI_WORKER = $FakeWorker
        $env:FAKE_WORKER_LOG = Join-Path $TestDrive 'fake-worker.log'
    }

    AfterAll {
        Stop-HttpApiWorker
        Remove-Item -Path Env:HTTPAPI_WORKER, Env:FAKE_WORKER_LOG -ErrorAction Ignore
    }

    It 'reports its errors as ErrorRecords with the worker''s id, category and the target' {
        $records = $null
        $sites = @(Get-IisSite -Name missing -ErrorAction SilentlyContinue -ErrorVariable records)
        $sites.Count | Should -Be 0
        $records.Count | Should -Be 1
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-IisSite'
        $records[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $records[0].TargetObject | Should -Be 'missing'
        $records[0].Exception | Should -BeOfType ([System.Management.Automation.ItemNotFoundException])
        $records[0].Exception.Message | Should -Be "Site 'missing' was not found in /fake/applicationHost.config."
        $records[0].Exception.Data['HttpApiErrorCode'] | Should -Be 1002
        ($records[0].Exception.Data['HttpApiErrorData'] | ConvertFrom-Json).site | Should -Be 'missing'
    }

    It 'honours -ErrorAction: Stop throws, SilentlyContinue and Ignore do not, and the pipeline goes on per item' {
        { Get-IisSite -Name missing -ErrorAction Stop } | Should -Throw -ErrorId 'NOT_FOUND,Get-IisSite'
        { Get-IisSite -Name missing -ErrorAction Ignore } | Should -Not -Throw
        $records = $null
        $sites = @('Alpha', 'missing', 'Beta Site' | Get-IisSite -ErrorAction SilentlyContinue -ErrorVariable records)
        $sites.Name | Should -Be @('Alpha', 'Beta Site')
        $records.Count | Should -Be 1
    }

    It 'ends the command with WORKER_EXITED, the exit code and its stderr when it crashes, then restarts' {
        $null = Get-IisSite -Name Alpha
        $crashed = Get-WorkerProcessId
        $caught = $null
        try { Get-IisSite -Name crash -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'WORKER_EXITED,Get-IisSite'
        $caught.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $caught.Exception.Message | Should -BeLike '*exited with code 3 while handling sites/list*fake worker: crashing on purpose*'
        (Get-IisSite -Name Alpha).Name | Should -Be 'Alpha'
        Get-WorkerProcessId | Should -Not -Be $crashed
    }

    It 'ends the command with WORKER_PROTOCOL_ERROR when stdout is not a frame, and kills that worker' {
        $null = Get-IisSite -Name Alpha
        $broken = Get-WorkerProcessId
        { Get-IisSite -Name garbage -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'WORKER_PROTOCOL_ERROR,Get-IisSite'
        Wait-Process -Id $broken -Timeout 10 -ErrorAction SilentlyContinue
        Get-Process -Id $broken -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-IisSite -Name Alpha).Name | Should -Be 'Alpha'
    }

    It 'ends the command with WORKER_PROTOCOL_ERROR when a frame is not JSON' {
        { Get-IisSite -Name badjson } | Should -Throw -ErrorId 'WORKER_PROTOCOL_ERROR,Get-IisSite'
        (Get-IisSite -Name Alpha).Name | Should -Be 'Alpha'
    }

    It 'reads a response of several megabytes of non-ASCII text across many reads' {
        $sites = @(Get-IisSite -Snapshot (Join-Path $TestDrive 'big'))
        $sites.Count | Should -Be 3000
        $sites[0].Name | Should -Be 'Sité ünïcødé 漢字 0'
        $sites[2999].Name | Should -Be 'Sité ünïcødé 漢字 2999'
        $sites[2999].Bindings[0].BindingInformation | Should -Be '*:443:host-2999.example'
        (Get-IisSite -Name Alpha).Name | Should -Be 'Alpha'
    }

    It 'turns $/progress notifications into progress records and passes a progressToken' {
        $sites = @(Get-IisSite -Snapshot (Join-Path $TestDrive 'slow'))
        $sites.Name | Should -Be @('Alpha', 'Beta Site')
        $request = Get-Content -LiteralPath $env:FAKE_WORKER_LOG | ForEach-Object { $_ | ConvertFrom-Json } |
            Where-Object { $_.method -eq 'sites/list' -and $_.params.source.snapshot -like '*slow' } | Select-Object -Last 1
        $request.params.progressToken | Should -Match '^httpapi-powershell-\d+$'
    }

    It 'sends $/cancelRequest when a command is stopped, and the worker stays usable' {
        # A second runspace, so the command can be stopped as Ctrl+C stops it.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({ param($manifest) Import-Module $manifest; Get-IisSite -Name hang }).AddArgument($ModuleManifest)
            $handle = $shell.BeginInvoke()
            $deadline = (Get-Date).AddSeconds(20)
            while (-not (Test-Path -LiteralPath $env:FAKE_WORKER_LOG) -or -not (Select-String -LiteralPath $env:FAKE_WORKER_LOG -SimpleMatch '"site":"hang"' -Quiet)) {
                if ((Get-Date) -gt $deadline) { throw 'the hanging request never reached the fake worker' }
                Start-Sleep -Milliseconds 50
            }
            $shell.Stop()
            $handle.IsCompleted | Should -BeTrue
            $shell.Commands.Clear()
            $after = $shell.AddScript({ $first = (Get-HttpApiWorker).ProcessId; $site = Get-IisSite -Name Alpha; @($first, (Get-HttpApiWorker).ProcessId, $site.Name) }).Invoke()
            $after[2] | Should -Be 'Alpha'
            $after[1] | Should -Be $after[0]
            $shell.Commands.Clear()
            $shell.AddScript({ Remove-Module HttpApi }).Invoke()
        }
        finally {
            $shell.Dispose()
        }
        $cancel = Get-Content -LiteralPath $env:FAKE_WORKER_LOG | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object { $_.method -eq '$/cancelRequest' }
        @($cancel).Count | Should -Be 1
    }
}

Describe 'The ShouldProcess choke point for changes' {
    BeforeAll {
        Stop-HttpApiWorker
        $script:ChangeLog = Join-Path $TestDrive 'change.log'
        # A change cmdlet in the making, run -WhatIf and then -Confirm:$false in a child pwsh, so
        # the -WhatIf text the host prints can be read.
        $script = @"
`$env:HTTPAPI_WORKER = '$FakeWorker'
`$env:FAKE_WORKER_LOG = '$ChangeLog'
Import-Module '$ModuleManifest'
& (Get-Module HttpApi) {
    function Remove-Thing {
        [CmdletBinding(SupportsShouldProcess = `$true, ConfirmImpact = 'High')]
        param()
        Invoke-HttpApiWorker -Cmdlet `$PSCmdlet -Method 'bindings/remove' -Params @{ site = 'Alpha'; protocol = 'https'; bindingInformation = '*:443:alpha.example' } ``
            -Change -Target 'binding *:443:alpha.example of site Alpha' -Action 'Remove HTTPS binding'
    }
    `$result = Remove-Thing -WhatIf
    'whatif-result=' + [bool] `$result
    '----'
    `$result = Remove-Thing -Confirm:`$false
    'applied=' + `$result.applied
}
"@
        $output = & $Pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
        $script:WhatIfOutput, $script:ConfirmedOutput = $output -split '----'
        $script:Requests = @(Get-Content -LiteralPath $ChangeLog | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object { $_.method -eq 'bindings/remove' })
    }

    It 'shows the worker''s plan under -WhatIf and applies nothing' {
        $WhatIfOutput | Should -Match 'What if: Performing the operation "Remove HTTPS binding" on target "binding \*:443:alpha.example of site Alpha"'
        $WhatIfOutput | Should -Match '1\. edit /fake/applicationHost.config:'
        $WhatIfOutput | Should -Match '-<binding protocol="https" bindingInformation="\*:443:alpha.example" sslFlags="1" />'
        $WhatIfOutput | Should -Match '2\. netsh http delete sslcert hostnameport=alpha.example:443'
        $WhatIfOutput | Should -Match 'whatif-result=False'
        $Requests[0].params.whatIf | Should -BeTrue
    }

    It 'applies after the plan when confirmed, asking for the plan first' {
        $ConfirmedOutput | Should -Match 'applied=True'
        $ConfirmedOutput | Should -Not -Match 'What if:'
        $Requests.Count | Should -Be 3
        $Requests[1].params.whatIf | Should -BeTrue
        $Requests[2].params.PSObject.Properties['whatIf'] | Should -BeNullOrEmpty
        $Requests[2].params.site | Should -Be 'Alpha'
    }
}
