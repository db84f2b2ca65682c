# Conformance of the module as a whole: the manifest, one function per file, approved verbs,
# complete comment-based help, type names, format views and the about topic.

BeforeDiscovery {
    $publicRoot = Join-Path -Path $PSScriptRoot -ChildPath '../../powershell/Public'
    $commands = Get-ChildItem -Path $publicRoot -Filter '*.ps1' | ForEach-Object { @{ Name = $_.BaseName } }
    $typeNames = @('HttpApi.Site', 'HttpApi.SiteBinding', 'HttpApi.HttpsBinding', 'HttpApi.SslCertMapping', 'HttpApi.SslCertOption', 'HttpApi.UrlAcl', 'HttpApi.UrlAclUser', 'HttpApi.Certificate', 'HttpApi.Finding', 'HttpApi.Worker') |
        ForEach-Object { @{ TypeName = $_ } }
}

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:ModuleRoot = Join-Path -Path $RepoRoot -ChildPath 'powershell'
    $script:PublicNames = @(Get-ChildItem -Path (Join-Path $ModuleRoot 'Public') -Filter '*.ps1' | ForEach-Object { $_.BaseName } | Sort-Object)
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'The manifest' {
    BeforeAll {
        $script:Manifest = Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop
        $script:Data = Import-PowerShellDataFile -Path $ModuleManifest
    }

    It 'targets Windows PowerShell 5.1 and PowerShell 7 (Desktop and Core)' {
        $Data.PowerShellVersion | Should -Be '5.1'
        $Data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'exports exactly the functions of Public/, listed without wildcards, and nothing else' {
        @($Data.FunctionsToExport | Sort-Object) | Should -Be $PublicNames
        $Data.FunctionsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        $Data.CmdletsToExport | Should -BeNullOrEmpty
        $Data.VariablesToExport | Should -BeNullOrEmpty
        $Data.AliasesToExport | Should -BeNullOrEmpty
        @($Manifest.ExportedFunctions.Keys | Sort-Object) | Should -Be $PublicNames
    }

    It 'loads the format file and has a version, a description and gallery tags' {
        $Data.FormatsToProcess | Should -Be @('Formats/HttpApi.Format.ps1xml')
        $Manifest.Version | Should -Be ([version] (Get-Content -LiteralPath (Join-Path $RepoRoot 'package.json') -Raw | ConvertFrom-Json).version)
        $Manifest.Description | Should -Not -BeNullOrEmpty
        $Data.PrivateData.PSData.Tags | Should -Contain 'IIS'
        $Data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
        $Data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
    }
}

Describe 'Get-Command -Module HttpApi' {
    It 'lists every cmdlet of this release' {
        $names = @(Get-Command -Module HttpApi | ForEach-Object { $_.Name } | Sort-Object)
        $names | Should -Be @('Add-HttpSslCert', 'Add-HttpUrlAcl', 'Export-HttpApiSnapshot', 'Get-HttpApiCertificate', 'Get-HttpApiWorker', 'Get-HttpSslCert', 'Get-HttpUrlAcl', 'Get-IisHttpsBinding', 'Get-IisSite',
            'New-IisHttpsBinding', 'Remove-HttpSslCert', 'Remove-HttpUrlAcl', 'Remove-IisHttpsBinding', 'Repair-HttpApiChange', 'Set-HttpSslCert', 'Set-HttpUrlAcl', 'Set-IisHttpsBinding', 'Set-IisHttpsBindingCertificate', 'Stop-HttpApiWorker', 'Switch-HttpSslCertificate', 'Test-IisHttpsBinding')
    }

    It 'exposes no private function' {
        Get-Command -Module HttpApi -Name 'Invoke-HttpApiWorker' -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}

Describe '<Name>' -ForEach $commands {
    BeforeAll {
        $script:Command = Get-Command -Name $Name -Module HttpApi
        $script:Help = Get-Help -Name $Name -Full
        $script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }

    It 'uses an approved verb and a singular noun' {
        (Get-Verb).Verb | Should -Contain $Command.Verb
        $Command.Noun | Should -Not -Match 's$'
    }

    It 'is defined in Public/<Name>.ps1, the only function there' {
        $file = Join-Path -Path $ModuleRoot -ChildPath "Public/$Name.ps1"
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $null, [ref] $null)
        $functions = @($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $false))
        $functions.Count | Should -Be 1
        $functions[0].Name | Should -Be $Name
    }

    It 'has a synopsis, a description and .OUTPUTS' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + ' \[')
        ($Help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        ($Help.returnValues | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has examples, each explained with "Demonstrates how..."' {
        $examples = @($Help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.Code | Should -Match $Name
            ($example.Remarks | Out-String).Trim() | Should -Match '^Demonstrates how '
        }
    }

    It 'describes every parameter' {
        $parameters = @($Command.Parameters.Keys | Where-Object { $CommonParameters -notcontains $_ })
        foreach ($parameter in $parameters) {
            $description = (Get-Help -Name $Name -Parameter $parameter).Description | Out-String
            $description.Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a comment above it"
        }
    }

    It 'declares its output type' {
        $Command.OutputType.Count | Should -BeGreaterOrEqual 1
    }
}

Describe 'The module''s private functions' {
    It 'are one function per file, named after the file, each with a synopsis' {
        foreach ($file in Get-ChildItem -Path (Join-Path $ModuleRoot 'Private') -Filter '*.ps1') {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $null, [ref] $null)
            $functions = @($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $false))
            $functions.Count | Should -Be 1 -Because $file.Name
            $functions[0].Name | Should -Be $file.BaseName
            $functions[0].GetHelpContent().Synopsis | Should -Not -BeNullOrEmpty -Because $file.Name
        }
    }
}

Describe 'Format views' {
    It '<TypeName> has a default table view' -ForEach $typeNames {
        $format = Get-FormatData -TypeName $TypeName
        $format | Should -Not -BeNullOrEmpty
        @($format.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Count | Should -Be 1
    }
}

Describe 'about_HttpApi' {
    It 'is found by Get-Help and explains sources, the worker and errors' {
        $topic = Get-Help -Name about_HttpApi | Out-String
        $topic | Should -Match 'about_HttpApi'
        $topic | Should -Match 'HTTPAPI_NODE'
        $topic | Should -Match '-Snapshot'
        $topic | Should -Match 'WORKER_EXITED'
    }

    It 'explains changes: -WhatIf, -Confirm, -Force, -PassThru and what is undone when a step fails' {
        $topic = Get-Help -Name about_HttpApi | Out-String
        foreach ($word in '-WhatIf', '-Confirm', '-Force', '-PassThru', 'allowSharedMapping', 'CHANGE_ROLLED_BACK', 'ConfirmImpact', 'What is undone') {
            $topic | Should -Match ([regex]::Escape($word))
        }
        foreach ($name in Get-Command -Module HttpApi | Where-Object { $_.Verb -notin 'Get', 'Test', 'Stop' } | ForEach-Object Name) {
            $topic | Should -Match ([regex]::Escape($name)) -Because "about_HttpApi lists $name"
        }
    }
}
