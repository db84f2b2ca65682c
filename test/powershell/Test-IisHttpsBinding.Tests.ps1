# Test-IisHttpsBinding against the sample server, whose README and applicationHost.config plant
# one problem per site (expired certificate for Fabrikam Shop, no mapping for Admin on 8443, SNI
# without a host for Kiosk, ...), and against the netsh test double.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    function Get-DiagnosisRequestCount {
        @((Get-HttpApiWorker).RecentRequests | Where-Object Method -EQ 'diagnostics/run').Count
    }
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Test-IisHttpsBinding' {

    It 'returns every finding of a snapshot as HttpApi.Finding objects' {
        $findings = @(Test-IisHttpsBinding -Snapshot $DemoServer)
        $findings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.Finding' }
        $expired = $findings | Where-Object Code -EQ 'CERT_EXPIRED'
        $expired.Severity | Should -Be 'error'
        $expired.Site | Should -Be 'Fabrikam Shop'
        $expired.Binding | Should -Be '*:443:shop.fabrikam.com'
        $expired.Fix | Should -Not -BeNullOrEmpty
        ($findings | Where-Object Code -EQ 'HTTPS_BINDING_NO_MAPPING').Site | Should -Be 'Admin'
        ($findings | Where-Object Code -EQ 'SNI_WITHOUT_HOST').Site | Should -Be 'Kiosk'
        # About a mapping no binding uses: no site at all.
        $orphan = $findings | Where-Object Code -EQ 'ORPHAN_MAPPING'
        $orphan.Mapping | Should -Be 'hostnameport:old.contoso.com:443'
    }

    It 'tests the bindings piped from Get-IisHttpsBinding, with one diagnosis for the whole pipeline' {
        $before = Get-DiagnosisRequestCount
        $findings = @(Get-IisHttpsBinding -Snapshot $DemoServer | Where-Object Sni | Test-IisHttpsBinding)
        (Get-DiagnosisRequestCount) - $before | Should -Be 1
        $findings.Code | Should -Contain 'SNI_WITHOUT_HOST'
        $findings.Code | Should -Contain 'CERT_EXPIRED'
        $findings.Site | Should -Not -Contain 'Admin'
        $findings.Site | Should -Not -Contain 'Contoso Portal'
        $findings.Code | Should -Not -Contain 'ORPHAN_MAPPING'
    }

    It 'tests the sites named, or piped from Get-IisSite' {
        @(Test-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Fabrikam*').Site | Sort-Object -Unique | Should -Be @('Fabrikam Mail', 'Fabrikam Shop')
        @(Get-IisSite -Snapshot $DemoServer -Name Kiosk | Test-IisHttpsBinding).Code | Should -Be @('SNI_WITHOUT_HOST')
    }

    It 'filters by -Port, -HostName and -IPAddress of the binding, and by -Severity' {
        @(Test-IisHttpsBinding -Snapshot $DemoServer -Port 8443).Site | Should -Be @('Admin')
        @(Test-IisHttpsBinding -Snapshot $DemoServer -HostName 'shop.*').Code | Should -Be @('CERT_EXPIRED')
        @(Test-IisHttpsBinding -Snapshot $DemoServer -IPAddress '10.0.0.5').Code | Sort-Object -Unique | Should -Be @('SHARED_IP_MAPPING')
        $errors = @(Test-IisHttpsBinding -Snapshot $DemoServer -Severity error)
        $errors.Count | Should -BeGreaterThan 0
        $errors.Severity | Sort-Object -Unique | Should -Be @('error')
    }

    It 'returns a single boolean with -Quiet: $false when a selected finding is an error' {
        $result = @(Test-IisHttpsBinding -Snapshot $DemoServer -Quiet)
        $result.Count | Should -Be 1
        $result[0] | Should -BeOfType ([bool])
        $result[0] | Should -BeFalse
        Test-IisHttpsBinding -Snapshot $DemoServer -SiteName Admin -Quiet | Should -BeFalse
    }

    It 'returns $true with -Quiet when the selection has no error (warnings and information do not fail)' {
        Test-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso WWW' -Quiet | Should -BeTrue
        Test-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso Portal' -Quiet | Should -BeTrue
        Get-IisHttpsBinding -Snapshot $DemoServer -IPAddress 10.0.0.5 | Test-IisHttpsBinding -Quiet | Should -BeTrue
    }

    It 'sends -ExpiryDays to the worker: a longer horizon finds more expiring certificates' {
        $soon = @(Test-IisHttpsBinding -Snapshot $DemoServer -ExpiryDays 0 | Where-Object Code -EQ 'CERT_EXPIRES_SOON')
        $all = @(Test-IisHttpsBinding -Snapshot $DemoServer -ExpiryDays 3650 | Where-Object Code -EQ 'CERT_EXPIRES_SOON')
        $soon.Count | Should -Be 0
        $all.Count | Should -BeGreaterThan 0
        ((Get-HttpApiWorker).RecentRequests | Select-Object -Last 1).Params | ConvertFrom-Json | ForEach-Object { $_.expiryDays } | Should -Be 3650
    }

    It 'throws with -Quiet when it cannot test: no source' -Skip:$IsWindows {
        $answer = 'not set'
        { $script:answer = Test-IisHttpsBinding -Quiet -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'NO_SOURCE,Test-IisHttpsBinding'
        $answer | Should -Be 'not set'
    }

    It 'throws with -Quiet when it cannot test: an unreadable source' {
        { Test-IisHttpsBinding -ConfigPath (Join-Path $TestDrive 'missing.config') -SslcertFile (Join-Path $DemoServer 'sslcert.txt') -Quiet -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'SOURCE_UNREADABLE,Test-IisHttpsBinding'
    }

    It 'writes NOT_FOUND for a site that does not exist, like Get-IisHttpsBinding, and never answers $true for it' {
        $records = $null
        $answer = @(Test-IisHttpsBinding -Snapshot $DemoServer -SiteName nosuch -Quiet -ErrorAction SilentlyContinue -ErrorVariable records)
        $answer | Should -Be @($false)
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Test-IisHttpsBinding'
        $records[0].TargetObject | Should -Be 'nosuch'
        $getRecords = $null
        $null = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName nosuch -ErrorAction SilentlyContinue -ErrorVariable getRecords
        $getRecords[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-IisHttpsBinding'
        $records = $null
        @(Test-IisHttpsBinding -Snapshot $DemoServer -SiteName nosuch -ErrorAction SilentlyContinue -ErrorVariable records) | Should -BeNullOrEmpty
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Test-IisHttpsBinding'
    }

    It 'writes NOT_FOUND for a piped object naming a site that does not exist, and tests the others' {
        $records = $null
        $findings = @([pscustomobject]@{ Site = 'nosuch' }, [pscustomobject]@{ Site = 'Admin' } | Test-IisHttpsBinding -Snapshot $DemoServer -ErrorAction SilentlyContinue -ErrorVariable records)
        $records.Count | Should -Be 1
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Test-IisHttpsBinding'
        $findings.Code | Should -Be @('HTTPS_BINDING_NO_MAPPING')
    }

    It 'judges certificate dates as of -AsOf' {
        $now = @(Test-IisHttpsBinding -Snapshot $DemoServer -Severity error | Where-Object Code -EQ 'CERT_EXPIRED')
        $later = @(Test-IisHttpsBinding -Snapshot $DemoServer -Severity error -AsOf ([datetime]::new(2046, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)) | Where-Object Code -EQ 'CERT_EXPIRED')
        $later.Count | Should -BeGreaterThan $now.Count
        ((Get-HttpApiWorker).RecentRequests | Select-Object -Last 1).Params | Should -Match '"asOf":"2046-01-01T00:00:00Z"'
    }

    It 'shows a table of severity, code, target and message' {
        $text = Test-IisHttpsBinding -Snapshot $DemoServer -SiteName Admin | Out-String -Width 250
        $text | Should -Match 'Severity\s+Code\s+Target\s+Message'
        $text | Should -Match 'error\s+HTTPS_BINDING_NO_MAPPING\s+Admin \*:8443: ipport:0.0.0.0:8443\s+No http.sys mapping'
    }
}

Describe 'Test-IisHttpsBinding with netsh (the test double) for the http.sys side' {
    BeforeAll {
        $script:StateFile = Use-NetshDouble -State @{ sslcert = $DoubleMappings }
    }

    AfterAll {
        Reset-NetshDouble
        Remove-Item -LiteralPath $StateFile -ErrorAction Ignore
    }

    It 'finds the bindings netsh has no mapping for' {
        $findings = @(Test-IisHttpsBinding -ConfigPath (Join-Path $DemoServer 'applicationHost.config') -NetshPath $NetshDouble -ErrorAction SilentlyContinue)
        $missing = @($findings | Where-Object Code -EQ 'HTTPS_BINDING_NO_MAPPING')
        $missing.Site | Should -Contain 'Billing'
        $missing.Site | Should -Not -Contain 'Contoso WWW'
    }
}
