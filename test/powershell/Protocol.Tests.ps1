# The cmdlets and the worker must agree on the protocol: every param the module sends must be a
# param of the method in the worker's OpenRPC document (rpc.discover), with the right type. Checked
# twice: statically over the module's source (every Invoke-HttpApiWorker call names its method
# and params literally) and on the wire (every cmdlet run with every parameter against a worker
# that logs what it receives).

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    # rpc.discover straight from the built worker, without the module (whose objects are PascalCase).
    function Invoke-RawWorkerRequest {
        param([string] $Method)
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new('node')
        $startInfo.ArgumentList.Add($WorkerScript)
        $startInfo.ArgumentList.Add('serve')
        $startInfo.RedirectStandardInput = $true
        $startInfo.RedirectStandardOutput = $true
        $startInfo.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($startInfo)
        try {
            $body = [System.Text.Encoding]::UTF8.GetBytes((@{ jsonrpc = '2.0'; id = 1; method = $Method; params = @{} } | ConvertTo-Json -Compress))
            $header = [System.Text.Encoding]::ASCII.GetBytes("Content-Length: $($body.Length)`r`n`r`n")
            $process.StandardInput.BaseStream.Write($header, 0, $header.Length)
            $process.StandardInput.BaseStream.Write($body, 0, $body.Length)
            $process.StandardInput.BaseStream.Flush()
            $received = [System.IO.MemoryStream]::new()
            $chunk = [byte[]]::new(65536)
            while ($true) {
                $count = $process.StandardOutput.BaseStream.Read($chunk, 0, $chunk.Length)
                if ($count -le 0) { throw "the worker closed stdout before answering $Method" }
                $received.Write($chunk, 0, $count)
                $bytes = $received.ToArray()
                $text = [System.Text.Encoding]::ASCII.GetString($bytes)
                $end = $text.IndexOf("`r`n`r`n")
                if ($end -lt 0) { continue }
                $length = [int] ([regex]::Match($text.Substring(0, $end), 'Content-Length: (\d+)').Groups[1].Value)
                if ($bytes.Length -lt $end + 4 + $length) { continue }
                return ([System.Text.Encoding]::UTF8.GetString($bytes, $end + 4, $length) | ConvertFrom-Json -AsHashtable).result
            }
        }
        finally {
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(5000)) { $process.Kill() }
            $process.Dispose()
        }
    }

    $script:OpenRpc = Invoke-RawWorkerRequest -Method 'rpc.discover'
    $script:MethodParams = @{}
    foreach ($method in $OpenRpc.methods) {
        $params = @{}
        foreach ($param in $method.params) {
            $params[$param.name] = $param.schema
        }
        $MethodParams[$method.name] = $params
    }
    $script:SourceSchema = $MethodParams['sites/list']['source']

    # Does a JSON value (as ConvertFrom-Json -AsHashtable gives it) fit a JSON schema's type and enum?
    function Test-SchemaValue {
        param($Value, [hashtable] $Schema)
        if ($Schema.ContainsKey('anyOf')) {
            return [bool] ($Schema.anyOf | Where-Object { Test-SchemaValue -Value $Value -Schema $_ })
        }
        if ($Schema.ContainsKey('enum') -and $Schema.enum -notcontains $Value) {
            return $false
        }
        if ($Schema.type -is [System.Collections.IList]) {
            foreach ($type in $Schema.type) {
                $one = @{}
                foreach ($key in $Schema.Keys) { $one[$key] = $Schema[$key] }
                $one['type'] = $type
                if (Test-SchemaValue -Value $Value -Schema $one) { return $true }
            }
            return $false
        }
        switch ($Schema.type) {
            'string' { return $Value -is [string] }
            'boolean' { return $Value -is [bool] }
            'integer' { return $Value -is [long] -or $Value -is [int] }
            'number' { return $Value -is [long] -or $Value -is [int] -or $Value -is [double] -or $Value -is [decimal] }
            'array' { return $Value -is [System.Collections.IList] }
            'object' {
                if ($Value -isnot [System.Collections.IDictionary]) { return $false }
                if (-not $Schema.ContainsKey('properties')) {
                    # A record (options): every value fits additionalProperties.
                    foreach ($key in $Value.Keys) {
                        if ($Schema.additionalProperties -is [hashtable] -and -not (Test-SchemaValue -Value $Value[$key] -Schema $Schema.additionalProperties)) { return $false }
                    }
                    return $true
                }
                foreach ($key in $Value.Keys) {
                    if (-not $Schema.properties.ContainsKey($key)) { return $false }
                    if (-not (Test-SchemaValue -Value $Value[$key] -Schema $Schema.properties[$key])) { return $false }
                }
                return $true
            }
        }
        $true
    }

    # Every problem with one request: unknown method, unknown param, wrong type.
    function Get-RequestProblem {
        param([string] $Method, [System.Collections.IDictionary] $Params)
        if (-not $MethodParams.ContainsKey($Method)) {
            return "$Method is not a method of the worker"
        }
        foreach ($name in $Params.Keys) {
            if (-not $MethodParams[$Method].ContainsKey($name)) {
                "$Method has no param '$name'"
            }
            elseif (-not (Test-SchemaValue -Value $Params[$name] -Schema $MethodParams[$Method][$name])) {
                "$Method param '$name' = $(ConvertTo-Json -InputObject $Params[$name] -Compress) does not fit its schema $(ConvertTo-Json -InputObject $MethodParams[$Method][$name] -Compress -Depth 6)"
            }
        }
    }
}

