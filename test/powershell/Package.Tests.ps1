# npm run package: the module folder must work on its own, with only Node.js installed.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Remove-Module -Name HttpApi -ErrorAction Ignore
    # A folder name with a space: the worker's path must survive the command line.
    $script:Packaged = Join-Path $TestDrive 'My Modules/HttpApi'
    $output = & node (Join-Path $RepoRoot 'scripts/package.mjs') --out $Packaged 2>&1
    if ($LASTEXITCODE -ne 0) { throw "package.mjs failed: $output" }
    $script:PackageJson = Get-Content -LiteralPath (Join-Path $RepoRoot 'package.json') -Raw | ConvertFrom-Json
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'The packaged module' {
    It 'holds the manifest, one .psm1 with the functions inlined, the views, the about topic and the worker' {
        foreach ($file in 'HttpApi.psd1', 'HttpApi.psm1', 'Formats/HttpApi.Format.ps1xml', 'en-US/about_HttpApi.help.txt', 'bin/httpapi.js', 'bin/httpapi-startup.cjs', 'bin/package.json') {
            Join-Path $Packaged $file | Should -Exist
        }
        Join-Path $Packaged 'Public' | Should -Not -Exist
        Join-Path $Packaged 'Private' | Should -Not -Exist
        $psm1 = Get-Content -LiteralPath (Join-Path $Packaged 'HttpApi.psm1') -Raw
        $psm1 | Should -Match 'function Invoke-HttpApiWorker'
        $psm1 | Should -Match 'function Get-IisHttpsBinding'
        $psm1 | Should -Not -Match 'Get-ChildItem -Path \(Join-Path'
    }

    It 'has a gallery-ready manifest: version from package.json, editions, 5.1, explicit exports, tags' {
        $manifest = Test-ModuleManifest -Path (Join-Path $Packaged 'HttpApi.psd1') -ErrorAction Stop
        $data = Import-PowerShellDataFile -Path (Join-Path $Packaged 'HttpApi.psd1')
        $manifest.Version | Should -Be ([version] ($PackageJson.version -replace '[-+].*$', ''))
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.PowerShellVersion | Should -Be '5.1'
        @($data.FunctionsToExport | Sort-Object) | Should -Be @((Import-PowerShellDataFile -Path $ModuleManifest).FunctionsToExport | Sort-Object)
        $data.FunctionsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.Tags | Should -Contain 'IIS'
    }

    It 'links the project and its licence when package.json names the repository' {
        if (-not ($PackageJson.PSObject.Properties['homepage'] -or $PackageJson.PSObject.Properties['repository'])) {
            Set-ItResult -Skipped -Because "package.json has no 'homepage' or 'repository' yet, so the manifest has no ProjectUri (package.mjs warns)"
        }
        $manifest = Test-ModuleManifest -Path (Join-Path $Packaged 'HttpApi.psd1')
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
    }

    It 'runs its own bundled worker, from a path with a space, and reads a snapshot' {
        Import-Module -Name (Join-Path $Packaged 'HttpApi.psd1') -Force
        try {
            @(Get-Command -Module HttpApi).Count | Should -Be @((Import-PowerShellDataFile -Path $ModuleManifest).FunctionsToExport).Count
            Get-Command -Name Switch-HttpSslCertificate -Module HttpApi | Should -Not -BeNullOrEmpty
            @(Get-HttpSslCert -Snapshot $DemoServer).Count | Should -Be 17
            (Get-HttpApiWorker).WorkerPath | Should -Be (Join-Path $Packaged 'bin/httpapi.js')
            (Get-Help -Name Get-HttpSslCert).Synopsis | Should -Not -BeNullOrEmpty
            (Get-Help -Name about_HttpApi | Out-String) | Should -Match 'HTTPAPI_NODE'
        }
        finally {
            Remove-Module -Name HttpApi
        }
    }
}
