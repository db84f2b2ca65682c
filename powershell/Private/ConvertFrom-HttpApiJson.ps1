function ConvertFrom-HttpApiJson {
    <#
    .SYNOPSIS
    Parses one frame body from the worker, with property names in PowerShell's PascalCase.

    .DESCRIPTION
    The module starts the worker with --pascal-case, so results already carry the names PowerShell
    shows (BindingInformation) and the text is parsed once, as it comes. The envelope (jsonrpc, id,
    result, error) keeps its JSON-RPC names; member access is case-insensitive either way.

    PowerShell 7's ConvertFrom-Json turns ISO 8601 strings into DateTime values; -DateKind String
    (7.5 and later) keeps them as text, as Windows PowerShell 5.1 does, so every edition sees the
    same shapes and dates are converted where the module knows a field is a date.

    Given -FrameType (Get-HttpApiAnswerType: PowerShell 7, an answer of thousands of objects), the
    text is read by System.Text.Json into that type instead, about ten times faster. A frame that is
    not an answer (progress, an error) or that the type cannot hold is read by ConvertFrom-Json as
    any other, so the caller sees an answer either way.
    #>
    [CmdletBinding()]
    param(
        # The JSON text of a frame body.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Json,

        # The type an answer frame is read into (Get-HttpApiAnswerType); $null: ConvertFrom-Json.
        [type] $FrameType
    )

    if ($FrameType) {
        try {
            $frame = [System.Text.Json.JsonSerializer]::Deserialize($Json, $FrameType, $script:HttpApiJsonOptions)
            if ($null -ne $frame -and $null -ne $frame.result) {
                return $frame
            }
        }
        catch {
            Write-Verbose -Message "The answer did not fit $($FrameType.FullName) ($($_.Exception.Message)); reading it with ConvertFrom-Json."
        }
    }

    if ($null -eq $script:HttpApiJsonKeepsDates) {
        # -DateKind came with PowerShell 7.5; asking Get-Command costs tens of milliseconds on a session's first call.
        $script:HttpApiJsonKeepsDates = $PSVersionTable.PSVersion -ge [version] '7.5'
    }
    # Splatted, so Windows PowerShell 5.1 never sees a parameter it lacks.
    $options = @{}
    if ($script:HttpApiJsonKeepsDates) {
        $options['DateKind'] = 'String'
    }
    try {
        ConvertFrom-Json -InputObject $Json @options
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
