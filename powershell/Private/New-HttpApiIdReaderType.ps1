function New-HttpApiIdReaderType {
    <#
    .SYNOPSIS
    Makes the System.Text.Json converter that reads the answer types' [object] members as strings.

    .DESCRIPTION
    The answer types (Get-HttpApiAnswerType) hold a mapping or certificate id in a member typed
    object, so that the conversion can put the object itself there. System.Text.Json reads a JSON
    value for an object member as a JsonElement, each backed by a JsonDocument of its own; this
    converter, a JsonConverter[object] made with Reflection.Emit (no compiled assembly ships), reads
    the string itself: `reader.GetString()`, null for null. Any other JSON value (a number, an
    object) makes GetString throw, so the frame is read by ConvertFrom-Json instead, as any frame the
    types cannot hold. Writing, which the module never does, writes the string.
    #>
    [CmdletBinding()]
    [OutputType([type])]
    param(
        # The dynamic module the answer types are made in.
        [Parameter(Mandatory)]
        [System.Reflection.Emit.ModuleBuilder] $Module
    )

    $opCodes = [System.Reflection.Emit.OpCodes]
    $base = [System.Text.Json.Serialization.JsonConverter[object]]
    $reader = [System.Text.Json.Utf8JsonReader]
    $builder = $Module.DefineType('HttpApi.IdReader', 'Public, Class, Sealed', $base)

    $il = $builder.DefineConstructor('Public', 'Standard', [type]::EmptyTypes).GetILGenerator()
    $il.Emit($opCodes::Ldarg_0)
    $il.Emit($opCodes::Call, $base.GetConstructor([System.Reflection.BindingFlags] 'NonPublic, Instance', $null, [type]::EmptyTypes, $null))
    $il.Emit($opCodes::Ret)

    # object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();
    $read = $builder.DefineMethod('Read', 'Public, Virtual, HideBySig', [object], [type[]] @($reader.MakeByRefType(), [type], [System.Text.Json.JsonSerializerOptions]))
    $il = $read.GetILGenerator()
    $il.Emit($opCodes::Ldarg_1)
    $il.Emit($opCodes::Call, $reader.GetMethod('GetString', [type]::EmptyTypes))
    $il.Emit($opCodes::Ret)

    # void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) => writer.WriteStringValue((string) value);
    $write = $builder.DefineMethod('Write', 'Public, Virtual, HideBySig', [void], [type[]] @([System.Text.Json.Utf8JsonWriter], [object], [System.Text.Json.JsonSerializerOptions]))
    $il = $write.GetILGenerator()
    $il.Emit($opCodes::Ldarg_1)
    $il.Emit($opCodes::Ldarg_2)
    $il.Emit($opCodes::Castclass, [string])
    $il.Emit($opCodes::Callvirt, [System.Text.Json.Utf8JsonWriter].GetMethod('WriteStringValue', [type[]] @([string])))
    $il.Emit($opCodes::Ret)

    $builder.CreateType()
}
