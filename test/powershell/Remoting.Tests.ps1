# The fleet over PowerShell remoting, for real: an sshd on the loopback addresses with a throwaway
# host key, client key and PowerShell's SSH remoting subsystem; three targets (127.0.0.1, .2, .3),
# each with the packaged module copied there by Copy-Item -ToSession and its own sample snapshot,
# and a fourth (127.0.0.4) without the module. In CI (CI=true) a missing sshd fails the file
# (scripts/install-ssh-server.sh installs it); elsewhere the tests skip, saying why.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Remoting.TestHelpers.ps1')
    Import-HttpApiForTest

    $script:SkipReason = Get-SshServerSkipReason
    if ($script:SkipReason) {
        if ($env:CI -eq 'true') {
            throw "The remoting tests cannot run in CI: $script:SkipReason Run scripts/install-ssh-server.sh (.ci/run does)."
        }
        return
    }

    $script:Ssh = Start-TestSshServer -Directory (Join-Path -Path $TestDrive -ChildPath 'sshd') -Address '127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'
    $packaged = Join-Path -Path $TestDrive -ChildPath 'package/HttpApi'
    $output = & node (Join-Path -Path $RepoRoot -ChildPath 'scripts/package.mjs') --out $packaged 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "package.mjs failed: $output"
    }

    # Each target: its own sample server (what its -Snapshot server names there) and the module.
    $script:Samples = [ordered]@{ '127.0.0.1' = 'demo-server'; '127.0.0.2' = 'shapes-server'; '127.0.0.3' = 'iisexpress-demo' }
    $script:Targets = @(foreach ($address in $Samples.Keys) {
            $session = New-TestSshSession -Server $Ssh -Address $address
            # Two find the module on PSModulePath (imported by name on first use), one imports it by path.
            Initialize-TestTarget -Session $session -Folder (Join-Path -Path $TestDrive -ChildPath "target-$address") `
                -Sample (Join-Path -Path $RepoRoot -ChildPath "fixtures/$($Samples[$address])") -Module $packaged -ImportByPath:($address -eq '127.0.0.3')
            $session
        })
    $script:Bare = New-TestSshSession -Server $Ssh -Address '127.0.0.4'
    Initialize-TestTarget -Session $Bare -Folder (Join-Path -Path $TestDrive -ChildPath 'target-127.0.0.4') -Sample $DemoServer

    # What each sample gives read here, to compare with what each target sends back.
    function Get-Local {
        param([string] $Computer, [scriptblock] $Read)
        & $Read (Join-Path -Path $RepoRoot -ChildPath "fixtures/$($Samples[$Computer])")
    }
}

AfterAll {
    if ($script:Targets) {
        $script:Targets | Remove-PSSession
    }
    if ($script:Bare) {
        $script:Bare | Remove-PSSession
    }
    if ($script:Ssh) {
        Stop-TestSshServer -Server $script:Ssh
    }
}

Describe 'The fleet over PowerShell remoting' {
    BeforeEach {
        if ($script:SkipReason) {
            Set-ItResult -Skipped -Because $script:SkipReason
        }
    }

    Describe 'Read cmdlets with -Session' {
        It 'runs Get-IisHttpsBinding on every target, each reading its own snapshot, tagged with its computer' {
            $remote = @(Get-IisHttpsBinding -Session $Targets -Snapshot server)
            $byComputer = $remote | Group-Object -Property PSComputerName -AsHashTable -AsString
            @($byComputer.Keys | Sort-Object) | Should -Be @($Samples.Keys)
            foreach ($computer in $Samples.Keys) {
                $local = @(Get-Local $computer { param($Path) Get-IisHttpsBinding -Snapshot $Path })
                @($byComputer[$computer] | ForEach-Object { "$($_.Site) $($_.BindingInformation) $($_.Thumbprint)" }) |
                    Should -Be @($local | ForEach-Object { "$($_.Site) $($_.BindingInformation) $($_.Thumbprint)" })
            }
            # Nested objects come back whole (the module raises the serialization depth), not as strings.
            $portal = $byComputer['127.0.0.1'] | Where-Object Site -EQ 'Contoso Portal'
            $portal.Certificate.NotAfter | Should -BeOfType [datetime]
            @($portal.SharedWith | ForEach-Object { $_.Site }) | Should -Be @('Contoso Docs')
        }

        It 'passes the other parameters on: filters, switches and dates' {
            $remote = @(Get-IisHttpsBinding -Session $Targets[0] -Snapshot server -Port 443 -Sni)
            $local = @(Get-Local '127.0.0.1' { param($Path) Get-IisHttpsBinding -Snapshot $Path -Port 443 -Sni })
            $remote.Count | Should -BeGreaterThan 0
            @($remote.BindingInformation) | Should -Be @($local.BindingInformation)
            # 2024-01-01 is before every demo certificate's expiry window (expired.pem ends 2024-03-01),
            # so a target that dropped -AsOf would answer as today does: shop.fabrikam.com expired.
            $statuses = { param($Mappings) @($Mappings | ForEach-Object { "$($_.Key) $($_.Status)" }) }
            $remoteAsOf = & $statuses @(Get-HttpSslCert -Session $Targets[0] -Snapshot server -AsOf '2024-01-01')
            $remoteAsOf | Should -Be (& $statuses @(Get-Local '127.0.0.1' { param($Path) Get-HttpSslCert -Snapshot $Path -AsOf '2024-01-01' }))
            $remoteAsOf | Should -Not -Be (& $statuses @(Get-HttpSslCert -Session $Targets[0] -Snapshot server))
        }

        It 'runs Test-IisHttpsBinding, Get-HttpSslCert and Get-HttpUrlAcl on every target' {
            $findings = Test-IisHttpsBinding -Session $Targets -Snapshot server | Group-Object -Property PSComputerName -AsHashTable -AsString
            $mappings = Get-HttpSslCert -Session $Targets -Snapshot server | Group-Object -Property PSComputerName -AsHashTable -AsString
            $reservations = Get-HttpUrlAcl -Session $Targets -Snapshot server | Group-Object -Property PSComputerName -AsHashTable -AsString
            foreach ($computer in $Samples.Keys) {
                @($findings[$computer].Code | Sort-Object) | Should -Be @(Get-Local $computer { param($Path) (Test-IisHttpsBinding -Snapshot $Path).Code } | Sort-Object)
                @($mappings[$computer].Key | Sort-Object) | Should -Be @(Get-Local $computer { param($Path) (Get-HttpSslCert -Snapshot $Path).Key } | Sort-Object)
                @($reservations[$computer].Url | Sort-Object) | Should -Be @(Get-Local $computer { param($Path) (Get-HttpUrlAcl -Snapshot $Path).Url } | Sort-Object)
            }
        }

        It 'answers -Quiet once per target, tagged' {
            $answers = @(Test-IisHttpsBinding -Session $Targets -Snapshot server -Quiet)
            $answers.Count | Should -Be 3
            foreach ($answer in $answers) {
                [bool] $answer | Should -Be (Get-Local $answer.PSComputerName { param($Path) Test-IisHttpsBinding -Snapshot $Path -Quiet })
            }
        }

        It 'refuses an empty -Session rather than reading this machine' {
            { Get-IisHttpsBinding -Session @() -Snapshot $DemoServer } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Get-IisHttpsBinding'
            { Test-IisHttpsBinding -Session $null -Snapshot $DemoServer } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Test-IisHttpsBinding'
        }

        It 'passes -ThrottleLimit on to Invoke-Command' {
            # The fan-out's results do not show how many targets ran at once; the call does.
            Mock Invoke-Command -ModuleName HttpApi -ParameterFilter { $ThrottleLimit -eq 1 }
            Get-HttpUrlAcl -Session $Targets -Snapshot server -ThrottleLimit 1
            Should -Invoke Invoke-Command -ModuleName HttpApi -Times 1 -Exactly -ParameterFilter { $ThrottleLimit -eq 1 }
        }

        It 'sends a piped object back to the target it came from, read from the same source there' {
            $findings = @(Get-IisHttpsBinding -Session $Targets -Snapshot server -Port 443 -Sni | Test-IisHttpsBinding -Session $Targets)
            $findings.Count | Should -BeGreaterThan 0
            foreach ($computer in $Samples.Keys) {
                $local = @(Get-Local $computer { param($Path) Get-IisHttpsBinding -Snapshot $Path -Port 443 -Sni | Test-IisHttpsBinding })
                (@($findings | Where-Object PSComputerName -EQ $computer | ForEach-Object { "$($_.Code) $($_.Site)" } | Sort-Object) -join '; ') |
                    Should -Be (@($local | ForEach-Object { "$($_.Code) $($_.Site)" } | Sort-Object) -join '; ')
            }
            $errors = $null
            $none = @(Get-HttpUrlAcl -Session $Targets[0] -Snapshot server | Get-HttpUrlAcl -Session $Targets[1] -ErrorVariable errors -ErrorAction SilentlyContinue)
            $none | Should -BeNullOrEmpty
            @($errors.FullyQualifiedErrorId | Sort-Object -Unique) | Should -Be @('SESSION_NOT_GIVEN,Get-HttpUrlAcl')
        }

        It 'formats objects from targets with the local views, plus PSComputerName' {
            foreach ($type in 'HttpsBinding', 'Finding', 'SslCertMapping', 'UrlAcl', 'UrlAclUser') {
                Get-FormatData -TypeName "Deserialized.HttpApi.$type" | Should -Not -BeNullOrEmpty -Because "Deserialized.HttpApi.$type needs a view"
            }
            $binding = Get-IisHttpsBinding -Session $Targets[0] -Snapshot server -SiteName 'Fabrikam Shop'
            $binding.PSObject.TypeNames[0] | Should -Be 'Deserialized.HttpApi.HttpsBinding'
            $lines = @(($binding | Out-String -Width 250) -split '\r?\n' | Where-Object { $_.Trim() })
            $lines[0] | Should -Match '^Site\s+IPAddress\s+Port\s+HostName\s+Sni\s+Thumbprint\s+Status\s+ClientsGet\s+PSComputerName$'
            $lines[2] | Should -Match '^Fabrikam Shop\s+\*\s+443\s+shop\.fabrikam\.com\s+True\s+D448C934BE5A5E720BB27C199EA38DC5A6F92C66\s+1 error\s+v4 declared or 2 IP mappings / 0\.0\.0\.0:443; v6 declared or\S*( \S+)*\s+127\.0\.0\.1$'

            $mapping = Get-HttpSslCert -Session $Targets[0] -Snapshot server -HostnamePort www.contoso.com:443
            (($mapping | Out-String -Width 250) -split '\r?\n' | Where-Object { $_.Trim() })[0] | Should -Match '^Kind\s+Key\s+Thumbprint\s+Store\s+Owner\s+Status\s+PSComputerName$'
            # Nested objects read as they do locally (their ToString), not as @{...}.
            $acl = Get-HttpUrlAcl -Session $Targets[1] -Snapshot server -Url 'http://+:8080/delegated/'
            ($acl | Out-String -Width 250) | Should -Match 'CONTOSO\\svc-frontdoor \(listen, delegate\)\s+127\.0\.0\.2'
            $finding = Test-IisHttpsBinding -Session $Targets[1] -Snapshot server
            ($finding | Out-String -Width 250) | Should -Match '(?m)^Severity\s+Code\s+.*PSComputerName$'
        }

        It 'gives one clear error for a target without the module, and the others go on' {
            $errors = $null
            $remote = @(Get-IisHttpsBinding -Session (@($Targets) + $Bare) -Snapshot server -ErrorVariable errors -ErrorAction SilentlyContinue)
            @($remote.PSComputerName | Sort-Object -Unique) | Should -Be @($Samples.Keys)
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'MODULE_NOT_ON_TARGET,Get-IisHttpsBinding'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errors[0].TargetObject | Should -Be '127.0.0.4'
            $errors[0].Exception.Message | Should -Match "not available on '127\.0\.0\.4'"
            $errors[0].Exception.Message | Should -Match 'Copy-Item .*-ToSession'
            { Get-HttpUrlAcl -Session $Bare -Snapshot server -ErrorAction Stop } | Should -Throw -ErrorId 'MODULE_NOT_ON_TARGET,Get-HttpUrlAcl'
        }

        It 'passes a target''s own errors on, with its computer, and the others go on' {
            $errors = $null
            $remote = @(Get-HttpUrlAcl -Session $Targets -Snapshot server -Url 'http://+:5985/wsman/' -ErrorVariable errors -ErrorAction SilentlyContinue)
            # Only some samples reserve it; each other target says NOT_FOUND for itself.
            $having = @($Samples.Keys | Where-Object { Get-Local $_ { param($Path) Get-HttpUrlAcl -Snapshot $Path | Where-Object Url -EQ 'http://+:5985/wsman/' } })
            $having.Count | Should -BeLessThan 3
            @($remote.PSComputerName | Sort-Object) | Should -Be @($having | Sort-Object)
            @($errors | ForEach-Object { $_.OriginInfo.PSComputerName } | Sort-Object) | Should -Be @($Samples.Keys | Where-Object { $having -notcontains $_ } | Sort-Object)
            @($errors.FullyQualifiedErrorId | Sort-Object -Unique) | Should -Be @('NOT_FOUND,Get-HttpUrlAcl')
        }
    }

    Describe 'Export-HttpApiSnapshot -Session' {
        It 'brings each target''s snapshot to a folder per computer and cleans the targets' {
            $destination = Join-Path -Path $TestDrive -ChildPath 'fleet'
            $errors = $null
            $exports = @(Export-HttpApiSnapshot -Session $Targets -Path $destination -Snapshot server -ErrorVariable errors)
            $errors | Should -BeNullOrEmpty
            @($exports.PSComputerName | Sort-Object) | Should -Be @($Samples.Keys)
            foreach ($export in $exports) {
                $folder = Join-Path -Path $destination -ChildPath $export.PSComputerName
                $export.Directory | Should -Be $folder
                $export.Files | Should -Contain (Join-Path -Path $folder -ChildPath 'applicationHost.config')
                # The collected snapshot reads back as the target's own server.
                @(Get-IisHttpsBinding -Snapshot $folder | ForEach-Object { "$($_.Site) $($_.BindingInformation)" }) |
                    Should -Be @(Get-Local $export.PSComputerName { param($Path) Get-IisHttpsBinding -Snapshot $Path | ForEach-Object { "$($_.Site) $($_.BindingInformation)" } })
            }
            # Each target exported into its own temporary folder ($env:TMPDIR there), now empty again.
            foreach ($target in $Targets) {
                Invoke-Command -Session $target -ScriptBlock { @(Get-ChildItem -LiteralPath ([IO.Path]::GetTempPath()) -Force).Count } | Should -Be 0
            }
        }

        It 'refuses a computer whose folder is not empty, and collects the others' {
            $destination = Join-Path -Path $TestDrive -ChildPath 'fleet-taken'
            $null = New-Item -ItemType Directory -Path (Join-Path -Path $destination -ChildPath '127.0.0.2') -Force
            Set-Content -LiteralPath (Join-Path -Path $destination -ChildPath '127.0.0.2/notes.txt') -Value 'mine'
            $errors = $null
            $exports = @(Export-HttpApiSnapshot -Session $Targets -Path $destination -Snapshot server -ErrorVariable errors -ErrorAction SilentlyContinue)
            @($errors | ForEach-Object { $_.ToString() }) | Should -HaveCount 1 -Because ($errors -join '; ')
            @($exports.PSComputerName | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.3')
            $errors[0].FullyQualifiedErrorId | Should -Be 'ALREADY_EXISTS,Export-HttpApiSnapshot'
            $errors[0].TargetObject | Should -Be '127.0.0.2'
            @(Get-ChildItem -LiteralPath (Join-Path -Path $destination -ChildPath '127.0.0.2')).Name | Should -Be @('notes.txt')
        }

        It 'writes nothing anywhere with -WhatIf' {
            $destination = Join-Path -Path $TestDrive -ChildPath 'fleet-whatif'
            Export-HttpApiSnapshot -Session $Targets -Path $destination -Snapshot server -WhatIf | Should -BeNullOrEmpty
            $destination | Should -Not -Exist
            foreach ($target in $Targets) {
                Invoke-Command -Session $target -ScriptBlock { @(Get-ChildItem -LiteralPath ([IO.Path]::GetTempPath()) -Force).Count } | Should -Be 0
            }
        }

        It 'gives one clear error for a target without the module and leaves nothing there' {
            $destination = Join-Path -Path $TestDrive -ChildPath 'fleet-bare'
            $errors = $null
            $exports = @(Export-HttpApiSnapshot -Session $Targets[0], $Bare -Path $destination -Snapshot server -ErrorVariable errors -ErrorAction SilentlyContinue)
            @($errors.FullyQualifiedErrorId) | Should -Be @('MODULE_NOT_ON_TARGET,Export-HttpApiSnapshot') -Because ($errors -join '; ')
            @($exports.PSComputerName) | Should -Be @('127.0.0.1')
            Join-Path -Path $destination -ChildPath '127.0.0.4' | Should -Not -Exist
        }
    }

    Describe 'The README fleet report' {
        It 'summarises every target: errors, warnings and the soonest expiry, as the README shows it' {
            $readme = Get-Content -LiteralPath (Join-Path -Path $RepoRoot -ChildPath 'README.md') -Raw
            $match = [regex]::Match($readme, '(?s)### A fleet report.*?```powershell\r?\n(?<code>.*?)```')
            $match.Success | Should -BeTrue -Because 'the README has a "### A fleet report" section with a powershell block'
            # The README connects to its servers; here $all is the three targets, and -Snapshot server
            # stands for each target's own machine.
            $code = $match.Groups['code'].Value -replace '(?m)^\$all = .*$', '' -replace '-Session \$all', '-Session $$all -Snapshot server'
            $all = $Targets
            $report = @(& ([scriptblock]::Create($code)))
            @($report.Computer | Sort-Object) | Should -Be @($Samples.Keys)
            foreach ($row in $report) {
                $findings = @(Get-Local $row.Computer { param($Path) Test-IisHttpsBinding -Snapshot $Path })
                $row.Errors | Should -Be @($findings | Where-Object Severity -EQ 'error').Count
                $row.Warnings | Should -Be @($findings | Where-Object Severity -EQ 'warning').Count
                $soonest = Get-Local $row.Computer { param($Path) Get-IisHttpsBinding -Snapshot $Path | Where-Object Certificate | ForEach-Object { $_.Certificate.NotAfter } | Sort-Object | Select-Object -First 1 }
                $row.SoonestExpiry | Should -Be $soonest
            }
            # Not all alike: the samples differ, so a report that mixed targets up would show it.
            @($report | ForEach-Object { "$($_.Errors)/$($_.Warnings)" } | Sort-Object -Unique).Count | Should -Be 3
        }
    }
}
