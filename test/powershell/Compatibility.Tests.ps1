# The module must run in Windows PowerShell 5.1 as well as PowerShell 7. PSScriptAnalyzer's
# UseCompatibleSyntax is not available here, so every module file is parsed with the PowerShell
# parser and its syntax tree searched for what 5.1 cannot parse or run.

BeforeDiscovery {
    $root = Join-Path -Path $PSScriptRoot -ChildPath '../../powershell'
    $files = Get-ChildItem -Path $root -Recurse -Include '*.ps1', '*.psm1', '*.psd1' | ForEach-Object { @{ File = $_.FullName; Name = $_.FullName.Substring((Resolve-Path $root).ProviderPath.Length + 1) } }
}

BeforeAll {
    # Commands and parameters that exist only in PowerShell 6 and later.
    $script:SevenOnlyParameters = @{
        'ForEach-Object' = @('Parallel', 'ThrottleLimit', 'AsJob', 'TimeoutSeconds')
        'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
        'ConvertTo-Json' = @('AsArray', 'EscapeHandling', 'EnumsAsStrings')
        'Get-Content' = @('AsByteStream')
        'Set-Content' = @('AsByteStream')
        'Add-Content' = @('AsByteStream')
        'Invoke-RestMethod' = @('SkipCertificateCheck', 'SslProtocol', 'Authentication', 'StatusCodeVariable', 'SkipHttpErrorCheck')
        'Invoke-WebRequest' = @('SkipCertificateCheck', 'SslProtocol', 'Authentication', 'SkipHttpErrorCheck')
        'Select-String' = @('Raw', 'NoEmphasis')
        'Test-Path' = @('IsValid')
        'Split-Path' = @('Extension', 'LeafBase')
        'Start-Process' = @('Environment')
    }
    $script:SevenOnlyCommands = @('Get-Error', 'Test-Json', 'Join-String', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-Uptime', 'ConvertTo-CliXml', 'ConvertFrom-CliXml', 'Remove-Alias', 'Get-PSSubsystem')

    function Find-SevenOnlySyntax {
        param([string] $File)
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($File, [ref] $tokens, [ref] $errors)
        foreach ($parseError in $errors) {
            "parse error at line $($parseError.Extent.StartLineNumber): $($parseError.Message)"
        }
        $nodes = $ast.FindAll({ $true }, $true)
        foreach ($node in $nodes) {
            $line = $node.Extent.StartLineNumber
            switch ($node.GetType().Name) {
                'TernaryExpressionAst' { "ternary operator '? :' at line $line" }
                'PipelineChainAst' { "pipeline chain operator (&& or ||) at line $line" }
                'BinaryExpressionAst' {
                    if ($node.Operator -eq 'QuestionQuestion') { "null-coalescing operator '??' at line $line" }
                }
                'AssignmentStatementAst' {
                    if ($node.Operator -eq 'QuestionQuestionEquals') { "null-coalescing assignment '??=' at line $line" }
                }
                { $_ -in 'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst' } {
                    if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { "null-conditional access ('?.' or '?[]') at line $line" }
                }
                'ScriptBlockAst' {
                    if ($node.PSObject.Properties['CleanBlock'] -and $node.CleanBlock) { "clean block at line $($node.CleanBlock.Extent.StartLineNumber)" }
                }
                'PipelineAst' {
                    if ($node.PSObject.Properties['Background'] -and $node.Background) { "background operator '&' at line $line" }
                }
                'CommandAst' {
                    $name = $node.GetCommandName()
                    if ($name -and $SevenOnlyCommands -contains $name) { "command $name (PowerShell 6+) at line $line" }
                    if ($name -and $SevenOnlyParameters.ContainsKey($name)) {
                        foreach ($element in $node.CommandElements) {
                            if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
                                foreach ($parameter in $SevenOnlyParameters[$name]) {
                                    # Parameter names may be abbreviated: -Par for -Parallel.
                                    if ($parameter.StartsWith($element.ParameterName, [System.StringComparison]::OrdinalIgnoreCase) -and $element.ParameterName.Length -ge 3) {
                                        "$name -$($element.ParameterName) (PowerShell 6+) at line $line"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        foreach ($token in $tokens) {
            if ($token.Kind -in 'StringExpandable', 'HereStringExpandable' -and $token.Text -match '`(e|u\{)') {
                "escape ``$($Matches[1]) (PowerShell 6+) in a string at line $($token.Extent.StartLineNumber)"
            }
        }
    }
}

Describe 'Windows PowerShell 5.1 syntax' {
    It '<Name> uses no syntax, command or parameter that Windows PowerShell 5.1 lacks' -ForEach $files {
        $problems = @(Find-SevenOnlySyntax -File $File)
        $problems | Should -BeNullOrEmpty -Because ($problems -join '; ')
    }
}

Describe 'The checker itself' {
    It 'finds each construct it looks for' {
        $sample = Join-Path $TestDrive 'seven.ps1'
        Set-Content -LiteralPath $sample -Value @(
            '$a = $b ?? 1'
            '$a ??= 2'
            '$c = $d ? 1 : 2'
            'Get-Item x && Get-Item y'
            '$e = ${f}?.Name'
            '$g = ${h}?[0]'
            '1..3 | ForEach-Object -Parallel { $_ }'
            'ConvertFrom-Json -InputObject $j -AsHashtable'
            '"`e[31m"'
            'function f { process { } clean { } }'
            'Start-Sleep 1 &'
            'Get-Error'
        )
        $found = @(Find-SevenOnlySyntax -File $sample)
        $report = $found -join "`n"
        foreach ($expected in "'??'", "'??='", 'ternary', 'pipeline chain', 'null-conditional access', 'ForEach-Object -Parallel', 'ConvertFrom-Json -AsHashtable', 'escape `e', 'clean block', 'background', 'Get-Error') {
            $report.Contains($expected) | Should -BeTrue -Because "the checker should report $expected in:`n$report"
        }
        $report | Should -Match 'null-conditional access .* at line 5'
        $report | Should -Match 'null-conditional access .* at line 6'
        $found.Count | Should -Be 12
    }
}
