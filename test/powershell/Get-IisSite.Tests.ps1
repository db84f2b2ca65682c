# Get-IisSite against the sample server (fixtures/demo-server/applicationHost.config: 17 sites,
# read by hand for these expectations) and the IIS Express sample.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    Push-Location -LiteralPath $RepoRoot
    $script:DemoNames = @(
        'Default Web Site', 'Contoso WWW', 'Contoso WWW (staging)', 'Fabrikam Shop', 'Contoso API', 'Billing', 'Partners', 'Intranet',
        'Fabrikam Mail', 'Contoso Portal', 'Contoso Docs', 'Admin', 'Kiosk', 'CDN', 'Media', 'Contoso IPv6', 'Reports'
    )
}

AfterAll {
    Pop-Location
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-IisSite' {

    It 'returns every site of a snapshot, in file order, typed HttpApi.Site' {
        $sites = @(Get-IisSite -Snapshot $DemoServer)
        $sites.Name | Should -Be $DemoNames
        $sites | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.Site' }
    }

    It 'gives each site its id and its bindings as HttpApi.SiteBinding objects' {
        $sites = @(Get-IisSite -Snapshot $DemoServer)
        $default = $sites | Where-Object Name -EQ 'Default Web Site'
        $default.Id | Should -Be 1
        $default.Bindings.Protocol | Should -Be @('http', 'https')
        $default.Bindings.BindingInformation | Should -Be @('*:80:', '*:443:')
        $default.Bindings[1].SslFlags | Should -Be 0
        $default.Bindings[0].PSObject.TypeNames[0] | Should -Be 'HttpApi.SiteBinding'
        ($sites | Where-Object Name -EQ 'Contoso WWW').Bindings[1].SslFlags | Should -Be 1
        ($sites | Where-Object Name -EQ 'CDN').Bindings[0].SslFlags | Should -Be 129
        ($sites | Where-Object Name -EQ 'Contoso IPv6').Bindings[0].BindingInformation | Should -Be '[2001:db8::5]:443:'
        ($sites | Where-Object Name -EQ 'Reports').Id | Should -Be 17
    }

    It 'says which file it read (ConfigPath) and which source (HttpApiSource)' {
        $site = Get-IisSite -Snapshot $DemoServer -Name Billing
        $site.ConfigPath | Should -Be (Join-Path $DemoServer 'applicationHost.config')
        $site.HttpApiSource.snapshot | Should -Be $DemoServer
    }

    It 'takes wildcards and several names' {
        @(Get-IisSite -Snapshot $DemoServer -Name 'Contoso*').Name | Should -Be @('Contoso WWW', 'Contoso WWW (staging)', 'Contoso API', 'Contoso Portal', 'Contoso Docs', 'Contoso IPv6')
        @(Get-IisSite -Snapshot $DemoServer -Name 'Kiosk', 'Admin').Name | Should -Be @('Admin', 'Kiosk')
    }

    It 'takes names from the pipeline, by value and by property name' {
        @('Billing', 'Kiosk' | Get-IisSite -Snapshot $DemoServer).Id | Should -Be @(6, 13)
        @([pscustomobject]@{ Name = 'Media' }, [pscustomobject]@{ SiteName = 'CDN' } | Get-IisSite -Snapshot $DemoServer).Id | Should -Be @(15, 14)
    }

    It 'writes a NOT_FOUND error for a name that matches no site, and goes on with the next' {
        $records = $null
        $sites = @('Nope', 'Billing' | Get-IisSite -Snapshot $DemoServer -ErrorAction SilentlyContinue -ErrorVariable records)
        $sites.Name | Should -Be @('Billing')
        $records.Count | Should -Be 1
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-IisSite'
        $records[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $records[0].TargetObject | Should -Be 'Nope'
        { Get-IisSite -Snapshot $DemoServer -Name 'Nope' -ErrorAction Stop } | Should -Throw -ErrorId 'NOT_FOUND,Get-IisSite'
        @(Get-IisSite -Snapshot $DemoServer -Name 'Nope*').Count | Should -Be 0
    }

    It 'reads -ConfigPath relative to the current location' {
        Push-Location -LiteralPath (Join-Path $RepoRoot 'fixtures')
        try {
            $sites = @(Get-IisSite -ConfigPath ./demo-server/applicationHost.config)
        }
        finally {
            Pop-Location
        }
        $sites.Count | Should -Be 17
        $sites[0].ConfigPath | Should -Be (Join-Path $DemoServer 'applicationHost.config')
    }

    It 'reads the current user''s IIS Express configuration with -IisExpress' {
        $userHome = Join-Path $TestDrive 'home'
        $config = Join-Path $userHome 'Documents/IISExpress/config'
        $null = New-Item -ItemType Directory -Path $config
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'fixtures/iisexpress-demo/applicationHost.config') -Destination (Join-Path $config 'applicationhost.config')
        $saved = @($env:HOME, $env:USERPROFILE)
        try {
            # The worker takes its environment when it starts.
            Stop-HttpApiWorker
            $env:HOME = $userHome
            $env:USERPROFILE = $userHome
            $sites = @(Get-IisSite -IisExpress)
        }
        finally {
            $env:HOME, $env:USERPROFILE = $saved
            Stop-HttpApiWorker
        }
        $sites.Name | Should -Be @('WebSite1', 'ContosoApi', 'AdminPortal', 'MobileBackend')
        $sites[0].Bindings[0].BindingInformation | Should -Be ':8080:localhost'
        $sites[1].Bindings.BindingInformation | Should -Contain '*:44301:localhost'
    }

    It 'reads the configuration file of a live-like source (a config file and netsh), which needs no netsh for sites' {
        $sites = @(Get-IisSite -ConfigPath (Join-Path $DemoServer 'applicationHost.config') -NetshPath $NetshDouble -Name 'Contoso*')
        $sites.Count | Should -Be 6
        $sites[0].HttpApiSource.netshPath | Should -Be $NetshDouble
    }

    It 'writes NO_SOURCE, with advice, when there is nothing to read off Windows' -Skip:$IsWindows {
        $records = $null
        $sites = @(Get-IisSite -ErrorAction SilentlyContinue -ErrorVariable records)
        $sites.Count | Should -Be 0
        $records[0].FullyQualifiedErrorId | Should -Be 'NO_SOURCE,Get-IisSite'
        $records[0].ErrorDetails.RecommendedAction | Should -Match '-Snapshot'
    }

    It 'shows a table of names, ids and bindings' {
        $text = Get-IisSite -Snapshot $DemoServer -Name 'Default Web Site', 'Contoso IPv6' | Out-String -Width 200
        $text | Should -Match 'Name\s+Id\s+Bindings'
        $text | Should -Match 'Default Web Site\s+1\s+http \*:80:'
        $text | Should -Match 'https \*:443:'
        $text | Should -Match 'Contoso IPv6\s+16\s+https \[2001:db8::5\]:443:'
    }

    It 'completes site names, quoted when they contain spaces' {
        $line = "Get-IisSite -Snapshot '$DemoServer' -Name Contoso"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain "'Contoso WWW'"
        $completions.CompletionText | Should -Contain "'Contoso IPv6'"
        $completions.CompletionText | Should -Not -Contain "'Fabrikam Shop'"
    }
}
