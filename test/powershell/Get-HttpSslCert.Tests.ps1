# Get-HttpSslCert against the sample server's sslcert.txt (17 mappings, listed in
# fixtures/demo-server/README.md) and against the netsh test double.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:WwwHash = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'
    $script:IisAppId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-HttpSslCert' {

    It 'returns every mapping of a snapshot, typed, with its options typed too' {
        $mappings = @(Get-HttpSslCert -Snapshot $DemoServer)
        $mappings.Count | Should -Be 17
        @($mappings | Where-Object Kind -EQ 'ipport').Count | Should -Be 8
        @($mappings | Where-Object Kind -EQ 'hostnameport').Count | Should -Be 9
        $mappings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.SslCertMapping' }
        $mappings[0].Options[0].PSObject.TypeNames[0] | Should -Be 'HttpApi.SslCertOption'
    }

    It 'gives each mapping its hash (upper case), app id, store, and its key under the parameter''s name' {
        $wildcard = Get-HttpSslCert -Snapshot $DemoServer -IPPort 0.0.0.0:443
        $wildcard.Kind | Should -Be 'ipport'
        $wildcard.Key | Should -Be '0.0.0.0:443'
        $wildcard.IPPort | Should -Be '0.0.0.0:443'
        $wildcard.CertificateHash | Should -Be 'D54DAFC94E7E55489195BE690C85192991847ED5'
        $wildcard.Thumbprint | Should -Be $wildcard.CertificateHash
        $wildcard.AppId | Should -Be $IisAppId
        $wildcard.CertificateStoreName | Should -Be 'WebHosting'
        ($wildcard.Options | Where-Object Name -EQ 'usageCheck').Raw | Should -Be 'Enabled'
        (Get-HttpSslCert -Snapshot $DemoServer -HostnamePort www.contoso.com:443).HostnamePort | Should -Be 'www.contoso.com:443'
    }

    It 'gives every mapping its Owner and the Status of its certificate, bound or not (hand-written from the sample''s sslcert.txt and certs/)' {
        $expected = @(
            '0.0.0.0:443 IIS ok', '0.0.0.0:44300 IIS Express ok', '0.0.0.0:44301 IIS Express ok', '0.0.0.0:44302 IIS Express ok',
            '10.0.0.5:443 IIS ok', '10.0.0.9:443 IIS ok', '[::]:443 SSTP ok', '[2001:db8::5]:443 IIS ok',
            'www.contoso.com:443 IIS ok', 'shop.fabrikam.com:443 IIS expired', 'api.contoso.com:443 IIS expiring',
            'billing.contoso.com:443 IIS no private key', 'partners.contoso.com:443 IIS not server auth', 'intranet.contoso.com:443 IIS ok',
            'mail.fabrikam.com:443 IIS missing', 'cdn.contoso.com:443 IIS ok', 'old.contoso.com:443 IIS ok'
        )
        $mappings = @(Get-HttpSslCert -Snapshot $DemoServer -AsOf ([datetime]::new(2026, 12, 1, 0, 0, 0, [DateTimeKind]::Utc)))
        @($mappings | ForEach-Object { '{0} {1} {2}' -f $_.Key, $_.Owner, $_.Status }) | Should -Be $expected
        ($mappings | Where-Object Key -EQ 'mail.fabrikam.com:443').StatusDetail | Should -Be '719E31BD1F23CD93404A9C7D5E31FEAF7AE4DA12 is not in store MY'
        # -ExpiryDays 10: 14 days left is no longer "expiring".
        (Get-HttpSslCert -Snapshot $DemoServer -HostnamePort api.contoso.com:443 -AsOf '2026-12-01' -ExpiryDays 10).Status | Should -Be 'ok'
    }

    It 'shows Owner and Status in the table view, within 120 columns' {
        $text = Get-HttpSslCert -Snapshot $DemoServer -AsOf '2026-12-01' | Out-String -Width 120
        $text | Should -Match '\[::\]:443\s+8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 MY\s+SSTP\s+ok'
        $text | Should -Match 'mail\.fabrikam\.com:443\s+719E31BD1F23CD93404A9C7D5E31FEAF7AE4DA12 MY\s+IIS\s+missing'
    }

    It 'keeps a store netsh shows as (null) null, and shows it as (MY)' {
        $mapping = Get-HttpSslCert -Snapshot $DemoServer -IPPort 10.0.0.9:443
        $mapping.CertificateStoreName | Should -BeNullOrEmpty
        ($mapping | Out-String -Width 200) | Should -Match '10\.0\.0\.9:443\s+8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5 \(MY\)'
    }

    It 'gets mappings by IPv6 key, by kind, and several keys at once' {
        (Get-HttpSslCert -Snapshot $DemoServer -IPPort '[::]:443').AppId | Should -Be '{ba195980-cd49-458b-9e23-c84ee0adcd75}'
        @(Get-HttpSslCert -Snapshot $DemoServer -Kind hostnameport).Count | Should -Be 9
        @(Get-HttpSslCert -Snapshot $DemoServer -HostnamePort api.contoso.com:443, cdn.contoso.com:443).Key | Should -Be @('api.contoso.com:443', 'cdn.contoso.com:443')
    }

    It 'filters by -Thumbprint as copied (spaces, lower case), -AppId without braces and -CertificateStoreName' {
        @(Get-HttpSslCert -Snapshot $DemoServer -Thumbprint '8a797aef 3f7fbc8c 148ddc6c bda86554 c42972f5').Key | Should -Be @('10.0.0.9:443', '[::]:443', '[2001:db8::5]:443', 'www.contoso.com:443')
        @(Get-HttpSslCert -Snapshot $DemoServer -AppId '214124CD-D05B-4309-9AF9-9CAA44B2B74A').Key | Should -Be @('0.0.0.0:44300', '0.0.0.0:44301', '0.0.0.0:44302')
        @(Get-HttpSslCert -Snapshot $DemoServer -CertificateStoreName WebHosting).Key | Should -Be @('0.0.0.0:443', '10.0.0.5:443', 'cdn.contoso.com:443', 'old.contoso.com:443')
        # (null) means MY.
        @(Get-HttpSslCert -Snapshot $DemoServer -CertificateStoreName MY).Count | Should -Be 13
    }

    It 'takes mappings from the pipeline by property name (IPPort, HostnamePort)' {
        $again = @(Get-HttpSslCert -Snapshot $DemoServer -Kind ipport | Get-HttpSslCert)
        $again.Key | Should -Be @('0.0.0.0:443', '0.0.0.0:44300', '0.0.0.0:44301', '0.0.0.0:44302', '10.0.0.5:443', '10.0.0.9:443', '[::]:443', '[2001:db8::5]:443')
    }

    It 'writes NOT_FOUND for a key without a mapping, with the key as target' {
        $records = $null
        $found = @(Get-HttpSslCert -Snapshot $DemoServer -CcsPort 443 -ErrorAction SilentlyContinue -ErrorVariable records)
        $found.Count | Should -Be 0
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-HttpSslCert'
        $records[0].TargetObject | Should -Be '443'
        { Get-HttpSslCert -Snapshot $DemoServer -IPPort 10.9.9.9:443 -ErrorAction Stop } | Should -Throw -ErrorId 'NOT_FOUND,Get-HttpSslCert'
    }

    It 'shows a table of kind, key, thumbprint, store, owner and status (the app id in Format-List)' {
        $text = Get-HttpSslCert -Snapshot $DemoServer -IPPort 0.0.0.0:443 | Out-String -Width 200
        $text | Should -Match 'Kind\s+Key\s+Thumbprint\s+Store\s+Owner\s+Status'
        $text | Should -Match 'ipport\s+0\.0\.0\.0:443\s+D54DAFC94E7E55489195BE690C85192991847ED5 WebHosting IIS\s+ok'
        (Get-HttpSslCert -Snapshot $DemoServer -IPPort 0.0.0.0:443 | Format-List | Out-String -Width 200) | Should -Match 'AppId\s+: \{4dc3e181-e14b-4a21-b022-59fc669b0914\}'
    }

    It 'completes mapping keys of the kind asked for' {
        $line = "Get-HttpSslCert -Snapshot '$DemoServer' -HostnamePort www"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('www.contoso.com:443')
        $line = "Get-HttpSslCert -Snapshot '$DemoServer' -IPPort 10."
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('10.0.0.5:443', '10.0.0.9:443')
    }
}

