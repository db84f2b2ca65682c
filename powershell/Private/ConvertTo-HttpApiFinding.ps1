function ConvertTo-HttpApiFinding {
    <#
    .SYNOPSIS
    Types findings from the worker as HttpApi.Finding, in place, and returns them.

    .DESCRIPTION
    The worker names a finding's certificate by its id, store:thumbprint, the key of the answer's
    certificates list; a finding's Certificate shows the thumbprint, as Cert:\LocalMachine\<store>
    paths and certmgr do.
    #>
    [CmdletBinding()]
    param(
        # Findings parsed from the worker's JSON.
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $InputObject,

        # The request's source; added as HttpApiSource when set (findings a cmdlet returns itself).
        [System.Collections.IDictionary] $Source
    )

    $sourceObject = $null
    if ($Source -and $Source.Count -gt 0) {
        $sourceObject = New-Object -TypeName PSObject -Property $Source
        $sourceObject.PSObject.TypeNames.Insert(0, 'HttpApi.Source')
    }

    foreach ($finding in $InputObject) {
        $finding.PSObject.TypeNames.Insert(0, 'HttpApi.Finding')
        $certificate = $finding.PSObject.Properties['Certificate']
        if ($certificate -and $certificate.Value -is [string]) {
            $certificate.Value = $certificate.Value.Substring($certificate.Value.LastIndexOf(':') + 1)
        }
        # The worker's words (methods, CLI commands) become the module's cmdlets and -Parameters.
        foreach ($name in 'Fix', 'Message') {
            $property = $finding.PSObject.Properties[$name]
            if ($property -and $property.Value -is [string]) {
                $property.Value = ConvertTo-HttpApiCallerWord -Text $property.Value
            }
        }
        if ($sourceObject) {
            $finding.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('HttpApiSource', $sourceObject))
        }
        $finding
    }
}
