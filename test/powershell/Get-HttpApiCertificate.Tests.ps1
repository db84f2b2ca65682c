# Get-HttpApiCertificate against the sample server's certs/ folder (8 certificates; subjects,
# names and dates from fixtures/certs/README.md and the demo-server README).

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:WwwHash = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'
    $script:ExpiredHash = 'D448C934BE5A5E720BB27C199EA38DC5A6F92C66'
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-HttpApiCertificate' {

    It 'returns every certificate of a snapshot, typed HttpApi.Certificate' {
        $certificates = @(Get-HttpApiCertificate -Snapshot $DemoServer)
        $certificates.Count | Should -Be 8
        $certificates | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.Certificate' }
        @($certificates | Where-Object Store -EQ 'WebHosting').Thumbprint | Should -Be @('D54DAFC94E7E55489195BE690C85192991847ED5')
    }

    It 'gives dates as DateTime values and the facts HTTPS needs' {
        $www = Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint $WwwHash
        $www.Subject | Should -Be 'CN=www.contoso.com, O=Contoso Ltd, C=US'
        $www.DnsNames | Should -Be @('www.contoso.com', 'contoso.com')
        $www.HasPrivateKey | Should -BeTrue
        $www.ServerAuth | Should -BeTrue
        $www.NotAfter | Should -BeOfType ([datetime])
        $www.NotAfter.ToUniversalTime() | Should -Be ([datetime]::new(2045, 6, 1, 0, 0, 0, [DateTimeKind]::Utc))
        $expired = Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint $ExpiredHash
        $expired.NotAfter.ToUniversalTime() | Should -Be ([datetime]::new(2024, 3, 1, 0, 0, 0, [DateTimeKind]::Utc))
        (Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint '494FF9277B05DE81AA69F67D1F65DD041AF732B8').HasPrivateKey | Should -BeFalse
        (Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint 'DE0CD247E75C686FC5F7DC8FAEEBC62466F0BCEA').ServerAuth | Should -BeFalse
    }

    It 'takes thumbprints as copied (spaces, lower case), several at once' {
        @(Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint '8a 79 7a ef 3f 7f bc 8c 14 8d dc 6c bd a8 65 54 c4 29 72 f5', $ExpiredHash).Thumbprint | Should -Be @($WwwHash, $ExpiredHash)
    }

    It 'filters by store, DNS name and expiry' {
        @(Get-HttpApiCertificate -Snapshot $DemoServer -CertificateStoreName WebHosting).Subject | Should -Be @('CN=*.contoso.com, O=Contoso Ltd, C=US')
        @(Get-HttpApiCertificate -Snapshot $DemoServer -DnsName '*.fabrikam.com').Thumbprint | Sort-Object | Should -Be @('881222F4BC07AC2E720E2323622EB264B6524DCE', $ExpiredHash)
        $expiring = @(Get-HttpApiCertificate -Snapshot $DemoServer -ExpiringWithinDays 0)
        $expiring.Thumbprint | Should -Contain $ExpiredHash
        $expiring.Thumbprint | Should -Not -Contain $WwwHash
        $expiring | ForEach-Object { $_.NotAfter | Should -BeLessOrEqual (Get-Date) }
    }

    It 'takes the certificate of a mapping or a binding from the pipeline' {
        (Get-HttpSslCert -Snapshot $DemoServer -HostnamePort www.contoso.com:443 | Get-HttpApiCertificate).Thumbprint | Should -Be $WwwHash
        (Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Fabrikam Shop' | Get-HttpApiCertificate).Thumbprint | Should -Be $ExpiredHash
    }

    It 'writes NOT_FOUND for a thumbprint no certificate has' {
        $records = $null
        $null = Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint ('0' * 40) -ErrorAction SilentlyContinue -ErrorVariable records
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-HttpApiCertificate'
        $records[0].TargetObject | Should -Be ('0' * 40)
    }

    It 'writes INVALID_PARAMS (InvalidArgument) for something that is not a thumbprint' {
        $records = $null
        $null = Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint 'not-a-thumbprint' -ErrorAction SilentlyContinue -ErrorVariable records
        $records[0].FullyQualifiedErrorId | Should -Be 'INVALID_PARAMS,Get-HttpApiCertificate'
        $records[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $records[0].Exception | Should -BeOfType ([System.ArgumentException])
        $records[0].Exception.Message | Should -Match 'thumbprint'
    }

    It 'writes NO_SOURCE off Windows for a live-like source: netsh gives mappings, not certificates' -Skip:$IsWindows {
        $records = $null
        $null = Get-HttpApiCertificate -NetshPath $NetshDouble -ErrorAction SilentlyContinue -ErrorVariable records
        $records[0].FullyQualifiedErrorId | Should -Be 'NO_SOURCE,Get-HttpApiCertificate'
        $records[0].Exception.Message | Should -Match 'certificates'
    }

    It 'shows a table of thumbprint, store, expiry, key and subject' {
        $text = Get-HttpApiCertificate -Snapshot $DemoServer -Thumbprint $WwwHash | Out-String -Width 200
        $text | Should -Match 'Thumbprint\s+Store\s+NotAfter\s+Key\s+Subject'
        $text | Should -Match "$WwwHash MY\s+2045-06-01 yes\s+CN=www.contoso.com"
    }

    It 'completes thumbprints' {
        $line = "Get-HttpApiCertificate -Snapshot '$DemoServer' -Thumbprint 8A7"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @($WwwHash)
    }
}
