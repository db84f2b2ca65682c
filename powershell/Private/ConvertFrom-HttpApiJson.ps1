function ConvertFrom-HttpApiJson {
    <#
    .SYNOPSIS
    Parses one frame body from the worker, with property names in PowerShell's PascalCase.

    .DESCRIPTION
    The worker speaks camelCase (bindingInformation); PowerShell objects use PascalCase
    (BindingInformation). Renaming in the JSON text, before parsing, costs a few regular expression
    passes instead of a PowerShell loop over every property of every object: a quote that follows
    '{' or ',' and whose word is followed by '":' always opens a key, because a quote inside a
    string value is escaped. Keys the worker adds later are renamed the same way; member access is
    case-insensitive, so $message.result still works.

    PowerShell 7's ConvertFrom-Json turns ISO 8601 strings into DateTime values; -DateKind String
    (7.5 and later) keeps them as text, as Windows PowerShell 5.1 does, so every edition sees the
    same shapes and dates are converted where the module knows a field is a date.
    #>
    [CmdletBinding()]
    param(
        # The JSON text of a frame body.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Json
    )

    if ($null -eq $script:HttpApiJsonKeepsDates) {
        $script:HttpApiJsonKeepsDates = (Get-Command -Name ConvertFrom-Json).Parameters.ContainsKey('DateKind')
    }
    $text = $Json
    foreach ($letter in [char[]] 'abcdefghijklmnopqrstuvwxyz') {
        $text = $text -creplace "(?<=[{,])`"$letter(?=\w*`":)", ('"' + [char]::ToUpperInvariant($letter))
    }
    # Splatted, so Windows PowerShell 5.1 never sees a parameter it lacks.
    $options = @{}
    if ($script:HttpApiJsonKeepsDates) {
        $options['DateKind'] = 'String'
    }
    try {
        ConvertFrom-Json -InputObject $text @options
    }
    catch {
        $shown = $Json
        if ($shown.Length -gt 200) {
            $shown = $shown.Substring(0, 200) + '...'
        }
        throw (New-HttpApiErrorRecord -Message "The HttpApi worker broke the protocol: a frame body is not JSON ($($_.Exception.Message)): $shown" `
                -ErrorId 'WORKER_PROTOCOL_ERROR' -Category InvalidResult -TargetObject $shown -InnerException $_.Exception -ClientError)
    }
}
