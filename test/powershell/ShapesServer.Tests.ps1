# Every shape the module shows, on fixtures/shapes-server (its README lists what is there and
# why) and on the same mappings held by the netsh test double. Expected values are read off the
# fixture files by hand, not produced by the worker.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:Shapes = Join-Path -Path $RepoRoot -ChildPath 'fixtures/shapes-server'
    $script:IisAppId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
    $script:WwwHash = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'
    $script:WildcardHash = 'D54DAFC94E7E55489195BE690C85192991847ED5'
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-HttpSslCert on every key kind (fixtures/shapes-server)' {

    It 'shows a CCS mapping''s key as CcsPort, never as IPPort or HostnamePort (inferred key label)' {
        $ccs = Get-HttpSslCert -Snapshot $Shapes -CcsPort 443
        $ccs.Kind | Should -Be 'ccs'
        $ccs.Key | Should -Be '443'
        $ccs.KeyLabel | Should -Be 'Central Certificate Store'
        $ccs.CcsPort | Should -Be '443'
        $ccs.PSObject.Properties['IPPort'] | Should -BeNullOrEmpty
        $ccs.PSObject.Properties['HostnamePort'] | Should -BeNullOrEmpty
        $ccs.Port | Should -Be 443
        $ccs.AppId | Should -Be $IisAppId
        # netsh prints (null) for the hash and store of a CCS mapping: the certificate comes from the share.
        $ccs.CertificateHash | Should -BeNullOrEmpty
        $ccs.CertificateHashRaw | Should -Be '(null)'
        $ccs.CertificateStoreName | Should -BeNullOrEmpty
        $ccs.Thumbprint | Should -BeNullOrEmpty
    }

    It 'shows a scoped CCS mapping with its host and port, and no key property of another kind (inferred key label)' {
        $scoped = Get-HttpSslCert -Snapshot $Shapes -Kind scopedccs
        $scoped.Kind | Should -Be 'scopedccs'
        $scoped.Key | Should -Be 'scoped.contoso.com:443'
        $scoped.KeyLabel | Should -Be 'Scoped CCS:port'
        $scoped.Host | Should -Be 'scoped.contoso.com'
        $scoped.Port | Should -Be 443
        foreach ($name in 'IPPort', 'HostnamePort', 'CcsPort') {
            $scoped.PSObject.Properties[$name] | Should -BeNullOrEmpty
        }
    }

    It 'shows an IPv6 mapping under IPPort with its bracketed address' {
        $ipv6 = Get-HttpSslCert -Snapshot $Shapes -IPPort '[2001:db8::5]:443'
        $ipv6.Kind | Should -Be 'ipport'
        $ipv6.IPPort | Should -Be '[2001:db8::5]:443'
        $ipv6.Address | Should -Be '[2001:db8::5]'
        $ipv6.Port | Should -Be 443
        $ipv6.CertificateHash | Should -Be $WwwHash
    }

    It 'shows a mapping in WebHosting with that store, and filters by it' {
        $mapping = Get-HttpSslCert -Snapshot $Shapes -IPPort 10.0.0.64:443
        $mapping.CertificateStoreName | Should -Be 'WebHosting'
        $mapping.Thumbprint | Should -Be $WildcardHash
        @(Get-HttpSslCert -Snapshot $Shapes -CertificateStoreName WebHosting).Key | Should -Be @('10.0.0.64:443')
    }

    It 'types an option netsh shows as Enabled as $true, keeping the raw text' {
        $option = (Get-HttpSslCert -Snapshot $Shapes -IPPort 10.0.0.4:443).Options | Where-Object Name -EQ 'clientCertNegotiation'
        $option.Value | Should -BeTrue
        $option.Raw | Should -Be 'Enabled'
        $other = (Get-HttpSslCert -Snapshot $Shapes -IPPort 10.0.0.8:443).Options | Where-Object Name -EQ 'clientCertNegotiation'
        $other.Value | Should -BeFalse
        $other.Raw | Should -Be 'Disabled'
    }

    It 'lists every kind in file order' {
        @(Get-HttpSslCert -Snapshot $Shapes).Kind | Should -Be @('ccs', 'scopedccs', 'ipport', 'ipport', 'ipport', 'ipport', 'ipport', 'ipport')
    }
}