AfterAll {
    Stop-HttpApiWorker
    Remove-Item -Path Env:HTTPAPI_WORKER, Env:FAKE_WORKER_LOG -ErrorAction Ignore
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'The OpenRPC document the worker publishes' {
    It 'lists the methods the module calls, each with the source param' {
        foreach ($method in 'sites/list', 'bindings/https', 'sslcert/list', 'urlacl/list', 'certificates/list', 'diagnostics/run') {
            $MethodParams.ContainsKey($method) | Should -BeTrue -Because $method
            $MethodParams[$method].ContainsKey('source') | Should -BeTrue
            $MethodParams[$method].ContainsKey('progressToken') | Should -BeTrue
        }
        $SourceSchema.properties.Keys | Should -Contain 'snapshot'
    }
}

Describe 'The module''s source' {
    BeforeAll {
        $script:Calls = foreach ($file in Get-ChildItem -Path (Join-Path $RepoRoot 'powershell') -Recurse -Filter '*.ps1') {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $null, [ref] $null)
            foreach ($command in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                if ($command.GetCommandName() -notin 'Invoke-HttpApiWorker', 'Get-HttpApiCompletionResult') { continue }
                $bound = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($command, $true)
                [pscustomobject]@{
                    File = $file.Name
                    Line = $command.Extent.StartLineNumber
                    Method = $bound.BoundParameters['Method'].Value
                    Params = $bound.BoundParameters['Params'].Value
                }
            }
        }
    }

    It 'calls the worker with a literal method name and a literal hashtable of params, so this check sees every param' {
        @($Calls | Where-Object File -Like 'Invoke-HttpApiWorker.ps1').Count | Should -Be 0
        $Calls.Count | Should -BeGreaterOrEqual 8
        foreach ($call in $Calls) {
            $call.Method | Should -BeOfType ([System.Management.Automation.Language.StringConstantExpressionAst]) -Because "$($call.File):$($call.Line)"
            if ($call.Params) {
                $call.Params | Should -BeOfType ([System.Management.Automation.Language.HashtableAst]) -Because "$($call.File):$($call.Line)"
            }
        }
    }

    It 'sends only params the method declares' {
        $problems = foreach ($call in $Calls) {
            $method = $call.Method.Value
            $MethodParams.ContainsKey($method) | Should -BeTrue -Because "$($call.File):$($call.Line) calls $method"
            if (-not $call.Params) { continue }
            foreach ($pair in $call.Params.KeyValuePairs) {
                $name = $pair.Item1.Value
                if (-not $MethodParams[$method].ContainsKey($name)) {
                    "$($call.File):$($call.Line) sends '$name' to $method"
                }
            }
        }
        $problems | Should -BeNullOrEmpty -Because ($problems -join '; ')
    }

    It 'builds the source from fields the source param declares' {
        $file = Join-Path $RepoRoot 'powershell/Private/ConvertTo-HttpApiSource.ps1'
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $null, [ref] $null)
        $keys = @($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.IndexExpressionAst] -and $args[0].Target.Extent.Text -eq '$source' }, $true) |
            ForEach-Object { $_.Index.Value } | Sort-Object -Unique)
        $keys | Should -Be @($SourceSchema.properties.Keys | Sort-Object)
    }
}

