# Get-HttpUrlAcl against the sample server's urlacl.txt (4 reservations, read by hand) and the
# netsh test double (English and Italian output).

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Get-HttpUrlAcl' {

    It 'returns every reservation of a snapshot with its users and SDDL, typed' {
        $reservations = @(Get-HttpUrlAcl -Snapshot $DemoServer)
        $reservations.Url | Should -Be @('http://+:80/Temporary_Listen_Addresses/', 'http://+:5985/wsman/', 'http://+:47001/wsman/', 'http://reports.contoso.com:8081/')
        $reservations | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'HttpApi.UrlAcl' }
        $reservations[0].Users[0].PSObject.TypeNames[0] | Should -Be 'HttpApi.UrlAclUser'
        $reservations[0].Users[0].User | Should -Be '\Everyone'
        $reservations[0].Users[0].Listen | Should -BeTrue
        $reservations[0].Users[0].Delegate | Should -BeFalse
        $reservations[0].Sddl | Should -Be 'D:(A;;GX;;;WD)'
        $reservations[1].Users.User | Should -Be @('NT SERVICE\WinRM', 'NT SERVICE\Wecsvc')
    }

    It 'gets reservations by exact URL (a * or + in a URL is not a wildcard), from the pipeline too' {
        (Get-HttpUrlAcl -Snapshot $DemoServer -Url 'http://+:5985/wsman/').Users.Count | Should -Be 2
        @('http://+:47001/wsman/', 'http://reports.contoso.com:8081/' | Get-HttpUrlAcl -Snapshot $DemoServer).Url | Should -Be @('http://+:47001/wsman/', 'http://reports.contoso.com:8081/')
    }

    It 'filters by -User with wildcards' {
        @(Get-HttpUrlAcl -Snapshot $DemoServer -User 'NT SERVICE\*').Url | Should -Be @('http://+:5985/wsman/', 'http://+:47001/wsman/')
        @(Get-HttpUrlAcl -Snapshot $DemoServer -User 'CONTOSO\svc-reports').Url | Should -Be @('http://reports.contoso.com:8081/')
    }

    It 'writes NOT_FOUND for a URL that is not reserved, and goes on' {
        $records = $null
        $found = @('http://+:1/nope/', 'http://+:5985/wsman/' | Get-HttpUrlAcl -Snapshot $DemoServer -ErrorAction SilentlyContinue -ErrorVariable records)
        $found.Url | Should -Be @('http://+:5985/wsman/')
        $records[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Get-HttpUrlAcl'
        $records[0].TargetObject | Should -Be 'http://+:1/nope/'
    }

    It 'shows a table of URLs and users with their rights' {
        $text = Get-HttpUrlAcl -Snapshot $DemoServer -Url 'http://+:80/Temporary_Listen_Addresses/' | Out-String -Width 200
        $text | Should -Match 'Url\s+Users'
        $text | Should -Match 'http://\+:80/Temporary_Listen_Addresses/\s+\\Everyone \(listen\)'
    }

    It 'shows a user with the rights it has, or none' {
        $texts = foreach ($listen in $true, $false) {
            foreach ($delegate in $true, $false) {
                ([pscustomobject]@{ PSTypeName = 'HttpApi.UrlAclUser'; User = 'CONTOSO\web'; Listen = $listen; Delegate = $delegate }).ToString()
            }
        }
        $texts | Should -Be @('CONTOSO\web (listen, delegate)', 'CONTOSO\web (listen)', 'CONTOSO\web (delegate)', 'CONTOSO\web (no rights)')
    }

    It 'completes reserved URLs' {
        $line = "Get-HttpUrlAcl -Snapshot '$DemoServer' -Url http://reports"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('http://reports.contoso.com:8081/')
    }
}

Describe 'Get-HttpUrlAcl with netsh (the test double)' {
    AfterEach {
        Reset-NetshDouble
    }

    It 'lists what netsh shows, in English and in Italian' -ForEach @(@{ Locale = 'en' }, @{ Locale = 'it' }) {
        $null = Use-NetshDouble -State @{ urlacl = $DoubleReservations } -Setting @{ HTTPAPI_NETSH_LOCALE = $Locale }
        $reservations = @(Get-HttpUrlAcl -NetshPath $NetshDouble)
        $reservations.Url | Should -Be @('http://+:8080/app/', 'https://*:44300/')
        $reservations[0].Users[0].Listen | Should -BeTrue
        $reservations[1].Sddl | Should -Be 'D:(A;;GX;;;AU)'
    }
}
