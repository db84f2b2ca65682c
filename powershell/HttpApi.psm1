# HttpApi: IIS HTTPS bindings joined with http.sys certificate mappings, over the HttpApi worker
# (node httpapi.js serve, JSON-RPC on stdio). The functions live one per file in Public/ and
# Private/; a packaged module has them inlined below instead of dot-sourced (scripts/package.mjs).
Set-StrictMode -Version 3.0
# Under an application control policy (WDAC, AppLocker) an untrusted module runs in Constrained
# Language Mode, where its .NET calls (starting and talking to the worker) fail one by one; say so once.
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    throw "HttpApi cannot run in $($ExecutionContext.SessionState.LanguageMode) mode: it starts and talks to its worker through .NET, which Constrained Language Mode blocks. Sign the module with a certificate your application control policy trusts (it then runs in FullLanguage), or use the httpapi command line."
}

$script:HttpApiModuleRoot = $PSScriptRoot
# The session's worker connection (see Private/Start-HttpApiWorkerProcess.ps1), started on first use.
$script:HttpApiWorker = $null
$script:HttpApiWorkerStarts = 0
$script:HttpApiRequestHistory = New-Object -TypeName 'System.Collections.Generic.Queue[object]'
$script:HttpApiJsonKeepsDates = $null
# Get-HttpApiAnswerType: whether answers are read into .NET types (null: not decided yet), the types, and the reader's options.
$script:HttpApiTypedAnswers = $null
$script:HttpApiAnswerTypes = $null
$script:HttpApiJsonOptions = $null
# ConvertFrom-HttpApiJson: the smallest answer frame (characters) read into a type; below it ConvertFrom-Json is quicker.
$script:HttpApiTypedAnswerMinimum = 1MB
# Set these to choose node and the worker script; otherwise $env:HTTPAPI_NODE / $env:HTTPAPI_WORKER,
# then node on PATH and the worker next to the module.
$script:HttpApiNodePath = $null
$script:HttpApiWorkerPath = $null
# The netsh add/update sslcert options Add-HttpSslCert and Set-HttpSslCert take, by the names
# Get-HttpSslCert shows (its Options' Name); the netsh parameter is the name in lower case.
$script:HttpApiSslOptionNames = @(
    'VerifyClientCertRevocation', 'VerifyRevocationWithCachedClientCertOnly', 'UsageCheck', 'RevocationFreshnessTime',
    'UrlRetrievalTimeout', 'SslCtlIdentifier', 'SslCtlStoreName', 'DsMapperUsage', 'ClientCertNegotiation', 'Reject',
    'DisableHttp2', 'DisableQuic', 'DisableTls12', 'DisableTls13', 'DisableOcspStapling', 'EnableTokenBinding',
    'LogExtendedEvents', 'DisableLegacyTls', 'EnableSessionTicket', 'DisableSessionId'
)
# The sslFlags bits New-IisHttpsBinding and Set-IisHttpsBinding take as switches (Merge-HttpApiSslFlag; ConvertTo-HttpApiSslFlagChange for bits alone).
$script:HttpApiSslFlagBits = [ordered]@{ Sni = 1; CentralCertificateStore = 2; DisableHttp2 = 4; DisableOcspStapling = 8; DisableQuic = 16; DisableTls13 = 32; DisableLegacyTls = 64 }
# The cmdlet that calls each worker method, so messages name the cmdlet (ConvertTo-HttpApiCallerWord).
$script:HttpApiCmdletByMethod = @{
    'sites/list' = 'Get-IisSite'
    'bindings/https' = 'Get-IisHttpsBinding'
    'bindings/add' = 'New-IisHttpsBinding'
    'bindings/remove' = 'Remove-IisHttpsBinding'
    'bindings/setCertificate' = 'Set-IisHttpsBindingCertificate'
    'bindings/update' = 'Set-IisHttpsBinding'
    'sslcert/list' = 'Get-HttpSslCert'
    'sslcert/add' = 'Add-HttpSslCert'
    'sslcert/update' = 'Set-HttpSslCert'
    'sslcert/delete' = 'Remove-HttpSslCert'
    'urlacl/list' = 'Get-HttpUrlAcl'
    'urlacl/add' = 'Add-HttpUrlAcl'
    'urlacl/update' = 'Set-HttpUrlAcl'
    'urlacl/delete' = 'Remove-HttpUrlAcl'
    'certificates/list' = 'Get-HttpApiCertificate'
    'certificates/replace' = 'Switch-HttpSslCertificate'
    'diagnostics/run' = 'Test-IisHttpsBinding'
    'snapshot/export' = 'Export-HttpApiSnapshot'
    'changes/recover' = 'Repair-HttpApiChange'
    'server/info' = 'Get-HttpApiWorker'
}
# Texts already put in the caller's words (ConvertTo-HttpApiCallerWord): answers repeat the same fixes.
$script:HttpApiCallerWords = New-Object -TypeName 'System.Collections.Generic.Dictionary[string,string]'
# What a text must contain for ConvertTo-HttpApiCallerWord to change it (the fixed parts of its four
# rewrites): callers test it first, since a function call per finding costs more than the test.
$script:HttpApiCallerWordPattern = 'httpapi [a-z]|\([a-z]+/[a-zA-Z]+\)|[Pp]ass [a-z]+[A-Z]|--[a-z]'

#region functions
$publicFunctions = @()
foreach ($folder in 'Private', 'Public') {
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath $folder) -Filter '*.ps1') {
        . $file.FullName
        if ($folder -eq 'Public') {
            $publicFunctions += $file.BaseName
        }
    }
}
#endregion functions

Register-HttpApiTypeData
Register-HttpApiArgumentCompleter

$MyInvocation.MyCommand.ScriptBlock.Module.OnRemove = {
    if ($script:HttpApiWorker) {
        Stop-HttpApiWorkerProcess -Connection $script:HttpApiWorker
    }
}

Export-ModuleMember -Function $publicFunctions
