function ConvertTo-HttpApiJsonValue {
    <#
    .SYNOPSIS
    Reduces a value to plain .NET types before ConvertTo-Json sees it.

    .DESCRIPTION
    Windows PowerShell 5.1's ConvertTo-Json serializes the extra properties of PSObject-wrapped
    values (a string from Get-Content gains PSPath, an array gains Count), and a [switch] becomes
    {"IsPresent":true} in every version. Dictionaries and objects become ordered hashtables without
    null entries (the worker's optional fields reject null), switches become booleans, arrays
    become object arrays.
    #>
    [CmdletBinding()]
    param(
        # The value to normalize.
        [Parameter(Mandatory)]
        [AllowNull()]
        [object] $InputObject
    )

    if ($null -eq $InputObject) {
        return $null
    }
    # Type tests on the unwrapped object: a PSObject wrapper says nothing about what it wraps.
    $value = $InputObject.PSObject.BaseObject
    if ($value -is [System.Management.Automation.SwitchParameter]) {
        return $value.IsPresent
    }
    if ($value -is [string] -or $value -is [bool] -or $value -is [ValueType]) {
        return $value
    }
    if ($value -is [System.Collections.IDictionary]) {
        $result = [ordered]@{}
        foreach ($key in $value.Keys) {
            $item = ConvertTo-HttpApiJsonValue -InputObject $value[$key]
            if ($null -ne $item) {
                $result[[string] $key] = $item
            }
        }
        return $result
    }
    if ($value -is [System.Collections.IEnumerable]) {
        $items = foreach ($element in $value) {
            , (ConvertTo-HttpApiJsonValue -InputObject $element)
        }
        return , [object[]] @($items)
    }
    $result = [ordered]@{}
    foreach ($property in $InputObject.PSObject.Properties) {
        $item = ConvertTo-HttpApiJsonValue -InputObject $property.Value
        if ($null -ne $item) {
            $result[$property.Name] = $item
        }
    }
    $result
}
