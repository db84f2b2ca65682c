# -DnsName: the five cmdlets that take a thumbprint, given the host name instead, against a copy
# of the sample server's configuration, the netsh double (behind a logging wrapper) and a
# certificate store made at test time by test/helpers/choice-certificates.mjs: for
# www.contoso.com the certificate named "chosen" is the newest valid server certificate with a
# key; every other one loses for one reason (expired, not yet valid, no key, wrong name, client
# authentication only, older).

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    $made = & node (Join-Path $RepoRoot 'test/helpers/choice-certificates.mjs') $TestDrive | ConvertFrom-Json
    $script:CertsDir = $made.certsDir
    $script:Chosen = $made.thumbprints.chosen
    $script:Thumbprints = $made.thumbprints
    $script:IisAppId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
    $script:WwwThumbprint = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'

    $script:NetshLog = Join-Path $TestDrive 'netsh.log'
    $script:LoggingNetsh = New-LoggingNetsh -Log $NetshLog
    $script:SampleMappings = @(Get-DemoServerDoubleMapping)
    $script:StateFile = Use-NetshDouble -State @{ sslcert = $SampleMappings }

    function Reset-Server {
        $script:Config = Join-Path $TestDrive ('applicationHost-' + [guid]::NewGuid().ToString('n').Substring(0, 8) + '.config')
        Copy-Item -LiteralPath (Join-Path $DemoServer 'applicationHost.config') -Destination $Config
        Set-Content -LiteralPath $StateFile -Value (ConvertTo-Json -InputObject @{ sslcert = $SampleMappings; urlacl = @() } -Depth 8)
        Set-Content -LiteralPath $NetshLog -Value @()
        $script:Source = @{ ConfigPath = $Config; NetshPath = $LoggingNetsh; CertsDir = $CertsDir }
    }
    function Get-MappingHash([string] $Key) { ((Get-Content -LiteralPath $StateFile -Raw | ConvertFrom-Json).sslcert | Where-Object key -EQ $Key).certhash }
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe '-DnsName chooses the documented certificate' {
    BeforeEach {
        Reset-Server
    }

    It '<Name>: -WhatIf names the choice and changes nothing; the run gives netsh the chosen thumbprint' -ForEach @(
        @{ Name = 'New-IisHttpsBinding'; Key = 'www.contoso.com:8444'; Verb = 'add'; Call = { param($more) New-IisHttpsBinding @Source @more -SiteName 'Contoso WWW' -Port 8444 -HostName www.contoso.com -Sni -DnsName www.contoso.com } }
        @{ Name = 'Set-IisHttpsBindingCertificate'; Key = 'www.contoso.com:443'; Verb = 'update'; Call = { param($more) Set-IisHttpsBindingCertificate @Source @more -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DnsName www.contoso.com } }
        @{ Name = 'Add-HttpSslCert'; Key = '10.0.0.8:443'; Verb = 'add'; Call = { param($more) Add-HttpSslCert @Source @more -IPPort 10.0.0.8:443 -DnsName www.contoso.com -AppId $IisAppId } }
        @{ Name = 'Set-HttpSslCert'; Key = '10.0.0.9:443'; Verb = 'update'; Call = { param($more) Set-HttpSslCert @Source @more -IPPort 10.0.0.9:443 -DnsName www.contoso.com } }
        @{ Name = 'Switch-HttpSslCertificate'; Key = 'www.contoso.com:443'; Verb = 'update'; Call = { param($more) Switch-HttpSslCertificate @Source @more -Thumbprint $WwwThumbprint -DnsName www.contoso.com } }
    ) {
        & $Call @{ WhatIf = $true } | Out-Null
        Get-NetshChangeCall | Should -BeNullOrEmpty
        # The -WhatIf text: the chosen one, and each other one with its reason.
        $script = "Import-Module '$ModuleManifest'; `$Source = @{ ConfigPath = '$Config'; NetshPath = '$LoggingNetsh'; CertsDir = '$CertsDir' }; `$IisAppId = '$IisAppId'; `$WwwThumbprint = '$WwwThumbprint'; & { $Call } @{ WhatIf = `$true }"
        $env:HTTPAPI_NETSH_STATE = $StateFile
        $text = (& $Pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String)
        $text | Should -Match ([regex]::Escape("Certificate for www.contoso.com from store MY: $Chosen"))
        $text | Should -Match ([regex]::Escape("chosen $Chosen"))
        $text | Should -Match ([regex]::Escape("not chosen $($Thumbprints.expired) (CN=www.contoso.com, O=Contoso Test): expired"))
        $text | Should -Match ([regex]::Escape("not chosen $($Thumbprints.'key-less') (CN=www.contoso.com, O=Contoso Test): no private key in the store"))
        $text | Should -Match ([regex]::Escape("not chosen $($Thumbprints.'not-yet-valid') (CN=www.contoso.com, O=Contoso Test): not valid before"))
        $text | Should -Match ([regex]::Escape("not chosen $($Thumbprints.'wrong-name') (CN=api.contoso.com, O=Contoso Test): does not cover www.contoso.com"))
        $text | Should -Match ([regex]::Escape("not chosen $($Thumbprints.'client-auth-only') (CN=www.contoso.com, O=Contoso Test): not for server authentication"))
        $text | Should -Match ([regex]::Escape("not chosen $($Thumbprints.older) (CN=www.contoso.com, O=Contoso Test): qualifies, but older"))
        Get-NetshChangeCall | Should -BeNullOrEmpty

        & $Call @{ Confirm = $false; Force = $true } | Out-Null
        $calls = Get-NetshChangeCall
        $calls | Should -Not -BeNullOrEmpty
        foreach ($call in $calls) {
            $call | Should -Match "^http $Verb sslcert \S+ certhash=$Chosen "
        }
        Get-MappingHash $Key | Should -Be $Chosen.ToLowerInvariant()
    }

    It 'Switch-HttpSslCertificate -PassThru returns the mappings of the chosen certificate' {
        $mappings = @(Switch-HttpSslCertificate @Source -Thumbprint $WwwThumbprint -DnsName www.contoso.com -Confirm:$false -PassThru)
        $mappings.Count | Should -BeGreaterThan 1
        $mappings | ForEach-Object { $_.Thumbprint | Should -Be $Chosen }
    }

    It 'a piped mapping''s thumbprint gives way to -DnsName' {
        Get-HttpSslCert @Source -IPPort 10.0.0.9:443 | Set-HttpSslCert @Source -DnsName www.contoso.com -Confirm:$false
        Get-MappingHash '10.0.0.9:443' | Should -Be $Chosen.ToLowerInvariant()
    }
}

