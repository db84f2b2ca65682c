@{
    RootModule = 'HttpApi.psm1'
    ModuleVersion = '0.5.0'
    GUID = '6f0d6f55-2d0e-4d4c-9a55-6f1f4f0b7c3e'
    Author = 'HttpApi contributors'
    CompanyName = 'HttpApi contributors'
    Copyright = '(c) HttpApi contributors. MIT License.'
    Description = 'See, check and change how IIS and IIS Express serve HTTPS: site bindings joined with http.sys SSL certificate mappings, URL reservations and certificates, with findings and fixes. Runs its worker with Node.js; works in Windows PowerShell 5.1 and PowerShell 7, and reads snapshots on any platform.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion = '5.1'
    FormatsToProcess = @('Formats/HttpApi.Format.ps1xml')
    FunctionsToExport = @(
        'Add-HttpSslCert'
        'Add-HttpUrlAcl'
        'Export-HttpApiSnapshot'
        'Get-HttpApiCertificate'
        'Get-HttpApiWorker'
        'Get-HttpSslCert'
        'Get-HttpUrlAcl'
        'Get-IisHttpsBinding'
        'Get-IisSite'
        'New-IisHttpsBinding'
        'Remove-HttpSslCert'
        'Remove-HttpUrlAcl'
        'Remove-IisHttpsBinding'
        'Repair-HttpApiChange'
        'Set-HttpSslCert'
        'Set-HttpUrlAcl'
        'Set-IisHttpsBinding'
        'Set-IisHttpsBindingCertificate'
        'Stop-HttpApiWorker'
        'Switch-HttpSslCertificate'
        'Test-IisHttpsBinding'
    )
    CmdletsToExport = @()
    VariablesToExport = @()
    AliasesToExport = @()
    PrivateData = @{
        PSData = @{
            Tags = @('IIS', 'IISExpress', 'HTTPS', 'SSL', 'TLS', 'Certificate', 'netsh', 'http.sys', 'HttpApi', 'SNI', 'Binding', 'Windows', 'PSEdition_Desktop', 'PSEdition_Core')
            # ProjectUri and LicenseUri are written by scripts/package.mjs from package.json.
        }
    }
}
