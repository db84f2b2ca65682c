# The Central Certificate Store read from PFX files that .NET itself writes
# (X509Certificate2.Export: PKCS#12 3DES, the Windows-style localKeyId 01 00 00 00), with the
# empty password and with the store's password given to the worker in HTTPAPI_CCS_PASSWORD.
# Expected values come from .NET's own X509Certificate2, not from the worker.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    # The worker reads the password from its environment, so it is set before the module starts one.
    $env:HTTPAPI_CCS_PASSWORD = 'store-pass'
    Import-HttpApiForTest
    $script:Snapshot = Join-Path -Path $TestDrive -ChildPath 'shapes'
    Copy-Item -LiteralPath (Join-Path -Path $RepoRoot -ChildPath 'fixtures/shapes-server') -Destination $Snapshot -Recurse
    $certs = Join-Path -Path $RepoRoot -ChildPath 'fixtures/certs'
    $wildcardPem = "-----BEGIN CERTIFICATE-----`n" + [Convert]::ToBase64String([IO.File]::ReadAllBytes((Join-Path $certs 'wildcard-contoso.cer')), 'InsertLineBreaks') + "`n-----END CERTIFICATE-----"
    $script:Wildcard = [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPem($wildcardPem, (Get-Content -Raw -LiteralPath (Join-Path $certs 'wildcard-contoso.key')))
    $ccs = Join-Path -Path $Snapshot -ChildPath 'ccs'
    # media.contoso.com had no file: the wildcard file now serves it, under the empty password.
    [IO.File]::WriteAllBytes((Join-Path $ccs '_.contoso.com.pfx'), $Wildcard.Export('Pfx', ''))
    # ccs.contoso.com's file, replaced by one under the store's password.
    [IO.File]::WriteAllBytes((Join-Path $ccs 'ccs.contoso.com.pfx'), $Wildcard.Export('Pfx', 'store-pass'))
    $script:Bindings = @(Get-IisHttpsBinding -Snapshot $Snapshot)
}

AfterAll {
    Remove-Item -Path Env:HTTPAPI_CCS_PASSWORD -ErrorAction Ignore
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'A Central Certificate Store of .NET-written PFX files' {
    It 'serves <Site> from <File>, the certificate .NET wrote, with its key' -ForEach @(
        @{ Site = 'CCS with SNI'; File = '_.contoso.com.pfx' }
        @{ Site = 'CCS without SNI'; File = 'ccs.contoso.com.pfx' }
    ) {
        $binding = $Bindings | Where-Object Site -EQ $Site
        $binding.Certificate.Id | Should -Be "CCS:$($Wildcard.Thumbprint)"
        $binding.CcsFile | Should -Be $File
        $binding.Certificate.Subject | Should -Be 'CN=*.contoso.com, O=Contoso Ltd, C=US'
        $binding.Certificate.NotAfter | Should -Be $Wildcard.NotAfter
        $binding.Certificate.HasPrivateKey | Should -BeTrue
        $binding.Findings | Should -BeNullOrEmpty
    }

    It 'leaves no CCS_CERT_MISSING once the wildcard file is there' {
        @(Test-IisHttpsBinding -Snapshot $Snapshot | Where-Object Code -EQ 'CCS_CERT_MISSING') | Should -HaveCount 0
    }
}
