# On PowerShell 7 a bindings/https answer is read by System.Text.Json into .NET types the module
# makes (Get-HttpApiAnswerType) instead of by ConvertFrom-Json. What people see must not change:
# these tests hold both readings to the same objects, the types to the protocol (docs/openrpc.json),
# and the fallback to ConvertFrom-Json where the types do not apply. Turning typed answers off
# ($script:HttpApiTypedAnswers = $false) is the path Windows PowerShell 5.1 takes. The demo server's
# answer is smaller than the 1 MB from which answers are typed, so the tests lower that to 0.

BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'HttpApi.TestHelpers.ps1')
    Import-HttpApiForTest

    # Every binding of the demo server as text: the table, then each member (in name order) and what
    # its nested objects show in strings, -f and -join.
    function Get-BindingText {
        param([bool] $Typed)
        InModuleScope HttpApi -Parameters @{ Typed = $Typed } { param($Typed) $script:HttpApiTypedAnswers = $Typed }
        try {
            $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer -AsOf ([datetime] '2026-06-01T00:00:00Z'))
        }
        finally {
            InModuleScope HttpApi { $script:HttpApiTypedAnswers = $null }
        }
        $lines = New-Object -TypeName System.Collections.Generic.List[string]
        $lines.Add(($bindings | Format-Table | Out-String -Width 250))
        foreach ($binding in $bindings) {
            foreach ($property in ($binding.PSObject.Properties | Sort-Object -Property Name)) {
                if ($null -ne $property.Value) {
                    # What a value is typed as, not its .NET type: an HttpApi.Certificate here, a PSCustomObject there.
                    $values = @($property.Value)
                    $typeName = if ($values.Count -gt 0) { $values[0].PSObject.TypeNames[0] } else { 'empty' }
                    $lines.Add(('{0} = {1} ({2})' -f $property.Name, ($values -join ' | '), $typeName))
                }
            }
            if ($binding.Certificate) {
                $lines.Add(('certificate: {0} {1:o} {2}' -f $binding.Certificate, $binding.Certificate.NotAfter, $binding.Certificate.PSObject.TypeNames[0]))
            }
            if ($binding.DeclaredMapping) {
                $lines.Add("mapping: $($binding.DeclaredMapping) $($binding.DeclaredMapping.PSObject.TypeNames[0]) shared with $(@($binding.SharedWith) -join ', ')")
            }
            $lines.Add("effective: $($binding.EffectiveMapping) $($binding.EffectiveMapping.PSObject.TypeNames[0])")
            foreach ($path in $binding.ClientPaths) {
                $lines.Add("path: $path $($path.IpFirstCount) $($path.PSObject.TypeNames[0])")
            }
            foreach ($finding in $binding.Findings) {
                $lines.Add("finding: $finding $($finding.PSObject.TypeNames[0]) $($finding.Fix)")
            }
            $lines.Add("type: $($binding.PSObject.TypeNames[0])")
            # The members the worker sends and the module adds, in the order Format-List * and Select-Object * show them
            # (with a value: a member the worker leaves out is missing from a PSCustomObject and null in a type).
            foreach ($object in @($binding, $binding.Certificate, $binding.DeclaredMapping, @($binding.Findings)[0])) {
                if ($object) {
                    $lines.Add('members: ' + (@($object.PSObject.Properties | Where-Object { $_.MemberType -in 'NoteProperty', 'Property' -and $null -ne $_.Value } | ForEach-Object { $_.Name }) -join ', '))
                }
            }
        }
        $lines
    }
}

AfterAll {
    Remove-Module -Name HttpApi -ErrorAction Ignore
}