Describe 'Get-HttpSslCert with netsh (the test double)' {
    AfterEach {
        Reset-NetshDouble
    }

    It 'lists what netsh shows (<Layout> layout)' -ForEach @(@{ Layout = 'win10' }, @{ Layout = '2022' }, @{ Layout = 'pre2012' }) {
        $null = Use-NetshDouble -State @{ sslcert = $DoubleMappings } -Setting @{ HTTPAPI_NETSH_LAYOUT = $Layout }
        $mappings = @(Get-HttpSslCert -NetshPath $NetshDouble)
        $mappings.Key | Should -Be @('0.0.0.0:443', 'www.contoso.com:443', 'shop.fabrikam.com:443')
        $mappings[0].CertificateHash | Should -Be $WwwHash
        $mappings[0].AppId | Should -Be $IisAppId
        $mappings[2].CertificateStoreName | Should -BeNullOrEmpty
        $mappings[0].HttpApiSource.netshPath | Should -Be $NetshDouble
    }

    It 'asks netsh for one key' {
        $null = Use-NetshDouble -State @{ sslcert = $DoubleMappings }
        (Get-HttpSslCert -NetshPath $NetshDouble -HostnamePort shop.fabrikam.com:443).CertificateHash | Should -Be 'D448C934BE5A5E720BB27C199EA38DC5A6F92C66'
        { Get-HttpSslCert -NetshPath $NetshDouble -HostnamePort nope.example:443 -ErrorAction Stop } | Should -Throw -ErrorId 'NOT_FOUND,Get-HttpSslCert'
    }

    It 'writes NETSH_UNAVAILABLE when netsh cannot be started' {
        $records = $null
        $null = Get-HttpSslCert -NetshPath (Join-Path $TestDrive 'netsh.exe') -ErrorAction SilentlyContinue -ErrorVariable records
        $records[0].FullyQualifiedErrorId | Should -Be 'NETSH_UNAVAILABLE,Get-HttpSslCert'
        $records[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $records[0].ErrorDetails.RecommendedAction | Should -Match '-NetshPath'
    }
}
