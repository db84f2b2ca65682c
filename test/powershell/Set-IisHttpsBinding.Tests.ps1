# Set-IisHttpsBinding (bindings/update) against a copy of the sample server whose http.sys half is
# the netsh test double, behind a wrapper that logs every netsh command line the worker runs.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    $script:NetshLog = Join-Path $TestDrive 'netsh.log'
    $script:LoggingNetsh = New-LoggingNetsh -Log $NetshLog

    $script:SampleMappings = @(Get-DemoServerDoubleMapping)
    $script:StateFile = Use-NetshDouble -State @{ sslcert = $SampleMappings; urlacl = @() }

    function Reset-Server {
        $script:Server = Join-Path $TestDrive ('server-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
        Copy-Item -LiteralPath $DemoServer -Destination $Server -Recurse
        $script:Config = Join-Path $Server 'applicationHost.config'
        Set-Content -LiteralPath $StateFile -Value (ConvertTo-Json -InputObject @{ sslcert = $SampleMappings; urlacl = @() } -Depth 8)
        Set-Content -LiteralPath $NetshLog -Value @()
        $script:Source = @{ Snapshot = $Server; NetshPath = $LoggingNetsh }
    }
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Set-IisHttpsBinding' {
    BeforeEach {
        Reset-Server
    }

    It 'moves a piped binding to a new host: the line is edited, the mapping moves, -PassThru returns the binding as it is now' {
        $binding = Get-IisHttpsBinding @Source -SiteName 'Contoso WWW' | Set-IisHttpsBinding -HostName www2.contoso.com -Confirm:$false -PassThru
        $binding.PSObject.TypeNames[0] | Should -Be 'HttpApi.HttpsBinding'
        $binding.BindingInformation | Should -Be '*:443:www2.contoso.com'
        (Get-Content -LiteralPath $Config -Raw) | Should -Match ([regex]::Escape('<binding protocol="https" bindingInformation="*:443:www2.contoso.com" sslFlags="1" />'))
        (Get-DoubleState).sslcert.key | Should -Contain 'www2.contoso.com:443'
        (Get-DoubleState).sslcert.key | Should -Not -Contain 'www.contoso.com:443'
        Get-NetshChangeCall | Should -HaveCount 2
    }

    It 'a switch alone sets its bit in the current sslFlags, and the mapping option that carries it' {
        $binding = Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DisableLegacyTls -Confirm:$false -PassThru
        $binding.SslFlags | Should -Be 65
        $calls = @(Get-NetshChangeCall)
        $calls | Should -HaveCount 1
        $calls[0] | Should -Match '^http update sslcert hostnameport=www\.contoso\.com:443 .*disablelegacytls=enable'
    }

    It 'switches given as $false clear their bits; with -SslFlags they are laid over that value' {
        $null = Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DisableLegacyTls -DisableHttp2 -Confirm:$false
        $binding = Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DisableLegacyTls:$false -Confirm:$false -PassThru
        $binding.SslFlags | Should -Be 5
        $last = @(Get-NetshChangeCall)[-1]
        $last | Should -Match '^http update sslcert hostnameport=www\.contoso\.com:443 '
        $last | Should -Match ' disablehttp2=enable'
        $last | Should -Match ' disablelegacytls=disable'
        $binding = Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -SslFlags 1 -DisableQuic -Confirm:$false -PassThru
        $binding.SslFlags | Should -Be 17
    }

    It 'an empty -HostName reaches the worker, which refuses SNI without a host before any netsh change' {
        $errors = $null
        Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -HostName '' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Be 'INVALID_ARGUMENT,Set-IisHttpsBinding'
        $errors[0].Exception.Message | Should -Match 'needs a host name'
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }

    It '-WhatIf changes nothing and returns nothing' {
        $before = (Get-FileHash -LiteralPath $Config).Hash
        Set-IisHttpsBinding @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -Port 8443 -WhatIf | Should -BeNullOrEmpty
        (Get-FileHash -LiteralPath $Config).Hash | Should -Be $before
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }
}
