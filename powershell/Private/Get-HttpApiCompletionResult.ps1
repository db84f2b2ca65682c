function Get-HttpApiCompletionResult {
    <#
    .SYNOPSIS
    Asks the worker for the values a parameter can take and returns them as tab-completion results.

    .DESCRIPTION
    The source comes from the source parameters already typed on the command line (-Snapshot,
    -ConfigPath, -IisExpress, -Solution, -NetshPath, -SslcertFile, -UrlaclFile, -CertsDir, -CcsDir), so
    completion offers what the command would read. Any
    failure (no source, no node, a worker error) yields no completions rather than an error in
    the middle of typing.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.CompletionResult])]
    param(
        # The method to ask (sites/list, certificates/list, sslcert/list, urlacl/list).
        [Parameter(Mandatory)]
        [string] $Method,

        # The method's params besides source.
        [System.Collections.IDictionary] $Params = @{},

        # The completer's $fakeBoundParameters.
        [System.Collections.IDictionary] $BoundParameters = @{},

        # The text typed so far.
        [AllowEmptyString()]
        [string] $WordToComplete = '',

        # The property of the result holding the list.
        [Parameter(Mandatory)]
        [string] $ListProperty,

        # Gives the completion value of one list entry ($_).
        [Parameter(Mandatory)]
        [scriptblock] $Value,

        # Gives the tooltip of one list entry ($_).
        [scriptblock] $ToolTip = { [string] $_ }
    )

    try {
        $request = [ordered]@{}
        foreach ($key in $Params.Keys) {
            $request[$key] = $Params[$key]
        }
        $source = [ordered]@{}
        $paths = $ExecutionContext.SessionState.Path
        foreach ($pair in @(@('Snapshot', 'snapshot'), @('ConfigPath', 'configPath'), @('Solution', 'solution'), @('NetshPath', 'netshPath'), @('SslcertFile', 'sslcertFile'), @('UrlaclFile', 'urlaclFile'), @('CertsDir', 'certsDir'), @('CcsDir', 'ccsDir'))) {
            if ($BoundParameters.Contains($pair[0]) -and $BoundParameters[$pair[0]]) {
                $source[$pair[1]] = $paths.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters[$pair[0]])
            }
        }
        if ($BoundParameters.Contains('IisExpress') -and $BoundParameters['IisExpress']) {
            $source['iisExpress'] = $true
        }
        if ($source.Count -gt 0) {
            $request['source'] = $source
        }
        $response = Invoke-HttpApiRequest -Method $Method -Params $request -Idempotent
        if (-not $response.PSObject.Properties['result']) {
            return
        }
        $typed = $WordToComplete.Trim("'", '"')
        foreach ($entry in @($response.result.$ListProperty)) {
            $text = [string] (ForEach-Object -InputObject $entry -Process $Value)
            if (-not $text -or -not $text.StartsWith($typed, [System.StringComparison]::OrdinalIgnoreCase)) {
                continue
            }
            $completion = $text
            if ($text -match "[\s'`"``$@(){};,&|<>#]") {
                $completion = "'" + $text.Replace("'", "''") + "'"
            }
            $tip = [string] (ForEach-Object -InputObject $entry -Process $ToolTip)
            if (-not $tip) {
                $tip = $text
            }
            New-Object -TypeName System.Management.Automation.CompletionResult -ArgumentList $completion, $text, 'ParameterValue', $tip
        }
    }
    catch [System.Management.Automation.PipelineStoppedException] {
        throw
    }
    catch {
        Write-Verbose -Message "No completions from $($Method): $($_.Exception.Message)"
    }
}
