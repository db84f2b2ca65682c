# Set-HttpUrlAcl (urlacl/update) against the netsh test double behind a wrapper that logs every
# netsh command line the worker runs, and refuses (as when not elevated) the add of one SDDL.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    $script:NetshLog = Join-Path $TestDrive 'netsh.log'
    $script:LoggingNetsh = New-LoggingNetsh -Log $NetshLog -Line 'case "$*" in *"sddl=D:(A;;GX;;;BG)"*) export HTTPAPI_NETSH_ELEVATED=0 ;; esac'
    $script:StateFile = Use-NetshDouble -State @{ sslcert = @(); urlacl = $DoubleReservations }

    function Reset-State {
        Set-Content -LiteralPath $StateFile -Value (ConvertTo-Json -InputObject @{ sslcert = @(); urlacl = $DoubleReservations } -Depth 8)
        Set-Content -LiteralPath $NetshLog -Value @()
    }
    $script:Source = @{ NetshPath = $LoggingNetsh }
}

AfterAll {
    Reset-NetshDouble
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Set-HttpUrlAcl' {
    BeforeEach {
        Reset-State
    }

    It 'gives a piped reservation a new user: deleted, then added again, and -PassThru returns it' {
        $reservation = Get-HttpUrlAcl @Source -Url 'http://+:8080/app/' | Set-HttpUrlAcl -User 'NT AUTHORITY\NETWORK SERVICE' -Force -PassThru
        $reservation.PSObject.TypeNames[0] | Should -Be 'HttpApi.UrlAcl'
        $reservation.Users.User | Should -Be 'NT AUTHORITY\NETWORK SERVICE'
        Get-NetshChangeCall | Should -Be @('http delete urlacl url=http://+:8080/app/', 'http add urlacl url=http://+:8080/app/ user=NT AUTHORITY\NETWORK SERVICE listen=yes delegate=no')
    }

    It 'a prefix that is not reserved is NOT_FOUND before any netsh change' {
        $errors = $null
        Set-HttpUrlAcl @Source -Url 'http://+:9999/' -Sddl 'D:(A;;GX;;;WD)' -Force -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Be 'NOT_FOUND,Set-HttpUrlAcl'
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }

    It 'a failed add puts the old access list back: CHANGE_ROLLED_BACK' {
        $errors = $null
        Set-HttpUrlAcl @Source -Url 'https://*:44300/' -Sddl 'D:(A;;GX;;;BG)' -Force -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -Be 'CHANGE_ROLLED_BACK,Set-HttpUrlAcl'
        Get-NetshChangeCall | Should -Be @('http delete urlacl url=https://*:44300/', 'http add urlacl url=https://*:44300/ sddl=D:(A;;GX;;;BG)', 'http add urlacl url=https://*:44300/ sddl=D:(A;;GX;;;AU)')
        ((Get-DoubleState).urlacl | Where-Object url -EQ 'https://*:44300/').sddl | Should -Be 'D:(A;;GX;;;AU)'
    }

    It '-WhatIf changes nothing' {
        Set-HttpUrlAcl @Source -Url 'http://+:8080/app/' -Sddl 'D:(A;;GX;;;BU)' -WhatIf | Should -BeNullOrEmpty
        Get-NetshChangeCall | Should -BeNullOrEmpty
    }
}
