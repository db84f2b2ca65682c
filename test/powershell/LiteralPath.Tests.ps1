# Paths are taken literally everywhere in the module: a folder named with [ ] (a wildcard
# character class for -Path) must load and work like any other.

BeforeAll {
    $script:ModuleSource = Join-Path -Path $PSScriptRoot -ChildPath '../../powershell'
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'The module under a path with wildcard characters' {
    It 'loads every function from a folder named with [ and ]' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'Tools [x64]'
        $null = New-Item -ItemType Directory -Path $folder
        Copy-Item -LiteralPath $ModuleSource -Destination (Join-Path -Path $folder -ChildPath 'HttpApi') -Recurse
        $module = Import-Module -Name (Join-Path -Path $folder -ChildPath 'HttpApi/HttpApi.psd1') -PassThru -Force -ErrorAction Stop
        $public = @(Get-ChildItem -LiteralPath (Join-Path -Path $ModuleSource -ChildPath 'Public') -Filter '*.ps1').Count
        $module.ExportedFunctions.Count | Should -Be $public
        Remove-Module -Name HttpApi
    }

    It 'names no path through -Path (wildcards) where -LiteralPath exists' {
        $literalCapable = 'Get-ChildItem', 'Get-Item', 'Test-Path', 'Resolve-Path', 'Split-Path', 'Get-Content', 'Set-Content', 'Remove-Item', 'Copy-Item', 'Move-Item', 'Out-File', 'Import-PowerShellDataFile'
        $offenders = foreach ($file in Get-ChildItem -LiteralPath $ModuleSource -Recurse -Include '*.ps1', '*.psm1') {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $null, [ref] $null)
            $commands = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
            foreach ($command in $commands) {
                $name = $command.GetCommandName()
                if ($name -notin $literalCapable) { continue }
                $usesPath = @($command.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'Path' }).Count -gt 0
                $positional = @($command.CommandElements | Select-Object -Skip 1 | Where-Object { $_ -isnot [System.Management.Automation.Language.CommandParameterAst] }).Count -gt 0 -and
                    @($command.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'LiteralPath' }).Count -eq 0
                if ($usesPath -or $positional) { '{0}:{1}: {2}' -f $file.Name, $command.Extent.StartLineNumber, $command.Extent.Text }
            }
        }
        $offenders | Should -BeNullOrEmpty
    }
}
