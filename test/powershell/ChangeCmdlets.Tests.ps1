# The change cmdlets against a copy of the sample server (fixtures/demo-server: its configuration
# and certificates) whose http.sys half is the netsh test double, seeded with the mappings of the
# sample's own `netsh http show sslcert` capture. A wrapper in front of the double logs every
# netsh command line the worker runs, so "-WhatIf changed nothing" is checked on both halves:
# the configuration's bytes and the absence of any add/update/delete call.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    $script:NetshLog = Join-Path $TestDrive 'netsh.log'
    $script:LoggingNetsh = New-LoggingNetsh -Log $NetshLog

    $script:SampleMappings = @(Get-DemoServerDoubleMapping)
    $script:StateFile = Use-NetshDouble -State @{ sslcert = $SampleMappings; urlacl = $DoubleReservations }
    $script:IisAppId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
    $script:WwwThumbprint = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'

    function Reset-Server {
        # A fresh copy of the sample server and a fresh http.sys state for every test.
        $script:Server = Join-Path $TestDrive ('server-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
        Copy-Item -LiteralPath $DemoServer -Destination $Server -Recurse
        $script:Config = Join-Path $Server 'applicationHost.config'
        Set-Content -LiteralPath $StateFile -Value (ConvertTo-Json -InputObject @{ sslcert = $SampleMappings; urlacl = $DoubleReservations } -Depth 8)
        Set-Content -LiteralPath $NetshLog -Value @()
        $script:Source = @{ Snapshot = $Server; NetshPath = $LoggingNetsh }
    }
    function Get-ConfigHash { (Get-FileHash -LiteralPath $Config -Algorithm SHA256).Hash }
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Every change cmdlet with -WhatIf changes nothing' {
    BeforeEach {
        Reset-Server
    }

    It '<Name>' -ForEach @(
        @{ Name = 'New-IisHttpsBinding'; Call = { New-IisHttpsBinding @Source -SiteName Admin -Port 9443 -Thumbprint $WwwThumbprint -WhatIf } }
        @{ Name = 'Remove-IisHttpsBinding'; Call = { Remove-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -WhatIf } }
        @{ Name = 'Set-IisHttpsBindingCertificate'; Call = { Set-IisHttpsBindingCertificate @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -Thumbprint D54DAFC94E7E55489195BE690C85192991847ED5 -CertificateStoreName WebHosting -WhatIf } }
        @{ Name = 'Set-IisHttpsBinding'; Call = { Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -HostName www2.contoso.com -WhatIf } }
        @{ Name = 'Add-HttpSslCert'; Call = { Add-HttpSslCert @Source -IPPort 0.0.0.0:8443 -Thumbprint $WwwThumbprint -AppId $IisAppId -WhatIf } }
        @{ Name = 'Set-HttpSslCert'; Call = { Set-HttpSslCert @Source -HostnamePort www.contoso.com:443 -DisableLegacyTls -WhatIf } }
        @{ Name = 'Remove-HttpSslCert'; Call = { Remove-HttpSslCert @Source -HostnamePort old.contoso.com:443 -WhatIf } }
        @{ Name = 'Add-HttpUrlAcl'; Call = { Add-HttpUrlAcl @Source -Url 'http://+:8081/' -User Everyone -WhatIf } }
        @{ Name = 'Remove-HttpUrlAcl'; Call = { Remove-HttpUrlAcl @Source -Url 'http://+:8080/app/' -WhatIf } }
        @{ Name = 'Set-HttpUrlAcl'; Call = { Set-HttpUrlAcl @Source -Url 'http://+:8080/app/' -Sddl 'D:(A;;GX;;;WD)' -WhatIf } }
        @{ Name = 'Switch-HttpSslCertificate'; Call = { Switch-HttpSslCertificate @Source -Thumbprint D448C934BE5A5E720BB27C199EA38DC5A6F92C66 -NewThumbprint $WwwThumbprint -WhatIf } }
        @{ Name = 'Export-HttpApiSnapshot'; Call = { Export-HttpApiSnapshot @Source -Path (Join-Path $TestDrive 'not-written') -WhatIf } }
    ) {
        $before = Get-ConfigHash
        $stateBefore = Get-Content -LiteralPath $StateFile -Raw
        $errors = $null
        $output = @(& $Call -ErrorVariable errors)
        $errors | Should -BeNullOrEmpty
        $output | Should -BeNullOrEmpty
        Get-ConfigHash | Should -Be $before
        Get-NetshChangeCall | Should -BeNullOrEmpty
        Get-Content -LiteralPath $StateFile -Raw | Should -Be $stateBefore
        Test-Path -LiteralPath (Join-Path $TestDrive 'not-written') | Should -BeFalse
    }

    It 'prints the worker''s plan: the netsh command line and the configuration diff' {
        $script = "Import-Module '$ModuleManifest'; New-IisHttpsBinding -Snapshot '$Server' -NetshPath '$LoggingNetsh' -SiteName Admin -Port 9443 -Thumbprint $WwwThumbprint -WhatIf"
        $env:HTTPAPI_NETSH_STATE = $StateFile
        $text = (& $Pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String)
        $text | Should -Match 'What if: Performing the operation "Add HTTPS binding" on target "https binding \*:9443: of site ''Admin''"'
        $text | Should -Match ([regex]::Escape("netsh http add sslcert ipport=0.0.0.0:9443 certhash=$WwwThumbprint appid=$IisAppId certstorename=MY"))
        $text | Should -Match ([regex]::Escape('+                    <binding protocol="https" bindingInformation="*:9443:" sslFlags="0" />'))
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }
}