Describe 'Get-IisHttpsBinding on every sslFlags bit (fixtures/shapes-server)' {

    BeforeAll {
        $script:Bindings = @(Get-IisHttpsBinding -Snapshot $Shapes)
    }

    It 'sets CentralCertificateStore for sslFlags <Flags> (<Site>), and Sni only where bit 1 is set' -ForEach @(
        @{ Site = 'CCS without SNI'; Flags = 2; Ccs = $true; Sni = $false }
        @{ Site = 'CCS with SNI'; Flags = 3; Ccs = $true; Sni = $true }
        @{ Site = 'No HTTP2'; Flags = 4; Ccs = $false; Sni = $false }
        @{ Site = 'No OCSP stapling'; Flags = 8; Ccs = $false; Sni = $false }
        @{ Site = 'No QUIC'; Flags = 16; Ccs = $false; Sni = $false }
        @{ Site = 'No TLS 1.3 over TCP'; Flags = 32; Ccs = $false; Sni = $false }
        @{ Site = 'No legacy TLS'; Flags = 64; Ccs = $false; Sni = $false }
        @{ Site = 'IPv6'; Flags = 0; Ccs = $false; Sni = $false }
    ) {
        $binding = $Bindings | Where-Object Site -EQ $Site
        $binding.SslFlags | Should -Be $Flags
        $binding.CentralCertificateStore | Should -Be $Ccs
        $binding.Sni | Should -Be $Sni
    }

    It 'declares the ccs mapping for a CCS binding, with no store (not MY)' -ForEach @(@{ Site = 'CCS without SNI' }, @{ Site = 'CCS with SNI' }) {
        $binding = $Bindings | Where-Object Site -EQ $Site
        $binding.DeclaredMapping.Kind | Should -Be 'ccs'
        $binding.DeclaredMapping.Key | Should -Be '443'
        $binding.DeclaredMapping.Exists | Should -BeTrue
        $binding.DeclaredMapping.CertificateHash | Should -BeNullOrEmpty
        $binding.CertificateStoreName | Should -BeNullOrEmpty
        $binding.Port | Should -Be 443
    }

    It 'gives a CCS binding the certificate of the file named after its host (ccs/ccs.contoso.com.pfx), like any other binding' {
        # The leaf as openssl reads it from the pfx (the first certificate it prints), not as the worker does.
        $pem = (& openssl pkcs12 -in (Join-Path $Shapes 'ccs/ccs.contoso.com.pfx') -nokeys -passin pass: 2>$null) -join "`n"
        $leaf = [regex]::Match($pem, '-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----').Value
        $x509 = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([System.Text.Encoding]::ASCII.GetBytes($leaf))
        $binding = $Bindings | Where-Object Site -EQ 'CCS without SNI'
        $binding.Certificate.Id | Should -Be "CCS:$($x509.Thumbprint)"
        $binding.Certificate.Store | Should -Be 'CCS'
        $binding.Certificate.File | Should -Be 'ccs.contoso.com.pfx'
        $binding.CcsFile | Should -Be 'ccs.contoso.com.pfx'
        $binding.Certificate.Subject | Should -Be 'CN=ccs.contoso.com, O=Contoso Ltd, C=US'
        $binding.Certificate.NotAfter | Should -Be $x509.NotAfter
        $binding.Thumbprint | Should -Be $x509.Thumbprint
    }

    It 'gives the CCS binding whose host has no file no certificate, and CCS_CERT_MISSING' {
        $binding = $Bindings | Where-Object Site -EQ 'CCS with SNI'
        $binding.Certificate | Should -BeNullOrEmpty
        $binding.Thumbprint | Should -BeNullOrEmpty
        @($binding.Findings.Code) | Should -Be @('CCS_CERT_MISSING')
    }

    It 'splits an IPv6 binding and finds its own mapping' {
        $ipv6 = $Bindings | Where-Object Site -EQ 'IPv6'
        $ipv6.BindingInformation | Should -Be '[2001:db8::5]:443:'
        $ipv6.IPAddress | Should -Be '[2001:db8::5]'
        $ipv6.HostName | Should -Be ''
        $ipv6.DeclaredMapping.Kind | Should -Be 'ipport'
        $ipv6.DeclaredMapping.Key | Should -Be '[2001:db8::5]:443'
        $ipv6.Thumbprint | Should -Be $WwwHash
        $ipv6.CertificateStoreName | Should -Be 'MY'
        $ipv6.Certificate.Subject | Should -Be 'CN=www.contoso.com, O=Contoso Ltd, C=US'
    }

    It 'gives a binding whose mapping is in WebHosting that store and the wildcard certificate' {
        $binding = $Bindings | Where-Object Site -EQ 'No legacy TLS'
        $binding.IPAddress | Should -Be '10.0.0.64'
        $binding.CertificateStoreName | Should -Be 'WebHosting'
        $binding.Thumbprint | Should -Be $WildcardHash
        $binding.Certificate.Subject | Should -Be 'CN=*.contoso.com, O=Contoso Ltd, C=US'
    }
}