Describe 'What the cmdlets send' {
    BeforeAll {
        Stop-HttpApiWorker
        $env:HTTPAPI_WORKER = $FakeWorker
        $env:FAKE_WORKER_LOG = Join-Path $TestDrive 'requests.log'
        $source = @{ Snapshot = $TestDrive; ConfigPath = 'applicationHost.config'; IisExpress = $true; NetshPath = $NetshDouble }
        $thumbprint = '8a 79 7a ef 3f 7f bc 8c 14 8d dc 6c bd a8 65 54 c4 29 72 f5'
        $quiet = @{ ErrorAction = 'SilentlyContinue' }
        $null = Get-IisSite @source @quiet -Name Alpha
        $null = Get-IisSite @source @quiet -Name 'A*', 'B*'
        $null = Get-IisHttpsBinding @source @quiet -SiteName Alpha -IPAddress '*' -Port 443 -HostName 'alpha.example' -Sni -Thumbprint $thumbprint -CertificateStoreName MY -Live
        $null = Test-IisHttpsBinding @source @quiet -SiteName Alpha -BindingInformation '*:443:alpha.example' -IPAddress '*' -Port 443 -HostName 'alpha.example' -Severity error -ExpiryDays 10 -Live -Quiet
        $null = Get-HttpSslCert @source @quiet -Kind ipport -Thumbprint $thumbprint -AppId '4dc3e181-e14b-4a21-b022-59fc669b0914' -CertificateStoreName MY
        $null = Get-HttpSslCert @source @quiet -IPPort '0.0.0.0:443'
        $null = Get-HttpSslCert @source @quiet -HostnamePort 'www.contoso.com:443'
        $null = Get-HttpSslCert @source @quiet -CcsPort 443
        $null = Get-HttpUrlAcl @source @quiet -Url 'http://+:80/' -User '*'
        $null = Get-HttpApiCertificate @source @quiet -Thumbprint $thumbprint -CertificateStoreName MY -DnsName '*' -ExpiringWithinDays 5
        $null = Test-IisHttpsBinding @quiet -Snapshot $TestDrive -SiteName Alpha -AsOf ([datetime]::new(2030, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)) -Quiet
        $null = Get-IisHttpsBinding @quiet -Solution $TestDrive -SslcertFile 'sslcert.txt' -UrlaclFile 'urlacl.txt' -CertsDir 'certs' -AsOf '2030-01-01'
        # Every change cmdlet with every parameter: the plan request, then the change itself.
        $change = @{ Confirm = $false; Force = $true }
        $options = @{}
        foreach ($name in 'VerifyClientCertRevocation', 'VerifyRevocationWithCachedClientCertOnly', 'UsageCheck', 'DsMapperUsage', 'ClientCertNegotiation', 'Reject', 'DisableHttp2', 'DisableQuic', 'DisableTls12', 'DisableTls13', 'DisableOcspStapling', 'EnableTokenBinding', 'LogExtendedEvents', 'DisableLegacyTls', 'EnableSessionTicket', 'DisableSessionId') {
            $options[$name] = $true
        }
        $options += @{ RevocationFreshnessTime = 60; UrlRetrievalTimeout = 1000; SslCtlIdentifier = 'ctl'; SslCtlStoreName = 'CA' }
        # -DnsName instead of a thumbprint, on each cmdlet that takes one (certificateSubject); before the
        # calls with every parameter, which the checks below read as the last of their method.
        $null = New-IisHttpsBinding @source @quiet @change -SiteName Alpha -Port 443 -HostName alpha.example -Sni -DnsName alpha.example -CertificateStoreName MY
        $null = Set-IisHttpsBindingCertificate @source @quiet @change -SiteName Alpha -BindingInformation '*:443:alpha.example' -DnsName '*.example'
        $null = Add-HttpSslCert @source @quiet @change -HostnamePort alpha.example:443 -DnsName alpha.example -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
        $null = Set-HttpSslCert @source @quiet @change -IPPort 0.0.0.0:443 -DnsName alpha.example
        $null = Switch-HttpSslCertificate @source @quiet @change -Thumbprint $thumbprint -DnsName alpha.example -CertificateStoreName MY
        $null = Set-IisHttpsBinding @source @quiet @change -SiteName Alpha -BindingInformation '*:443:alpha.example' -HostName gamma.example -DnsName gamma.example
        # sslFlags switches alone: bits to set and clear, applied by the worker under its change lock.
        $null = Set-IisHttpsBinding @source @quiet @change -SiteName Alpha -BindingInformation '*:443:alpha.example' -Sni -DisableLegacyTls -DisableHttp2:$false
        $null = New-IisHttpsBinding @source @quiet @change -SiteName Alpha -IPAddress '*' -Port 443 -HostName alpha.example -Sni -SslFlags 128 -CentralCertificateStore -DisableHttp2 -DisableOcspStapling -DisableQuic -DisableTls13 -DisableLegacyTls -Thumbprint $thumbprint -CertificateStoreName MY
        $null = Remove-IisHttpsBinding @source @quiet @change -SiteName Alpha -BindingInformation '*:443:alpha.example'
        $null = Set-IisHttpsBindingCertificate @source @quiet @change -SiteName Alpha -BindingInformation '*:443:alpha.example' -Thumbprint $thumbprint -CertificateStoreName MY
        $null = Set-IisHttpsBinding @source @quiet @change -SiteName Alpha -BindingInformation '*:443:alpha.example' -IPAddress '10.0.0.5' -Port 8443 -HostName beta.example -SslFlags 128 -Sni -CentralCertificateStore:$false -DisableHttp2 -DisableOcspStapling -DisableQuic -DisableTls13 -DisableLegacyTls -Thumbprint $thumbprint -CertificateStoreName MY
        $null = Add-HttpSslCert @source @quiet @change @options -HostnamePort alpha.example:443 -Thumbprint $thumbprint -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}' -CertificateStoreName MY
        $null = Add-HttpSslCert @source @quiet @change -CcsPort 443 -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}'
        $null = Set-HttpSslCert @source @quiet @change @options -IPPort 0.0.0.0:443 -Thumbprint $thumbprint -AppId '{4dc3e181-e14b-4a21-b022-59fc669b0914}' -CertificateStoreName MY
        $null = Remove-HttpSslCert @source @quiet @change -HostnamePort alpha.example:443
        $null = Add-HttpUrlAcl @source @quiet @change -Url 'http://+:8080/' -User Everyone, 'NT AUTHORITY\NETWORK SERVICE' -Listen -Delegate
        $null = Add-HttpUrlAcl @source @quiet @change -Url 'http://+:8081/' -Sddl 'D:(A;;GX;;;WD)'
        $null = Set-HttpUrlAcl @source @quiet @change -Url 'http://+:8081/' -User Everyone -Listen -Delegate
        $null = Remove-HttpUrlAcl @source @quiet @change -Url 'http://+:8080/'
        $null = Switch-HttpSslCertificate @source @quiet @change -Thumbprint $thumbprint -NewThumbprint 'D448C934BE5A5E720BB27C199EA38DC5A6F92C66' -CertificateStoreName MY
        $null = Export-HttpApiSnapshot @source @quiet -Path (Join-Path $TestDrive 'export') -Confirm:$false
        $null = Repair-HttpApiChange @source @quiet
        foreach ($line in "Get-IisSite -Snapshot '$TestDrive' -Name A", "Get-IisHttpsBinding -IisExpress -Thumbprint 8", "Get-HttpSslCert -NetshPath '$NetshDouble' -IPPort 0", "Get-HttpUrlAcl -ConfigPath x.config -Url h") {
            $null = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        }
        $script:Requests = @(Get-Content -LiteralPath $env:FAKE_WORKER_LOG | ForEach-Object { $_ | ConvertFrom-Json -AsHashtable -DateKind String } |
            Where-Object { $_.ContainsKey('id') -and $_.method -ne 'server/info' })
    }

    It 'calls every method but server/info and rpc.discover, each change first as a plan and then for real' {
        $expected = @($MethodParams.Keys | Where-Object { $_ -notin 'server/info', 'rpc.discover' } | Sort-Object)
        @($Requests.method | Sort-Object -Unique) | Should -Be $expected
        foreach ($method in $expected | Where-Object { $MethodParams[$_].ContainsKey('whatIf') }) {
            $sent = @($Requests | Where-Object method -EQ $method)
            @($sent | Where-Object { $_.params.whatIf }).Count | Should -BeGreaterThan 0 -Because "$method is planned first"
            @($sent | Where-Object { -not $_.params.whatIf }).Count | Should -BeGreaterThan 0 -Because "$method is applied after -Confirm:`$false"
        }
    }

    It 'sends -DnsName as certificateSubject, and no thumbprint with it' {
        foreach ($method in 'bindings/add', 'bindings/setCertificate', 'bindings/update', 'sslcert/add', 'sslcert/update') {
            $sent = @($Requests | Where-Object { $_.method -eq $method -and $_.params.ContainsKey('certificateSubject') })
            $sent.Count | Should -BeGreaterThan 0 -Because "$method is called with -DnsName"
            $sent | ForEach-Object { $_.params.ContainsKey('certificateHash') | Should -BeFalse -Because $method }
        }
        $replace = @($Requests | Where-Object { $_.method -eq 'certificates/replace' -and $_.params.ContainsKey('certificateSubject') })
        $replace.Count | Should -BeGreaterThan 0
        $replace | ForEach-Object { $_.params.ContainsKey('newHash') | Should -BeFalse }
    }

    It 'sends sslFlags switches alone as the bits to set and clear, with no read of the binding before' {
        $bitwise = @($Requests | Where-Object { $_.method -eq 'bindings/update' -and $_.params.ContainsKey('setSslFlags') })
        $bitwise.Count | Should -Be 2 -Because 'the plan, then the change'
        foreach ($request in $bitwise) {
            $request.params.setSslFlags | Should -Be 65
            $request.params.clearSslFlags | Should -Be 4
            $request.params.ContainsKey('sslFlags') | Should -BeFalse
        }
        $Requests[[array]::IndexOf($Requests, $bitwise[0]) - 1].method | Should -Not -Be 'bindings/https'
    }

    It 'sends -Force as allowSharedMapping where the method takes it' {
        foreach ($method in 'bindings/add', 'bindings/setCertificate', 'bindings/update', 'sslcert/delete') {
            ($Requests | Where-Object method -EQ $method | Select-Object -Last 1).params.allowSharedMapping | Should -BeTrue
        }
    }

    It 'sends every SSL option as the netsh parameter the worker knows' {
        $add = ($Requests | Where-Object { $_.method -eq 'sslcert/add' -and $_.params.kind -eq 'hostnameport' } | Select-Object -Last 1).params
        @($add.options.Keys).Count | Should -Be 20
        $add.options['disablelegacytls'] | Should -BeTrue
        $add.options['revocationfreshnesstime'] | Should -Be 60
        $update = ($Requests | Where-Object { $_.method -eq 'sslcert/update' } | Select-Object -Last 1).params
        $update.options['clientcertnegotiation'] | Should -BeTrue -Because 'the value given wins over the one carried over'
    }

    It 'sends, in every request, only params of the method, each of the declared type' {
        $problems = foreach ($request in $Requests) {
            Get-RequestProblem -Method $request.method -Params $request.params
        }
        $problems | Should -BeNullOrEmpty -Because ($problems -join '; ')
    }

    It 'sends the source with absolute paths and booleans as booleans' {
        $first = $Requests | Where-Object { $_.params.site -eq 'Alpha' } | Select-Object -First 1
        $first.params.source.snapshot | Should -Be $TestDrive
        $first.params.source.configPath | Should -Be (Join-Path (Get-Location).ProviderPath 'applicationHost.config')
        $first.params.source.iisExpress | Should -BeTrue
        $first.params.source.netshPath | Should -Be $NetshDouble
        ($Requests | Where-Object { $_.method -eq 'bindings/https' } | Select-Object -First 1).params.live | Should -BeTrue
    }

    It 'shows that the check catches a param the method does not declare' {
        Get-RequestProblem -Method 'sites/list' -Params @{ siteName = 'x' } | Should -Match "no param 'siteName'"
        Get-RequestProblem -Method 'bindings/https' -Params @{ live = @{ IsPresent = $true } } | Should -Match 'does not fit'
        Get-RequestProblem -Method 'sslcert/list' -Params @{ kind = 'ip' } | Should -Match 'does not fit'
    }
}