Describe 'Every change cmdlet with -Confirm:$false changes, and -PassThru returns the object after the change' {
    BeforeEach {
        Reset-Server
    }

    It 'New-IisHttpsBinding adds the binding and its mapping' {
        $binding = New-IisHttpsBinding @Source -SiteName Admin -Port 9443 -Thumbprint $WwwThumbprint -DisableLegacyTls -Confirm:$false -PassThru
        $binding.PSObject.TypeNames[0] | Should -Be 'HttpApi.HttpsBinding'
        $binding.BindingInformation | Should -Be '*:9443:'
        $binding.SslFlags | Should -Be 64
        $binding.Thumbprint | Should -Be $WwwThumbprint
        $binding.DeclaredMapping.Exists | Should -BeTrue
        (Get-Content -LiteralPath $Config -Raw) | Should -Match ([regex]::Escape('bindingInformation="*:9443:" sslFlags="64"'))
        # The mapping carries the binding's DisableLegacyTLS: http.sys enforces the mapping's flags.
        Get-NetshChangeCall | Should -Be @("http add sslcert ipport=0.0.0.0:9443 certhash=$WwwThumbprint appid=$IisAppId certstorename=MY disablelegacytls=enable")
    }

    It 'New-IisHttpsBinding sets the sslFlags bits by name' {
        $binding = New-IisHttpsBinding @Source -SiteName Admin -HostName admin.contoso.com -Sni -DisableHttp2 -DisableQuic -DisableTls13 -DisableOcspStapling -Thumbprint $WwwThumbprint -Confirm:$false -PassThru
        $binding.SslFlags | Should -Be (1 + 4 + 8 + 16 + 32)
        $binding.Sni | Should -BeTrue
        (Get-DoubleState).sslcert.key | Should -Contain 'admin.contoso.com:443'
    }

    It 'Remove-IisHttpsBinding removes the binding, and its mapping when nobody else uses it' {
        Remove-IisHttpsBinding @Source -SiteName 'Fabrikam Shop' -BindingInformation '*:443:shop.fabrikam.com' -Confirm:$false | Should -BeNullOrEmpty
        (Get-Content -LiteralPath $Config -Raw) | Should -Not -Match ([regex]::Escape('bindingInformation="*:443:shop.fabrikam.com"'))
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'shop.fabrikam.com:443'
        Get-IisHttpsBinding @Source -SiteName 'Fabrikam Shop' | Should -BeNullOrEmpty
    }

    It 'Set-IisHttpsBindingCertificate points the mapping at the new certificate' {
        $binding = Set-IisHttpsBindingCertificate @Source -SiteName 'Fabrikam Shop' -BindingInformation '*:443:shop.fabrikam.com' -Thumbprint $WwwThumbprint -Confirm:$false -PassThru
        $binding.PSObject.TypeNames[0] | Should -Be 'HttpApi.HttpsBinding'
        $binding.Thumbprint | Should -Be $WwwThumbprint
        ((Get-DoubleState).sslcert | Where-Object key -EQ 'shop.fabrikam.com:443').certhash | Should -Be $WwwThumbprint.ToLowerInvariant()
    }

    It 'Add-HttpSslCert adds the mapping with its options' {
        $mapping = Add-HttpSslCert @Source -IPPort 0.0.0.0:8443 -Thumbprint $WwwThumbprint -AppId $IisAppId -ClientCertNegotiation -DisableLegacyTls -Confirm:$false -PassThru
        $mapping.PSObject.TypeNames[0] | Should -Be 'HttpApi.SslCertMapping'
        $mapping.IPPort | Should -Be '0.0.0.0:8443'
        $mapping.Thumbprint | Should -Be $WwwThumbprint
        ($mapping.Options | Where-Object Name -EQ 'clientCertNegotiation').Value | Should -BeTrue
        ($mapping.Options | Where-Object Name -EQ 'disableLegacyTls').Value | Should -BeTrue
        Get-NetshChangeCall | Should -Be @("http add sslcert ipport=0.0.0.0:8443 certhash=$WwwThumbprint appid=$IisAppId clientcertnegotiation=enable disablelegacytls=enable")
    }

    It 'Set-HttpSslCert changes what is given and carries the rest over' {
        Add-HttpSslCert @Source -HostnamePort new.contoso.com:443 -Thumbprint $WwwThumbprint -AppId $IisAppId -CertificateStoreName MY -ClientCertNegotiation -Confirm:$false
        $mapping = Set-HttpSslCert @Source -HostnamePort new.contoso.com:443 -DisableHttp2 -Confirm:$false -PassThru
        $mapping.PSObject.TypeNames[0] | Should -Be 'HttpApi.SslCertMapping'
        $mapping.Thumbprint | Should -Be $WwwThumbprint
        $mapping.AppId | Should -Be $IisAppId
        $mapping.CertificateStoreName | Should -Be 'MY'
        ($mapping.Options | Where-Object Name -EQ 'clientCertNegotiation').Value | Should -BeTrue
        ($mapping.Options | Where-Object Name -EQ 'disableHttp2').Value | Should -BeTrue
    }

    It 'Remove-HttpSslCert deletes the mapping' {
        Remove-HttpSslCert @Source -HostnamePort old.contoso.com:443 -Confirm:$false | Should -BeNullOrEmpty
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'old.contoso.com:443'
        Get-NetshChangeCall | Should -Be @('http delete sslcert hostnameport=old.contoso.com:443')
    }

    It 'Add-HttpUrlAcl reserves the prefix for the users given' {
        $reservation = Add-HttpUrlAcl @Source -Url 'http://+:8081/' -User 'NT AUTHORITY\NETWORK SERVICE' -Listen -Confirm:$false -PassThru
        $reservation.PSObject.TypeNames[0] | Should -Be 'HttpApi.UrlAcl'
        $reservation.Url | Should -Be 'http://+:8081/'
        $reservation.Users.User | Should -Be 'NT AUTHORITY\NETWORK SERVICE'
        Get-NetshChangeCall | Should -Be @('http add urlacl url=http://+:8081/ user=NT AUTHORITY\NETWORK SERVICE listen=yes delegate=no')
    }

    It 'Add-HttpUrlAcl passes -Listen:$false and -Delegate on' {
        Add-HttpUrlAcl @Source -Url 'http://+:8083/' -User Everyone -Listen:$false -Delegate -Confirm:$false | Out-Null
        Get-NetshChangeCall | Should -Be @('http add urlacl url=http://+:8083/ user=Everyone listen=no delegate=yes')
    }

    It 'Add-HttpUrlAcl reserves by SDDL' {
        $reservation = Add-HttpUrlAcl @Source -Url 'http://+:8082/' -Sddl 'D:(A;;GX;;;WD)' -Force -PassThru
        $reservation.Sddl | Should -Be 'D:(A;;GX;;;WD)'
    }

    It 'Remove-HttpUrlAcl deletes the reservation' {
        Remove-HttpUrlAcl @Source -Url 'http://+:8080/app/' -Confirm:$false | Should -BeNullOrEmpty
        (Get-DoubleState).urlacl.url | Should -Not -Contain 'http://+:8080/app/'
    }

    It 'Switch-HttpSslCertificate renews every mapping of the old certificate' {
        $mappings = @(Switch-HttpSslCertificate @Source -Thumbprint D448C934BE5A5E720BB27C199EA38DC5A6F92C66 -NewThumbprint $WwwThumbprint -Confirm:$false -PassThru)
        $mappings.HostnamePort | Should -Contain 'shop.fabrikam.com:443'
        $mappings | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.SslCertMapping' }
        ((Get-DoubleState).sslcert | Where-Object certhash -EQ 'd448c934be5a5e720bb27c199ea38dc5a6f92c66') | Should -BeNullOrEmpty
    }

    It 'Export-HttpApiSnapshot writes a snapshot that -Snapshot reads back' {
        $target = Join-Path $TestDrive ('export-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
        $export = Export-HttpApiSnapshot @Source -Path $target -Confirm:$false
        $export.PSObject.TypeNames[0] | Should -Be 'HttpApi.SnapshotExport'
        Test-Path -LiteralPath (Join-Path $target 'applicationHost.config') | Should -BeTrue
        @(Get-HttpSslCert -Snapshot $target).Count | Should -Be $SampleMappings.Count
    }
}

Describe 'Pipelines, failures among good objects, and -ErrorAction Stop' {
    BeforeEach {
        Reset-Server
    }

    It 'removes the mappings piped from Get-HttpSslCert, one by one' {
        # shop.fabrikam.com:443 serves Fabrikam Shop: -Force acknowledges that.
        Get-HttpSslCert @Source -HostnamePort old.contoso.com:443, shop.fabrikam.com:443 | Remove-HttpSslCert -Confirm:$false -Force
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'old.contoso.com:443'
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'shop.fabrikam.com:443'
        @(Get-NetshChangeCall).Count | Should -Be 2
    }

    It 'removes the bindings piped from Get-IisHttpsBinding' {
        Get-IisHttpsBinding @Source -SiteName 'Contoso WWW' | Remove-IisHttpsBinding -Force
        Get-IisHttpsBinding @Source -SiteName 'Contoso WWW' | Should -BeNullOrEmpty
    }

    It 'sets the certificate of bindings piped from Get-IisHttpsBinding, keeping -Thumbprint as given' {
        $changed = @(Get-IisHttpsBinding @Source -SiteName 'Fabrikam Shop' | Set-IisHttpsBindingCertificate -Thumbprint $WwwThumbprint -Confirm:$false -PassThru)
        $changed.Thumbprint | Should -Be $WwwThumbprint
    }

    It 'deletes the reservations piped from Get-HttpUrlAcl' {
        Get-HttpUrlAcl @Source | Remove-HttpUrlAcl -Confirm:$false
        (Get-DoubleState).urlacl | Should -BeNullOrEmpty
    }

    It 'reports a failing object with the catalog id and goes on with the others' {
        $errors = $null
        'old.contoso.com:443', 'nosuch.contoso.com:443', 'shop.fabrikam.com:443' | ForEach-Object { [pscustomobject]@{ HostnamePort = $_ } } |
            Remove-HttpSslCert @Source -Confirm:$false -Force -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Remove-HttpSslCert'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'nosuch.contoso.com:443'
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'old.contoso.com:443'
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'shop.fabrikam.com:443'
    }

    It 'writes ALREADY_EXISTS for a mapping that exists' {
        $errors = $null
        Add-HttpSslCert @Source -HostnamePort www.contoso.com:443 -Thumbprint $WwwThumbprint -AppId $IisAppId -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Be 'ALREADY_EXISTS,Add-HttpSslCert'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        { 'nosuch.contoso.com:443', 'old.contoso.com:443' | ForEach-Object { [pscustomobject]@{ HostnamePort = $_ } } |
                Remove-HttpSslCert @Source -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'NOT_FOUND,Remove-HttpSslCert'
        (Get-DoubleState).sslcert.key | Should -Contain 'old.contoso.com:443'
    }
}

Describe 'A mapping shared by other bindings' {
    BeforeAll {
        Reset-Server
    }

    It 'is refused without -Force, with the message in PowerShell''s words, and nothing changes' {
        $before = Get-ConfigHash
        $errors = $null
        Set-IisHttpsBindingCertificate @Source -SiteName 'Contoso Portal' -BindingInformation '10.0.0.5:443:portal.contoso.com' -Thumbprint $WwwThumbprint -CertificateStoreName MY -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Be 'SHARED_MAPPING_NEEDS_ACK,Set-IisHttpsBindingCertificate'
        $errors[0].Exception.Message | Should -Match 'Use -Force to do it anyway'
        $errors[0].Exception.Message | Should -Not -Match 'allowSharedMapping|--allow'
        Get-ConfigHash | Should -Be $before
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }

    It 'is not deleted by Remove-HttpSslCert without -Force, before netsh; with -Force it goes' {
        $errors = $null
        Remove-HttpSslCert @Source -IPPort 10.0.0.5:443 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Be 'SHARED_MAPPING_NEEDS_ACK,Remove-HttpSslCert'
        $errors[0].Exception.Message | Should -Match 'Contoso Portal \(10\.0\.0\.5:443:portal\.contoso\.com\)'
        $errors[0].Exception.Message | Should -Match 'Use -Force to delete it anyway'
        Get-NetshChangeCall | Should -BeNullOrEmpty
        Remove-HttpSslCert @Source -IPPort 10.0.0.5:443 -Force
        Get-NetshChangeCall | Should -Be @('http delete sslcert ipport=10.0.0.5:443')
        Reset-Server
    }

    It 'changes for every binding that shares it with -Force, without asking' {
        $changed = Set-IisHttpsBindingCertificate @Source -SiteName 'Contoso Portal' -BindingInformation '10.0.0.5:443:portal.contoso.com' -Thumbprint $WwwThumbprint -CertificateStoreName MY -Force -PassThru
        $changed.Thumbprint | Should -Be $WwwThumbprint
        (Get-IisHttpsBinding @Source -SiteName 'Contoso Docs').Thumbprint | Should -Be $WwwThumbprint
        @(Get-NetshChangeCall).Count | Should -Be 1
    }
}

Describe '-Confirm' {
    It 'asks once per object, with the plan as the question, and changes only what was confirmed' {
        Reset-Server
        $env:HTTPAPI_NETSH_STATE = $StateFile
        $script = "Import-Module '$ModuleManifest'; 'old.contoso.com:443', 'shop.fabrikam.com:443' | ForEach-Object { [pscustomobject]@{ HostnamePort = `$_ } } | Remove-HttpSslCert -Snapshot '$Server' -NetshPath '$LoggingNetsh' -Confirm -Force"
        # -Force acknowledges that shop.fabrikam.com:443 serves Fabrikam Shop; -Confirm still asks.
        # A console host with redirected input reads the answers to its prompts from stdin: yes, then no.
        $text = ("Y`nN`n" | & $Pwsh -NoProfile -Command $script 2>&1 | Out-String) -replace '\e\[[0-9;]*m', ''
        ([regex]::Matches($text, 'Are you sure you want to perform this action\?')).Count | Should -Be 2
        $text | Should -Match ([regex]::Escape('Delete on SSL certificate mapping hostnameport old.contoso.com:443:') + '\s+1\. netsh http delete sslcert hostnameport=old\.contoso\.com:443')
        $text | Should -Match ([regex]::Escape('1. netsh http delete sslcert hostnameport=shop.fabrikam.com:443'))
        Get-NetshChangeCall | Should -Be @('http delete sslcert hostnameport=old.contoso.com:443')
        (Get-DoubleState).sslcert.key | Should -Contain 'shop.fabrikam.com:443'
    }
}

Describe 'ConfirmImpact' {
    It '<Name> is <Impact>' -ForEach @(
        @{ Name = 'New-IisHttpsBinding'; Impact = 'Medium' }
        @{ Name = 'Set-IisHttpsBindingCertificate'; Impact = 'Medium' }
        @{ Name = 'Set-IisHttpsBinding'; Impact = 'Medium' }
        @{ Name = 'Add-HttpSslCert'; Impact = 'Medium' }
        @{ Name = 'Add-HttpUrlAcl'; Impact = 'Medium' }
        @{ Name = 'Remove-IisHttpsBinding'; Impact = 'High' }
        @{ Name = 'Set-HttpSslCert'; Impact = 'High' }
        @{ Name = 'Remove-HttpSslCert'; Impact = 'High' }
        @{ Name = 'Remove-HttpUrlAcl'; Impact = 'High' }
        @{ Name = 'Set-HttpUrlAcl'; Impact = 'High' }
        @{ Name = 'Switch-HttpSslCertificate'; Impact = 'High' }
        @{ Name = 'Export-HttpApiSnapshot'; Impact = 'Low' }
    ) {
        $command = Get-Command -Name $Name -Module HttpApi
        $attribute = $command.ScriptBlock.Attributes | Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] }
        $attribute.SupportsShouldProcess | Should -BeTrue
        [string] $attribute.ConfirmImpact | Should -Be $Impact
    }

    It 'asks before a High-impact change when nothing says otherwise (here: fails to prompt in a non-interactive host)' {
        Reset-Server
        $script = "Import-Module '$ModuleManifest'; Remove-HttpSslCert -Snapshot '$Server' -NetshPath '$LoggingNetsh' -HostnamePort old.contoso.com:443"
        $env:HTTPAPI_NETSH_STATE = $StateFile
        $null = & $Pwsh -NoProfile -NonInteractive -Command $script 2>&1
        Get-NetshChangeCall | Should -BeNullOrEmpty
        (Get-DoubleState).sslcert.key | Should -Contain 'old.contoso.com:443'
    }
}

