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

    Given -AnswerOf and a frame of at least $script:HttpApiTypedAnswerMinimum characters (1 MB, about
    500 bindings), the text is read by System.Text.Json into the method's answer type instead
    (Get-HttpApiAnswerType: PowerShell 7), about five to ten times faster. Below that, making the
    types and System.Text.Json's first read in a session (about 150 ms) cost more than
    ConvertFrom-Json (about 0.13 ms a KB), which the session's first frame has loaded already. A frame
    that is not an answer (progress, an error) or that the type cannot hold is read by
    ConvertFrom-Json as any other, so the caller sees an answer either way.
    #>
    [CmdletBinding()]
    param(
        # The JSON text of a frame body.
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Json,

        # The method whose answer this frame may be, read into its type where it has one (Get-HttpApiAnswerType).
        [string] $AnswerOf
    )

    $frameType = $null
    if ($AnswerOf -and $Json.Length -ge $script:HttpApiTypedAnswerMinimum) {
        $frameType = Get-HttpApiAnswerType -Method $AnswerOf
    }
    if ($frameType) {
        try {
            $frame = [System.Text.Json.JsonSerializer]::Deserialize($Json, $frameType, $script:HttpApiJsonOptions)
            if ($null -ne $frame -and $null -ne $frame.result) {
                return $frame
            }
        }
        catch {
            Write-Verbose -Message "The answer did not fit $($frameType.FullName) ($($_.Exception.Message)); reading it with ConvertFrom-Json."
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
