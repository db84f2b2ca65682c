# Get-IisHttpsBinding against the sample server (fixtures/demo-server: 15 https bindings; the
# mappings and certificates are listed in its README) and against the netsh test double.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:HttpsSites = @(
        'Default Web Site', 'Contoso WWW', 'Fabrikam Shop', 'Contoso API', 'Billing', 'Partners', 'Intranet', 'Fabrikam Mail',
        'Contoso Portal', 'Contoso Docs', 'Admin', 'Kiosk', 'CDN', 'Media', 'Contoso IPv6'
    )
    $script:WildcardHash = 'D54DAFC94E7E55489195BE690C85192991847ED5'
    $script:WwwHash = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-IisHttpsBinding' {

    It 'computes the added names from the binding and its mapping: a binding the worker could not split is split by the module' {
        # Sni, CentralCertificateStore, Thumbprint and CertificateStoreName are type data, read when shown.
        $binding = InModuleScope HttpApi {
            $mapping = [pscustomobject]@{ Id = 'ipport:10.0.0.5:443'; Kind = 'ipport'; Key = '10.0.0.5:443'; Exists = $true; CertificateHash = 'AB12'; CertificateStoreName = $null; SharedBy = @() }
            $result = [pscustomobject]@{
                Mappings = @($mapping); Certificates = @()
                Bindings = @([pscustomobject]@{ Address = $null; Host = $null; BindingInformation = '10.0.0.5:443:www.example.com'; SslFlags = 3; DeclaredMapping = 'ipport:10.0.0.5:443'
                        EffectiveMapping = [pscustomobject]@{ WithSni = $null; WithoutSni = 'ipport:10.0.0.5:443' }; ClientPaths = @(); Certificate = $null; Findings = @() })
            }
            ConvertTo-HttpApiHttpsBinding -Result $result
        }
        $binding.IPAddress | Should -Be '10.0.0.5'
        $binding.HostName | Should -Be 'www.example.com'
        $binding.Sni | Should -BeTrue
        $binding.CentralCertificateStore | Should -BeTrue
        $binding.Thumbprint | Should -Be 'AB12'
        $binding.CertificateStoreName | Should -Be 'MY'
    }

    It 'returns every https binding of a snapshot, typed, with typed mappings, certificates and findings' {
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer)
        $bindings.Site | Should -Be $HttpsSites
        $bindings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.HttpsBinding' }
        $www = $bindings | Where-Object Site -EQ 'Contoso WWW'
        $www.Certificate.PSObject.TypeNames[0] | Should -Be 'HttpApi.Certificate'
        $www.DeclaredMapping.PSObject.TypeNames[0] | Should -Be 'HttpApi.MappingRef'
        $www.EffectiveMapping.WithoutSni.PSObject.TypeNames[0] | Should -Be 'HttpApi.MappingRef'
        ($bindings | Where-Object Site -EQ 'Admin').Findings[0].PSObject.TypeNames[0] | Should -Be 'HttpApi.Finding'
    }

    It 'carries the properties it had before the worker listed mappings and certificates once, with their names in PascalCase' {
        # The names a binding, its mappings, its certificate and its findings showed when every
        # binding embedded its own copies (-ceq: the names people see, case included).
        $before = @{
            Binding = 'Site', 'SiteId', 'BindingInformation', 'SslFlags', 'Address', 'Port', 'Host', 'DeclaredMapping', 'EffectiveMapping', 'Certificate', 'SharedWith', 'Findings',
            'HttpApiSource', 'IPAddress', 'HostName', 'Sni', 'CentralCertificateStore', 'Thumbprint', 'CertificateStoreName'
            Mapping = 'Kind', 'Key', 'Exists', 'CertificateHash', 'CertificateStoreName', 'AppId'
            Certificate = 'Thumbprint', 'Sha256', 'Store', 'Subject', 'Issuer', 'CommonName', 'DnsNames', 'IpAddresses', 'NotBefore', 'NotAfter', 'SerialNumber', 'KeyUsage', 'Ekus',
            'ServerAuth', 'HasPrivateKey', 'SelfSigned', 'CertificateAuthority', 'FriendlyName', 'File'
            Finding = 'Code', 'Severity', 'Message', 'Fix', 'Site', 'Binding', 'Mapping'
        }
        $portal = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso Portal'
        $names = { param($object) @($object.PSObject.Properties | ForEach-Object { $_.Name }) }
        foreach ($pair in @(@('Binding', $portal), @('Mapping', $portal.DeclaredMapping), @('Mapping', $portal.EffectiveMapping.WithoutSni), @('Certificate', $portal.Certificate), @('Finding', $portal.Findings[0]))) {
            $shown = & $names $pair[1]
            @($before[$pair[0]] | Where-Object { $shown -cnotcontains $_ }) | Should -BeNullOrEmpty -Because "$($pair[0]) keeps its properties"
        }
        @(& $names $portal.EffectiveMapping) | Should -BeExactly @('WithSni', 'WithoutSni')
        $portal.Certificate.NotAfter | Should -BeOfType [DateTime]
        $portal.Certificate.Subject | Should -Be 'CN=*.contoso.com, O=Contoso Ltd, C=US'
        $portal.Certificate.HasPrivateKey | Should -BeTrue
        $portal.SharedWith[0].PSObject.TypeNames[0] | Should -Be 'HttpApi.BindingRef'
        @(& $names $portal.SharedWith[0]) | Should -BeExactly @('Site', 'BindingInformation')
    }

    It 'gives bindings that share a mapping or a certificate the same object, joined by id' {
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer)
        $portal = $bindings | Where-Object Site -EQ 'Contoso Portal'
        $docs = $bindings | Where-Object Site -EQ 'Contoso Docs'
        [object]::ReferenceEquals($portal.DeclaredMapping, $docs.DeclaredMapping) | Should -BeTrue
        [object]::ReferenceEquals($portal.Certificate, $docs.Certificate) | Should -BeTrue
        $portal.DeclaredMapping.PSObject.TypeNames | Where-Object { $_ -eq 'HttpApi.MappingRef' } | Should -HaveCount 1
        $docs.SharedWith.Site | Should -Be @('Contoso Portal')
        ($bindings | Where-Object Site -EQ 'Contoso WWW').SharedWith | Should -HaveCount 0
    }

    It 'adds the names New-IISSiteBinding uses: IPAddress, Port, HostName, Sni, Thumbprint, CertificateStoreName' {
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer)
        $www = $bindings | Where-Object Site -EQ 'Contoso WWW'
        $www.BindingInformation | Should -Be '*:443:www.contoso.com'
        $www.IPAddress | Should -Be '*'
        $www.Port | Should -Be 443
        $www.HostName | Should -Be 'www.contoso.com'
        $www.Sni | Should -BeTrue
        $www.Thumbprint | Should -Be $WwwHash
        $www.CertificateStoreName | Should -Be 'MY'
        $www.Certificate.Subject | Should -Be 'CN=www.contoso.com, O=Contoso Ltd, C=US'
        $default = $bindings | Where-Object Site -EQ 'Default Web Site'
        $default.Sni | Should -BeFalse
        $default.HostName | Should -Be ''
        $default.Thumbprint | Should -Be $WildcardHash
        $default.CertificateStoreName | Should -Be 'WebHosting'
        $ipv6 = $bindings | Where-Object Site -EQ 'Contoso IPv6'
        $ipv6.IPAddress | Should -Be '[2001:db8::5]'
        $ipv6.Thumbprint | Should -Be $WwwHash
        ($bindings | Where-Object Site -EQ 'Media').CentralCertificateStore | Should -BeTrue
    }

    It 'shows the mapping a binding declares, what clients get without SNI, and who shares it' {
        $portal = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso Portal'
        $portal.DeclaredMapping.Kind | Should -Be 'ipport'
        $portal.DeclaredMapping.Key | Should -Be '10.0.0.5:443'
        $portal.DeclaredMapping.Exists | Should -BeTrue
        $portal.SharedWith.Site | Should -Be @('Contoso Docs')
        $portal.SharedWith[0].BindingInformation | Should -Be '10.0.0.5:443:docs.contoso.com'
        $www = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso WWW'
        $www.DeclaredMapping.Key | Should -Be 'www.contoso.com:443'
        $www.EffectiveMapping.WithoutSni.Key | Should -Be '0.0.0.0:443'
        $www.EffectiveMapping.WithoutSni.CertificateHash | Should -Be $WildcardHash
        $admin = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName Admin
        $admin.DeclaredMapping.Exists | Should -BeFalse
        $admin.Thumbprint | Should -BeNullOrEmpty
        $admin.Findings.Code | Should -Contain 'HTTPS_BINDING_NO_MAPPING'
    }

    It 'shows what clients get per address family, with SNI and without: ClientsGet in the table, ClientPaths with mapping objects' {
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer)
        $default = $bindings | Where-Object Site -EQ 'Default Web Site'
        # SSTP's [::]:443 answers the IPv6 clients of a * binding.
        $default.ClientsGet | Should -Be 'v4 declared / declared; v6 [::]:443 / [::]:443'
        $default.ClientPaths | Should -HaveCount 4
        $v6 = $default.ClientPaths | Where-Object { $_.Family -eq 'ipv6' -and -not $_.Sni }
        $v6.PSObject.TypeNames[0] | Should -Be 'HttpApi.ClientPath'
        $v6.Mapping.PSObject.TypeNames[0] | Should -Be 'HttpApi.MappingRef'
        $v6.Mapping.Key | Should -Be '[::]:443'
        "$v6" | Should -Be 'IPv6 no SNI: ipport [::]:443 -> 8a797aef3f7fbc8c148ddc6cbda86554c42972f5'
        $default.Findings.Code | Should -Contain 'IPV6_MAPPING_DIFFERS'
        $www = $bindings | Where-Object Site -EQ 'Contoso WWW'
        $www.ClientsGet | Should -Be 'v4 declared or 10.0.0.5:443 / 0.0.0.0:443; v6 declared / [::]:443'
        $sniV4 = $www.ClientPaths | Where-Object { $_.Family -eq 'ipv4' -and $_.Sni }
        [object]::ReferenceEquals($sniV4.Mapping, $www.DeclaredMapping) | Should -BeTrue
        @($sniV4.IpFirst).Key | Should -Be @('10.0.0.5:443')
        "$sniV4" | Should -BeLike 'IPv4 SNI: hostnameport www.contoso.com:443 -> *; if ip:port overrules SNI: ipport 10.0.0.5:443 -> *'
        ($bindings | Where-Object Site -EQ 'Contoso IPv6').ClientsGet | Should -Be 'v6 declared / declared'
        ($bindings | Where-Object Site -EQ 'Admin').ClientsGet | Should -Be 'FAIL / FAIL'
    }

    It 'says "declared" for an ip-first doubt that is the binding''s own mapping, as the CLI''s Clients get does' {
        # The demo server plus a stray SNI mapping for Contoso Portal (10.0.0.5:443, sslFlags 0):
        # SNI clients get portal.contoso.com:443, or 10.0.0.5:443 (declared) if ip:port overrules SNI.
        $snapshot = Join-Path -Path $TestDrive -ChildPath 'stray-sni'
        Copy-Item -LiteralPath $DemoServer -Destination $snapshot -Recurse
        $sslcert = Join-Path -Path $snapshot -ChildPath 'sslcert.txt'
        $text = Get-Content -LiteralPath $sslcert -Raw
        # www.contoso.com's entry, up to the blank line that ends it, appended under another key.
        $www = [regex]::Match($text, '(?m)^    Hostname:port +: www\.contoso\.com:443\r?\n(?:[^\r\n]+\r?\n)+').Value
        $www | Should -Not -BeNullOrEmpty
        Set-Content -LiteralPath $sslcert -Value ($text + $www.Replace('www.contoso.com:443', 'portal.contoso.com:443') + "`r`n") -NoNewline
        $cliRow = @(& node $WorkerScript bindings --snapshot $snapshot) | Where-Object { $_ -like 'Contoso Portal *' }
        $cliClientsGet = ($cliRow -split '\s{2,}')[4]
        $cliClientsGet | Should -Be 'v4 portal.contoso.com:443 or declared / declared'
        (Get-IisHttpsBinding -Snapshot $snapshot -SiteName 'Contoso Portal').ClientsGet | Should -Be $cliClientsGet
    }

    It 'filters by -Port, -IPAddress, -HostName and -Sni' {
        @(Get-IisHttpsBinding -Snapshot $DemoServer -Port 8443).Site | Should -Be @('Admin')
        @(Get-IisHttpsBinding -Snapshot $DemoServer -IPAddress 10.0.0.5).Site | Should -Be @('Contoso Portal', 'Contoso Docs')
        @(Get-IisHttpsBinding -Snapshot $DemoServer -HostName '*.fabrikam.com').Site | Should -Be @('Fabrikam Shop', 'Fabrikam Mail')
        @(Get-IisHttpsBinding -Snapshot $DemoServer -Sni).Site | Should -Be @('Contoso WWW', 'Fabrikam Shop', 'Contoso API', 'Billing', 'Partners', 'Intranet', 'Fabrikam Mail', 'Kiosk', 'CDN', 'Media')
        @(Get-IisHttpsBinding -Snapshot $DemoServer -Sni:$false).Site | Should -Be @('Default Web Site', 'Contoso Portal', 'Contoso Docs', 'Admin', 'Contoso IPv6')
    }

    It 'filters by -Thumbprint as copied from certmgr (spaces, lower case) and by -CertificateStoreName' {
        $copied = 'd5 4d af c9 4e 7e 55 48 91 95 be 69 0c 85 19 29 91 84 7e d5'
        @(Get-IisHttpsBinding -Snapshot $DemoServer -Thumbprint $copied).Site | Should -Be @('Default Web Site', 'Contoso Portal', 'Contoso Docs', 'CDN', 'Media')
        @(Get-IisHttpsBinding -Snapshot $DemoServer -CertificateStoreName WebHosting).Site | Should -Be @('Default Web Site', 'Contoso Portal', 'Contoso Docs', 'CDN')
    }

    It 'takes site names with wildcards, and sites from Get-IisSite through the pipeline with their source' {
        @(Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Fabrikam*').Site | Should -Be @('Fabrikam Shop', 'Fabrikam Mail')
        @(Get-IisHttpsBinding -Snapshot $DemoServer -Name 'Billing').Site | Should -Be @('Billing')
        $bindings = @(Get-IisSite -Snapshot $DemoServer -Name 'Contoso*' | Get-IisHttpsBinding)
        $bindings.Site | Should -Be @('Contoso WWW', 'Contoso API', 'Contoso Portal', 'Contoso Docs', 'Contoso IPv6')
        $bindings[0].HttpApiSource.snapshot | Should -Be $DemoServer
    }

    It 'writes NOT_FOUND for a site that does not exist, and nothing for a site without https bindings' {
        $records = $null
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Nope' -ErrorAction SilentlyContinue -ErrorVariable records)
        $bindings.Count | Should -Be 0
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-IisHttpsBinding'
        $records[0].TargetObject | Should -Be 'Nope'
        $records = $null
        @(Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Reports' -ErrorVariable records).Count | Should -Be 0
        $records.Count | Should -Be 0
    }

    It 'shows a table with the certificate thumbprint and a status from the findings' {
        $text = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso WWW', 'Fabrikam Shop' | Out-String -Width 250
        $text | Should -Match 'Site\s+IPAddress\s+Port\s+HostName\s+Sni\s+Thumbprint\s+Status\s+ClientsGet'
        $text | Should -Match "Contoso WWW\s+\*\s+443 www.contoso.com\s+True\s+$WwwHash OK\s+v4 declared or 10\.0\.0\.5:443 / 0\.0\.0\.0:443; v6 declared / \[::\]:443"
        $text | Should -Match 'Fabrikam Shop\s+.*1 error'
    }

    It 'counts a binding''s findings in its Status by severity, errors first, then warnings, then notes' {
        $binding = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso WWW'
        $finding = { param($Severity) [pscustomobject]@{ PSTypeName = 'HttpApi.Finding'; Severity = $Severity; Code = 'X'; Message = 'm' } }
        # The column is 20 characters wide: two severities at a time.
        $binding.Findings = @((& $finding 'info'), (& $finding 'warning'), (& $finding 'warning'))
        ($binding | Format-Table | Out-String -Width 250) | Should -Match "$WwwHash 2 warning, 1 info\s"
        $binding.Findings = @((& $finding 'info'), (& $finding 'error'))
        ($binding | Format-Table | Out-String -Width 250) | Should -Match "$WwwHash 1 error, 1 info\s"
        $binding.Findings = @()
        ($binding | Format-Table | Out-String -Width 250) | Should -Match "$WwwHash OK\s"
    }

    It 'completes site names and thumbprints' {
        $line = "Get-IisHttpsBinding -Snapshot '$DemoServer' -SiteName Fab"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'Fabrikam Shop'", "'Fabrikam Mail'")
        $line = "Get-IisHttpsBinding -Snapshot '$DemoServer' -Thumbprint D54"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @($WildcardHash)
    }
}

Describe 'Get-IisHttpsBinding with netsh (the test double) for the http.sys side' {
    BeforeAll {
        $script:StateFile = Use-NetshDouble -State @{ sslcert = $DoubleMappings }
        $script:ConfigFile = Join-Path $DemoServer 'applicationHost.config'
    }

    AfterAll {
        Reset-NetshDouble
        Remove-Item -LiteralPath $StateFile -ErrorAction Ignore
    }


    It 'joins the configuration with the mappings netsh shows' {
        $bindings = @(Get-IisHttpsBinding -ConfigPath $ConfigFile -NetshPath $NetshDouble -ErrorAction SilentlyContinue)
        $bindings.Site | Should -Be $HttpsSites
        ($bindings | Where-Object Site -EQ 'Contoso WWW').DeclaredMapping.CertificateHash | Should -Be $WwwHash
        ($bindings | Where-Object Site -EQ 'Default Web Site').DeclaredMapping.CertificateHash | Should -Be $WwwHash
        ($bindings | Where-Object Site -EQ 'Fabrikam Shop').DeclaredMapping.Exists | Should -BeTrue
        ($bindings | Where-Object Site -EQ 'Fabrikam Shop').CertificateStoreName | Should -Be 'MY'
        ($bindings | Where-Object Site -EQ 'Billing').DeclaredMapping.Exists | Should -BeFalse
        ($bindings | Where-Object Site -EQ 'Billing').Findings.Code | Should -Contain 'HTTPS_BINDING_NO_MAPPING'
        $bindings[0].HttpApiSource.netshPath | Should -Be $NetshDouble
    }

    It 'writes NETSH_UNAVAILABLE when the netsh path does not exist' {
        $records = $null
        $missing = Join-Path $TestDrive 'netsh.exe'
        $null = Get-IisHttpsBinding -ConfigPath $ConfigFile -NetshPath $missing -ErrorAction SilentlyContinue -ErrorVariable records
        $records[0].FullyQualifiedErrorId | Should -Be 'NETSH_UNAVAILABLE,Get-IisHttpsBinding'
        $records[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
    }
}
