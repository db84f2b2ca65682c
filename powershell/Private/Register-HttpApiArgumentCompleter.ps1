function Register-HttpApiArgumentCompleter {
    <#
    .SYNOPSIS
    Registers tab completion, answered by the worker, for site names, thumbprints, mapping keys and URL prefixes.
    #>
    [CmdletBinding()]
    param()

    $siteNames = {
        param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
        Get-HttpApiCompletionResult -Method 'sites/list' -BoundParameters $fakeBoundParameters -WordToComplete $wordToComplete `
            -ListProperty 'sites' -Value { $_.name } -ToolTip { "$($_.name) (id $($_.id)): $(@($_.bindings | ForEach-Object { "$($_.protocol) $($_.bindingInformation)" }) -join ', ')" }
    }
    $thumbprints = {
        param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
        Get-HttpApiCompletionResult -Method 'certificates/list' -BoundParameters $fakeBoundParameters -WordToComplete $wordToComplete `
            -ListProperty 'certificates' -Value { $_.thumbprint } -ToolTip { "$($_.subject) ($($_.store), until $($_.notAfter))" }
    }
    $mappingKeys = {
        param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
        $kind = @{ IPPort = 'ipport'; HostnamePort = 'hostnameport'; CcsPort = 'ccs' }[$parameterName]
        Get-HttpApiCompletionResult -Method 'sslcert/list' -Params @{ kind = $kind } -BoundParameters $fakeBoundParameters -WordToComplete $wordToComplete `
            -ListProperty 'mappings' -Value { $_.key } -ToolTip { "$($_.kind) $($_.key) -> $($_.certificateHash)" }
    }
    $urls = {
        param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
        Get-HttpApiCompletionResult -Method 'urlacl/list' -BoundParameters $fakeBoundParameters -WordToComplete $wordToComplete `
            -ListProperty 'reservations' -Value { $_.url } -ToolTip { "$($_.url): $(@($_.users | ForEach-Object { $_.user }) -join ', ')" }
    }

    Register-ArgumentCompleter -CommandName 'Get-IisSite' -ParameterName 'Name' -ScriptBlock $siteNames
    Register-ArgumentCompleter -CommandName 'Get-IisHttpsBinding', 'Test-IisHttpsBinding', 'New-IisHttpsBinding', 'Remove-IisHttpsBinding', 'Set-IisHttpsBinding', 'Set-IisHttpsBindingCertificate' -ParameterName 'SiteName' -ScriptBlock $siteNames
    Register-ArgumentCompleter -CommandName 'Get-IisHttpsBinding', 'Get-HttpSslCert', 'Get-HttpApiCertificate', 'New-IisHttpsBinding', 'Set-IisHttpsBinding', 'Set-IisHttpsBindingCertificate', 'Add-HttpSslCert', 'Set-HttpSslCert', 'Switch-HttpSslCertificate' -ParameterName 'Thumbprint' -ScriptBlock $thumbprints
    Register-ArgumentCompleter -CommandName 'Switch-HttpSslCertificate' -ParameterName 'NewThumbprint' -ScriptBlock $thumbprints
    foreach ($parameter in 'IPPort', 'HostnamePort', 'CcsPort') {
        Register-ArgumentCompleter -CommandName 'Get-HttpSslCert', 'Set-HttpSslCert', 'Remove-HttpSslCert' -ParameterName $parameter -ScriptBlock $mappingKeys
    }
    Register-ArgumentCompleter -CommandName 'Get-HttpUrlAcl', 'Remove-HttpUrlAcl' -ParameterName 'Url' -ScriptBlock $urls
}
