function Get-HttpApiAnswerType {
    <#
    .SYNOPSIS
    The .NET type a method's answer frame is read into on PowerShell 7, or $null where answers are read by ConvertFrom-Json.

    .DESCRIPTION
    ConvertFrom-Json builds a PSObject and a note property for every JSON object and member: about
    1.4 s for the 14 MB bindings/https answer of 10,000 sites, and building PSCustomObjects in script
    costs as much. System.Text.Json (PowerShell 7's runtime; not in Windows PowerShell 5.1) reads the
    same text into plain .NET objects about ten times faster, so on PowerShell 7 the answers with
    thousands of objects are read into types made here, once per session:

    - Each type is named as the module's objects are typed (HttpApi.HttpsBinding, HttpApi.MappingRef,
      ...), so the format views and type data apply without a type name inserted per object (about
      7 us an object for a .NET object, more than reading it).
    - Members are public fields in the order the worker writes them, then those the module adds
      (HttpApiSource, IPAddress, HostName). A member the worker leaves out is null.
    - A member that names another object by id (a mapping, a certificate) is typed object: it is read
      as the id's string (New-HttpApiIdReaderType), which the conversion replaces by the object.
    - ToString goes to the type data's ToString, as a PSObject's does, so "$($binding.Certificate)"
      and -f read as before. A guard per type and thread falls back to the type name where no type
      data is found (a thread without a runspace), instead of calling itself.

    The shapes are the protocol's (docs/openrpc.json, PascalCase); a Pester test holds them to it.
    Other methods, bindings/https with live checks, and answers under 1 MB (ConvertFrom-HttpApiJson)
    stay with ConvertFrom-Json. $script:HttpApiTypedAnswers set to $false turns this off, as on
    Windows PowerShell 5.1, where System.Text.Json is missing.
    #>
    [CmdletBinding()]
    [OutputType([type])]
    param(
        # The JSON-RPC method whose answer frame is read.
        [Parameter(Mandatory)]
        [string] $Method
    )

    if ($null -eq $script:HttpApiTypedAnswers) {
        $script:HttpApiTypedAnswers = $null -ne ('System.Text.Json.JsonSerializer' -as [type])
    }
    if (-not $script:HttpApiTypedAnswers -or $Method -ne 'bindings/https') {
        return $null
    }
    if ($script:HttpApiAnswerTypes) {
        return $script:HttpApiAnswerTypes['HttpApi.HttpsBindingFrame']
    }

    # Type names stand for types made earlier in this list; [object] holds an id the conversion replaces.
    $shapes = [ordered]@{
        'HttpApi.BindingRef' = [ordered]@{ Site = [string]; BindingInformation = [string] }
        'HttpApi.MappingRef' = [ordered]@{
            Id = [string]; Kind = [string]; Key = [string]; Exists = [bool]; CertificateHash = [string]; CertificateStoreName = [string]
            AppId = [string]; SharedBy = 'HttpApi.BindingRef[]'
        }
        'HttpApi.Certificate' = [ordered]@{
            Id = [string]; Thumbprint = [string]; Sha256 = [string]; Store = [string]; Subject = [string]; Issuer = [string]
            CommonName = [string]; DnsNames = [string[]]; IpAddresses = [string[]]; NotBefore = [datetime]; NotAfter = [datetime]
            SerialNumber = [string]; KeyUsage = [string[]]; Ekus = [string[]]; ServerAuth = [bool]; HasPrivateKey = [System.Nullable[bool]]
            PrivateKey = [string]; SelfSigned = [System.Nullable[bool]]; CertificateAuthority = [System.Nullable[bool]]
            FriendlyName = [string]; File = [string]
        }
        'HttpApi.Finding' = [ordered]@{
            Code = [string]; Severity = [string]; Message = [string]; Fix = [string]; Site = [string]; Binding = [string]
            Mapping = [string]; Certificate = [string]
        }
        'HttpApi.EffectiveMapping' = [ordered]@{ WithSni = [object]; WithoutSni = [object] }
        'HttpApi.ClientPath' = [ordered]@{ Family = [string]; Sni = [bool]; Mapping = [object]; IpFirst = [object[]]; IpFirstCount = [long] }
        'HttpApi.HttpsBinding' = [ordered]@{
            Site = [string]; SiteId = [System.Nullable[long]]; BindingInformation = [string]; SslFlags = [long]; Address = [string]
            Port = [System.Nullable[long]]; Host = [string]; DeclaredMapping = [object]; EffectiveMapping = 'HttpApi.EffectiveMapping'
            ClientPaths = 'HttpApi.ClientPath[]'; Certificate = [object]; CcsFile = [string]; Findings = 'HttpApi.Finding[]'
            HttpApiSource = [object]; IPAddress = [string]; HostName = [string]
        }
        'HttpApi.HttpsBindingList' = [ordered]@{
            File = [string]; ConfigKind = [string]; Bindings = 'HttpApi.HttpsBinding[]'; Mappings = 'HttpApi.MappingRef[]'
            Certificates = 'HttpApi.Certificate[]'; Findings = 'HttpApi.Finding[]'; Notes = [string[]]
        }
        'HttpApi.HttpsBindingFrame' = [ordered]@{ jsonrpc = [string]; id = [System.Nullable[long]]; result = 'HttpApi.HttpsBindingList' }
    }

    $opCodes = [System.Reflection.Emit.OpCodes]
    $assembly = [System.Reflection.Emit.AssemblyBuilder]::DefineDynamicAssembly((New-Object -TypeName System.Reflection.AssemblyName -ArgumentList 'HttpApi.Answers'), 'Run')
    $module = $assembly.DefineDynamicModule('HttpApi.Answers')
    $threadStatic = New-Object -TypeName System.Reflection.Emit.CustomAttributeBuilder -ArgumentList ([System.ThreadStaticAttribute].GetConstructor([type]::EmptyTypes)), @()
    $baseToString = [object].GetMethod('ToString', [type]::EmptyTypes)
    $asPSObject = [psobject].GetMethod('AsPSObject', [type[]] @([object]))
    $psObjectToString = [psobject].GetMethod('ToString', [type]::EmptyTypes)
    $types = @{}
    foreach ($name in $shapes.Keys) {
        $builder = $module.DefineType($name, 'Public, Class, Sealed')
        $fields = $shapes[$name]
        foreach ($field in $fields.Keys) {
            $fieldType = $fields[$field]
            if ($fieldType -is [string]) {
                $fieldType = if ($fieldType.EndsWith('[]')) { $types[$fieldType.Substring(0, $fieldType.Length - 2)].MakeArrayType() } else { $types[$fieldType] }
            }
            [void] $builder.DefineField($field, $fieldType, 'Public')
        }

        # string ToString() { if (guard) return base.ToString(); guard = true; try { return PSObject.AsPSObject(this).ToString(); } finally { guard = false; } }
        $guard = $builder.DefineField('formatting', [bool], 'Private, Static')
        $guard.SetCustomAttribute($threadStatic)
        $il = $builder.DefineMethod('ToString', 'Public, Virtual, HideBySig', [string], [type]::EmptyTypes).GetILGenerator()
        $text = $il.DeclareLocal([string])
        $own = $il.DefineLabel()
        $il.Emit($opCodes::Ldsfld, $guard)
        $il.Emit($opCodes::Brfalse_S, $own)
        $il.Emit($opCodes::Ldarg_0)
        $il.Emit($opCodes::Call, $baseToString)
        $il.Emit($opCodes::Ret)
        $il.MarkLabel($own)
        $il.Emit($opCodes::Ldc_I4_1)
        $il.Emit($opCodes::Stsfld, $guard)
        [void] $il.BeginExceptionBlock()
        $il.Emit($opCodes::Ldarg_0)
        $il.Emit($opCodes::Call, $asPSObject)
        $il.Emit($opCodes::Callvirt, $psObjectToString)
        $il.Emit($opCodes::Stloc, $text)
        $il.BeginFinallyBlock()
        $il.Emit($opCodes::Ldc_I4_0)
        $il.Emit($opCodes::Stsfld, $guard)
        $il.EndExceptionBlock()
        $il.Emit($opCodes::Ldloc, $text)
        $il.Emit($opCodes::Ret)

        $types[$name] = $builder.CreateType()
    }
    $options = New-Object -TypeName System.Text.Json.JsonSerializerOptions
    $options.IncludeFields = $true
    # Names are matched as PowerShell matches members, whatever their case.
    $options.PropertyNameCaseInsensitive = $true
    # An [object] member holds an id (a string or null). Left to System.Text.Json, each would be a
    # JsonElement with a JsonDocument of its own: about 10,000 of them in a 1,000-site answer, a third
    # of its read (90 ms against 55-80 ms, measured). This converter gives the string itself.
    $options.Converters.Add([System.Activator]::CreateInstance((New-HttpApiIdReaderType -Module $module)))
    $script:HttpApiJsonOptions = $options
    $script:HttpApiAnswerTypes = $types
    $types['HttpApi.HttpsBindingFrame']
}
