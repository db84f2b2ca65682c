function ConvertTo-HttpApiSource {
    <#
    .SYNOPSIS
    Builds the request's source param from a cmdlet's source parameters (-Snapshot, -ConfigPath, -IisExpress, -Solution, -NetshPath, -SslcertFile, -UrlaclFile, -CertsDir, -CcsDir).

    .DESCRIPTION
    Paths are resolved against the PowerShell location (not the worker's folder), so relative paths
    mean what they mean at the prompt. A source carried by a piped object (its HttpApiSource
    property) is the base; the cmdlet's own parameters override it field by field. Returns $null
    when nothing is set: the worker's default (the live machine on Windows) applies.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        # The calling cmdlet, to resolve paths against its location.
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        # The cmdlet's $PSBoundParameters.
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    $source = [ordered]@{}
    $snapshotGiven = $BoundParameters.ContainsKey('Snapshot') -and $BoundParameters['Snapshot']
    # A snapshot named on the command line replaces an inherited source rather than mixing with its files.
    if (-not $snapshotGiven -and $BoundParameters.ContainsKey('HttpApiSource') -and $BoundParameters['HttpApiSource']) {
        $inherited = $BoundParameters['HttpApiSource']
        foreach ($name in 'snapshot', 'configPath', 'iisExpress', 'solution', 'netshPath', 'sslcertFile', 'urlaclFile', 'certsDir', 'ccsDir') {
            if ($inherited -is [System.Collections.IDictionary]) {
                if ($inherited.Contains($name) -and $null -ne $inherited[$name]) {
                    $source[$name] = $inherited[$name]
                }
                continue
            }
            $property = $inherited.PSObject.Properties[$name]
            if ($property -and $null -ne $property.Value) {
                $source[$name] = $property.Value
            }
        }
    }
    if ($snapshotGiven) {
        $source['snapshot'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['Snapshot'])
    }
    if ($BoundParameters.ContainsKey('ConfigPath') -and $BoundParameters['ConfigPath']) {
        $source['configPath'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['ConfigPath'])
    }
    if ($BoundParameters.ContainsKey('Solution') -and $BoundParameters['Solution']) {
        $source['solution'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['Solution'])
    }
    if ($BoundParameters.ContainsKey('SslcertFile') -and $BoundParameters['SslcertFile']) {
        $source['sslcertFile'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['SslcertFile'])
    }
    if ($BoundParameters.ContainsKey('UrlaclFile') -and $BoundParameters['UrlaclFile']) {
        $source['urlaclFile'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['UrlaclFile'])
    }
    if ($BoundParameters.ContainsKey('CertsDir') -and $BoundParameters['CertsDir']) {
        $source['certsDir'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['CertsDir'])
    }
    if ($BoundParameters.ContainsKey('CcsDir') -and $BoundParameters['CcsDir']) {
        $source['ccsDir'] = $Cmdlet.GetUnresolvedProviderPathFromPSPath([string] $BoundParameters['CcsDir'])
    }
    if ($BoundParameters.ContainsKey('IisExpress')) {
        $source['iisExpress'] = [bool] $BoundParameters['IisExpress']
        if (-not $source['iisExpress']) {
            $source.Remove('iisExpress')
        }
    }
    if ($BoundParameters.ContainsKey('NetshPath') -and $BoundParameters['NetshPath']) {
        $netsh = [string] $BoundParameters['NetshPath']
        # A bare command name (netsh.exe) is looked up on PATH by the worker; anything path-like is resolved here.
        if ($netsh -match '[\\/]' -or (Test-Path -LiteralPath $netsh -PathType Leaf)) {
            $netsh = $Cmdlet.GetUnresolvedProviderPathFromPSPath($netsh)
        }
        $source['netshPath'] = $netsh
    }
    if ($source.Count -eq 0) {
        return $null
    }
    $source
}
