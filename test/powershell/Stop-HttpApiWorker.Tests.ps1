# Stop-HttpApiWorker, and the other ways the worker ends: module removal and closed input.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Stop-HttpApiWorker' {
    BeforeEach {
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
    }

    It 'leaves the worker alone with -WhatIf' {
        Stop-HttpApiWorker -WhatIf
        (Get-HttpApiWorker).Running | Should -BeTrue
    }

    It 'stops the worker; the next cmdlet starts a new one' {
        $processId = Get-WorkerProcessId
        Stop-HttpApiWorker
        (Get-HttpApiWorker).Running | Should -BeFalse
        Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
        Get-WorkerProcessId | Should -Not -Be $processId
    }

    It 'kills the worker at once with -Force' {
        $processId = Get-WorkerProcessId
        Stop-HttpApiWorker -Force
        Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'does nothing, quietly, when no worker runs' {
        Stop-HttpApiWorker
        { Stop-HttpApiWorker -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'The end of a worker' {
    It 'comes with the removal of the module' {
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
        $processId = Get-WorkerProcessId
        Remove-Module -Name HttpApi
        Wait-Process -Id $processId -Timeout 10 -ErrorAction SilentlyContinue
        Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Import-HttpApiForTest
    }

    It 'comes when its input closes, as when PowerShell exits: it exits by itself with code 0' {
        $null = Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue
        $connection = & (Get-Module -Name HttpApi) { $script:HttpApiWorker }
        $connection.Input.Close()
        $connection.Process.WaitForExit(10000) | Should -BeTrue
        $connection.Process.ExitCode | Should -Be 0
        Stop-HttpApiWorker
    }
}