Describe 'The source parameters' {
    It 'are on every cmdlet that reads, one per field of the worker''s source param, declared alike with the same help' {
        $expected = @($SourceSchema.properties.Keys | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) } | Sort-Object)
        $expected | Should -Contain 'SslcertFile'
        $reference = @{}
        foreach ($command in Get-Command -Module HttpApi | Where-Object Name -NotIn 'Get-HttpApiWorker', 'Stop-HttpApiWorker') {
            $help = Get-Help -Name $command.Name -Full
            foreach ($name in $expected) {
                $parameter = $command.Parameters[$name]
                $parameter | Should -Not -BeNullOrEmpty -Because "$($command.Name) should take -$name"
                $type = $SourceSchema.properties[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)].type
                $parameter.ParameterType | Should -Be @{ string = [string]; boolean = [switch] }[$type] -Because "$($command.Name) -$name"
                $text = (($help.parameters.parameter | Where-Object name -EQ $name).description | Out-String).Trim()
                if (-not $reference.ContainsKey($name)) {
                    $reference[$name] = $text
                }
                $text | Should -Be $reference[$name] -Because "-$name of $($command.Name) should read as everywhere else"
            }
            $command.Parameters['HttpApiSource'].Attributes.ValueFromPipelineByPropertyName | Should -Contain $true
        }
    }
}

