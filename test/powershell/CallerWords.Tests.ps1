# Messages in the caller's words: worker messages and fixes name the cmdlets and parameters that do
# the job, and every fix the sample servers produce pastes as one command, into PowerShell (the
# cmdlet form and the CLI form) and into cmd (the CLI form; its full argv check is in
# test/cli/cli-words.test.ts).

BeforeDiscovery {
    $samples = @('demo-server', 'iisexpress-demo') | ForEach-Object { @{ Sample = $_ } }
}

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest
    $script:Exported = @(Get-Command -Module HttpApi | ForEach-Object { $_.Name })

    # One command, parsed as PowerShell parses a pasted line: no errors, one statement, one command.
    function Get-PowerShellCommandProblem {
        param([string] $Line)
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Line, [ref] $tokens, [ref] $errors)
        if ($errors.Count -gt 0) { return "parse errors in [$Line]: $($errors.Message -join '; ')" }
        $statements = @($ast.EndBlock.Statements)
        if ($statements.Count -ne 1) { return "$($statements.Count) statements in [$Line]" }
        if ($statements[0] -isnot [System.Management.Automation.Language.PipelineAst]) { return "not a pipeline: [$Line]" }
        $elements = @($statements[0].PipelineElements)
        if ($elements.Count -ne 1 -or $elements[0] -isnot [System.Management.Automation.Language.CommandAst]) { return "not one command: [$Line]" }
        $nested = @($elements[0].FindAll({ $args[0] -is [System.Management.Automation.Language.ScriptBlockExpressionAst] -or $args[0] -is [System.Management.Automation.Language.SubExpressionAst] -or $args[0] -is [System.Management.Automation.Language.ParenExpressionAst] }, $true))
        if ($nested.Count -gt 0) { return "a script block or subexpression in [$Line]: $($nested[0].Extent.Text)" }
    }

    # cmd acts on & | < > ^ outside double quotes; any of them, or an open quote, breaks the line.
    function Get-CmdLineProblem {
        param([string] $Line)
        $quoted = $false
        foreach ($character in $Line.ToCharArray()) {
            if ($character -eq '"') { $quoted = -not $quoted }
            elseif (-not $quoted -and '&|<>^'.Contains([string] $character)) { return "cmd would act on '$character' in [$Line]" }
        }
        if ($quoted) { return "unbalanced double quote in [$Line]" }
    }

    # The command a fix holds: from its first word to the end, or to the ')' that closes it.
    function Get-FixCommand {
        param([string] $Fix, [string] $Pattern)
        $match = [regex]::Match($Fix, $Pattern)
        if (-not $match.Success) { return $null }
        $rest = $Fix.Substring($match.Index)
        if ($match.Index -gt 0 -and $Fix[$match.Index - 1] -eq '(') {
            return $rest.Substring(0, $rest.IndexOf(')'))
        }
        $rest -replace '\.$', ''
    }
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'Every fix of <Sample>' -ForEach $samples {
    BeforeAll {
        $script:Snapshot = Join-Path $RepoRoot "fixtures/$Sample"
        $script:Findings = @(Test-IisHttpsBinding -Snapshot $Snapshot)
        $script:CliFixes = @(& node $WorkerScript diagnose --snapshot $Snapshot | Where-Object { $_ -match '^\s+fix: ' } | ForEach-Object { ($_ -replace '^\s+fix: ', '').Trim() })
        $script:CmdletPattern = '\b(' + (($Exported | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')\b'
    }

    It 'in PowerShell names the cmdlet, and that command parses as one command the cmdlet binds' {
        $Findings.Count | Should -BeGreaterThan 3
        $commands = 0
        foreach ($fix in $Findings.Fix) {
            $fix | Should -Not -MatchExactly 'httpapi |netsh http |--[a-z]|\([a-z]+/[a-zA-Z]+\)' -Because 'a PowerShell fix speaks cmdlets and -Parameters'
            $command = Get-FixCommand -Fix $fix -Pattern $CmdletPattern
            if (-not $command) { continue }
            $commands++
            Get-PowerShellCommandProblem -Line $command | Should -BeNullOrEmpty
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($command, [ref] $null, [ref] $null).EndBlock.Statements[0].PipelineElements[0]
            $Exported | Should -Contain $ast.GetCommandName()
            $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($ast, $true)
            $binding.BindingExceptions.Keys | Should -BeNullOrEmpty -Because $command
            if ($ast.CommandElements.Count -gt 1) {
                # Pasted with THUMBPRINT filled in (a certificate the sample's MY store holds: a plan checks the store), it is a change the worker plans.
                $inMy = if ($Sample -eq 'demo-server') { '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5' } else { 'BB7C594209764AB9BDDC5E1CBB2EB8FFBAEC4895' }
                $line = $command.Replace('THUMBPRINT', $inMy) + " -Snapshot '$Snapshot' -WhatIf -ErrorAction Stop"
                { Invoke-Expression -Command $line } | Should -Not -Throw -Because $line
            }
        }
        $commands | Should -BeGreaterThan 0
    }

    It 'in the CLI holds one command that parses as one PowerShell command and as one cmd line' {
        $CliFixes.Count | Should -Be $Findings.Count
        $commands = 0
        foreach ($fix in $CliFixes) {
            ([regex]::Matches($fix, '\b(httpapi|netsh) ')).Count | Should -BeLessOrEqual 1 -Because $fix
            $command = Get-FixCommand -Fix $fix -Pattern '\bhttpapi '
            if (-not $command) { continue }
            $commands++
            Get-PowerShellCommandProblem -Line $command | Should -BeNullOrEmpty
            Get-CmdLineProblem -Line $command | Should -BeNullOrEmpty
        }
        $commands | Should -BeGreaterThan 0
    }
}

Describe 'The checks themselves' {
    It 'catch what would not paste as one command' {
        Get-PowerShellCommandProblem -Line 'httpapi sslcert add --certificate-hash <thumbprint>' | Should -Match 'parse errors'
        Get-PowerShellCommandProblem -Line 'Add-HttpSslCert -AppId {4dc3e181-e14b-4a21-b022-59fc669b0914}' | Should -Match 'script block'
        Get-PowerShellCommandProblem -Line 'Get-IisSite; Get-IisSite' | Should -Match '2 statements'
        Get-PowerShellCommandProblem -Line 'Get-IisSite | Test-IisHttpsBinding' | Should -Match 'not one command'
        Get-CmdLineProblem -Line 'httpapi sslcert add --certificate-hash <thumbprint>' | Should -Match "act on '<'"
        Get-CmdLineProblem -Line 'httpapi urlacl add --sddl "D:(A;;GX;;;WD)' | Should -Match 'unbalanced'
        Get-CmdLineProblem -Line 'httpapi urlacl add --sddl "D:(A;;GX;;;WD)"' | Should -BeNullOrEmpty
    }
}

Describe 'Worker messages in PowerShell''s words' {
    It 'name the cmdlet for every worker method, and only cmdlets of this module' {
        $table = InModuleScope HttpApi { $script:HttpApiCmdletByMethod }
        $methods = @(& node $WorkerScript info --json | ConvertFrom-Json).methods.name | Where-Object { $_ -ne 'rpc.discover' }
        @($table.Keys | Sort-Object) | Should -Be @($methods | Sort-Object)
        foreach ($cmdlet in $table.Values) {
            $Exported | Should -Contain $cmdlet
        }
    }

    It 'turn <Worker> into <PowerShell>' -ForEach @(
        @{ Worker = 'or pass whatIf to see the plan.'; PowerShell = 'or use -WhatIf to see the plan.' }
        @{ Worker = 'Import it there first, or pass certificateStoreName.'; PowerShell = 'Import it there first, or use -CertificateStoreName.' }
        @{ Worker = 'Pass allowSharedMapping (--allow-shared-mapping) to do it anyway'; PowerShell = 'Use -Force to do it anyway' }
        @{ Worker = 'replace it everywhere (certificates/replace).'; PowerShell = 'replace it everywhere (Switch-HttpSslCertificate).' }
        @{ Worker = 'Give --snapshot DIR, --config FILE, --iis-express or --solution DIR.'; PowerShell = 'Give -Snapshot, -ConfigPath, -IisExpress or -Solution.' }
        @{ Worker = 'give --sslcert-file FILE (or a --snapshot folder holding sslcert.txt), or --netsh PATH to run netsh.'; PowerShell = 'give -SslcertFile (or a -Snapshot folder holding sslcert.txt), or -NetshPath to run netsh.' }
        @{ Worker = 'delete it: httpapi sslcert delete --kind hostnameport --key old.contoso.com:443'; PowerShell = 'delete it: Remove-HttpSslCert -HostnamePort old.contoso.com:443' }
        @{ Worker = 'httpapi binding set-certificate --site "Contoso WWW" --binding-information *:443:www.contoso.com --certificate-hash THUMBPRINT'; PowerShell = "Set-IisHttpsBindingCertificate -SiteName 'Contoso WWW' -BindingInformation *:443:www.contoso.com -Thumbprint THUMBPRINT" }
        @{ Worker = 'pass the test to (no/method).'; PowerShell = 'pass the test to (no/method).' }
    ) {
        $PowerShellText = $PowerShell
        InModuleScope HttpApi -Parameters @{ Text = $Worker } { param($Text) ConvertTo-HttpApiCallerWord -Text $Text } | Should -BeExactly $PowerShellText
    }

    It 'reach the ErrorRecord of a failed change' {
        $records = $null
        Remove-HttpSslCert -Snapshot $DemoServer -HostnamePort old.contoso.com:443 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable records
        $records[0].FullyQualifiedErrorId | Should -Be 'NO_SOURCE,Remove-HttpSslCert'
        $records[0].Exception.Message | Should -Match 'use -WhatIf to see the plan'
        $records[0].Exception.Message | Should -Match '-NetshPath'
        $records[0].Exception.Message | Should -Not -MatchExactly 'whatIf|--netsh'
    }
}