Describe 'Get-IisSite names each Disable* sslFlags bit (fixtures/shapes-server)' {

    It 'names bit <Flags> <Name> on <Site>' -ForEach @(
        @{ Site = 'CCS without SNI'; Flags = 2; Name = 'CentralCertStore' }
        @{ Site = 'No HTTP2'; Flags = 4; Name = 'DisableHTTP2' }
        @{ Site = 'No OCSP stapling'; Flags = 8; Name = 'DisableOCSPStp' }
        @{ Site = 'No QUIC'; Flags = 16; Name = 'DisableQUIC' }
        @{ Site = 'No TLS 1.3 over TCP'; Flags = 32; Name = 'DisableTLS13' }
        @{ Site = 'No legacy TLS'; Flags = 64; Name = 'DisableLegacyTLS' }
    ) {
        $binding = (Get-IisSite -Snapshot $Shapes -Name $Site).Bindings
        $binding.SslFlags | Should -Be $Flags
        @($binding.SslFlagNames) | Should -Be @($Name)
        $binding.UnknownSslFlags | Should -Be 0
    }

    It 'names both bits of sslFlags 3' {
        @((Get-IisSite -Snapshot $Shapes -Name 'CCS with SNI').Bindings.SslFlagNames) | Should -Be @('Sni', 'CentralCertStore')
    }
}

Describe 'Get-HttpUrlAcl on delegation and IPv6 (fixtures/shapes-server)' {

    It 'shows Delegate: Yes as $true beside Listen (inferred text)' {
        $reservation = Get-HttpUrlAcl -Snapshot $Shapes -Url 'http://+:8080/delegated/'
        $reservation.Users.Count | Should -Be 1
        $reservation.Users[0].User | Should -Be 'CONTOSO\svc-frontdoor'
        $reservation.Users[0].Listen | Should -BeTrue
        $reservation.Users[0].Delegate | Should -BeTrue
        $reservation.Sddl | Should -Be 'D:(A;;GA;;;S-1-5-21-2127521184-1604012920-1887927527-1105)'
    }

    It 'shows Delegate: No as $false, and an IPv6 https prefix as reserved' {
        $stock = Get-HttpUrlAcl -Snapshot $Shapes -Url 'http://+:80/Temporary_Listen_Addresses/'
        $stock.Users[0].User | Should -Be '\Everyone'
        $stock.Users[0].Listen | Should -BeTrue
        $stock.Users[0].Delegate | Should -BeFalse
        (Get-HttpUrlAcl -Snapshot $Shapes -Url 'https://[2001:db8::5]:8443/api/').Users[0].User | Should -Be 'CONTOSO\svc-api'
    }
}

Describe 'The same shapes through netsh (the test double)' {
    AfterEach {
        Reset-NetshDouble
    }

    It 'shows the double''s CCS, scoped CCS, IPv6 and WebHosting mappings with their own key properties (inferred CCS labels and Delegate: Yes)' {
        $state = @{
            sslcert = @(
                @{ kind = 'ccs'; key = '443'; certhash = $null; appid = $IisAppId; certstorename = $null }
                @{ kind = 'scopedccs'; key = 'scoped.contoso.com:443'; certhash = $null; appid = $IisAppId; certstorename = $null }
                @{ kind = 'ipport'; key = '[2001:db8::5]:443'; certhash = $WwwHash.ToLowerInvariant(); appid = $IisAppId; certstorename = 'MY' }
                @{ kind = 'ipport'; key = '10.0.0.64:443'; certhash = $WildcardHash.ToLowerInvariant(); appid = $IisAppId; certstorename = 'WebHosting' }
            )
            urlacl = @(
                @{ url = 'http://+:8080/delegated/'; users = @(@{ user = '\Everyone'; listen = $true; delegate = $true }); sddl = 'D:(A;;GA;;;WD)' }
            )
        }
        $null = Use-NetshDouble -State $state
        $mappings = @(Get-HttpSslCert -NetshPath $NetshDouble)
        $mappings.Kind | Should -Be @('ccs', 'scopedccs', 'ipport', 'ipport')
        $mappings[0].CcsPort | Should -Be '443'
        $mappings[0].PSObject.Properties['IPPort'] | Should -BeNullOrEmpty
        $mappings[1].Host | Should -Be 'scoped.contoso.com'
        $mappings[2].IPPort | Should -Be '[2001:db8::5]:443'
        $mappings[3].CertificateStoreName | Should -Be 'WebHosting'
        $reservation = Get-HttpUrlAcl -NetshPath $NetshDouble
        $reservation.Users[0].Delegate | Should -BeTrue
    }
}
