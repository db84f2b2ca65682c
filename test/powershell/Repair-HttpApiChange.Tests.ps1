# Repair-HttpApiChange against a real interrupted change: the CLI adds an https binding to a copy
# of the sample server with the netsh double as http.sys and is killed (HTTPAPI_TEST_CRASH_AT, read
# by the worker only for tests) right after its first step, the netsh add: the mapping exists, the
# configuration is unchanged and the journal is left beside it.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    $script:StateFile = Use-NetshDouble -State @{ sslcert = @(); urlacl = @() }
    $script:WwwThumbprint = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'

    function New-InterruptedChange {
        $script:Server = Join-Path $TestDrive ('server-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
        Copy-Item -LiteralPath $DemoServer -Destination $Server -Recurse
        $script:Config = Join-Path $Server 'applicationHost.config'
        $script:Original = (Get-FileHash -LiteralPath $Config -Algorithm SHA256).Hash
        Set-Content -LiteralPath $StateFile -Value '{ "sslcert": [], "urlacl": [] }'
        $script:Source = @{ Snapshot = $Server; NetshPath = $NetshDouble }
        $env:HTTPAPI_TEST_CRASH_AT = 'step-1'
        try {
            $null = & node $WorkerScript binding add --snapshot $Server --netsh $NetshDouble --site Admin --protocol https --port 9443 --certificate-hash $WwwThumbprint 2>&1
        } finally {
            Remove-Item Env:\HTTPAPI_TEST_CRASH_AT
        }
    }
    function Get-DoubleMapping { @((Get-Content -LiteralPath $StateFile -Raw | ConvertFrom-Json).sslcert) }
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Repair-HttpApiChange' {
    BeforeEach {
        New-InterruptedChange
    }

    It 'reports the interrupted change, step by step, and changes nothing' {
        $report = Repair-HttpApiChange @Source
        $report.PSObject.TypeNames[0] | Should -Be 'HttpApi.ChangeRecovery'
        $report.Interrupted | Should -BeTrue
        @($report.Steps | ForEach-Object { $_.State }) | Should -Be @('done', 'not done')
        @($report.Steps | ForEach-Object { $_.Kind }) | Should -Be @('netsh', 'config')
        (Get-FileHash -LiteralPath $Config -Algorithm SHA256).Hash | Should -Be $Original
        @(Get-DoubleMapping).Count | Should -Be 1
    }

    It '-Apply Undo -WhatIf changes nothing and the next change is still refused with CHANGE_INTERRUPTED' {
        Repair-HttpApiChange @Source -Apply Undo -WhatIf | Should -BeNullOrEmpty
        @(Get-DoubleMapping).Count | Should -Be 1
        { New-IisHttpsBinding @Source -SiteName Admin -Port 9444 -Thumbprint $WwwThumbprint -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'CHANGE_INTERRUPTED,New-IisHttpsBinding'
    }

    It '-Apply Undo removes the mapping the first step made, and changes run again' {
        $report = Repair-HttpApiChange @Source -Apply Undo -Confirm:$false
        $report.Applied | Should -Be 'undo'
        @(Get-DoubleMapping).Count | Should -Be 0
        (Get-FileHash -LiteralPath $Config -Algorithm SHA256).Hash | Should -Be $Original
        (Repair-HttpApiChange @Source).Interrupted | Should -BeFalse
    }

    It '-Apply Finish writes the binding the change was adding, beside its mapping' {
        $report = Repair-HttpApiChange @Source -Apply Finish -Confirm:$false
        $report.Applied | Should -Be 'finish'
        @(Get-DoubleMapping).Count | Should -Be 1
        Get-Content -LiteralPath $Config -Raw | Should -Match 'bindingInformation="\*:9443:"'
    }
}