Describe '-DnsName refusals' {
    BeforeEach {
        Reset-Server
    }

    It 'no certificate qualifies: CERTIFICATE_NOT_CHOSEN, naming the candidates, before any netsh change' {
        $failure = $null
        Set-IisHttpsBindingCertificate @Source -SiteName 'Contoso WWW' -BindingInformation '*:443:www.contoso.com' -DnsName www.contoso.net -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -Be 'CERTIFICATE_NOT_CHOSEN,Set-IisHttpsBindingCertificate'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].Exception.Message | Should -Match "No certificate in store MY qualifies for www\.contoso\.net .*$($Thumbprints.expired)"
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }

    It '<Name> takes -Thumbprint or -DnsName, not both' -ForEach @(
        @{ Name = 'New-IisHttpsBinding'; Call = { New-IisHttpsBinding @Source -SiteName Admin -Port 9443 -Thumbprint $WwwThumbprint -DnsName www.contoso.com -Confirm:$false } }
        @{ Name = 'Set-IisHttpsBindingCertificate'; Call = { Set-IisHttpsBindingCertificate @Source -SiteName Admin -BindingInformation '*:8443:' -Thumbprint $WwwThumbprint -DnsName www.contoso.com -Confirm:$false } }
        @{ Name = 'Switch-HttpSslCertificate'; Call = { Switch-HttpSslCertificate @Source -Thumbprint $WwwThumbprint -NewThumbprint $WwwThumbprint -DnsName www.contoso.com -Confirm:$false } }
        @{ Name = 'Add-HttpSslCert'; Call = { Add-HttpSslCert @Source -IPPort 10.0.0.8:443 -AppId $IisAppId -Thumbprint $WwwThumbprint -DnsName www.contoso.com -Confirm:$false } }
        @{ Name = 'Set-HttpSslCert'; Call = { Set-HttpSslCert @Source -IPPort 10.0.0.9:443 -Thumbprint $WwwThumbprint -DnsName www.contoso.com -Confirm:$false } }
    ) {
        $thrown = $null
        try { & $Call } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -Match '^(AmbiguousParameterSet|INVALID_PARAMS),'
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }

    It 'the cmdlets with parameter sets offer -Thumbprint and -DnsName in different sets' -ForEach @(
        @{ Name = 'New-IisHttpsBinding'; Thumbprint = 'Thumbprint' }
        @{ Name = 'Set-IisHttpsBindingCertificate'; Thumbprint = 'Thumbprint' }
        @{ Name = 'Switch-HttpSslCertificate'; Thumbprint = 'NewThumbprint' }
    ) {
        $command = Get-Command -Name $Name
        $command.Parameters['DnsName'].ParameterSets.Keys | Should -Be @('DnsName')
        $command.Parameters[$Thumbprint].ParameterSets.Keys | Should -Not -Contain 'DnsName'
        $command.DefaultParameterSet | Should -Not -Be 'DnsName'
    }

    It '-DnsName has help on every cmdlet that takes it' -ForEach @(
        @{ Name = 'New-IisHttpsBinding' }, @{ Name = 'Set-IisHttpsBindingCertificate' }, @{ Name = 'Add-HttpSslCert' }, @{ Name = 'Set-HttpSslCert' }, @{ Name = 'Switch-HttpSslCertificate' }
    ) {
        $help = Get-Help -Name $Name -Full
        (($help.parameters.parameter | Where-Object name -EQ 'DnsName').description | Out-String) | Should -Match 'newest certificate in the store that covers it'
        (($help.examples.example).code -join "`n") | Should -Match '-DnsName '
    }
}