Describe 'Add-HttpSslCert and Set-HttpSslCert take every option Get-HttpSslCert shows, by the same names' {
    It 'has a parameter for every option that netsh can set' {
        Reset-Server
        $shown = @(Get-HttpSslCert @Source -HostnamePort www.contoso.com:443).Options | Where-Object { $_.Parameter } | ForEach-Object { $_.Name }
        $shown.Count | Should -BeGreaterThan 10
        foreach ($name in 'Add-HttpSslCert', 'Set-HttpSslCert') {
            $parameters = (Get-Command -Name $name -Module HttpApi).Parameters.Keys
            foreach ($option in $shown) {
                $parameters | Should -Contain $option -Because "$name should take -$option"
            }
        }
    }
}

Describe 'The repair the README walks, end to end' {
    BeforeAll {
        Reset-Server
    }

    It 'finds the missing mapping, shows the fix''s plan, applies the fix as written, and tests clean' {
        # 1. The finding, and its fix in PowerShell's words.
        $finding = Test-IisHttpsBinding @Source -SiteName Admin
        $finding.Code | Should -Be 'HTTPS_BINDING_NO_MAPPING'
        $finding.Fix | Should -BeExactly "Add the mapping: Add-HttpSslCert -IPPort 0.0.0.0:8443 -Thumbprint THUMBPRINT -AppId '$IisAppId'"
        Test-IisHttpsBinding @Source -SiteName Admin -Quiet | Should -BeFalse

        # 2. The fix as written, with the certificate's thumbprint, first with -WhatIf: nothing changes.
        $fix = $finding.Fix.Substring($finding.Fix.IndexOf('Add-HttpSslCert')).Replace('THUMBPRINT', $WwwThumbprint)
        $sourceArguments = " -Snapshot '$Server' -NetshPath '$LoggingNetsh'"
        Invoke-Expression -Command ($fix + $sourceArguments + ' -WhatIf')
        Get-NetshChangeCall | Should -BeNullOrEmpty

        # 3. The change.
        $mapping = Invoke-Expression -Command ($fix + $sourceArguments + ' -PassThru')
        $mapping.IPPort | Should -Be '0.0.0.0:8443'
        Get-NetshChangeCall | Should -Be @("http add sslcert ipport=0.0.0.0:8443 certhash=$WwwThumbprint appid=$IisAppId")

        # 4. Clean.
        Test-IisHttpsBinding @Source -SiteName Admin | Should -BeNullOrEmpty
        Test-IisHttpsBinding @Source -SiteName Admin -Quiet | Should -BeTrue
    }
}
