# Site names are matched without case, as IIS compares them (src/iis/site-name.ts), whether the
# worker filters on a single literal name or the module applies wildcards itself. Expectations
# read by hand off fixtures/demo-server/applicationHost.config.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    Push-Location -LiteralPath $RepoRoot
}

AfterAll {
    Pop-Location
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'site names without case' {

    It 'Get-IisSite -Name in another case returns the site as the file spells it' {
        (Get-IisSite -Snapshot $DemoServer -Name 'contoso www').Name | Should -Be 'Contoso WWW'
        (Get-IisSite -Snapshot $DemoServer -Name 'CONTOSO WWW (STAGING)').Name | Should -Be 'Contoso WWW (staging)'
    }

    It 'Get-IisHttpsBinding -SiteName in another case, and with a wildcard' {
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'fabrikam SHOP')
        $bindings.Site | Should -Be @('Fabrikam Shop')
        $bindings[0].HostName | Should -Be 'shop.fabrikam.com'
        @(Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'FABRIKAM*').Site | Should -Be @('Fabrikam Shop', 'Fabrikam Mail')
    }

    It 'Test-IisHttpsBinding -SiteName in another case finds that site''s findings' {
        $findings = @(Test-IisHttpsBinding -Snapshot $DemoServer -SiteName 'fabrikam shop')
        $findings.Code | Should -Contain 'CERT_EXPIRED'
        $findings.Site | Sort-Object -Unique | Should -Be 'Fabrikam Shop'
    }

    It 'a name that matches no site in any case is NOT_FOUND, naming the closest' {
        $records = @()
        $null = Get-IisSite -Snapshot $DemoServer -Name 'Contoso WW' -ErrorAction SilentlyContinue -ErrorVariable records
        $records.Count | Should -Be 1
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-IisSite'
        $records[0].Exception.Message | Should -Match "did you mean 'Contoso WWW' or 'Contoso WWW \(staging\)'\?"
    }
}