Describe 'bindings/https answers read into .NET types' {
    BeforeAll {
        InModuleScope HttpApi { $script:HttpApiTypedAnswerMinimum = 0 }
    }

    AfterAll {
        InModuleScope HttpApi { $script:HttpApiTypedAnswerMinimum = 1MB }
    }

    It 'reads the bindings, mappings, certificates and findings into types named as the objects are typed' {
        $portal = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso Portal'
        $portal.GetType().FullName | Should -Be 'HttpApi.HttpsBinding'
        $portal.DeclaredMapping.GetType().FullName | Should -Be 'HttpApi.MappingRef'
        $portal.EffectiveMapping.GetType().FullName | Should -Be 'HttpApi.EffectiveMapping'
        $portal.ClientPaths[0].GetType().FullName | Should -Be 'HttpApi.ClientPath'
        $portal.Certificate.GetType().FullName | Should -Be 'HttpApi.Certificate'
        $portal.Findings[0].GetType().FullName | Should -Be 'HttpApi.Finding'
        $portal.SharedWith[0].GetType().FullName | Should -Be 'HttpApi.BindingRef'
        # Nothing inserted: the type's own name is the first.
        @($portal.PSObject.TypeNames) | Should -Be @('HttpApi.HttpsBinding', 'System.Object')
    }

    It 'carries what the snapshot holds: its mappings, and its certificate files as .NET reads them' {
        $bindings = @(Get-IisHttpsBinding -Snapshot $DemoServer)
        $read = { param($file) [System.Security.Cryptography.X509Certificates.X509Certificate2]::new([System.IO.File]::ReadAllBytes((Join-Path $DemoServer $file))) }
        foreach ($case in @(
                @{ Site = 'Contoso WWW'; File = 'certs/MY/www-contoso.pem'; Store = 'MY'; IPAddress = '*' },
                @{ Site = 'Default Web Site'; File = 'certs/WebHosting/wildcard-contoso.cer'; Store = 'WebHosting'; IPAddress = '*' },
                @{ Site = 'Contoso IPv6'; File = 'certs/MY/www-contoso.pem'; Store = 'MY'; IPAddress = '[2001:db8::5]' })) {
            $binding = $bindings | Where-Object Site -EQ $case.Site
            $file = & $read $case.File
            $binding.GetType().FullName | Should -Be 'HttpApi.HttpsBinding'
            $binding.IPAddress | Should -Be $case.IPAddress
            $binding.CertificateStoreName | Should -Be $case.Store
            $binding.Thumbprint | Should -Be $file.Thumbprint
            $binding.Certificate.Thumbprint | Should -Be $file.Thumbprint
            $binding.Certificate.Subject | Should -Be $file.Subject
            # Local time, as X509Certificate2 gives it.
            $binding.Certificate.NotBefore | Should -Be $file.NotBefore
            $binding.Certificate.NotAfter | Should -Be $file.NotAfter
            $binding.Certificate.NotAfter.Kind | Should -Be ([DateTimeKind]::Local)
        }
    }

    It 'gives the same objects as ConvertFrom-Json: members, values, types of values, strings and table' {
        $typed = Get-BindingText -Typed $true
        $plain = Get-BindingText -Typed $false
        $typed.Count | Should -BeGreaterThan 100
        $typed.Count | Should -Be $plain.Count
        for ($line = 0; $line -lt $typed.Count; $line++) {
            $typed[$line] | Should -BeExactly $plain[$line] -Because "line $line of the text"
        }
    }

    It 'shows a nested object in a string as its type data says, as a PSObject does' {
        $portal = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso Portal'
        "$($portal.Certificate)" | Should -Be 'CN=*.contoso.com, O=Contoso Ltd, C=US (D54DAFC94E7E55489195BE690C85192991847ED5)'
        ('{0}' -f $portal.DeclaredMapping) | Should -Be 'ipport 10.0.0.5:443 -> D54DAFC94E7E55489195BE690C85192991847ED5'
        [string] $portal.SharedWith[0] | Should -Be 'Contoso Docs 10.0.0.5:443:docs.contoso.com'
        # Where no type data is found (here: a thread without a runspace) the type's name is shown, not a loop.
        $elsewhere = [System.Threading.Tasks.Task]::Factory.StartNew([Func[object, object]] [System.Delegate]::CreateDelegate([Func[object, object]], [System.Convert].GetMethod('ToString', [type[]] @([object]))), $portal.Certificate)
        [string] $elsewhere.Result | Should -Be 'HttpApi.Certificate'
    }

    It 'has every member of its type, null where the worker left one out' {
        $admin = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Admin'
        $finding = $admin.Findings[0]
        $finding.PSObject.Properties['Certificate'] | Should -Not -BeNullOrEmpty
        $finding.Certificate | Should -BeNullOrEmpty
        $admin.Certificate | Should -BeNullOrEmpty
        # A live read on Windows names no source: HttpApiSource is there, and null.
        $unsourced = InModuleScope HttpApi {
            $frame = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","id":1,"result":{"Bindings":[{"Site":"A","BindingInformation":"*:443:","SslFlags":0,"Address":"*","Port":443,"Host":"","EffectiveMapping":{}}]}}' -AnswerOf 'bindings/https'
            ConvertTo-HttpApiHttpsBinding -Result $frame.result
        }
        $unsourced.GetType().FullName | Should -Be 'HttpApi.HttpsBinding'
        $unsourced.PSObject.Properties['HttpApiSource'] | Should -Not -BeNullOrEmpty
        $unsourced.HttpApiSource | Should -BeNullOrEmpty
        $unsourced.IPAddress | Should -Be '*'
    }

    It 'reads a frame the types cannot hold, a progress notification and an error with ConvertFrom-Json' {
        InModuleScope HttpApi {
            (Get-HttpApiAnswerType -Method 'bindings/https').FullName | Should -Be 'HttpApi.HttpsBindingFrame'
            $odd = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","id":3,"result":{"Bindings":[{"Site":"A","SslFlags":"one"}]}}' -AnswerOf 'bindings/https'
            $odd.result.Bindings[0].SslFlags | Should -Be 'one'
            $odd.result.Bindings[0].GetType().FullName | Should -Be 'System.Management.Automation.PSCustomObject'
            # An id is a string: anything else in its place is not this protocol's answer.
            $numbered = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","id":3,"result":{"Bindings":[{"Site":"A","SslFlags":0,"DeclaredMapping":7}]}}' -AnswerOf 'bindings/https'
            $numbered.result.Bindings[0].DeclaredMapping | Should -Be 7
            $numbered.result.Bindings[0].GetType().FullName | Should -Be 'System.Management.Automation.PSCustomObject'
            $ids = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","id":3,"result":{"Bindings":[{"Site":"A","SslFlags":0,"DeclaredMapping":"ipport:0.0.0.0:443","Certificate":null,"ClientPaths":[{"Mapping":null,"IpFirst":["a","b"]}]}]}}' -AnswerOf 'bindings/https'
            $ids.result.Bindings[0].GetType().FullName | Should -Be 'HttpApi.HttpsBinding'
            $ids.result.Bindings[0].DeclaredMapping | Should -BeOfType [string]
            $ids.result.Bindings[0].DeclaredMapping | Should -BeExactly 'ipport:0.0.0.0:443'
            $ids.result.Bindings[0].Certificate | Should -BeNullOrEmpty
            $ids.result.Bindings[0].ClientPaths[0].IpFirst | Should -Be @('a', 'b')
            $progress = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","method":"$/progress","params":{"token":"t","value":{"kind":"report"}}}' -AnswerOf 'bindings/https'
            $progress.method | Should -Be '$/progress'
            $failure = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"bad"}}' -AnswerOf 'bindings/https'
            $failure.error.code | Should -Be -32602
            $answer = ConvertFrom-HttpApiJson -Json '{"jsonrpc":"2.0","id":5,"result":{"Bindings":[],"Notes":["n"]}}' -AnswerOf 'bindings/https'
            $answer.id | Should -Be 5
            $answer.result.GetType().FullName | Should -Be 'HttpApi.HttpsBindingList'
        }
    }

    It 'is not used for other methods, small answers, live checks, or where typed answers are off (Windows PowerShell 5.1)' {
        InModuleScope HttpApi {
            Get-HttpApiAnswerType -Method 'sslcert/list' | Should -BeNullOrEmpty
            $json = '{"jsonrpc":"2.0","id":5,"result":{"Bindings":[]}}'
            $script:HttpApiTypedAnswerMinimum = $json.Length + 1
            (ConvertFrom-HttpApiJson -Json $json -AnswerOf 'bindings/https').result.GetType().FullName | Should -Be 'System.Management.Automation.PSCustomObject'
            $script:HttpApiTypedAnswerMinimum = $json.Length
            (ConvertFrom-HttpApiJson -Json $json -AnswerOf 'bindings/https').result.GetType().FullName | Should -Be 'HttpApi.HttpsBindingList'
            $script:HttpApiTypedAnswerMinimum = 0
            $script:HttpApiTypedAnswers = $false
            try {
                Get-HttpApiAnswerType -Method 'bindings/https' | Should -BeNullOrEmpty
            }
            finally {
                $script:HttpApiTypedAnswers = $null
            }
        }
        $live = Get-IisHttpsBinding -Snapshot $DemoServer -SiteName 'Contoso WWW' -Live -WarningAction SilentlyContinue
        $live.GetType().FullName | Should -Be 'System.Management.Automation.PSCustomObject'
        $live.PSObject.TypeNames[0] | Should -Be 'HttpApi.HttpsBinding'
    }

    It 'hold every member the protocol gives a bindings/https answer, with a type that can hold its values' {
        $openRpc = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'docs/openrpc.json') | ConvertFrom-Json
        $result = ($openRpc.methods | Where-Object name -EQ 'bindings/https').result.schema
        $binding = $result.properties.bindings.items
        # Each type and the schema it reads; Live is left to ConvertFrom-Json (above).
        $pairs = @(
            @('HttpApi.HttpsBindingList', $result, @()),
            @('HttpApi.HttpsBinding', $binding, @('live')),
            @('HttpApi.EffectiveMapping', $binding.properties.effectiveMapping, @()),
            @('HttpApi.ClientPath', $binding.properties.clientPaths.items, @()),
            @('HttpApi.Finding', $binding.properties.findings.items, @()),
            @('HttpApi.Finding', $result.properties.findings.items, @()),
            @('HttpApi.MappingRef', $result.properties.mappings.items, @()),
            @('HttpApi.BindingRef', $result.properties.mappings.items.properties.sharedBy.items, @()),
            @('HttpApi.Certificate', $result.properties.certificates.items, @())
        )
        $added = @('HttpApiSource', 'IPAddress', 'HostName')
        # Ids the conversion replaces by the objects they name (ConvertTo-HttpApiHttpsBinding); other ids stay text.
        $replaced = @('HttpApi.HttpsBinding.declaredMapping', 'HttpApi.HttpsBinding.certificate', 'HttpApi.EffectiveMapping.withSni', 'HttpApi.EffectiveMapping.withoutSni', 'HttpApi.ClientPath.mapping', 'HttpApi.ClientPath.ipFirst')
        $types = InModuleScope HttpApi { [void] (Get-HttpApiAnswerType -Method 'bindings/https'); $script:HttpApiAnswerTypes }
        foreach ($pair in $pairs) {
            $type = $types[$pair[0]]
            $schema = $pair[1]
            $names = @($schema.properties.PSObject.Properties.Name | Where-Object { $pair[2] -notcontains $_ })
            $fields = @($type.GetFields() | Where-Object { $added -notcontains $_.Name })
            # In the order the worker writes them (held above); here as sets.
            @($fields.Name | Sort-Object) | Should -Be @($names | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) } | Sort-Object) -Because "$($pair[0]) holds the members of its schema"
            foreach ($name in $names) {
                $property = $schema.properties.$name
                $field = $type.GetField($name.Substring(0, 1).ToUpperInvariant() + $name.Substring(1))
                $kinds = @(if ($property.PSObject.Properties['anyOf']) { $property.anyOf.type } else { $property.type })
                $nullable = $kinds -contains 'null' -or @($schema.required) -notcontains $name
                if ($field.FieldType.IsValueType -and $nullable) {
                    $field.FieldType.Name | Should -Be 'Nullable`1' -Because "$($pair[0]).$($field.Name) can be null or left out"
                }
                $isId = $replaced -contains "$($pair[0]).$name"
                $expected = switch ($true) {
                    ($isId) { if ($kinds -contains 'array') { 'Object[]' } else { 'Object' }; break }
                    ($kinds -contains 'integer') { 'Int64'; break }
                    ($kinds -contains 'boolean') { 'Boolean'; break }
                    ($name -in 'notBefore', 'notAfter') { 'DateTime'; break }
                    ($kinds -contains 'string') { 'String'; break }
                    ($kinds -contains 'array') { if ($property.PSObject.Properties['items'] -and $property.items.type -eq 'string') { 'String[]' } else { 'array' }; break }
                    default { 'nested' }
                }
                $actual = $field.FieldType
                if ($actual.Name -eq 'Nullable`1') { $actual = $actual.GetGenericArguments()[0] }
                if ($expected -eq 'array') { $actual.IsArray | Should -BeTrue -Because "$($pair[0]).$($field.Name)" }
                elseif ($expected -eq 'nested') { $actual.Namespace | Should -Be 'HttpApi' -Because "$($pair[0]).$($field.Name) is an object of the answer" }
                else { $actual.Name | Should -Be $expected -Because "$($pair[0]).$($field.Name)" }
            }
        }
    }
}
